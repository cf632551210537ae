package care.tandem.ui.settings;

import care.tandem.ui.common.Forms;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.function.Function;

/** Binds the Instruments tab of Settings to its {@link InstrumentsViewModel}. */
public final class InstrumentsController {
    private final InstrumentsViewModel vm;

    @FXML
    private TableView<InstrumentsViewModel.Row> instrumentsTable;
    @FXML
    private TableColumn<InstrumentsViewModel.Row, String> instrumentColumn;
    @FXML
    private TableColumn<InstrumentsViewModel.Row, String> versionColumn;
    @FXML
    private TableColumn<InstrumentsViewModel.Row, String> titleColumn;
    @FXML
    private TableColumn<InstrumentsViewModel.Row, String> languagesColumn;
    @FXML
    private TableColumn<InstrumentsViewModel.Row, String> sourceColumn;
    @FXML
    private TableColumn<InstrumentsViewModel.Row, String> statusColumn;
    @FXML
    private Button makeCurrentButton;
    @FXML
    private Button chooseButton;
    @FXML
    private Label fileLabel;
    @FXML
    private VBox previewBox;
    @FXML
    private VBox marksBox;
    @FXML
    private Label criticalLabel;
    @FXML
    private VBox criticalBox;
    @FXML
    private Label positiveLabel;
    @FXML
    private TextField positiveField;
    @FXML
    private Button checkAgainButton;
    @FXML
    private Label instrumentsMessage;
    @FXML
    private Button importButton;

    public InstrumentsController(InstrumentsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        instrumentsTable.setItems(vm.rows());
        column(instrumentColumn, InstrumentsViewModel.Row::instrument);
        column(versionColumn, InstrumentsViewModel.Row::version);
        column(titleColumn, InstrumentsViewModel.Row::title);
        column(languagesColumn, InstrumentsViewModel.Row::languages);
        column(sourceColumn, InstrumentsViewModel.Row::source);
        column(statusColumn, InstrumentsViewModel.Row::status);
        instrumentsTable.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> vm.selected().set(now));
        makeCurrentButton.disableProperty().bind(vm.canMakeCurrent().not().or(vm.busy()));
        makeCurrentButton.setOnAction(e -> vm.makeCurrent());

        chooseButton.disableProperty().bind(vm.busy());
        chooseButton.setOnAction(e -> choose());
        vm.file().addListener((obs, was, now) -> fileLabel.setText(now == null ? "" : now.getFileName().toString()));
        vm.preview().addListener((ListChangeListener<String>) c -> showPreview());
        showPreview();
        vm.criticalChoices().addListener((ListChangeListener<InstrumentsViewModel.CriticalChoice>) c -> showChoices());
        showChoices();
        positiveField.setTextFormatter(new TextFormatter<>(
                change -> change.getControlNewText().matches("\\d{0,3}") ? change : null));
        positiveField.textProperty().bindBidirectional(vm.positiveAt());
        positiveField.disableProperty().bind(vm.hasTotal().not());
        Forms.link(positiveLabel, positiveField);
        marksBox.visibleProperty().bind(vm.canImport());
        marksBox.managedProperty().bind(marksBox.visibleProperty());
        checkAgainButton.disableProperty().bind(vm.busy());
        checkAgainButton.setOnAction(e -> vm.checkAgain());
        instrumentsMessage.textProperty().bind(vm.message());
        vm.error().addListener((obs, was, is) -> {
            instrumentsMessage.getStyleClass().remove("danger-text");
            if (is) {
                instrumentsMessage.getStyleClass().add("danger-text");
            }
        });
        Forms.collapseWhenEmpty(instrumentsMessage);
        importButton.disableProperty().bind(vm.canImport().not().or(vm.busy()));
        importButton.setOnAction(e -> vm.importFile());
        vm.load();
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(chooseButton.getText());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("FHIR JSON (*.json)", "*.json"));
        File f = chooser.showOpenDialog(chooseButton.getScene().getWindow());
        if (f != null) {
            vm.preview(f.toPath());
        }
    }

    private void showPreview() {
        previewBox.getChildren().clear();
        for (int i = 0; i < vm.preview().size(); i++) {
            Label line = new Label(vm.preview().get(i));
            line.setId("instrumentPreview" + i);
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            if (i == 0) {
                line.getStyleClass().add("settings-status");
            }
            previewBox.getChildren().add(line);
        }
        previewBox.setVisible(!vm.preview().isEmpty());
        previewBox.setManaged(!vm.preview().isEmpty());
    }

    private void showChoices() {
        criticalBox.getChildren().clear();
        for (InstrumentsViewModel.CriticalChoice c : vm.criticalChoices()) {
            CheckBox box = new CheckBox(c.text());
            box.setWrapText(true);
            box.selectedProperty().bindBidirectional(c.chosen());
            box.setDisable(c.fixed());
            box.setAccessibleHelp(criticalLabel.getText());
            criticalBox.getChildren().add(box);
        }
        criticalLabel.setVisible(!vm.criticalChoices().isEmpty());
        criticalLabel.setManaged(!vm.criticalChoices().isEmpty());
    }

    private static void column(TableColumn<InstrumentsViewModel.Row, String> column,
                               Function<InstrumentsViewModel.Row, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }
}
