package care.tandem.domain.billing;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * Everything the billing rules read about one visit.
 *
 * @param childBirthDate the child's date of birth, or null when the registry does not hold it
 * @param screens        the visit's finished screens that count (not entered in error, not "not done")
 * @param billedBefore   codes accepted on the child's other visits
 * @param fqhc           the clinic's FQHC setting
 */
public record VisitFacts(LocalDate visitDate, LocalDate childBirthDate, List<ScreenFacts> screens, NoteFacts note,
                         List<BilledBefore> billedBefore, FqhcSetting fqhc) {

    public VisitFacts {
        Objects.requireNonNull(visitDate, "visitDate");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(fqhc, "fqhc");
        screens = List.copyOf(screens);
        billedBefore = List.copyOf(billedBefore);
    }

    /** True when the visit falls before the child's first birthday (false when the birth date is unknown). */
    public boolean inFirstYear() {
        return childBirthDate != null && visitDate.isBefore(childBirthDate.plusYears(1));
    }

    /** The child's completed years at the visit, or -1 when the birth date is unknown. */
    public int childYears() {
        return childBirthDate == null ? -1 : Period.between(childBirthDate, visitDate).getYears();
    }
}
