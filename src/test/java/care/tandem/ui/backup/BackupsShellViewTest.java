package care.tandem.ui.backup;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.testing.FxWait;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.ShellSession;
import care.tandem.testing.TestApp;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real windows: an administrator opens Settings → Backups, backs up, restores that backup after the comparison
 * and a Yes, and every window closes but the one saying what was restored.
 */
@ExtendWith(ApplicationExtension.class)
class BackupsShellViewTest {
    @TempDir
    Path dir;
    private final ShellSession session = new ShellSession();
    private final MutableClock clock = MutableClock.at("2026-11-23T15:00:00Z");

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    private static Stage showing(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && title.equals(s.getTitle())).map(w -> (Stage) w).findFirst().orElse(null);
    }

    @Test
    void restoringInTheWindowClosesEverythingAndSaysWhatWasRestored(FxRobot robot) throws Exception {
        try (AppContext setUp = TestApp.signedIn(dir, clock)) {
            setUp.accounts().signOut();
        }
        session.openSignedIn(robot, dir, clock);
        robot.clickOn("#settingsButton");
        FxWait.waitUntil(() -> showing("Tandem — Settings") != null);
        Stage settings = showing("Tandem — Settings");
        TabPane tabs = (TabPane) settings.getScene().getRoot().lookup("#settingsTabs");
        Tab backups = tabs.getTabs().stream().filter(t -> t.getText().equals("Backups")).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(backups));

        robot.clickOn("#backupNowButton");
        TableView<?> table = (TableView<?>) settings.getScene().getRoot().lookup("#backupsTable");
        FxWait.waitUntil(() -> table.getItems().size() == 1);
        clock.advance(Duration.ofHours(1));
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#restoreSelectedButton");
        FxWait.waitUntil(() -> settings.getScene().getRoot().lookup("#compareBox").isVisible());
        PasswordField password = (PasswordField) settings.getScene().getRoot().lookup("#adminPasswordField");
        robot.interact(() -> password.setText(TestApp.PASSWORD));
        // Not through interact, which would wait for the question's answer: the question waits for the click below.
        Button restore = (Button) settings.getScene().getRoot().lookup("#restoreButton");
        javafx.application.Platform.runLater(restore::fire);
        FxWait.waitUntil(() -> showing("Tandem — Restore this backup?") != null);
        Stage question = showing("Tandem — Restore this backup?");
        Button yes = question.getScene().getRoot().lookupAll(".button").stream().map(n -> (Button) n)
                .filter(b -> "Yes".equals(b.getText())).findFirst().orElseThrow();
        robot.interact(yes::fire);

        FxWait.waitUntil(() -> showing("Tandem — Restored") != null);
        Stage restored = showing("Tandem — Restored");
        String message = ((Labeled) restored.getScene().getRoot().lookup("#restoredMessage")).getText();
        assertTrue(message.startsWith("Restored the backup made Nov 23, 2026"), message);
        assertTrue(message.contains("before-restore-20261123-160000Z.db"), message);
        assertEquals(null, showing("Tandem — Settings"));
        assertTrue(session.app().backups().closed());
        robot.interact(() -> Screenshots.save(restored.getScene(), "restored"));
    }
}
