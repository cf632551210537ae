package care.tandem.ui;

import care.tandem.testing.Screenshots;
import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import care.tandem.testing.TestApp;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A data folder Tandem cannot open gets one clear window, and nothing else. */
@ExtendWith(ApplicationExtension.class)
class CannotOpenWindowTest {
    @TempDir
    Path dir;
    private Stage stage;
    private AppContext first;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage = primary;
    }

    @AfterEach
    void close() {
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aFolderAlreadyOpenShowsTheInUseProblemInTheCannotOpenWindow(FxRobot robot) {
        first = TestApp.open(dir, Clock.systemDefaultZone());

        TandemApp.Opened second = TandemApp.Opened.open(() -> TestApp.open(dir, Clock.systemDefaultZone()));

        assertNull(second.app());
        ProblemException problem = assertInstanceOf(ProblemException.class, second.failure());
        assertEquals(Problem.DATA_FOLDER_IN_USE, problem.problem());

        AtomicBoolean closed = new AtomicBoolean();
        robot.interact(() -> CannotOpenWindow.show(stage, new Texts(Locale.ENGLISH), second.failure(),
                () -> closed.set(true)));
        assertEquals("Tandem — Cannot open", stage.getTitle());
        String message = robot.lookup("#cannotOpenMessage").queryLabeled().getText();
        assertTrue(message.startsWith("Tandem is already open on the data folder " + dir.toAbsolutePath()), message);
        assertFalse(message.contains("Exception"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "cannot-open"));

        robot.clickOn("#cannotOpenClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(closed.get(), "closing the window ends Tandem");
    }

    @Test
    void anUnexpectedFailureGetsAGeneralTextWithoutItsMessage(FxRobot robot) {
        RuntimeException failure = new IllegalStateException("row of Ana Lopez unreadable");

        robot.interact(() -> CannotOpenWindow.show(stage, new Texts(Locale.ENGLISH), failure, () -> { }));

        String message = robot.lookup("#cannotOpenMessage").queryLabeled().getText();
        assertFalse(message.contains("Ana"));
        assertEquals(new Texts(Locale.ENGLISH).get("error.generic"), message);
    }
}
