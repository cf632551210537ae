package care.tandem.ui.settings;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Settings window, headless: the idle minutes take only numbers, and a half-typed user is not lost. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext app;
    private Stage stage;

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

    private void open(FxRobot robot) {
        app = TestApp.signedIn(dir, MutableClock.at("2026-01-05T14:00:00Z"));
        robot.interact(() -> {
            Texts texts = new Texts(Locale.ENGLISH);
            SettingsViewModel vm = new SettingsViewModel(app.accounts(), app.clinic(), new SyncRunner(), dialogs,
                    texts, minutes -> { });
            FXMLLoader loader = new FXMLLoader(
                    SettingsController.class.getResource("/care/tandem/ui/settings/SettingsView.fxml"), texts.bundle());
            loader.setControllerFactory(type -> new SettingsController(vm));
            Parent root;
            try {
                root = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stage = new Stage();
            stage.setScene(new Scene(root, 760, 700));
            loader.<SettingsController>getController().attach(stage);
            stage.show();
        });
    }

    private TextField minutesField(FxRobot robot) {
        Spinner<?> spinner = robot.lookup("#idleSpinner").queryAs(Spinner.class);
        return spinner.getEditor();
    }

    private void replaceMinutes(FxRobot robot, String typed) {
        TextField field = minutesField(robot);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.type(KeyCode.BACK_SPACE);
        robot.write(typed);
    }

    private String idleMessage(FxRobot robot) {
        return robot.lookup("#idleMessage").queryLabeled().getText();
    }

    @Test
    void lettersTypedIntoTheIdleMinutesAreNotTakenAndSavingStillWorks(FxRobot robot) {
        open(robot);
        TextField field = minutesField(robot);
        robot.clickOn(field);
        robot.interact(field::end);
        robot.write("abc").type(KeyCode.ENTER);

        assertEquals("5", field.getText());
        robot.clickOn("#saveIdleButton");
        assertEquals("Saved: Tandem locks after 5 minutes without use.", idleMessage(robot));
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void typedMinutesAreSaved(FxRobot robot) {
        open(robot);
        replaceMinutes(robot, "12");
        robot.clickOn("#saveIdleButton");

        assertEquals("Saved: Tandem locks after 12 minutes without use.", idleMessage(robot));
        assertEquals(12, app.clinic().idleLockMinutes());
    }

    @Test
    void anEmptiedMinutesFieldShowsTheMinutesAgainInsteadOfFailing(FxRobot robot) {
        open(robot);
        replaceMinutes(robot, "");
        robot.clickOn("#saveIdleButton");

        assertEquals("5", minutesField(robot).getText());
        assertEquals("Saved: Tandem locks after 5 minutes without use.", idleMessage(robot));
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void closingWithAHalfTypedNewUserAsksFirst(FxRobot robot) {
        open(robot);
        robot.clickOn("#newNameField").write("Dr. Half Typed");
        dialogs.answer = false;
        robot.clickOn("#closeButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("settings.users.discard.message"), dialogs.questions);
        assertTrue(stage.isShowing());
        assertEquals("Dr. Half Typed", robot.lookup("#newNameField").queryTextInputControl().getText());

        dialogs.answer = true;
        robot.clickOn("#closeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing());
    }
}
