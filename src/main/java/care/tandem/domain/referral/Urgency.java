package care.tandem.domain.referral;

/**
 * How soon a referral needs following up; sets the default follow-up date. The intervals are Tandem's defaults
 * (not from a published source); a clinician changes the date per referral.
 */
public enum Urgency {
    ROUTINE(14),
    SOON(7),
    URGENT(1),
    /** Today: a warm hand-off or a crisis line given during the visit. */
    SAME_DAY(0);

    private final int followUpDays;

    Urgency(int followUpDays) {
        this.followUpDays = followUpDays;
    }

    /** Days from today to the default follow-up date. */
    public int followUpDays() {
        return followUpDays;
    }
}
