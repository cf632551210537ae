package care.tandem.ui.screening;

import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertAction;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.screening.AlertDialogViewModel.Shown;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The urgent-alert dialog of UX.md: names the item and the answer, lists the actions, records the choice with who
 * and when, and cannot be closed any other way. Alerts are shown one after another.
 *
 * <p>It is an ordinary Tandem window (not a {@code DialogPane} alert), so the idle lock covers it with the password
 * page instead of closing it, and it is still there, in front of its owner, after unlock.
 */
public final class AlertDialogs {
    /** Alerts in a dialog now, so a second trigger (unlock, opening the family) does not show them twice. */
    private static final Set<UUID> SHOWING = new HashSet<>();

    private AlertDialogs() {
    }

    /**
     * Shows each open alert in turn (oldest first) until every one is acted on.
     *
     * @param after run on the FX thread once none of them is open any more
     */
    public static void showAll(UiContext ui, Window owner, List<Alert> alerts, Runnable after) {
        showAll(ui, owner, alerts, false, after);
    }

    /**
     * As {@link #showAll(UiContext, Window, List, Runnable)}; {@code nameFamily}: each alert names its family (the
     * alerts of every family, after sign-in or from the worklist).
     *
     * @return the dialog's window, or null when there was nothing new to show
     */
    public static Stage showAll(UiContext ui, Window owner, List<Alert> alerts, boolean nameFamily, Runnable after) {
        List<Alert> fresh = alerts.stream().filter(Alert::open).filter(a -> !SHOWING.contains(a.id())).toList();
        if (fresh.isEmpty()) {
            after.run();
            return null;
        }
        fresh.forEach(a -> SHOWING.add(a.id()));
        ScreeningWords words = new ScreeningWords(ui.texts(), ZoneId.systemDefault());
        Stage[] stage = new Stage[1];
        AlertDialogViewModel vm = new AlertDialogViewModel(ui.app().screening(), ui.app().families(), ui.runner(),
                ui.dialogs(), words, fresh, nameFamily, () -> {
                    if (stage[0] != null) {
                        stage[0].hide();
                    }
                    after.run();
                });
        stage[0] = ui.windows().newStage(owner, "alert.title", page(ui, vm), 640, 640);
        Stage dialog = stage[0];
        dialog.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> fresh.forEach(a -> SHOWING.remove(a.id())));
        dialog.setOnCloseRequest(e -> {
            e.consume();
            vm.refuseClose();
        });
        dialog.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                vm.refuseClose();
            }
        });
        dialog.show();
        vm.load();
        return dialog;
    }

    /** The alert's details and actions, scrolling if need be, above the message and Record, which always show. */
    private static BorderPane page(UiContext ui, AlertDialogViewModel vm) {
        Label heading = label("alertHeading");
        heading.getStyleClass().addAll("title-3", "alert-heading");
        Label progress = label("alertProgress");
        progress.getStyleClass().add("screening-muted");
        Label family = label("alertFamily");
        family.getStyleClass().add("alert-family");
        Label caregiver = label("alertCaregiver");
        Label item = label("alertItem");
        item.getStyleClass().add("alert-item");
        Label answer = label("alertAnswer");
        answer.getStyleClass().add("alert-answer");
        Label raised = label("alertRaised");
        raised.getStyleClass().add("screening-muted");
        Label choose = new Label(ui.texts().get("alert.choose"));
        choose.setWrapText(true);
        choose.getStyleClass().add("section-heading");

        ToggleGroup group = new ToggleGroup();
        VBox actions = new VBox(6);
        actions.getStyleClass().add("alert-actions");
        for (AlertAction a : AlertAction.values()) {
            RadioButton r = new RadioButton(ui.texts().get("alert.action." + a.name()));
            r.setId("alertAction_" + a.name());
            r.setUserData(a);
            r.setToggleGroup(group);
            r.getStyleClass().add("alert-action");
            r.setWrapText(true);
            actions.getChildren().add(r);
        }
        // Keyboard: arrows or Space choose an action, Enter records it (a focused radio would otherwise swallow Enter).
        actions.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                vm.record();
            }
        });
        group.selectedToggleProperty().addListener((obs, old, now) ->
                vm.actionProperty().set(now == null ? null : (AlertAction) now.getUserData()));
        vm.actionProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(null);
            }
        });
        Label reasonLabel = new Label(ui.texts().get("alert.reason"));
        TextArea reason = new TextArea();
        reason.setId("alertReason");
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        reason.setAccessibleText(ui.texts().get("alert.reason"));
        reasonLabel.setLabelFor(reason);
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        VBox reasonBox = new VBox(4, reasonLabel, reason);
        reasonBox.visibleProperty().bind(vm.actionProperty().isEqualTo(AlertAction.COULD_NOT_COMPLETE));
        reasonBox.managedProperty().bind(reasonBox.visibleProperty());
        Label message = label("alertMessage");
        message.getStyleClass().add("form-error");
        message.textProperty().bind(vm.messageProperty());
        Button record = new Button(ui.texts().get("alert.record"));
        record.setId("alertRecord");
        record.getStyleClass().addAll("accent", "alert-record");
        record.setDefaultButton(true);
        record.disableProperty().bind(vm.busyProperty());
        record.setOnAction(e -> vm.record());
        HBox buttons = new HBox(record);
        buttons.getStyleClass().add("button-row");

        vm.currentProperty().addListener((obs, old, now) -> {
            show(heading, now == null ? "" : now.heading());
            show(progress, now == null ? "" : now.progress());
            show(family, now == null ? "" : now.family());
            show(caregiver, now == null ? "" : now.caregiver());
            show(item, now == null ? "" : now.item());
            show(answer, now == null ? "" : now.answer());
            show(raised, now == null ? "" : now.raisedAt());
            if (now != null && !actions.getChildren().isEmpty()) {
                actions.getChildren().get(0).requestFocus();
            }
        });
        Shown now = vm.current();
        show(heading, now == null ? ui.texts().get("alert.title") : now.heading());
        VBox details = new VBox(10, heading, progress, family, caregiver, item, answer, raised, choose, actions,
                reasonBox);
        details.setPadding(new Insets(24, 24, 12, 24));
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        VBox foot = new VBox(8, message, buttons);
        foot.setPadding(new Insets(12, 24, 20, 24));
        BorderPane page = new BorderPane(scroll, null, null, foot, null);
        page.getStyleClass().addAll("alert-dialog", "help-page");
        page.setId("alertDialog");
        return page;
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static void show(Label label, String text) {
        label.setText(text);
        label.setVisible(text != null && !text.isEmpty());
    }
}
