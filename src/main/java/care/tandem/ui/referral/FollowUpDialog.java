package care.tandem.ui.referral;

import care.tandem.domain.family.Family;
import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Referral;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.Forms;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.family.DateInput;
import care.tandem.ui.family.FamilyFormat;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * "Record a follow-up": the caregivers' safe-contact preferences on top, then what came of the contact as a numbered
 * list (a digit picks it), an optional note and the next follow-up date already filled in; Enter saves.
 */
final class FollowUpDialog {
    private final FollowUpDialogViewModel vm;
    private final Stage stage;
    private final ListView<ContactOutcome> outcomes;

    private FollowUpDialog(UiContext ui, Window owner, Referral r, Family f, LocalDate today,
                           Consumer<Referral> onSaved) {
        Texts t = ui.texts();
        ReferralWords words = new ReferralWords(t);
        FamilyFormat format = new FamilyFormat(t, ui.app().clock());
        vm = new FollowUpDialogViewModel(ui.app().referrals(), ui.runner(), ui.dialogs(), words, r, today);

        Label heading = new Label(words.title(r));
        heading.setId("followUpHeading");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        heading.getStyleClass().add("title-4");
        Label who = new Label(ReferralWorklistViewModel.forWhom(t, format, f, r.subjectId()));
        who.setWrapText(true);
        who.getStyleClass().add("referral-muted");
        Label due = new Label(words.followUp(r, today));
        due.setId("followUpDue");
        due.getStyleClass().addAll("referral-badge", r.overdue(today) ? ReferralWorklistViewModel.OVERDUE_STYLE
                : today.equals(r.followUpDate()) ? ReferralWorklistViewModel.TODAY_STYLE
                : ReferralWorklistViewModel.LATER_STYLE);
        HBox whoLine = new HBox(10, who, due);
        whoLine.setAlignment(Pos.CENTER_LEFT);
        Node contacts = ReferralDetailsView.contactBox(t, ReferralDetailsViewModel.contactLines(t, format, f, r),
                ReferralDetailsViewModel.protectiveOrder(f));

        Label outcomeLabel = new Label(t.get("referral.followup.dialog.outcome"));
        outcomeLabel.getStyleClass().add("referral-dialog-label");
        outcomes = new ListView<>();
        outcomes.getItems().setAll(vm.outcomes());
        outcomes.setId("followUpOutcomes");
        outcomes.getStyleClass().add("referral-outcomes");
        outcomes.setAccessibleText(t.get("referral.followup.dialog.outcome"));
        outcomes.setFixedCellSize(36);
        outcomes.setPrefHeight(36 * vm.outcomes().size() + 4);
        outcomes.setMinHeight(Region.USE_PREF_SIZE);
        outcomes.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ContactOutcome item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                int digit = item.ordinal() + 1;
                Label cap = new Label(String.valueOf(digit));
                cap.getStyleClass().add("key-cap");
                Label text = new Label(words.contact(item));
                HBox box = new HBox(10, cap, text);
                box.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(box);
                setAccessibleText(digit + ": " + words.contact(item));
            }
        });
        outcomes.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.outcome().set(now));
        vm.outcome().addListener((obs, old, now) -> {
            if (now != null && outcomes.getSelectionModel().getSelectedItem() != now) {
                outcomes.getSelectionModel().select(now);
                outcomes.scrollTo(now);
            }
        });
        outcomeLabel.setLabelFor(outcomes);
        VBox outcomeField = new VBox(6, outcomeLabel, outcomes);

        Label noteLabel = new Label(t.get("referral.followup.dialog.note"));
        noteLabel.getStyleClass().add("referral-dialog-label");
        TextField note = new TextField();
        note.setId("followUpNote");
        note.setPromptText(t.get("referral.followup.dialog.notePrompt"));
        note.textProperty().bindBidirectional(vm.note());
        VBox noteField = new VBox(6, noteLabel, note);
        noteField.getStyleClass().add("form-field");

        Label dateLabel = new Label(t.get("referral.followup.dialog.date"));
        dateLabel.getStyleClass().add("referral-dialog-label");
        DatePicker date = datePicker(vm.dateText(), t.get("referral.followup.dialog.date"));
        date.setId("followUpDate");
        VBox dateField = new VBox(6, dateLabel, withHint(date, vm.dateHint()));
        dateField.getStyleClass().add("form-field");

        Label message = new Label();
        message.setId("followUpMessage");
        message.setWrapText(true);
        message.getStyleClass().add("referral-problem");
        message.textProperty().bind(vm.message());
        Forms.collapseWhenEmpty(message);

        VBox form = new VBox(14, heading, whoLine, contacts, outcomeField, noteField, dateField, message);
        form.setPadding(new Insets(20));
        form.getStyleClass().add("referral-dialog-form");
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("referral-dialog-scroll");

        Button cancel = new Button(t.get("referral.followup.dialog.cancel"));
        cancel.setId("followUpCancel");
        cancel.setCancelButton(true);
        Button save = new Button(t.get("referral.followup.dialog.save"));
        save.setId("followUpSave");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busy());
        Label keys = new Label(t.get("referral.followup.dialog.keys"));
        keys.getStyleClass().add("referral-muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, keys, gap, cancel, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("referral-dialog-buttons");

        BorderPane root = new BorderPane(scroll);
        root.setBottom(buttons);
        root.getStyleClass().add("referral-dialog");
        root.getStylesheets().add(ReferralDetailsView.STYLESHEET);
        stage = ui.windows().newStage(owner, "referral.followup.dialog.title", root, 580, 680);
        cancel.setOnAction(e -> stage.close());
        save.setOnAction(e -> save(onSaved));
        // A digit picks the outcome and Enter saves, wherever the focus is but in the note or the date.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            Node focus = stage.getScene().getFocusOwner();
            boolean typing = focus instanceof TextInputControl || focus instanceof DatePicker;
            int digit = digit(e.getCode());
            if (digit > 0 && !typing) {
                if (vm.pick(digit)) {
                    e.consume();
                }
            } else if (e.getCode() == KeyCode.ENTER && !(focus instanceof Button)) {
                e.consume();
                save(onSaved);
            }
        });
    }

    private void save(Consumer<Referral> onSaved) {
        vm.save(saved -> {
            stage.close();
            onSaved.accept(saved);
        });
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char last = name.charAt(name.length() - 1);
            return Character.isDigit(last) ? last - '0' : -1;
        }
        return -1;
    }

    /** A date field that reads MM/DD/YYYY as typed, with the calendar beside it, bound to {@code text}. */
    static DatePicker datePicker(javafx.beans.property.StringProperty text, String accessible) {
        DatePicker picker = new DatePicker();
        picker.setEditable(true);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DateInput.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return DateInput.parse(s).orElse(null);
            }
        });
        DateInput.parse(text.get()).ifPresent(picker::setValue);
        picker.getEditor().setText(text.get());
        picker.getEditor().textProperty().bindBidirectional(text);
        picker.valueProperty().addListener((obs, old, d) -> {
            if (d != null && !DateInput.format(d).equals(text.get())) {
                text.set(DateInput.format(d));
            }
        });
        picker.setAccessibleText(accessible);
        picker.getEditor().setAccessibleText(accessible);
        picker.setPrefWidth(170);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        return picker;
    }

    /** The date field with the urgency's default said beside it. */
    static HBox withHint(DatePicker date, String hint) {
        Label words = new Label(hint);
        words.getStyleClass().add("referral-muted");
        HBox row = new HBox(10, date, words);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Opens the dialog with the keyboard on the outcomes; {@code onSaved} runs after the contact was recorded. */
    static void show(UiContext ui, Window owner, Referral r, Family f, LocalDate today,
                     Consumer<Referral> onSaved) {
        FollowUpDialog d = new FollowUpDialog(ui, owner, r, f, today, onSaved);
        d.stage.show();
        d.outcomes.requestFocus();
    }
}
