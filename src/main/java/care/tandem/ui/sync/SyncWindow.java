package care.tandem.ui.sync;

import care.tandem.i18n.Texts;
import care.tandem.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "Sync with the clinic's laptops": the folder (chosen once, remembered on this laptop), the clinic passphrase, Sync
 * now, and what the sync did; "Conflicts…" opens the conflicts screen. The window's title names no patient.
 */
public final class SyncWindow {
    private final SyncViewModel vm;
    private final Stage stage;

    private SyncWindow(UiContext ui, Window owner) {
        Texts t = ui.texts();
        vm = new SyncViewModel(ui.app().sync(), ui.app().clinic(), ui.runner(), t);

        Label intro = new Label(t.get("sync.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        Label folderLabel = new Label(t.get("sync.folder"));
        TextField folder = new TextField();
        folder.setId("syncFolder");
        folder.setPromptText(t.get("sync.folder.none"));
        folder.textProperty().bindBidirectional(vm.folder());
        folderLabel.setLabelFor(folder);
        Button choose = new Button(t.get("sync.folder.choose"));
        choose.setId("syncChooseFolder");
        HBox.setHgrow(folder, Priority.ALWAYS);
        HBox folderRow = new HBox(8, folder, choose);

        Label passLabel = new Label(t.get("sync.passphrase"));
        PasswordField pass = new PasswordField();
        pass.setId("syncPassphrase");
        pass.textProperty().bindBidirectional(vm.passphrase());
        passLabel.setLabelFor(pass);

        Button run = new Button(t.get("sync.run"));
        run.setId("syncNow");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.canSync().not());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("syncProgress");
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(vm.running());
        HBox runRow = new HBox(10, run, spinner);
        runRow.setAlignment(Pos.CENTER_LEFT);

        Label result = new Label();
        result.setId("syncResult");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.textProperty().bind(vm.result());
        Label error = new Label();
        error.setId("syncError");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.error());
        Label refused = new Label();
        refused.setId("syncRefused");
        refused.setWrapText(true);
        refused.setMinHeight(Region.USE_PREF_SIZE);
        refused.getStyleClass().add("danger");
        refused.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.refused()), vm.refused()));

        Label conflicts = new Label();
        conflicts.setId("syncConflicts");
        conflicts.textProperty().bind(Bindings.createStringBinding(vm::conflictsText, vm.openConflicts()));
        Button openConflicts = new Button(t.get("sync.conflicts.button"));
        openConflicts.setId("syncOpenConflicts");
        HBox conflictRow = new HBox(10, conflicts, openConflicts);
        conflictRow.setAlignment(Pos.CENTER_LEFT);

        Button close = new Button(t.get("sync.close"));
        close.setId("syncClose");
        close.setCancelButton(true);
        HBox bottom = new HBox(close);
        bottom.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(10, intro, folderLabel, folderRow, passLabel, pass, runRow, result, refused, error,
                conflictRow, bottom);
        root.setPadding(new Insets(18));
        stage = ui.windows().newStage(owner, "sync.title", root, 620, 520);

        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(t.get("sync.folder"));
            String current = vm.folder().get();
            if (!current.isBlank() && Files.isDirectory(Path.of(current))) {
                chooser.setInitialDirectory(new File(current));
            }
            File picked = chooser.showDialog(stage);
            if (picked != null) {
                vm.folder().set(picked.getAbsolutePath());
            }
        });
        run.setOnAction(e -> vm.syncNow());
        openConflicts.setOnAction(e -> ConflictsWindow.show(ui, stage, vm::refreshConflicts));
        close.setOnAction(e -> stage.close());
    }

    /** Opens the Sync window over {@code owner}. */
    public static SyncWindow show(UiContext ui, Window owner) {
        SyncWindow w = new SyncWindow(ui, owner);
        w.stage.show();
        return w;
    }

    public SyncViewModel model() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }
}
