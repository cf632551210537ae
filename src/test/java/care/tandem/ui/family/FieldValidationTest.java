package care.tandem.ui.family;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.validation.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inline messages under fields, and letting go of the fields of a member removed from the form. */
@ExtendWith(ApplicationExtension.class)
class FieldValidationTest {
    private FieldValidation validation;
    private TextField field;
    private Label message;

    @Start
    void start(Stage stage) {
        validation = new FieldValidation();
        field = new TextField();
        message = new Label();
    }

    private void registerAlwaysWrong() {
        validation.register(field, message, field,
                (c, value) -> ValidationResult.fromError(c, "Enter a given name."));
    }

    private static void onFxThread(FxRobot robot, Runnable step) {
        robot.interact(step);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void a_problem_is_written_under_its_field(FxRobot robot) {
        onFxThread(robot, this::registerAlwaysWrong);
        onFxThread(robot, validation::revalidate);
        assertTrue(message.isVisible());
        assertEquals("Enter a given name.", message.getText());
    }

    @Test
    void a_forgotten_field_loses_its_message_and_gets_no_new_one(FxRobot robot) {
        onFxThread(robot, this::registerAlwaysWrong);
        onFxThread(robot, validation::revalidate);
        assertTrue(message.isVisible());

        onFxThread(robot, () -> validation.forget(List.of(field)));
        onFxThread(robot, validation::revalidate);

        assertFalse(message.isVisible());
        assertEquals("", message.getText());
    }
}
