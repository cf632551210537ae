package care.tandem.domain.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a visit's superbill shows: the clinic, the child (name, date of birth, Medi-Cal id if the registry holds one;
 * dyadic services are billed under the child's id, SPANISH-AND-CODES.md §2.4), the visit and its accepted codes.
 * It holds every accepted code; confidential ones are marked, and a copy for the family leaves them out unless the
 * clinician chooses to include them.
 *
 * @param mediCalId empty when the registry has none
 */
public record Superbill(String clinicName, String childName, LocalDate childBirthDate, String mediCalId,
                        LocalDate visitDate, String clinician, List<AcceptedCode> codes) {

    public Superbill {
        Objects.requireNonNull(visitDate, "visitDate");
        mediCalId = Objects.requireNonNullElse(mediCalId, "");
        codes = List.copyOf(codes);
    }

    /** The codes for a copy handed to the family: all of them, or all but the confidential ones. */
    public List<AcceptedCode> codesFor(boolean includeConfidential) {
        return includeConfidential ? codes : codes.stream().filter(c -> !c.confidential()).toList();
    }
}
