package care.tandem.ui;

import care.tandem.testing.Screenshots;
import atlantafx.base.theme.PrimerLight;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.UncaughtErrors;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An error nothing caught gets a calm dialog that shows neither the exception's message nor any record. */
@ExtendWith(ApplicationExtension.class)
class UncaughtErrorsViewTest {
    private Thread.UncaughtExceptionHandler before;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void restore() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(before);
        FxToolkit.cleanupStages();
    }

    @Test
    void anErrorOnAnyThreadShowsTheUnexpectedErrorDialogWithoutItsMessage(FxRobot robot) throws Exception {
        before = Thread.getDefaultUncaughtExceptionHandler();
        robot.interact(() -> UncaughtErrors.install(() -> new Texts(Locale.ENGLISH)));

        Thread worker = new Thread(() -> {
            throw new IllegalStateException("family of Ana Lopez");
        }, "db-worker-test");
        worker.start();
        worker.join();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog() != null);
        Stage dialog = dialog();
        Label text = (Label) dialog.getScene().getRoot().lookup("#unexpectedErrorText");
        assertTrue(text.getText().contains("saving twice is safe"), text.getText());
        assertFalse(text.getText().contains("Ana"));
        robot.interact(() -> Screenshots.save(dialog.getScene(), "unexpected-error"));
        robot.interact(dialog::hide);
    }

    private static Stage dialog() {
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Tandem — Unexpected error".equals(s.getTitle()) && s.isShowing())
                .findFirst().orElse(null);
    }
}
