package care.tandem.domain.family;

import java.util.Objects;
import java.util.UUID;

/**
 * One thing wrong with a family record, pointing at the member and field to show it beside.
 *
 * @param memberId   the member concerned, or null when the problem is with the family as a whole
 * @param messageKey resource-bundle key of the text shown to the user (see {@link FamilyValidation})
 */
public record ValidationProblem(UUID memberId, Field field, Severity severity, String messageKey) {

    /** The part of the family form a problem belongs to. */
    public enum Field { GIVEN_NAME, FAMILY_NAME, BIRTH_DATE, RELATIONSHIP, PHONE, MEDI_CAL_ID, MEMBERS }

    /** ERROR blocks saving; WARNING is shown but the record may still be saved. */
    public enum Severity { ERROR, WARNING }

    public ValidationProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageKey, "messageKey");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
