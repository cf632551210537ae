package care.tandem.ui.family;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

import java.util.HashMap;
import java.util.Map;

/**
 * A ControlsFX validation decoration that writes the message under its field, in words, and colours the
 * field (red for an error, amber for a warning), instead of an icon with a tooltip nobody hovers over.
 */
final class FieldMessageDecoration implements ValidationDecoration {
    static final String ERROR = "family-field-error";
    static final String WARNING = "family-field-warning";

    private record Target(Label message, Node styled) {
    }

    private final Map<Control, Target> targets = new HashMap<>();

    /** Shows messages about {@code control} in {@code message}, colouring {@code styled}. */
    void attach(Control control, Label message, Node styled) {
        targets.put(control, new Target(message, styled));
        message.setVisible(false);
        message.setManaged(false);
        message.setWrapText(true);
    }

    /** Stops showing messages about {@code control} (its member was removed from the form). */
    void detach(Control control) {
        removeDecorations(control);
        targets.remove(control);
    }

    @Override
    public void removeDecorations(Control control) {
        Target t = targets.get(control);
        if (t == null) {
            return;
        }
        t.message().setText("");
        t.message().setVisible(false);
        t.message().setManaged(false);
        t.message().getStyleClass().removeAll(ERROR, WARNING);
        t.styled().pseudoClassStateChanged(Styles.STATE_DANGER, false);
        t.styled().pseudoClassStateChanged(Styles.STATE_WARNING, false);
    }

    @Override
    public void applyValidationDecoration(ValidationMessage message) {
        Target t = targets.get(message.getTarget());
        if (t == null) {
            return;
        }
        boolean error = message.getSeverity() == Severity.ERROR;
        t.message().setText(message.getText());
        t.message().getStyleClass().removeAll(ERROR, WARNING);
        t.message().getStyleClass().add(error ? ERROR : WARNING);
        t.message().setVisible(true);
        t.message().setManaged(true);
        t.styled().pseudoClassStateChanged(Styles.STATE_DANGER, error);
        t.styled().pseudoClassStateChanged(Styles.STATE_WARNING, !error);
    }

    @Override
    public void applyRequiredDecoration(Control control) {
        // Required fields say so in their label; no extra mark.
    }
}
