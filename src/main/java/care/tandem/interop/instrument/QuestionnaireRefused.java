package care.tandem.interop.instrument;

/**
 * A file that cannot be imported as a Questionnaire, with the reason in words (never the file's content): not
 * JSON, not a Questionnaire, FHIR R5 content, a modifier extension, items without link ids, or a clinic's mark
 * that the file cannot carry.
 */
public final class QuestionnaireRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuestionnaireRefused(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
