package care.tandem.ui.settings;

import care.tandem.domain.note.NoteTemplate;
import care.tandem.domain.note.SectionFill;
import care.tandem.domain.note.VisitKind;
import care.tandem.ui.common.Forms;
import care.tandem.ui.settings.NoteTemplatesViewModel.SectionDraft;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.Objects;
import java.util.function.Function;

/** Binds the note templates tab of Settings to its {@link NoteTemplatesViewModel}. */
public final class NoteTemplatesController {
    private final NoteTemplatesViewModel vm;
    private boolean reverting;

    @FXML
    private Label templateListLabel;
    @FXML
    private ComboBox<NoteTemplate> templateChoice;
    @FXML
    private Button newTemplateButton;
    @FXML
    private Label templateStatus;
    @FXML
    private Label templateNameLabel;
    @FXML
    private TextField templateNameField;
    @FXML
    private Label kindsLabel;
    @FXML
    private GridPane kindsPane;
    @FXML
    private Label sectionListLabel;
    @FXML
    private ListView<SectionDraft> sectionList;
    @FXML
    private Button addSectionButton;
    @FXML
    private Button removeSectionButton;
    @FXML
    private Button moveUpButton;
    @FXML
    private Button moveDownButton;
    @FXML
    private GridPane sectionForm;
    @FXML
    private Label headingLabel;
    @FXML
    private TextField headingField;
    @FXML
    private Label keyLabel;
    @FXML
    private TextField keyField;
    @FXML
    private Label promptLabel;
    @FXML
    private TextArea promptArea;
    @FXML
    private Label fillLabel;
    @FXML
    private ChoiceBox<SectionFill> fillChoice;
    @FXML
    private Label templateMessage;
    @FXML
    private Button saveTemplateButton;
    @FXML
    private Button retireTemplateButton;
    @FXML
    private Button restoreTemplateButton;

    public NoteTemplatesController(NoteTemplatesViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        templateChoice.setItems(vm.templates());
        templateChoice.setCellFactory(v -> new TextCell<>(vm::templateText));
        templateChoice.setButtonCell(new TextCell<>(vm::templateText));
        Forms.link(templateListLabel, templateChoice);
        templateChoice.valueProperty().addListener((obs, old, now) -> {
            if (reverting || now == null) {
                return;
            }
            if (!vm.edit(now)) {
                // Kept the unsaved changes: the choice goes back to the template being edited.
                reverting = true;
                templateChoice.setValue(old);
                reverting = false;
            }
        });
        vm.editing().addListener((obs, old, now) -> showEditing());
        vm.templates().addListener((ListChangeListener<NoteTemplate>) change -> showEditing());
        newTemplateButton.setOnAction(e -> {
            if (vm.newTemplate()) {
                templateNameField.requestFocus();
            }
        });

        templateStatus.textProperty().bind(Bindings.createStringBinding(vm::statusText, vm.editing(), vm.isNew()));
        templateNameField.textProperty().bindBidirectional(vm.name());
        Forms.link(templateNameLabel, templateNameField);
        VisitKind[] all = VisitKind.values();
        for (int i = 0; i < all.length; i++) {
            CheckBox box = new CheckBox(vm.kindText(all[i]));
            box.setId("kind" + all[i].name());
            box.selectedProperty().bindBidirectional(vm.kind(all[i]));
            box.setAccessibleHelp(kindsLabel.getText());
            kindsPane.add(box, i % 2, i / 2);
        }

        sectionList.setItems(vm.sections());
        sectionList.setCellFactory(v -> new TextCell<>(vm::sectionText));
        sectionList.setAccessibleText(sectionListLabel.getText());
        sectionList.setPlaceholder(new Label(vm.texts().get("settings.templates.noSections")));
        sectionList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.selectedSection().set(now);
            }
        });
        vm.selectedSection().addListener((obs, old, now) -> showSection(old, now));
        // Moving a section lays the list out anew, which clears the list's choice: choose the moved section again.
        vm.sections().addListener((ListChangeListener<SectionDraft>) change -> {
            SectionDraft chosen = vm.selectedSection().get();
            if (chosen != null && vm.sections().contains(chosen)
                    && sectionList.getSelectionModel().getSelectedItem() != chosen) {
                sectionList.getSelectionModel().select(chosen);
            }
        });
        addSectionButton.setOnAction(e -> {
            vm.addSection();
            headingField.requestFocus();
        });
        removeSectionButton.setOnAction(e -> vm.removeSection());
        moveUpButton.setOnAction(e -> vm.moveUp());
        moveDownButton.setOnAction(e -> vm.moveDown());
        for (Button b : new Button[]{removeSectionButton, moveUpButton, moveDownButton}) {
            b.disableProperty().bind(vm.selectedSection().isNull());
        }
        fillChoice.setItems(FXCollections.observableArrayList(SectionFill.values()));
        fillChoice.setConverter(Forms.converter(vm::fillText));
        Forms.link(headingLabel, headingField);
        Forms.link(keyLabel, keyField);
        Forms.link(promptLabel, promptArea);
        Forms.link(fillLabel, fillChoice);
        sectionForm.disableProperty().bind(vm.selectedSection().isNull());
        showSection(null, vm.selectedSection().get());

        templateMessage.textProperty().bind(vm.message());
        vm.messageIsProblem().addListener((obs, was, is) -> {
            templateMessage.getStyleClass().remove("danger-text");
            if (is) {
                templateMessage.getStyleClass().add("danger-text");
            }
        });
        Forms.collapseWhenEmpty(templateMessage);
        saveTemplateButton.setOnAction(e -> vm.save());
        retireTemplateButton.setOnAction(e -> vm.retire());
        restoreTemplateButton.setOnAction(e -> vm.restore());
        saveTemplateButton.disableProperty().bind(vm.busy().or(vm.editing().isNull()));
        var stored = Bindings.createBooleanBinding(() -> vm.editing().get() != null && !vm.isNew().get(),
                vm.editing(), vm.isNew());
        var inUse = Bindings.createBooleanBinding(() -> vm.editing().get() != null && vm.editing().get().active(),
                vm.editing());
        show(retireTemplateButton, stored.and(inUse));
        show(restoreTemplateButton, stored.and(inUse.not()));
        retireTemplateButton.disableProperty().bind(vm.busy());
        restoreTemplateButton.disableProperty().bind(vm.busy());
    }

    // The choice follows the template being edited: after a save the list is read again, and a new one is not in it.
    private void showEditing() {
        NoteTemplate t = vm.editing().get();
        NoteTemplate row = t == null || vm.isNew().get() ? null : vm.templates().stream()
                .filter(x -> x.id().equals(t.id())).findFirst().orElse(null);
        if (!Objects.equals(templateChoice.getValue(), row)) {
            reverting = true;
            templateChoice.setValue(row);
            reverting = false;
        }
    }

    // The fields edit the chosen section itself.
    private void showSection(SectionDraft old, SectionDraft now) {
        if (old != null) {
            headingField.textProperty().unbindBidirectional(old.heading());
            keyField.textProperty().unbindBidirectional(old.key());
            promptArea.textProperty().unbindBidirectional(old.prompt());
            fillChoice.valueProperty().unbindBidirectional(old.fill());
        }
        if (now == null) {
            headingField.clear();
            keyField.clear();
            promptArea.clear();
            fillChoice.setValue(null);
            sectionList.getSelectionModel().clearSelection();
            return;
        }
        headingField.textProperty().bindBidirectional(now.heading());
        keyField.textProperty().bindBidirectional(now.key());
        promptArea.textProperty().bindBidirectional(now.prompt());
        fillChoice.valueProperty().bindBidirectional(now.fill());
        if (sectionList.getSelectionModel().getSelectedItem() != now) {
            sectionList.getSelectionModel().select(now);
        }
        sectionList.scrollTo(now);
    }

    private static void show(Button b, ObservableBooleanValue when) {
        b.visibleProperty().bind(when);
        b.managedProperty().bind(when);
    }

    /** A list row shown as words. */
    private static final class TextCell<T> extends ListCell<T> {
        private final Function<T, String> text;

        TextCell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }
}
