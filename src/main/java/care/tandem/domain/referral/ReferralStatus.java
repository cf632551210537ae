package care.tandem.domain.referral;

/**
 * Where a referral stands: the app status set of DOMAIN.md §D.2(d), each mapped to the FHIR Task status of the
 * Gravity SDOHCC Task for Referral Management (§D.2(a)) and to the findhelp outcome category (§D.2(b)).
 * Statuses the table marks "needs reason" ask for one (FHIR requires {@code statusReason} for rejected, cancelled,
 * on-hold and failed). Closed statuses are final: a new attempt is a new, linked referral.
 */
public enum ReferralStatus {
    DRAFT("draft", false, false, Result.OPEN),
    SENT("requested", false, false, Result.OPEN),
    ACCEPTED("accepted", false, false, Result.OPEN),
    IN_PROGRESS("in-progress", false, false, Result.OPEN),
    ON_HOLD("on-hold", true, false, Result.OPEN),
    /** A failed attempt to reach the family or the destination; may be retried, so it stays open. */
    COULD_NOT_CONTACT("failed", true, false, Result.OPEN),
    COMPLETED("completed", false, true, Result.GOT_HELP),
    DECLINED_BY_ORGANISATION("rejected", true, true, Result.NO_HELP),
    COULD_NOT_GET_HELP("failed", true, true, Result.NO_HELP),
    FAMILY_DECLINED("cancelled", true, true, Result.DECLINED),
    /** Closed here, with a new referral to the other destination linked to it. */
    REFERRED_ELSEWHERE("cancelled", true, true, Result.REDIRECTED),
    ENTERED_IN_ERROR("entered-in-error", false, true, Result.ERROR);

    /** What a closed referral came to, for the loop measures; OPEN while it is not closed. */
    public enum Result { OPEN, GOT_HELP, NO_HELP, DECLINED, REDIRECTED, ERROR }

    private final String taskStatus;
    private final boolean needsReason;
    private final boolean closed;
    private final Result result;

    ReferralStatus(String taskStatus, boolean needsReason, boolean closed, Result result) {
        this.taskStatus = taskStatus;
        this.needsReason = needsReason;
        this.closed = closed;
        this.result = result;
    }

    /** The FHIR R4 Task.status code (SDOHCC referral task status value set). */
    public String taskStatus() {
        return taskStatus;
    }

    /** Whether moving into this status needs a reason (DOMAIN.md §D.2(d), "Needs reason?"). */
    public boolean needsReason() {
        return needsReason;
    }

    /** Whether this status ends the referral (a final outcome, or entered in error). */
    public boolean closed() {
        return closed;
    }

    public Result result() {
        return result;
    }
}
