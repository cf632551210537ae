package care.tandem.ui.common;

/**
 * How view models speak to the user without touching scene classes: a failure explained in the user's
 * language (never a stack trace or patient data), and yes/no questions.
 */
public interface DialogService {

    /** Shows what went wrong and what to do. */
    void showProblem(Throwable failure);

    /** Asks a yes/no question; true for yes. Texts are bundle keys with arguments. */
    boolean confirm(String titleKey, String messageKey, Object... args);
}
