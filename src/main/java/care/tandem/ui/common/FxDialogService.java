package care.tandem.ui.common;

import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The production {@link DialogService}: alerts in the user's language, over the window in front. A
 * {@link ProblemException} shows its own text; anything else a general text (its message may hold data)
 * and is logged by class and stack frames only.
 */
public final class FxDialogService implements DialogService {
    private final Texts texts;
    private final Supplier<Window> owner;

    /** Dialogs over the focused Tandem window. */
    public FxDialogService(Texts texts) {
        this(texts, FxDialogService::focusedWindow);
    }

    public FxDialogService(Texts texts, Supplier<Window> owner) {
        this.texts = texts;
        this.owner = owner;
    }

    @Override
    public void showProblem(Throwable failure) {
        if (!(failure instanceof ProblemException)) {
            ErrorLog.unexpected(Thread.currentThread().getName(), failure);
        }
        Alert alert = alert(Alert.AlertType.WARNING, "dialog.problem.title", ProblemTexts.describe(failure, texts));
        alert.getButtonTypes().setAll(new ButtonType(texts.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.show();
    }

    @Override
    public boolean confirm(String titleKey, String messageKey, Object... args) {
        Alert alert = confirmation(titleKey, messageKey, args);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get().getButtonData() == ButtonBar.ButtonData.YES;
    }

    /** A yes/no question whose default (Enter) is "No": a stray key must never discard or merge. */
    Alert confirmation(String titleKey, String messageKey, Object... args) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, titleKey, texts.get(messageKey, args));
        ButtonType yes = new ButtonType(texts.get("dialog.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(texts.get("dialog.no"), ButtonBar.ButtonData.NO);
        alert.getButtonTypes().setAll(yes, no);
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert;
    }

    private Alert alert(Alert.AlertType type, String titleKey, String message) {
        return Alerts.create(type, texts, titleKey, message, owner.get());
    }

    /** The focused Tandem window, or none (the dialog then stands alone). */
    public static Window focusedWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isFocused()).findFirst()
                .orElse(Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).findFirst()
                        .orElse(null));
    }
}
