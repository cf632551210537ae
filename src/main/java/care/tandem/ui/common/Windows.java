package care.tandem.ui.common;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes every Tandem window the same way: title "Tandem — …" (never patient data), the stylesheet, the
 * DEMO band on a demo folder, and a cover layer the idle lock raises over every open window at once,
 * so nothing shows while locked and nothing typed is lost.
 */
public final class Windows {
    public static final String STYLESHEET = "/care/tandem/ui/tandem.css";

    private final ResourceBundle bundle;
    private final boolean demo;
    private final List<StackPane> layers = new ArrayList<>();
    private final Map<StackPane, Node> focusBeforeCover = new HashMap<>();
    private final Function<Window, Parent> coverFactory;
    private final List<Consumer<Scene>> sceneHooks = new ArrayList<>();
    private boolean covered;

    /** @param coverFactory makes the node that hides a window while the app is locked */
    public Windows(ResourceBundle bundle, boolean demo, Function<Window, Parent> coverFactory) {
        this.bundle = bundle;
        this.demo = demo;
        this.coverFactory = coverFactory;
    }

    /** "Tandem — " and the text of {@code titleKey}. */
    public String title(String titleKey) {
        return Alerts.TITLE_PREFIX + bundle.getString(titleKey);
    }

    /**
     * Runs {@code hook} on every scene made from now on (the shell uses it for the idle timer's input
     * watch and the lock shortcut, so every window takes part).
     */
    public void addSceneHook(Consumer<Scene> hook) {
        sceneHooks.add(hook);
    }

    /** A scene for {@code content} with the stylesheet, the DEMO band and a lock cover layer. */
    public Scene scene(Parent content, double width, double height) {
        // The band sits outside the lock layer, so even a locked window still says DEMO.
        StackPane layer = new StackPane(content);
        BorderPane framed = new BorderPane(layer);
        framed.getStyleClass().add("window-frame");
        if (demo) {
            framed.setTop(demoBand());
        }
        Scene scene = new Scene(framed, width, height);
        scene.getStylesheets().add(STYLESHEET);
        track(layer, scene);
        sceneHooks.forEach(h -> h.accept(scene));
        return scene;
    }

    /** A new window owned by {@code owner}, modal to it, titled from {@code titleKey}. */
    public Stage newStage(Window owner, String titleKey, Parent content, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title(titleKey));
        stage.setScene(scene(content, width, height));
        return stage;
    }

    /** Covers (or uncovers) every open Tandem window; while covered, nothing under the cover takes input. */
    public void cover(boolean cover) {
        if (cover == covered) {
            return;
        }
        covered = cover;
        if (cover) {
            closeAlerts();
        }
        for (StackPane layer : List.copyOf(layers)) {
            if (cover) {
                addCover(layer);
            } else {
                removeCover(layer);
            }
        }
    }

    // An alert is not built here and cannot carry a cover; it may name a family (a merge question), and
    // a modal one would block the password field. Closing it answers a question "No", the safe answer.
    private static void closeAlerts() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane) {
                w.hide();
            }
        }
    }

    /**
     * Closes every open window made here (sign-out) without asking them: whoever asked for this has
     * already agreed to lose what they hold. Owned windows close before their owner, because hiding an
     * owner sends the windows it owns a close request, and a window with unsaved work answers that with
     * a question, over content that may be no one's business at a locked laptop.
     */
    public void closeAll() {
        List<Window> open = new ArrayList<>(openWindows());
        while (!open.isEmpty()) {
            Window next = open.stream().filter(w -> open.stream().noneMatch(o -> ownerOf(o) == w)).findFirst()
                    .orElse(open.get(0));
            open.remove(next);
            next.hide();
        }
    }

    private static Window ownerOf(Window w) {
        return w instanceof Stage stage ? stage.getOwner() : null;
    }

    /** The windows made here that are open now. */
    public List<Window> openWindows() {
        List<Window> open = new ArrayList<>();
        for (StackPane layer : layers) {
            Window w = layer.getScene() == null ? null : layer.getScene().getWindow();
            if (w != null && w.isShowing()) {
                open.add(w);
            }
        }
        return open;
    }

    // A layer counts while its window is showing: a closed dialog is forgotten, a re-shown one covered.
    private void track(StackPane layer, Scene scene) {
        layers.add(layer);
        EventHandler<WindowEvent> hidden = e -> layers.remove(layer);
        EventHandler<WindowEvent> showing = e -> {
            if (!layers.contains(layer)) {
                layers.add(layer);
                if (covered) {
                    addCover(layer);
                }
            }
        };
        scene.windowProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventHandler(WindowEvent.WINDOW_HIDDEN, hidden);
                old.removeEventHandler(WindowEvent.WINDOW_SHOWING, showing);
                layers.remove(layer);
            }
            if (now != null) {
                now.addEventHandler(WindowEvent.WINDOW_HIDDEN, hidden);
                now.addEventHandler(WindowEvent.WINDOW_SHOWING, showing);
                showing.handle(null);
            }
        });
        if (covered) {
            addCover(layer);
        }
    }

    private void addCover(StackPane layer) {
        if (layer.getChildren().size() > 1) {
            return;
        }
        Node content = layer.getChildren().get(0);
        Scene scene = layer.getScene();
        if (scene != null && scene.getFocusOwner() != null) {
            focusBeforeCover.put(layer, scene.getFocusOwner());
        }
        // Disabled, the hidden controls can be neither tabbed to nor typed into; their values stay.
        content.setDisable(true);
        Window w = scene == null ? null : scene.getWindow();
        Parent coverNode = coverFactory.apply(w);
        if (!coverNode.getStyleClass().contains("lock-layer")) {
            coverNode.getStyleClass().add("lock-layer");
        }
        layer.getChildren().add(coverNode);
    }

    private void removeCover(StackPane layer) {
        if (layer.getChildren().size() > 1) {
            layer.getChildren().remove(1, layer.getChildren().size());
        }
        layer.getChildren().get(0).setDisable(false);
        Node focus = focusBeforeCover.remove(layer);
        if (focus != null && focus.getScene() == layer.getScene()) {
            focus.requestFocus();
        }
    }

    private Label demoBand() {
        Label band = new Label(bundle.getString("demo.band"));
        band.getStyleClass().add("demo-band");
        band.setMaxWidth(Double.MAX_VALUE);
        band.setId("demoBand");
        return band;
    }
}
