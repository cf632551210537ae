package care.tandem.ui.sync;

import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The conflicts screen: the open conflicts on the left; on the right the chosen one with both values, who wrote each
 * and when, and the choice (keep, use the other, or type the right value). A conflict about a whole record (a note
 * signed on one laptop while edited on another) is marked as checked. Resolved conflicts stay in the history.
 */
public final class ConflictsWindow {
    private final ConflictsViewModel vm;
    private final Stage stage;

    private ConflictsWindow(UiContext ui, Window owner, Runnable onClose) {
        Texts t = ui.texts();
        vm = new ConflictsViewModel(ui.app().sync(), ui.runner(), t, ui.app().clock().getZone());

        Label intro = new Label(t.get("conflicts.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        CheckBox resolved = new CheckBox(t.get("conflicts.showResolved"));
        resolved.setId("conflictsShowResolved");
        resolved.selectedProperty().bindBidirectional(vm.showResolved());

        ListView<ConflictsViewModel.Row> list = new ListView<>(vm.rows());
        list.setId("conflictsList");
        list.setPrefWidth(300);
        list.setPlaceholder(new Label(t.get("conflicts.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(ConflictsViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null
                        : r.title() + (r.conflict().open() ? "" : "\n" + t.get("conflicts.resolvedShort")));
                // An empty row is one line high, not the height a wrapped label would ask for.
                setPrefHeight(empty || r == null ? 28 : Region.USE_COMPUTED_SIZE);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selected().set(now);
            }
        });
        vm.selected().addListener((o, was, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });

        Label title = new Label();
        title.setId("conflictTitle");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label kept = wrapped("conflictKept");
        Label keptBy = wrapped("conflictKeptBy");
        keptBy.getStyleClass().add("text-muted");
        Label other = wrapped("conflictOther");
        Label otherBy = wrapped("conflictOtherBy");
        otherBy.getStyleClass().add("text-muted");
        Label wholeNote = wrapped("conflictWholeRecord");
        wholeNote.setText(t.get("conflicts.wholeRecord"));
        Label history = wrapped("conflictResolved");

        ToggleGroup group = new ToggleGroup();
        RadioButton keep = new RadioButton();
        keep.setId("conflictKeep");
        keep.setToggleGroup(group);
        keep.setUserData(ConflictsViewModel.Choice.KEEP);
        RadioButton use = new RadioButton();
        use.setId("conflictUseOther");
        use.setToggleGroup(group);
        use.setUserData(ConflictsViewModel.Choice.OTHER);
        RadioButton type = new RadioButton(t.get("conflicts.type"));
        type.setId("conflictType");
        type.setToggleGroup(group);
        type.setUserData(ConflictsViewModel.Choice.TYPED);
        TextField typed = new TextField();
        typed.setId("conflictTyped");
        typed.textProperty().bindBidirectional(vm.typed());
        typed.disableProperty().bind(type.selectedProperty().not());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.choice().set((ConflictsViewModel.Choice) now.getUserData());
            }
        });
        vm.choice().addListener((o, was, now) -> group.getToggles().stream()
                .filter(x -> x.getUserData() == now).findFirst().ifPresent(group::selectToggle));
        Label chooseLabel = new Label(t.get("conflicts.choose"));
        VBox choices = new VBox(6, chooseLabel, keep, use, type, typed);

        Button resolve = new Button(t.get("conflicts.resolve"));
        resolve.setId("conflictResolve");
        resolve.setDefaultButton(true);
        Label error = wrapped("conflictError");
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.error());

        VBox detail = new VBox(8, title, kept, keptBy, other, otherBy, wholeNote, choices, history, resolve, error);
        detail.setPadding(new Insets(0, 0, 0, 14));
        HBox.setHgrow(detail, Priority.ALWAYS);

        vm.selected().addListener((o, was, r) -> {
            boolean has = r != null;
            detail.setVisible(has);
            if (!has) {
                return;
            }
            title.setText(r.title());
            kept.setText(t.get("conflicts.kept", r.kept()));
            keptBy.setText(r.keptBy());
            other.setText(t.get("conflicts.other", r.other()));
            otherBy.setText(r.otherBy());
            keep.setText(t.get("conflicts.keep", r.kept()));
            use.setText(t.get("conflicts.use", r.other()));
            boolean open = r.conflict().open();
            choices.setVisible(open && r.choosable());
            choices.setManaged(open && r.choosable());
            wholeNote.setVisible(!r.choosable());
            wholeNote.setManaged(!r.choosable());
            resolve.setText(r.choosable() ? t.get("conflicts.resolve") : t.get("conflicts.acknowledge"));
            resolve.setVisible(open);
            resolve.setManaged(open);
            history.setText(r.resolved());
            history.setVisible(!open);
            history.setManaged(!open);
            group.selectToggle(keep);
        });
        detail.setVisible(false);

        HBox body = new HBox(list, detail);
        VBox.setVgrow(body, Priority.ALWAYS);
        Button close = new Button(t.get("sync.close"));
        close.setId("conflictsClose");
        close.setCancelButton(true);
        HBox bottom = new HBox(close);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        VBox top = new VBox(8, intro, resolved);
        BorderPane root = new BorderPane(body);
        root.setTop(top);
        root.setBottom(bottom);
        BorderPane.setMargin(top, new Insets(0, 0, 10, 0));
        BorderPane.setMargin(bottom, new Insets(10, 0, 0, 0));
        root.setPadding(new Insets(16));
        stage = ui.windows().newStage(owner, "conflicts.title", root, 860, 560);
        resolve.setOnAction(e -> vm.resolve());
        close.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> onClose.run());
        Bindings.size(vm.rows()).addListener((o, was, now) -> {
            if (now.intValue() == 0) {
                detail.setVisible(false);
            }
        });
        vm.load();
    }

    private static Label wrapped(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Opens the conflicts screen over {@code owner}; {@code onClose} runs when it closes. */
    public static ConflictsWindow show(UiContext ui, Window owner, Runnable onClose) {
        ConflictsWindow w = new ConflictsWindow(ui, owner, onClose);
        w.stage.show();
        return w;
    }

    public ConflictsViewModel model() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }
}
