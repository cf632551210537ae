package care.tandem.ui.settings;

import care.tandem.domain.billing.BillingCode;
import care.tandem.domain.billing.CodeSystem;
import care.tandem.domain.billing.Verification;
import care.tandem.ui.common.Forms;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.util.Objects;
import java.util.function.Function;

/** Binds the billing codes tab of Settings to its {@link BillingCodesViewModel}. */
public final class BillingCodesController {
    private final BillingCodesViewModel vm;
    private boolean reverting;

    @FXML
    private Button newCodeButton;
    @FXML
    private TableView<BillingCode> codeTable;
    @FXML
    private TableColumn<BillingCode, String> codeColumn;
    @FXML
    private TableColumn<BillingCode, String> systemColumn;
    @FXML
    private TableColumn<BillingCode, String> labelColumn;
    @FXML
    private TableColumn<BillingCode, String> labelEsColumn;
    @FXML
    private TableColumn<BillingCode, String> markColumn;
    @FXML
    private TableColumn<BillingCode, String> confidentialColumn;
    @FXML
    private TableColumn<BillingCode, String> activeColumn;
    @FXML
    private VBox codeForm;
    @FXML
    private VBox codeSaveBar;
    @FXML
    private Label codeHeading;
    @FXML
    private Label codeLabel;
    @FXML
    private TextField codeField;
    @FXML
    private Label modifierLabel;
    @FXML
    private TextField modifierField;
    @FXML
    private Label systemLabel;
    @FXML
    private ChoiceBox<CodeSystem> systemChoice;
    @FXML
    private Label codeFixedHint;
    @FXML
    private Label labelLabel;
    @FXML
    private TextField labelField;
    @FXML
    private Label labelEsLabel;
    @FXML
    private TextField labelEsField;
    @FXML
    private Label markLabel;
    @FXML
    private ChoiceBox<Verification> markChoice;
    @FXML
    private Label verifyWarning;
    @FXML
    private Label sourceLabel;
    @FXML
    private TextArea sourceArea;
    @FXML
    private CheckBox confidentialCheck;
    @FXML
    private CheckBox activeCheck;
    @FXML
    private Label codeMessage;
    @FXML
    private Button saveCodeButton;

    public BillingCodesController(BillingCodesViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        codeTable.setItems(vm.codes());
        column(codeColumn, BillingCode::display);
        column(systemColumn, c -> vm.systemText(c.system()));
        column(labelColumn, BillingCode::label);
        column(labelEsColumn, BillingCode::labelEs);
        column(markColumn, vm::markCell);
        column(confidentialColumn, c -> vm.yes(c.confidential()));
        column(activeColumn, c -> vm.yes(c.active()));
        // The mark's cell names its meaning and source when pointed at; the form shows them in full.
        markColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                BillingCode c = empty ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(c == null ? null : new Tooltip(vm.markText(c.verification()) + "\n" + c.source()));
            }
        });
        codeTable.setPlaceholder(new Label(vm.texts().get("settings.codes.none")));
        codeTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (reverting || now == null) {
                return;
            }
            if (!vm.edit(now)) {
                // Kept the unsaved changes: the table goes back to the code being edited.
                reverting = true;
                codeTable.getSelectionModel().select(old);
                reverting = false;
            }
        });
        vm.editing().addListener((obs, old, now) -> showEditing());
        vm.codes().addListener((ListChangeListener<BillingCode>) change -> showEditing());
        newCodeButton.setOnAction(e -> {
            if (vm.newCode()) {
                codeField.requestFocus();
            }
        });

        for (VBox part : new VBox[]{codeForm, codeSaveBar}) {
            part.visibleProperty().bind(vm.editing().isNotNull());
            part.managedProperty().bind(part.visibleProperty());
        }
        codeHeading.textProperty().bind(Bindings.createStringBinding(vm::heading, vm.editing(), vm.isNew()));
        codeField.textProperty().bindBidirectional(vm.code());
        modifierField.textProperty().bindBidirectional(vm.modifier());
        systemChoice.setItems(FXCollections.observableArrayList(CodeSystem.values()));
        systemChoice.setConverter(Forms.converter(vm::systemText));
        systemChoice.valueProperty().bindBidirectional(vm.system());
        for (Control fixed : new Control[]{codeField, modifierField, systemChoice}) {
            fixed.disableProperty().bind(vm.isNew().not());
        }
        codeFixedHint.visibleProperty().bind(vm.isNew().not());
        codeFixedHint.managedProperty().bind(codeFixedHint.visibleProperty());
        labelField.textProperty().bindBidirectional(vm.label());
        labelEsField.textProperty().bindBidirectional(vm.labelEs());
        markChoice.setItems(FXCollections.observableArrayList(Verification.values()));
        markChoice.setConverter(Forms.converter(vm::markText));
        markChoice.valueProperty().bindBidirectional(vm.verification());
        verifyWarning.visibleProperty().bind(vm.verifyWithPlan());
        verifyWarning.managedProperty().bind(verifyWarning.visibleProperty());
        sourceArea.textProperty().bindBidirectional(vm.source());
        confidentialCheck.selectedProperty().bindBidirectional(vm.confidential());
        activeCheck.selectedProperty().bindBidirectional(vm.active());
        Forms.link(codeLabel, codeField);
        Forms.link(modifierLabel, modifierField);
        Forms.link(systemLabel, systemChoice);
        Forms.link(labelLabel, labelField);
        Forms.link(labelEsLabel, labelEsField);
        Forms.link(markLabel, markChoice);
        Forms.link(sourceLabel, sourceArea);
        markChoice.setAccessibleHelp(verifyWarning.getText());

        codeMessage.textProperty().bind(vm.message());
        vm.messageIsProblem().addListener((obs, was, is) -> {
            codeMessage.getStyleClass().remove("danger-text");
            if (is) {
                codeMessage.getStyleClass().add("danger-text");
            }
        });
        Forms.collapseWhenEmpty(codeMessage);
        saveCodeButton.disableProperty().bind(vm.busy());
        saveCodeButton.setOnAction(e -> vm.save());
    }

    // The table follows the code being edited: after a save the table is read again, and a new code has no row yet.
    private void showEditing() {
        BillingCode c = vm.editing().get();
        BillingCode row = c == null || vm.isNew().get() ? null : vm.codes().stream()
                .filter(x -> x.id().equals(c.id())).findFirst().orElse(null);
        if (!Objects.equals(codeTable.getSelectionModel().getSelectedItem(), row)) {
            reverting = true;
            if (row == null) {
                codeTable.getSelectionModel().clearSelection();
            } else {
                codeTable.getSelectionModel().select(row);
                codeTable.scrollTo(row);
            }
            reverting = false;
        }
    }

    private static void column(TableColumn<BillingCode, String> column, Function<BillingCode, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }
}
