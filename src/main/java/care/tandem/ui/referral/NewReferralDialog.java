package care.tandem.ui.referral;

import care.tandem.domain.family.Member;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.Urgency;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.family.DateInput;
import care.tandem.ui.family.TypedDateConverter;
import care.tandem.ui.referral.NewReferralViewModel.DestinationChoice;
import care.tandem.ui.referral.NewReferralViewModel.Fact;
import care.tandem.ui.referral.NewReferralViewModel.Pick;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.function.Function;

/**
 * The new-referral window, keyboard first: for whom, need, referral or warm hand-off, destination (with what to read
 * to the family), reason, urgency, follow-up date, consent; then Refer, Save as draft, or Family declined. Problems
 * are shown in the window above the buttons; what was typed stays.
 */
final class NewReferralDialog {
    static final String STYLESHEET = "/care/tandem/ui/referral/NewReferral.css";

    private final Texts t;
    private final NewReferralViewModel vm;
    private final Stage stage;
    private final ToggleGroup kinds = new ToggleGroup();
    private final ToggleGroup declineReasons = new ToggleGroup();

    private NewReferralDialog(UiContext ui, Window owner, NewReferralViewModel vm, Runnable onChanged) {
        this.t = ui.texts();
        this.vm = vm;
        GridPane form = new GridPane();
        form.getStyleClass().add("referral-form");
        form.setId("referralForm");
        int row = 0;
        row = add(form, row, "referral.new.subject", subject());
        row = add(form, row, "referral.new.need", need());
        row = add(form, row, "referral.new.kind", kind());
        row = add(form, row, "referral.new.destination", destination());
        row = add(form, row, "referral.new.reason", reason());
        row = add(form, row, "referral.new.urgency", urgency());
        row = add(form, row, "referral.new.followUp", followUp());
        form.add(consent(), 1, row++);
        form.add(privateNotice(), 0, row++, 2, 1);
        form.add(declineBox(onChanged), 0, row, 2, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints(240, 440, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);

        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("referral-scroll");

        Label message = new Label();
        message.setId("referralMessage");
        message.getStyleClass().add("referral-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(vm.message());
        message.visibleProperty().bind(vm.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Button declined = new Button(t.get("referral.new.declined"));
        declined.setId("declinedButton");
        declined.setMinWidth(Region.USE_PREF_SIZE);
        declined.disableProperty().bind(vm.loaded().not().or(vm.busy()));
        Button cancel = new Button(t.get("referral.new.cancel"));
        cancel.setId("cancelButton");
        cancel.setCancelButton(true);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        Button draft = new Button(t.get("referral.new.draft"));
        draft.setId("draftButton");
        draft.setMinWidth(Region.USE_PREF_SIZE);
        draft.disableProperty().bind(vm.loaded().not().or(vm.busy()).or(vm.warmHandoff()));
        Button refer = new Button(t.get("referral.new.refer"));
        refer.setId("referButton");
        // While the family-declined question is open, Enter records that answer and never sends a referral.
        refer.defaultButtonProperty().bind(vm.declining().not());
        refer.getStyleClass().add("accent");
        refer.setMinWidth(Region.USE_PREF_SIZE);
        refer.disableProperty().bind(vm.loaded().not().or(vm.busy()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(10, declined, grow, cancel, draft, refer);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bar = new VBox(8, message, buttons);
        bar.getStyleClass().add("referral-actions");

        BorderPane root = new BorderPane(scroll);
        root.setBottom(bar);
        root.getStyleClass().add("referral-window");
        root.getStylesheets().add(STYLESHEET);
        stage = ui.windows().newStage(owner, "referral.new.title", root, fit(760, true), fit(860, false));
        cancel.setOnAction(e -> stage.close());
        Runnable saved = () -> {
            stage.close();
            onChanged.run();
        };
        refer.setOnAction(e -> vm.refer(r -> saved.run()));
        draft.setOnAction(e -> vm.saveDraft(r -> saved.run()));
        declined.setOnAction(e -> {
            vm.startDecline();
            Node first = form.lookup("#declineReason0");
            if (first != null) {
                first.requestFocus();
            }
            // The box has just become visible: lay it out first, so the scroll reaches its real end.
            form.applyCss();
            form.layout();
            scroll.layout();
            scroll.setVvalue(scroll.getVmax());
        });
    }

    /** Opens the dialog and reads the directory; {@code onChanged} runs after a save, once it is closed. */
    static void show(UiContext ui, Window owner, NewReferralViewModel vm, Runnable onChanged) {
        NewReferralDialog d = new NewReferralDialog(ui, owner, vm, onChanged);
        d.stage.show();
        d.stage.getScene().lookup("#subjectChoice").requestFocus();
        vm.load();
    }

    // ---- the fields ----

    private Node subject() {
        ComboBox<Member> box = new ComboBox<>(vm.people());
        box.setId("subjectChoice");
        box.setConverter(converter(vm::personLabel));
        box.valueProperty().bindBidirectional(vm.subject());
        box.setMaxWidth(Double.MAX_VALUE);
        Label restricted = new Label(t.get("referral.new.restrictedNote"));
        restricted.setId("subjectRestricted");
        restricted.getStyleClass().add("referral-restricted");
        restricted.setWrapText(true);
        showWhen(restricted, vm.subjectRestricted());
        return field(box, restricted);
    }

    private Node need() {
        ComboBox<Need> box = new ComboBox<>(vm.needs());
        box.setId("needChoice");
        box.setConverter(converter(vm::needLabel));
        box.valueProperty().bindBidirectional(vm.need());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setVisibleRowCount(16);
        box.setPromptText(t.get("referral.new.need.prompt"));
        box.disableProperty().bind(vm.warmHandoff());
        return box;
    }

    private Node kind() {
        RadioButton community = new RadioButton(t.get("referral.new.kind.COMMUNITY"));
        community.setId("kindCOMMUNITY");
        community.setUserData(ReferralKind.COMMUNITY);
        community.setToggleGroup(kinds);
        RadioButton handoff = new RadioButton(t.get("referral.new.kind.WARM_HANDOFF"));
        handoff.setId("kindWARM_HANDOFF");
        handoff.setUserData(ReferralKind.WARM_HANDOFF);
        handoff.setToggleGroup(kinds);
        (vm.kind().get() == ReferralKind.WARM_HANDOFF ? handoff : community).setSelected(true);
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.kind().set((ReferralKind) now.getUserData());
            }
        });
        Label note = new Label(t.get("referral.new.kind.handoffNote"));
        note.setId("handoffNote");
        note.getStyleClass().add("referral-note");
        note.setWrapText(true);
        showWhen(note, vm.warmHandoff());
        VBox choices = new VBox(6, community, handoff);
        choices.setAccessibleText(t.get("referral.new.kind"));
        return new VBox(6, choices, note);
    }

    private Node destination() {
        ComboBox<DestinationChoice> box = new ComboBox<>(vm.destinations());
        box.setId("destinationChoice");
        box.setConverter(converter(vm::destinationLabel));
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DestinationChoice item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("referral-choice-special");
                setText(empty || item == null ? null : vm.destinationLabel(item));
                if (!empty && item != null && item.pick() != Pick.LISTED) {
                    getStyleClass().add("referral-choice-special");
                }
            }
        });
        box.valueProperty().bindBidirectional(vm.destination());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setVisibleRowCount(12);
        box.setPromptText(t.get("referral.new.destination.prompt"));
        box.disableProperty().bind(vm.warmHandoff());

        ComboBox<Destination> other = new ComboBox<>(vm.directory());
        other.setId("otherDestinationChoice");
        other.setConverter(converter(Destination::name));
        other.valueProperty().bindBidirectional(vm.otherDestination());
        other.setMaxWidth(Double.MAX_VALUE);
        other.setVisibleRowCount(14);
        other.setPromptText(t.get("referral.new.destination.otherPrompt"));
        other.setAccessibleText(t.get("referral.new.destination.otherPrompt"));
        showWhen(other, Bindings.createBooleanBinding(
                () -> vm.destination().get() != null && vm.destination().get().pick() == Pick.OTHER, vm.destination()));

        TextField name = new TextField();
        name.setId("destinationName");
        name.setPromptText(t.get("referral.new.destination.namePrompt"));
        name.setAccessibleText(t.get("referral.new.destination.namePrompt"));
        name.textProperty().bindBidirectional(vm.destinationName());
        showWhen(name, Bindings.createBooleanBinding(
                () -> vm.destination().get() != null && vm.destination().get().pick() == Pick.NOT_LISTED,
                vm.destination()));

        GridPane facts = new GridPane();
        facts.setId("destinationFacts");
        facts.getStyleClass().add("referral-facts");
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(label, value);
        Runnable fill = () -> {
            facts.getChildren().clear();
            ObservableList<Fact> all = vm.facts();
            for (int i = 0; i < all.size(); i++) {
                Label l = new Label(all.get(i).label());
                l.getStyleClass().add("referral-fact-label");
                Label v = new Label(all.get(i).value());
                v.setId("destinationFact" + i);
                v.getStyleClass().add("referral-fact-value");
                v.setWrapText(true);
                facts.addRow(i, l, v);
            }
        };
        vm.facts().addListener((ListChangeListener<Fact>) c -> fill.run());
        fill.run();
        showWhen(facts, Bindings.isNotEmpty(vm.facts()));
        return field(box, other, name, facts);
    }

    private Node reason() {
        TextField reason = new TextField();
        reason.setId("reasonField");
        reason.setPromptText(t.get("referral.new.reason.prompt"));
        reason.textProperty().bindBidirectional(vm.reason());
        reason.disableProperty().bind(vm.warmHandoff());
        return reason;
    }

    private Node urgency() {
        ComboBox<Urgency> box = new ComboBox<>(vm.urgencies());
        box.setId("urgencyChoice");
        box.setConverter(converter(vm::urgencyLabel));
        box.valueProperty().bindBidirectional(vm.urgency());
        box.disableProperty().bind(vm.warmHandoff());
        return box;
    }

    private Node followUp() {
        DatePicker picker = new DatePicker();
        picker.setId("followUpDate");
        picker.setEditable(true);
        picker.setConverter(new TypedDateConverter());
        picker.setPromptText(t.get("referral.new.followUp.prompt"));
        picker.getEditor().textProperty().bindBidirectional(vm.followUpText());
        picker.getEditor().setAccessibleText(t.get("referral.new.followUp"));
        picker.valueProperty().addListener((obs, old, date) -> {
            if (date != null) {
                vm.followUpText().set(DateInput.format(date));
            }
        });
        picker.disableProperty().bind(vm.warmHandoff());
        Label words = new Label();
        words.setId("followUpWords");
        words.getStyleClass().add("referral-followup-words");
        words.setWrapText(true);
        words.textProperty().bind(vm.followUpWords());
        vm.followUpPast().addListener((obs, was, past) -> {
            words.getStyleClass().remove("referral-followup-past");
            if (past) {
                words.getStyleClass().add("referral-followup-past");
            }
        });
        HBox line = new HBox(10, picker, words);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(words, Priority.ALWAYS);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        return line;
    }

    private Node consent() {
        CheckBox consent = new CheckBox(t.get("referral.new.consent"));
        consent.setId("consentBox");
        consent.setWrapText(true);
        consent.selectedProperty().bindBidirectional(vm.consent());
        consent.disableProperty().bind(vm.warmHandoff());
        return consent;
    }

    private Node privateNotice() {
        Label notice = new Label(t.get("referral.new.privateNotice"));
        notice.setId("privateNotice");
        notice.getStyleClass().add("referral-private-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        showWhen(notice, vm.privateReferral());
        return notice;
    }

    private Node declineBox(Runnable onChanged) {
        Label question = new Label(t.get("referral.new.decline.question"));
        question.getStyleClass().add("referral-label");
        VBox options = new VBox(6);
        for (int i = 0; i < NewReferralViewModel.DECLINE_REASONS.size(); i++) {
            String key = NewReferralViewModel.DECLINE_REASONS.get(i);
            RadioButton b = new RadioButton(t.get(key));
            b.setId("declineReason" + i);
            b.setUserData(key);
            b.setToggleGroup(declineReasons);
            options.getChildren().add(b);
        }
        declineReasons.selectedToggleProperty().addListener((obs, old, now) ->
                vm.declineReason().set(now == null ? null : (String) now.getUserData()));
        Label detailsLabel = new Label(t.get("referral.new.decline.details"));
        TextField details = new TextField();
        details.setId("declineDetails");
        details.textProperty().bindBidirectional(vm.declineDetails());
        detailsLabel.setLabelFor(details);
        details.setAccessibleText(t.get("referral.new.decline.details"));
        Button record = new Button(t.get("referral.new.decline.record"));
        record.setId("declineRecord");
        record.getStyleClass().add("accent");
        record.defaultButtonProperty().bind(vm.declining());
        record.disableProperty().bind(vm.busy());
        record.setOnAction(e -> vm.decline(r -> {
            stage.close();
            onChanged.run();
        }));
        Button back = new Button(t.get("referral.new.decline.back"));
        back.setId("declineBack");
        back.setOnAction(e -> vm.declining().set(false));
        HBox actions = new HBox(10, record, back);
        VBox box = new VBox(8, question, options, detailsLabel, details, actions);
        box.setId("declineBox");
        box.getStyleClass().add("referral-decline");
        showWhen(box, vm.declining());
        return box;
    }

    // ---- helpers ----

    private int add(GridPane form, int row, String labelKey, Node field) {
        Label label = new Label(t.get(labelKey));
        label.getStyleClass().add("referral-label");
        Control named = field instanceof Control c ? c : firstControl(field);
        if (named != null) {
            label.setLabelFor(named);
            if (named.getAccessibleText() == null) {
                named.setAccessibleText(t.get(labelKey));
            }
        }
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        form.add(label, 0, row);
        form.add(field, 1, row);
        return row + 1;
    }

    private static Control firstControl(Node n) {
        if (n instanceof DatePicker p) {
            return p;
        }
        if (n instanceof Control c) {
            return c;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Control c = firstControl(child);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    private static VBox field(Node... nodes) {
        VBox box = new VBox(6, nodes);
        box.setFillWidth(true);
        return box;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(shown.getValue()), shown));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static double fit(double wanted, boolean width) {
        var bounds = Screen.getPrimary().getVisualBounds();
        return Math.min(wanted, (width ? bounds.getWidth() : bounds.getHeight()) - 60);
    }

    /** A choice box's words for its values (empty for none); nothing typed is read back. */
    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
