package care.tandem.ui.screening;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.screening.AlertAction;
import care.tandem.testing.TestApp;
import care.tandem.ui.TandemShell;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.LanguageChoice;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
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

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An urgent alert left open survives closing Tandem: the next sign-in shows it before anything else. */
@ExtendWith(ApplicationExtension.class)
class OpenAlertsAfterRestartViewTest {
    @TempDir
    Path dir;
    private AppContext app;
    private FxBackgroundRunner runner;
    private TandemShell shell;
    private final AtomicLong millis = new AtomicLong(1_000_000L);

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        if (shell != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                if (shell.ui() != null) {
                    shell.ui().windows().closeAll();
                }
            }).get(10, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
        if (runner != null) {
            runner.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
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

        app = TestApp.open(dir, Clock.systemDefaultZone());
        runner = new FxBackgroundRunner();
        TandemShell.Facts facts = TandemShell.Facts.read(app);
        robot.interact(() -> {
            shell = new TandemShell(app, facts, runner, LanguageChoice.inMemory(Locale.ENGLISH), millis::get,
                    () -> { });
            shell.start(new Stage());
        });
        robot.clickOn("#usernameField").write(TestApp.ADMIN);
        robot.clickOn("#passwordField").write(TestApp.PASSWORD).type(KeyCode.ENTER);
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
