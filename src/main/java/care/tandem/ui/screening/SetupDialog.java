package care.tandem.ui.screening;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.NotDoneReason;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The "Start a screen" dialog: child, caregivers present, caregiver screened, who answers, screen, language, how,
 * the "alone" question for private questions; Start, or record the screen as not done with a reason.
 */
final class SetupDialog {
    private final UiContext ui;
    private final Texts t;
    private final SetupViewModel vm;
    private final Stage stage;
    private final ToggleGroup modes = new ToggleGroup();
    private final ToggleGroup alone = new ToggleGroup();
    private final ToggleGroup reasons = new ToggleGroup();

    private SetupDialog(UiContext ui, Window owner, SetupViewModel vm, Consumer<SetupViewModel.Started> onStarted,
                        Runnable onChanged) {
        this.ui = ui;
        this.t = ui.texts();
        this.vm = vm;
        GridPane form = new GridPane();
        form.getStyleClass().add("setup-form");
        form.setId("setupForm");
        int row = 0;
        if (vm.children().size() > 1) {
            ComboBox<Member> child = members(vm.children());
            child.setId("childChoice");
            child.valueProperty().bindBidirectional(vm.child());
            row = add(form, row, "screening.setup.child", child);
        } else if (!vm.children().isEmpty()) {
            Label child = new Label(vm.children().get(0).fullName());
            child.setId("childName");
            row = add(form, row, "screening.setup.child", child);
        }
        VBox present = new VBox(4);
        int i = 0;
        for (Member c : vm.caregivers()) {
            CheckBox box = new CheckBox(c.fullName());
            box.setId("present" + i++);
            box.selectedProperty().bindBidirectional(vm.present(c.id()));
            present.getChildren().add(box);
        }
        row = add(form, row, "screening.setup.present", present);
        ComboBox<Member> subject = members(vm.caregivers());
        subject.setId("subjectChoice");
        subject.valueProperty().bindBidirectional(vm.subject());
        row = add(form, row, "screening.setup.subject", subject);
        ComboBox<Member> respondent = members(vm.caregivers());
        respondent.setId("respondentChoice");
        respondent.valueProperty().bindBidirectional(vm.respondent());
        row = add(form, row, "screening.setup.respondent", respondent);
        ComboBox<Instrument> instrument = new ComboBox<>(vm.instruments());
        instrument.setId("instrumentChoice");
        instrument.setConverter(converter(vm::instrumentLabel));
        instrument.valueProperty().bindBidirectional(vm.instrument());
        instrument.setMaxWidth(Double.MAX_VALUE);
        row = add(form, row, "screening.setup.instrument", instrument);
        ComboBox<String> language = new ComboBox<>(vm.languages());
        language.setId("languageChoice");
        language.setConverter(converter(vm::languageLabel));
        language.valueProperty().bindBidirectional(vm.language());
        Label note = new Label();
        note.setId("languageNote");
        note.getStyleClass().add("setup-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.languageNote());
        note.visibleProperty().bind(vm.languageNote().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        row = add(form, row, "screening.setup.language", new VBox(6, language, note));
        VBox how = new VBox(4);
        for (AdministrationMode m : new AdministrationMode[]{AdministrationMode.CLINICIAN, AdministrationMode.SELF,
                AdministrationMode.INTERPRETER}) {
            RadioButton b = new RadioButton(t.get("screening.setup.mode." + m.name()));
            b.setId("mode" + m.name());
            b.setUserData(m);
            b.setToggleGroup(modes);
            b.setSelected(vm.mode().get() == m);
            if (m == AdministrationMode.SELF) {
                b.disableProperty().bind(vm.selfAllowed().not());
            }
            how.getChildren().add(b);
        }
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.mode().set((AdministrationMode) now.getUserData());
            }
        });
        vm.mode().addListener((obs, old, now) -> modes.getToggles().stream().filter(x -> x.getUserData() == now)
                .findFirst().ifPresent(x -> x.setSelected(true)));
        row = add(form, row, "screening.setup.how", how);
        form.add(aloneBox(), 0, row++, 2, 1);
        form.add(notDoneBox(onChanged), 0, row, 2, 1);
        form.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(Region.USE_PREF_SIZE, Region.USE_COMPUTED_SIZE,
                        Region.USE_PREF_SIZE),
                new javafx.scene.layout.ColumnConstraints(200, 380, Double.MAX_VALUE, Priority.ALWAYS, null, true));

        Button start = new Button(t.get("screening.setup.start"));
        start.setId("startButton");
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.canStart().not());
        start.setOnAction(e -> vm.start(started -> {
            closeStage();
            onStarted.accept(started);
        }));
        Button notDone = new Button(t.get("screening.setup.notDone"));
        notDone.setId("notDoneButton");
        notDone.disableProperty().bind(vm.loaded().not().or(vm.busy()));
        Button cancel = new Button(t.get("screening.setup.cancel"));
        cancel.setId("cancelButton");
        cancel.setCancelButton(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(notDone, grow, cancel, start);
        bar.getStyleClass().add("entry-actions");
        BorderPane root = new BorderPane(form);
        root.setBottom(bar);
        root.getStyleClass().add("entry-window");
        root.getStylesheets().add(EntryWindow.STYLESHEET);
        stage = ui.windows().newStage(owner, "screening.setup.title", root, 640, 700);
        cancel.setOnAction(e -> stage.close());
        notDone.setOnAction(e -> {
            Node box = form.lookup("#notDoneBox");
            box.setVisible(!box.isVisible());
        });
    }

    /** Opens the set-up; {@code onStarted} runs after the screen was started and the dialog closed. */
    static SetupDialog show(UiContext ui, Window owner, Family family, String instrumentId, UUID caregiverId,
                            Consumer<SetupViewModel.Started> onStarted, Runnable onChanged) {
        SetupViewModel vm = new SetupViewModel(ui.app().screening(), ui.runner(), ui.dialogs(), ui.texts(), family,
                instrumentId, caregiverId);
        SetupDialog d = new SetupDialog(ui, owner, vm, onStarted, onChanged);
        d.stage.show();
        vm.load();
        return d;
    }

    Stage stage() {
        return stage;
    }

    private void closeStage() {
        stage.close();
    }

    SetupViewModel viewModel() {
        return vm;
    }

    private Node aloneBox() {
        Label question = new Label();
        question.setId("aloneQuestion");
        question.setWrapText(true);
        Runnable ask = () -> question.setText(vm.aloneQuestion());
        vm.subject().addListener((obs, old, now) -> ask.run());
        ask.run();
        RadioButton yes = new RadioButton(t.get("screening.setup.alone.yes"));
        yes.setId("aloneYes");
        yes.setUserData(Boolean.TRUE);
        yes.setToggleGroup(alone);
        RadioButton defer = new RadioButton(t.get("screening.setup.alone.defer"));
        defer.setId("aloneDefer");
        defer.setUserData(Boolean.FALSE);
        defer.setToggleGroup(alone);
        alone.selectedToggleProperty().addListener((obs, old, now) ->
                vm.askPrivate().set(now == null ? null : (Boolean) now.getUserData()));
        vm.askPrivate().addListener((obs, old, now) -> {
            if (now == null) {
                alone.selectToggle(null);
            }
        });
        VBox box = new VBox(question, new HBox(16, yes, defer));
        box.getStyleClass().add("setup-alone");
        box.setId("aloneBox");
        box.visibleProperty().bind(vm.privateQuestion());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node notDoneBox(Runnable onChanged) {
        Label question = new Label(t.get("screening.setup.notDone.reason"));
        question.getStyleClass().add("setup-label");
        VBox options = new VBox(4);
        for (NotDoneReason r : NotDoneReason.values()) {
            RadioButton b = new RadioButton(t.get("screening.setup.reason." + r.name()));
            b.setId("reason" + r.name());
            b.setUserData(r);
            b.setToggleGroup(reasons);
            options.getChildren().add(b);
        }
        Button save = new Button(t.get("screening.setup.notDone.save"));
        save.setId("notDoneSave");
        save.disableProperty().bind(reasons.selectedToggleProperty().isNull().or(vm.busy()));
        save.setOnAction(e -> vm.notDone((NotDoneReason) reasons.getSelectedToggle().getUserData(), s -> {
            stage.close();
            onChanged.run();
        }));
        VBox box = new VBox(8, question, options, save);
        box.getStyleClass().add("setup-alone");
        box.setId("notDoneBox");
        box.setVisible(false);
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private int add(GridPane form, int row, String labelKey, Node field) {
        Label label = new Label(t.get(labelKey));
        label.getStyleClass().add("setup-label");
        label.setLabelFor(field);
        if (field instanceof javafx.scene.control.Control c) {
            c.setAccessibleText(t.get(labelKey));
        }
        form.add(label, 0, row);
        form.add(field, 1, row);
        return row + 1;
    }

    private static ComboBox<Member> members(javafx.collections.ObservableList<Member> items) {
        ComboBox<Member> box = new ComboBox<>(items);
        box.setConverter(converter(Member::fullName));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
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
