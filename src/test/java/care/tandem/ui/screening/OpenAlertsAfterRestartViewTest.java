package care.tandem.ui.screening;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.screening.AlertAction;
import care.tandem.testing.ShellSession;
import care.tandem.testing.TestApp;
import care.tandem.ui.TandemShell;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
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
import java.time.Clock;
import java.util.Optional;

import static care.tandem.testing.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An urgent alert left open survives closing Tandem: the next sign-in shows it before anything else. */
@ExtendWith(ApplicationExtension.class)
class OpenAlertsAfterRestartViewTest {
    @TempDir
    Path dir;
    private final ShellSession session = new ShellSession();
    private AppContext app;
    private TandemShell shell;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    private static Optional<Window> alertWindow() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && "Tandem — Urgent: act now".equals(s.getTitle())).findFirst();
    }

    @Test
    void anAlertLeftOpenIsShownAfterRestartAndSignInNamingItsFamily(FxRobot robot) throws Exception {
        ScreeningPanelFixture before = ScreeningPanelFixture.signedIn(dir);
        before.phq9(0, 0, 0, 0, 0, 0, 0, 0, 2);
        assertEquals(1, before.app.screening().openAlerts(null).size());
        before.app.close();

        session.open(robot, dir, Clock.systemDefaultZone());
        app = session.app();
        shell = session.shell();
        session.signIn(robot);
        waitUntil(() -> alertWindow().isPresent());
        Parent root = alertWindow().get().getScene().getRoot();
        waitUntil(() -> "Family: Pérez family".equals(((Labeled) root.lookup("#alertFamily")).getText()));
        assertEquals("Answer given: More than half the days", ((Labeled) root.lookup("#alertAnswer")).getText());
        Label status = (Label) shell.mainStage().getScene().getRoot().lookup("#statusAlerts");
        waitUntil(() -> "1 urgent alert open".equals(status.getText()));

        // A lock and an unlock leave it in front, not closed and not shown twice.
        robot.interact(() -> shell.lock().lock());
        assertTrue(alertWindow().isPresent(), "the lock covers the alert instead of closing it");
        javafx.scene.control.PasswordField password = (javafx.scene.control.PasswordField) alertWindow().get()
                .getScene().getRoot().lookup(".lock-cover #passwordField");
        robot.interact(() -> {
            password.setText(TestApp.PASSWORD);
            ((Button) alertWindow().get().getScene().getRoot().lookup(".lock-cover #unlockButton")).fire();
        });
        waitUntil(() -> !shell.lock().isLocked());
        long dialogs = Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && "Tandem — Urgent: act now".equals(s.getTitle())).count();
        assertEquals(1, dialogs);

        robot.interact(() -> {
            ((RadioButton) root.lookup("#alertAction_" + AlertAction.GAVE_988.name())).setSelected(true);
            ((Button) root.lookup("#alertRecord")).fire();
        });
        waitUntil(() -> alertWindow().isEmpty());
        assertTrue(app.screening().openAlerts(null).isEmpty());
        waitUntil(() -> !status.isVisible());
    }
}
