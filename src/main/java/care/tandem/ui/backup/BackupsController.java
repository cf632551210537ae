package care.tandem.ui.backup;

import care.tandem.ui.common.ControllerRegistry;
import care.tandem.ui.common.Forms;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/** Binds the Backups tab of Settings to its {@link BackupsViewModel}; the choosers ask for folders and files. */
public final class BackupsController {
    private final BackupsViewModel vm;
    private final BackupChoosers choosers;
    private final Path backupsFolder;

    @FXML
    private Label backupsStatus;
    @FXML
    private TableView<BackupsViewModel.Row> backupsTable;
    @FXML
    private TableColumn<BackupsViewModel.Row, String> madeColumn;
    @FXML
    private TableColumn<BackupsViewModel.Row, String> kindColumn;
    @FXML
    private TableColumn<BackupsViewModel.Row, String> sizeColumn;
    @FXML
    private TableColumn<BackupsViewModel.Row, String> checkedColumn;
    @FXML
    private Button backupNowButton;
    @FXML
    private Button backupToButton;
    @FXML
    private Button restoreSelectedButton;
    @FXML
    private Button restoreFileButton;
    @FXML
    private Label backupsMessage;
    @FXML
    private Label passphraseLabel;
    @FXML
    private PasswordField passphraseField;
    @FXML
    private Label passphraseHint;
    @FXML
    private VBox setPassphraseBox;
    @FXML
    private Label repeatLabel;
    @FXML
    private PasswordField repeatField;
    @FXML
    private Button setPassphraseButton;
    @FXML
    private VBox compareBox;
    @FXML
    private Label compareHeading;
    @FXML
    private GridPane compareGrid;
    @FXML
    private Label hereNote;
    @FXML
    private Label adminPasswordLabel;
    @FXML
    private PasswordField adminPasswordField;
    @FXML
    private Button restoreButton;
    @FXML
    private Button cancelRestoreButton;

    /** @param backupsFolder where the file chooser for a restore starts */
    public BackupsController(BackupsViewModel vm, BackupChoosers choosers, Path backupsFolder) {
        this.vm = vm;
        this.choosers = choosers;
        this.backupsFolder = backupsFolder;
    }

    /** Registers this tab's controller, given the view model of the Settings window open and the choosers. */
    public static ControllerRegistry register(ControllerRegistry registry, Supplier<BackupsViewModel> open,
                                              BackupChoosers choosers, Supplier<Path> backupsFolder) {
        return registry.register(BackupsController.class,
                () -> new BackupsController(open.get(), choosers, backupsFolder.get()));
    }

    @FXML
    private void initialize() {
        backupsStatus.textProperty().bind(vm.statusProperty());
        vm.staleProperty().addListener((obs, was, is) -> styleStatus(is));
        styleStatus(vm.staleProperty().get());

        backupsTable.setItems(vm.rows());
        column(madeColumn, BackupsViewModel.Row::made);
        column(kindColumn, BackupsViewModel.Row::kind);
        column(sizeColumn, BackupsViewModel.Row::size);
        column(checkedColumn, BackupsViewModel.Row::checked);
        backupsTable.setPlaceholder(new Label(vm.texts().get("backups.none")));
        vm.selectedProperty().bind(backupsTable.getSelectionModel().selectedItemProperty());

        backupNowButton.setOnAction(e -> vm.backupNow());
        backupToButton.setOnAction(e -> choosers.folder(window(), vm.texts().get("backups.to.chooser"))
                .ifPresent(vm::backupTo));
        restoreSelectedButton.setOnAction(e -> vm.prepareSelected());
        restoreSelectedButton.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        restoreFileButton.setOnAction(e -> choosers.file(window(), vm.texts().get("backups.restore.chooser"),
                backupsFolder).ifPresent(vm::prepare));
        for (Button b : new Button[] {backupNowButton, backupToButton, restoreFileButton}) {
            b.disableProperty().bind(vm.busyProperty());
        }

        backupsMessage.textProperty().bind(vm.messageProperty());
        vm.errorProperty().addListener((obs, was, is) -> {
            backupsMessage.getStyleClass().remove("danger-text");
            if (is) {
                backupsMessage.getStyleClass().add("danger-text");
            }
        });
        Forms.collapseWhenEmpty(backupsMessage);

        passphraseField.textProperty().bindBidirectional(vm.passphraseProperty());
        repeatField.textProperty().bindBidirectional(vm.passphraseRepeatProperty());
        Forms.link(passphraseLabel, passphraseField);
        Forms.link(repeatLabel, repeatField);
        passphraseHint.textProperty().bind(javafx.beans.binding.Bindings.when(vm.hasPassphraseProperty())
                .then(vm.texts().get("backups.passphrase.hint"))
                .otherwise(vm.texts().get("backups.passphrase.none")));
        setPassphraseBox.visibleProperty().bind(vm.hasPassphraseProperty().not());
        setPassphraseBox.managedProperty().bind(setPassphraseBox.visibleProperty());
        setPassphraseButton.setOnAction(e -> vm.setPassphrase());
        setPassphraseButton.disableProperty().bind(vm.busyProperty());

        compareBox.visibleProperty().bind(vm.preparedProperty().isNotNull());
        compareBox.managedProperty().bind(compareBox.visibleProperty());
        compareHeading.textProperty().bind(vm.compareHeadingProperty());
        hereNote.textProperty().bind(vm.hereNoteProperty());
        Forms.collapseWhenEmpty(hereNote);
        vm.comparison().addListener((ListChangeListener<BackupsViewModel.CompareRow>) c -> fillComparison());
        fillComparison();
        adminPasswordField.textProperty().bindBidirectional(vm.adminPasswordProperty());
        Forms.link(adminPasswordLabel, adminPasswordField);
        restoreButton.setOnAction(e -> vm.restore());
        restoreButton.disableProperty().bind(vm.busyProperty());
        cancelRestoreButton.setOnAction(e -> vm.cancelRestore());
        // Closing Settings with a comparison open removes the copy made ready for it.
        backupsTable.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, was, window) -> {
                    if (window != null) {
                        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> vm.cancelRestore());
                    }
                });
            }
        });
        vm.load();
    }

    private void styleStatus(boolean stale) {
        backupsStatus.getStyleClass().remove("settings-warning");
        if (stale) {
            backupsStatus.getStyleClass().add("settings-warning");
        }
    }

    private void fillComparison() {
        compareGrid.getChildren().clear();
        if (vm.comparison().isEmpty()) {
            return;
        }
        compareGrid.addRow(0, new Label(""), heading("backups.compare.backup"), heading("backups.compare.here"));
        int row = 1;
        for (BackupsViewModel.CompareRow r : vm.comparison()) {
            Label backup = new Label(r.backup());
            backup.setId("compareBackup" + row);
            Label here = new Label(r.here());
            here.setId("compareHere" + row);
            Label what = new Label(r.what());
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            compareGrid.addRow(row++, what, backup, here);
        }
    }

    private Label heading(String key) {
        Label l = new Label(vm.texts().get(key));
        l.getStyleClass().add("settings-status");
        return l;
    }

    private javafx.stage.Window window() {
        return backupsTable.getScene() == null ? null : backupsTable.getScene().getWindow();
    }

    private static void column(TableColumn<BackupsViewModel.Row, String> column,
                               Function<BackupsViewModel.Row, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }
}
