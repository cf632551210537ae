package care.tandem.ui.backup;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.files.ClinicKey;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.FxWait;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import care.tandem.ui.common.ControllerRegistry;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Backups tab, headless: back up now, back up to a folder, compare and restore; screenshots of each. */
@ExtendWith(ApplicationExtension.class)
class BackupsViewTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T15:30:00Z");
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<String> restored = new ArrayList<>();
    private AppContext app;
    private Stage stage;

    /** Answers the choosers as a person would have. */
    private final class Answers implements BackupChoosers {
        Path folder;
        Path file;

        @Override
        public Optional<Path> folder(Window owner, String title) {
            return Optional.ofNullable(folder);
        }

        @Override
        public Optional<Path> file(Window owner, String title, Path start) {
            return Optional.ofNullable(file);
        }
    }

    private final Answers answers = new Answers();

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            app.close();
        }
    }

    private void open(FxRobot robot, Locale locale) {
        try (AppContext demo = TestApp.open(dir.resolve("data"), clock)) {
            demo.demo().addFamilies(10, 4L, n -> { }, () -> false);
        }
        app = TestApp.open(dir.resolve("data"), clock);
        app.accounts().signIn("admin", "admin-demo".toCharArray());
        // Older copies: one made before an update, and two daily backups.
        Path first = app.backups().backupNow().file();
        try {
            Files.copy(first, first.resolveSibling("tandem-v4-20261101-090000.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clock.advance(Duration.ofDays(1));
        app.backups().backupNow();
        clock.advance(Duration.ofHours(27));
        robot.interact(() -> {
            Texts texts = new Texts(locale);
            BackupsViewModel vm = new BackupsViewModel(app.backups(), app.clinic(), new SyncRunner(), dialogs, texts,
                    clock, restored::add);
            FXMLLoader loader = new FXMLLoader(BackupsController.class.getResource(
                    "/care/tandem/ui/backup/BackupsView.fxml"), texts.bundle());
            loader.setControllerFactory(BackupsController.register(new ControllerRegistry(), () -> vm, answers,
                    () -> dir.resolve("data/backups")));
            Parent root;
            try {
                root = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stage = new Stage();
            Scene scene = new Scene(root, 900, 720);
            scene.getStylesheets().add("/care/tandem/ui/tandem.css");
            stage.setScene(scene);
            stage.show();
        });
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    private void screenshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }

    @Test
    void anAdministratorBacksUpSetsThePassphraseBacksUpToAFolderAndRestores(FxRobot robot) throws Exception {
        open(robot, Locale.ENGLISH);
        TableView<?> table = robot.lookup("#backupsTable").queryAs(TableView.class);
        assertEquals(3, table.getItems().size());
        assertTrue(text(robot, "#backupsStatus").startsWith("Newest backup: "), text(robot, "#backupsStatus"));

        robot.clickOn("#backupNowButton");
        assertEquals(4, table.getItems().size());
        assertTrue(text(robot, "#backupsMessage").startsWith("Backed up: "));

        robot.clickOn("#passphraseField").write("river stone lantern");
        robot.clickOn("#repeatField").write("river stone lantern");
        robot.clickOn("#setPassphraseButton");
        assertTrue(app.clinic().hasPassphrase());
        assertFalse(robot.lookup("#setPassphraseBox").query().isVisible());
        screenshot(robot, "backups-list");

        answers.folder = dir.resolve("usb");
        robot.clickOn("#passphraseField").write("river stone lantern");
        robot.clickOn("#backupToButton");
        try (var files = Files.list(dir.resolve("usb"))) {
            assertEquals(1, files.count());
        }

        robot.interact(() -> table.getSelectionModel().select(2));
        robot.clickOn("#restoreSelectedButton");
        assertTrue(robot.lookup("#compareBox").query().isVisible());
        assertEquals("10", text(robot, "#compareBackup4"));
        assertEquals("10", text(robot, "#compareHere4"));
        robot.interact(() -> robot.lookup("#backupsScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0.4));
        robot.interact(() -> robot.lookup("#adminPasswordField").query().requestFocus());
        robot.write("admin-demo");
        screenshot(robot, "backups-compare");

        robot.clickOn("#restoreButton");
        FxWait.waitUntil(() -> !restored.isEmpty());
        assertTrue(restored.get(0).startsWith("Restored the backup made"), restored.get(0));
        assertTrue(app.backups().closed());
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
    }

    @Test
    void theSpanishTabFitsAndSaysTheSame(FxRobot robot) {
        open(robot, new Locale("es"));
        assertTrue(text(robot, "#backupsStatus").startsWith("Copia más reciente: "), text(robot, "#backupsStatus"));
        robot.clickOn("#passphraseField").write(ClinicKey.DEMO_PASSPHRASE);
        screenshot(robot, "backups-list-es");
    }
}
