package care.tandem.ui.export;

import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import care.tandem.ui.family.DateInput;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * "Export…": the clinic's records as FHIR R4 Bundle files, NDJSON or CSV, into a new or empty folder; everything or
 * what changed since a day; include-private for CSV (offered only to users who may see private results). A progress
 * bar and Cancel while it runs; the export has a worker thread of its own.
 */
public final class ExportDialog {
    static final String STYLESHEET = "/care/tandem/ui/export/Export.css";
    /** One export at a time, on a thread of its own (never the FX thread or the database writer's). */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "export");
        t.setDaemon(true);
        return t;
    });

    private final ExportViewModel vm;
    private final Stage stage;
    private final Node firstFocus;

    ExportDialog(UiContext ui, Window owner, ExportViewModel vm) {
        this.vm = vm;
        Texts t = ui.texts();
        Label intro = new Label(t.get("export.dialog.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        ToggleGroup group = new ToggleGroup();
        VBox formats = new VBox(6);
        RadioButton first = null;
        for (ExportViewModel.Format f : ExportViewModel.Format.values()) {
            RadioButton b = new RadioButton(t.get("export.dialog.format." + f.name()));
            b.setId("exportFormat_" + f.name());
            b.setUserData(f);
            b.setToggleGroup(group);
            b.setWrapText(true);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setSelected(vm.format().get() == f);
            formats.getChildren().add(b);
            first = first == null ? b : first;
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.format().set((ExportViewModel.Format) now.getUserData());
            }
        });
        firstFocus = first;

        TextField folder = new TextField();
        folder.setId("exportFolder");
        folder.setPromptText(t.get("export.dialog.folderPrompt"));
        folder.textProperty().bindBidirectional(vm.folder());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(t.get("export.dialog.choose"));
        choose.setId("exportChoose");
        HBox folderRow = new HBox(8, folder, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        Label folderHint = new Label(t.get("export.dialog.folderHint"));
        folderHint.setWrapText(true);
        folderHint.setMinHeight(Region.USE_PREF_SIZE);
        folderHint.getStyleClass().add("export-muted");

        DatePicker since = new DatePicker();
        since.setId("exportSince");
        since.setEditable(true);
        since.setPromptText(t.get("export.dialog.sincePrompt"));
        since.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DateInput.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return DateInput.parse(s).orElse(null);
            }
        });
        since.valueProperty().bindBidirectional(vm.since());
        since.setPrefWidth(200);

        CheckBox includePrivate = new CheckBox(t.get("export.dialog.includePrivate"));
        includePrivate.setId("exportIncludePrivate");
        includePrivate.setWrapText(true);
        includePrivate.selectedProperty().bindBidirectional(vm.includePrivate());
        includePrivate.visibleProperty().bind(vm.includePrivateShown());
        includePrivate.managedProperty().bind(includePrivate.visibleProperty());
        Label privacy = new Label(t.get("export.dialog.privacy"));
        privacy.setId("exportPrivacy");
        privacy.setWrapText(true);
        privacy.setMinHeight(Region.USE_PREF_SIZE);
        privacy.getStyleClass().add("export-muted");

        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progress());
        bar.visibleProperty().bind(vm.running().or(vm.finished()));
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.status());
        Label message = new Label();
        message.setId("exportMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("export-problem");
        message.textProperty().bind(vm.message());
        message.visibleProperty().bind(vm.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        VBox form = new VBox(14, intro,
                field(t, "export.dialog.format", formats),
                field(t, "export.dialog.folder", new VBox(6, folderRow, folderHint)),
                field(t, "export.dialog.since", since),
                new VBox(6, includePrivate, privacy));
        form.disableProperty().bind(vm.running());
        VBox content = new VBox(14, form, new VBox(6, bar, status), message);
        content.setPadding(new Insets(20));

        Button cancel = new Button(t.get("export.dialog.close"));
        cancel.setId("exportCancel");
        cancel.setCancelButton(true);
        cancel.textProperty().bind(Bindings.when(vm.running()).then(t.get("export.dialog.cancel"))
                .otherwise(t.get("export.dialog.close")));
        Button export = new Button(t.get("export.dialog.export"));
        export.setId("exportStart");
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.running());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, cancel, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("export-buttons");

        BorderPane root = new BorderPane(content);
        root.setBottom(buttons);
        root.getStyleClass().add("export-dialog");
        root.getStylesheets().add(STYLESHEET);
        stage = ui.windows().newStage(owner, "export.dialog.title", root, 640, 600);
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(t.get("export.dialog.choose"));
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                vm.folder().set(dir.getPath());
            }
        });
        cancel.setOnAction(e -> {
            if (!vm.cancel()) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (vm.cancel()) {
                e.consume();
            }
        });
        export.setOnAction(e -> vm.export());
    }

    private static VBox field(Texts t, String labelKey, Node control) {
        Label label = new Label(t.get(labelKey));
        label.getStyleClass().add("export-label");
        if (control instanceof javafx.scene.control.Control c) {
            label.setLabelFor(c);
            c.setAccessibleText(t.get(labelKey));
        }
        return new VBox(6, label, control);
    }

    /** The dialog's window (tests). */
    Stage stage() {
        return stage;
    }

    ExportViewModel model() {
        return vm;
    }

    /** Opens the Export dialog over {@code owner}. */
    public static ExportDialog show(UiContext ui, Window owner) {
        ExportViewModel vm = new ExportViewModel(ui.app().fhirExport(), ui.app().csvExport(), WORKER,
                Platform::runLater, ui.texts(), ui.app().csvExport().mayIncludePrivate());
        ExportDialog d = new ExportDialog(ui, owner, vm);
        d.stage.show();
        d.firstFocus.requestFocus();
        return d;
    }
}
