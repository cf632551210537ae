package care.tandem.domain.billing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The clinic's FQHC setting: whether it is a Federally Qualified Health Center, Rural Health Clinic or Tribal
 * clinic, and which same-day rule it follows for dyadic services (SPANISH-AND-CODES.md §2.5).
 */
public record FqhcSetting(boolean fqhc, SameDayRule sameDayRule) {

    public FqhcSetting {
        Objects.requireNonNull(sameDayRule, "sameDayRule");
    }

    /** A clinic that is not an FQHC, RHC or Tribal clinic (the default). */
    public static FqhcSetting standard() {
        return new FqhcSetting(false, SameDayRule.UNDECIDED);
    }

    /**
     * The explanation the setting shows: both sources with their marks (the contract's rule ✅, SPA 23-0010 ⚠️),
     * then which one the clinic follows.
     */
    public List<Words> explanation() {
        return List.of(Words.of("billing.fqhc.contract"), Words.of("billing.fqhc.spa"),
                Words.of("billing.fqhc.follows." + sameDayRule.name()));
    }

    /** The note procedure-code suggestions carry at an FQHC, RHC or Tribal clinic; empty elsewhere. */
    public Optional<Words> note() {
        return fqhc ? Optional.of(Words.of("billing.note.fqhc." + sameDayRule.name())) : Optional.empty();
    }
}
