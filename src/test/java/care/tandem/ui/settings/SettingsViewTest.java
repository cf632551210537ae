package care.tandem.ui.settings;

import atlantafx.base.theme.PrimerLight;
import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.Screenshots;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
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
        show(robot);
    }

    private void show(FxRobot robot) {
        robot.interact(() -> {
            Texts texts = new Texts(Locale.ENGLISH);
            SettingsViewModel vm = new SettingsViewModel(app.accounts(), app.clinic(), app.screening(),
                    new SyncRunner(), dialogs, texts, minutes -> { });
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
            Scene scene = new Scene(root, 760, 700);
            scene.getStylesheets().add("/care/tandem/ui/tandem.css");
            stage.setScene(scene);
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

    private void replace(FxRobot robot, String field, String typed) {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        // Focus, not a click: the section may be scrolled out of the window's view.
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.type(KeyCode.BACK_SPACE);
        robot.write(typed);
    }

    private void screenshot(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup(".settings-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }

    private String text(FxRobot robot, String field) {
        return robot.lookup(field).queryAs(TextField.class).getText();
    }

    @Test
    void anAdministratorSetsTheScreeningScheduleAndThresholdsAndSeesThemAgainOnReopening(FxRobot robot) {
        open(robot);
        assertTrue(robot.lookup("#screeningSection").query().isVisible());
        assertEquals("1, 2, 4, 6", text(robot, "#monthsField"));
        assertEquals("10", text(robot, "#epdsPositiveField"));
        assertEquals("13", text(robot, "#epdsLikelyField"));
        screenshot(robot, "settings-screening");

        replace(robot, "#monthsField", "1, 2, 4, 6, 9");
        robot.interact(() -> robot.lookup("#instrumentChoice").queryAs(ChoiceBox.class).getSelectionModel().select(2));
        replace(robot, "#socialField", "6");
        replace(robot, "#epdsPositiveField", "11");
        replace(robot, "#epdsLikelyField", "14");
        robot.interact(() -> robot.lookup("#gadSpanishCheck").queryAs(CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup("#saveScreeningButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Screening settings saved. They apply from now on.",
                robot.lookup("#screeningMessage").queryLabeled().getText());

        robot.interact(stage::hide);
        show(robot);
        assertEquals("1, 2, 4, 6, 9", text(robot, "#monthsField"));
        assertEquals("EPDS", robot.lookup("#instrumentChoice").queryAs(ChoiceBox.class).getConverter()
                .toString(robot.lookup("#instrumentChoice").queryAs(ChoiceBox.class).getValue()));
        assertEquals("6", text(robot, "#socialField"));
        assertEquals("11", text(robot, "#epdsPositiveField"));
        assertEquals("14", text(robot, "#epdsLikelyField"));
        assertTrue(robot.lookup("#gadSpanishCheck").queryAs(CheckBox.class).isSelected());
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void aPositiveThresholdAboveLikelyDepressionIsRefusedInlineAndNotSaved(FxRobot robot) {
        open(robot);
        replace(robot, "#epdsPositiveField", "15");
        robot.write("x");
        assertEquals("15", text(robot, "#epdsPositiveField"), "letters are not taken");
        robot.interact(() -> robot.lookup("#saveScreeningButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("The EPDS positive threshold cannot be above the \"likely depression\" threshold. Nothing was saved.",
                robot.lookup("#screeningMessage").queryLabeled().getText());
        assertEquals(10, app.screening().settings().epdsPositive());
        screenshot(robot, "settings-screening-refused");
    }
}
