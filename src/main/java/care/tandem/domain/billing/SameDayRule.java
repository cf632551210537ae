package care.tandem.domain.billing;

/**
 * Which rule an FQHC, RHC or Tribal clinic follows for dyadic services on the day of a PPS visit
 * (SPANISH-AND-CODES.md §2.5; DOMAIN.md §A.1).
 */
public enum SameDayRule {
    /** The clinic has not chosen: both sources are shown and the plan is to be asked. */
    UNDECIDED(Verification.UNVERIFIED),
    /**
     * The DHCS managed-care contract (Exhibit A, Attachment III §K 5 h ✅): the all-inclusive rate for a billable
     * visit, the visit-per-day limit, and no double billing of duplicative services.
     */
    CONTRACT(Verification.CONFIRMED),
    /**
     * SPA 23-0010 (approved 6 January 2024, retroactive to 15 March 2023): dyadic services at the fee-for-service
     * rate outside PPS, exempt from the same-day exclusion. ⚠️: read only in a secondary source (HMA blog).
     */
    SPA_23_0010(Verification.CONFLICTING);

    private final Verification mark;

    SameDayRule(Verification mark) {
        this.mark = mark;
    }

    public Verification mark() {
        return mark;
    }
}
