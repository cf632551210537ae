package care.tandem.ui.referral;

import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Referral;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.Forms;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.referral.StatusDialogViewModel.Mode;
import care.tandem.ui.referral.StatusDialogViewModel.Option;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * "Change status": only the statuses that may follow the current one, those that keep it open apart from those that
 * close it; "Referred elsewhere" with the new destination; a reason (said to be needed before saving where it is),
 * a note, the next follow-up date for an open status. In "try again" mode: the destination of a new, linked referral.
 */
final class StatusDialog {
    private final StatusDialogViewModel vm;
    private final Stage stage;
    private Node firstFocus;

    private StatusDialog(UiContext ui, Window owner, Referral r, LocalDate today, Mode mode,
                         Consumer<Referral> onSaved) {
        Texts t = ui.texts();
        ReferralWords words = new ReferralWords(t);
        vm = new StatusDialogViewModel(ui.app().referrals(), ui.runner(), ui.dialogs(), words, r, today, mode);

        Label heading = new Label(words.title(r));
        heading.setId("statusHeading");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        heading.getStyleClass().add("title-4");
        Label now = new Label(t.get("referral.status.dialog.now", words.status(r.status())));
        now.setId("statusNow");
        now.getStyleClass().add("referral-muted");
        VBox form = new VBox(14, heading, now);

        if (mode == Mode.CHANGE) {
            form.getChildren().add(statusChoices(t));
        } else {
            Label explain = new Label(t.get("referral.status.dialog.tryAgain.explain"));
            explain.setWrapText(true);
            explain.setMinHeight(Region.USE_PREF_SIZE);
            form.getChildren().add(explain);
        }

        ComboBox<Destination> destination = new ComboBox<>(vm.destinations());
        destination.setId("statusDestination");
        destination.setMaxWidth(Double.MAX_VALUE);
        destination.setConverter(NewReferralDialog.converter(vm::destinationLabel));
        destination.valueProperty().bindBidirectional(vm.destination());
        destination.setPromptText(t.get("referral.status.dialog.destinationPrompt"));
        CheckBox send = new CheckBox(t.get("referral.status.dialog.send"));
        send.setId("statusSend");
        send.selectedProperty().bindBidirectional(vm.send());
        send.setWrapText(true);
        VBox destinationField = field(t, "referral.status.dialog.destination", destination, vm.destinationShown());
        destinationField.getChildren().add(send);
        form.getChildren().add(destinationField);

        Label hint = new Label();
        hint.setId("statusReasonHint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("referral-hint");
        hint.textProperty().bind(vm.reasonHint());
        Forms.collapseWhenEmpty(hint);
        TextField reason = new TextField();
        reason.setId("statusReason");
        reason.textProperty().bindBidirectional(vm.reason());
        reason.promptTextProperty().bind(Bindings.when(vm.reasonNeeded())
                .then(t.get("referral.status.dialog.reasonPromptNeeded"))
                .otherwise(t.get("referral.status.dialog.reasonPromptOptional")));
        VBox reasonField = field(t, "referral.status.dialog.reason", reason, new SimpleBooleanProperty(mode == Mode.CHANGE));
        reasonField.getChildren().add(1, hint);
        form.getChildren().add(reasonField);

        TextField note = new TextField();
        note.setId("statusNote");
        note.setPromptText(t.get("referral.status.dialog.notePrompt"));
        note.textProperty().bindBidirectional(vm.note());
        form.getChildren().add(field(t, "referral.status.dialog.note", note, vm.noteShown()));

        DatePicker date = FollowUpDialog.datePicker(vm.dateText(), t.get("referral.status.dialog.date"));
        date.setId("statusDate");
        VBox dateField = field(t, "referral.status.dialog.date", FollowUpDialog.withHint(date, vm.dateHint()),
                vm.dateShown());
        ((Label) dateField.getChildren().get(0)).setLabelFor(date);
        form.getChildren().add(dateField);

        Label message = new Label();
        message.setId("statusMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("referral-problem");
        message.textProperty().bind(vm.message());
        Forms.collapseWhenEmpty(message);
        form.getChildren().add(message);
        form.setPadding(new Insets(20));
        form.getStyleClass().add("referral-dialog-form");
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("referral-dialog-scroll");

        Button cancel = new Button(t.get("referral.status.dialog.cancel"));
        cancel.setId("statusCancel");
        cancel.setCancelButton(true);
        Button save = new Button(t.get(mode == Mode.CHANGE ? "referral.status.dialog.save"
                : "referral.status.dialog.tryAgain.save"));
        save.setId("statusSave");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busy());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("referral-dialog-buttons");

        BorderPane root = new BorderPane(scroll);
        root.setBottom(buttons);
        root.getStyleClass().add("referral-dialog");
        root.getStylesheets().add(ReferralDetailsView.STYLESHEET);
        stage = ui.windows().newStage(owner, mode == Mode.CHANGE ? "referral.status.dialog.title"
                : "referral.status.dialog.tryAgain.title", root, 620, mode == Mode.CHANGE ? 700 : 360);
        cancel.setOnAction(e -> stage.close());
        save.setOnAction(e -> vm.save(saved -> {
            stage.close();
            onSaved.accept(saved);
        }));
        if (firstFocus == null) {
            firstFocus = destination;
        }
    }

    private Node statusChoices(Texts t) {
        ToggleGroup group = new ToggleGroup();
        VBox open = new VBox(6);
        VBox closing = new VBox(6);
        for (Option o : vm.options()) {
            RadioButton b = new RadioButton(o.label());
            b.setId(o.elsewhere() ? "statusElsewhere" : "status_" + o.status().name());
            b.setUserData(o);
            b.setToggleGroup(group);
            b.setWrapText(true);
            b.setMinHeight(Region.USE_PREF_SIZE);
            (o.status().closed() ? closing : open).getChildren().add(b);
            if (firstFocus == null) {
                firstFocus = b;
            }
        }
        group.selectedToggleProperty().addListener((obs, old, now) ->
                vm.chosen().set(now == null ? null : (Option) now.getUserData()));
        vm.chosen().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(x -> x.getUserData() == now).findFirst().ifPresent(x -> {
                    group.selectToggle(x);
                    firstFocus = (Node) x;
                }));
        Label label = new Label(t.get("referral.status.dialog.choose"));
        label.getStyleClass().add("referral-dialog-label");
        HBox columns = new HBox(24);
        if (!open.getChildren().isEmpty()) {
            Label openHeading = new Label(t.get("referral.status.dialog.open"));
            openHeading.getStyleClass().add("referral-muted");
            open.getChildren().add(0, openHeading);
            columns.getChildren().add(open);
        }
        if (!closing.getChildren().isEmpty()) {
            Label closingHeading = new Label(t.get("referral.status.dialog.closing"));
            closingHeading.getStyleClass().add("referral-muted");
            closing.getChildren().add(0, closingHeading);
            columns.getChildren().add(closing);
        }
        columns.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
        VBox box = new VBox(8, label, columns);
        box.setId("statusChoices");
        return box;
    }

    private static VBox field(Texts t, String labelKey, Node control, ObservableBooleanValue shown) {
        Label label = new Label(t.get(labelKey));
        label.getStyleClass().add("referral-dialog-label");
        label.setLabelFor(control);
        if (control instanceof javafx.scene.control.Control c && c.getAccessibleText() == null) {
            c.setAccessibleText(t.get(labelKey));
        }
        VBox box = new VBox(6, label, control);
        box.visibleProperty().bind(Bindings.createBooleanBinding(shown::get, shown));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * Opens the dialog; {@code onSaved} runs with the referral to show after the change (the new one after
     * "referred elsewhere" or "try again").
     *
     * @param elsewhere "referred elsewhere" chosen already (the Refer elsewhere button)
     */
    static void show(UiContext ui, Window owner, Referral r, LocalDate today, Mode mode, boolean elsewhere,
                     Consumer<Referral> onSaved) {
        StatusDialog d = new StatusDialog(ui, owner, r, today, mode, onSaved);
        if (elsewhere) {
            d.vm.chooseElsewhere();
        }
        d.stage.show();
        d.vm.loadDestinations();
        d.firstFocus.requestFocus();
    }
}
