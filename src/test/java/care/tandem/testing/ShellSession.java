package care.tandem.testing;

import care.tandem.AppContext;
import care.tandem.ui.TandemShell;
import care.tandem.ui.common.FxBackgroundRunner;
import care.tandem.ui.common.LanguageChoice;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tandem's real windows over a test data folder, headless and in English: opens the folder and the shell at its
 * sign-in, signs the administrator in, and at the end closes the windows (owned ones first, as at sign-out), the
 * background runner and the folder. A test keeps one in a field and calls {@link #close()} from its
 * {@code @AfterEach}, whether or not the test got as far as opening it.
 */
public final class ShellSession implements AutoCloseable {
    private final AtomicLong millis = new AtomicLong(1_000_000L);
    private AppContext app;
    private FxBackgroundRunner runner;
    private TandemShell shell;

    /** Opens the data folder {@code dir} on {@code clock} and shows the sign-in window. */
    public void open(FxRobot robot, Path dir, Clock clock) {
        app = TestApp.open(dir, clock);
        runner = new FxBackgroundRunner();
        TandemShell.Facts facts = TandemShell.Facts.read(app);
        robot.interact(() -> {
            shell = new TandemShell(app, facts, runner, LanguageChoice.inMemory(Locale.ENGLISH), millis::get,
                    () -> { });
            shell.start(new Stage());
        });
    }

    /** Types the administrator's name and password into the sign-in window and presses Enter. */
    public void signIn(FxRobot robot) {
        robot.clickOn("#usernameField").write(TestApp.ADMIN);
        robot.clickOn("#passwordField").write(TestApp.PASSWORD).type(KeyCode.ENTER);
    }

    /** Opens the folder, signs in and waits for the main window. */
    public void openSignedIn(FxRobot robot, Path dir, Clock clock) throws Exception {
        open(robot, dir, clock);
        signIn(robot);
        FxWait.waitUntil(() -> shell.mainStage() != null && shell.mainStage().isShowing());
    }

    /** The open data folder (null before {@link #open}). */
    public AppContext app() {
        return app;
    }

    /** The shell (null before {@link #open}). */
    public TandemShell shell() {
        return shell;
    }

    @Override
    public void close() throws Exception {
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
}
