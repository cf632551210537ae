package care.tandem.domain.audit;

/** What happened, as written to the append-only audit log. */
public enum AuditAction {
    SIGN_IN, SIGN_IN_FAILED, SIGN_IN_LOCKED_OUT, SIGN_OUT, LOCK, UNLOCK,
    CREATE, CHANGE, VIEW, MERGE, SETUP, USER_CREATED, DEMO_DATA
}
