package care.tandem.domain.audit;

/** What happened, as written to the append-only audit log. */
public enum AuditAction {
    SIGN_IN, SIGN_IN_FAILED, SIGN_IN_LOCKED_OUT, SIGN_OUT, LOCK, UNLOCK,
    CREATE, CHANGE, VIEW, MERGE, SETUP, USER_CREATED, DEMO_DATA,
    /** A screen marked entered in error (a correction follows). */
    ENTERED_IN_ERROR,
    /** An urgent alert acted on. */
    ALERT_ACTED,
    /** Private content (interpersonal-safety answers) shown on a clinician screen. */
    VIEW_PRIVATE,
    /** A document written for printing or handing on (a referral letter). */
    PRINT,
    /** A billing code accepted for a visit. */
    BILLING_CODE_ACCEPTED,
    /** An accepted billing code removed from a visit (kept as a tombstone). */
    BILLING_CODE_REMOVED
}
