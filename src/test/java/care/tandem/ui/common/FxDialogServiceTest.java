package care.tandem.ui.common;

import care.tandem.i18n.Texts;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Questions that could lose work answer "No" to a stray Enter; only a deliberate "Yes" confirms. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void enterAnswersNoInEveryYesNoQuestion(FxRobot robot) {
        AtomicReference<Alert> alert = new AtomicReference<>();
        robot.interact(() -> alert.set(new FxDialogService(new Texts(Locale.ENGLISH), () -> null)
                .confirmation("family.edit.discard.title", "family.edit.discard.message")));
        ButtonType yes = button(alert.get(), ButtonBar.ButtonData.YES);
        ButtonType no = button(alert.get(), ButtonBar.ButtonData.NO);
        assertTrue(((Button) alert.get().getDialogPane().lookupButton(no)).isDefaultButton());
        assertFalse(((Button) alert.get().getDialogPane().lookupButton(yes)).isDefaultButton());
        assertEquals("Yes", yes.getText());
    }

    private static ButtonType button(Alert alert, ButtonBar.ButtonData data) {
        return alert.getButtonTypes().stream().filter(b -> b.getButtonData() == data).findFirst().orElseThrow();
    }
}
