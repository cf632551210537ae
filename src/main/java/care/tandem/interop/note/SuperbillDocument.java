package care.tandem.interop.note;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A superbill for one visit, as plain data with every value already in the reader's words; the fixed words of the page
 * come from the bundle in {@code language}. A blank value is left off the page.
 *
 * @param codes the accepted codes, in the order to list them
 */
public record SuperbillDocument(Locale language, String clinicName, String childName, String childBirthDate,
                                String mediCalId, String visitDate, String renderingClinician, List<Code> codes) {

    public SuperbillDocument {
        Objects.requireNonNull(language, "language");
        clinicName = Objects.requireNonNullElse(clinicName, "");
        childName = Objects.requireNonNullElse(childName, "");
        childBirthDate = Objects.requireNonNullElse(childBirthDate, "");
        mediCalId = Objects.requireNonNullElse(mediCalId, "");
        visitDate = Objects.requireNonNullElse(visitDate, "");
        renderingClinician = Objects.requireNonNullElse(renderingClinician, "");
        codes = List.copyOf(codes);
    }

    /**
     * One billing code.
     *
     * @param modifier       such as "HD"; blank for none
     * @param label          what the code means, in words
     * @param system         such as "HCPCS", "CPT" or "ICD-10-CM"
     * @param confidential   true for a code that reveals confidential content (Z63.0, Z91.41x: ARCHITECTURE.md, safety
     *                       and privacy rules), printed only when the confidential part is asked for
     * @param verifyWithPlan true for a code marked ⚠️ or ❓ in the references (DOMAIN.md §A.2, §B), shown as "verify with your
     *                       plan"
     */
    public record Code(String code, String modifier, String label, String system, boolean confidential,
                       boolean verifyWithPlan) {
        public Code {
            code = Objects.requireNonNullElse(code, "");
            modifier = Objects.requireNonNullElse(modifier, "");
            label = Objects.requireNonNullElse(label, "");
            system = Objects.requireNonNullElse(system, "");
        }
    }
}
