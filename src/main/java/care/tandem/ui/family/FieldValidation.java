package care.tandem.ui.family;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.util.Collection;

/**
 * The family form's inline validation: one ControlsFX {@link ValidationSupport} for the whole window, its
 * messages written under their fields by {@link FieldMessageDecoration}. The support's own decorating is
 * switched off because it shows nothing until a value changes, and a Save on an untouched form must
 * still point at every field that needs attention; which messages show is decided by the validators.
 */
final class FieldValidation {
    private final ValidationSupport support = new ValidationSupport();
    private final FieldMessageDecoration decoration = new FieldMessageDecoration();

    FieldValidation() {
        support.setValidationDecorator(null);
        support.validationResultProperty().addListener((obs, old, result) -> redecorate());
    }

    /** Validates {@code control}, showing its message in {@code message} and colouring {@code styled}. */
    <T> void register(Control control, Label message, Node styled, Validator<T> validator) {
        decoration.attach(control, message, styled);
        support.registerValidator(control, false, validator);
    }

    /**
     * Lets go of fields whose member was removed: their messages are no longer shown, and their validators,
     * which ControlsFX cannot unregister, run once more so that their last result (now none) replaces any
     * stale problem.
     */
    void forget(Collection<Control> controls) {
        for (Control control : controls) {
            decoration.detach(control);
            support.revalidate(control);
        }
    }

    /** Runs every validator again (a save was tried, so untouched fields speak up too). */
    void revalidate() {
        support.revalidate();
    }

    void revalidate(Control control) {
        support.revalidate(control);
    }

    private void redecorate() {
        for (Control control : support.getRegisteredControls()) {
            decoration.removeDecorations(control);
            support.getHighestMessage(control).ifPresent(decoration::applyValidationDecoration);
        }
    }
}
