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
    /** A note signed by its author (a trainee's goes to the co-sign queue). */
    SIGN,
    /** A note co-signed by the author's supervisor. */
    COSIGN,
    /** A note returned to its author by the supervisor, with a comment. */
    RETURN_TO_AUTHOR,
    /** An addendum written (and signed) on a signed note. */
    ADDENDUM,
    /** An attempt to change a signed note, refused. */
    CHANGE_REFUSED,
    /** A signed note whose content no longer matches the hash stored at signing. */
    INTEGRITY_FAILED,
    /** A billing code accepted for a visit. */
    BILLING_CODE_ACCEPTED,
    /** An accepted billing code removed from a visit (kept as a tombstone). */
    BILLING_CODE_REMOVED,
    /** Records written out of Tandem (FHIR, CSV): what, in the detail; never patient data. */
    EXPORT,
    /** A sync package written to the sync folder (detail: file, number, records). */
    SYNC_PACKAGE_WRITTEN,
    /** A sync package read from another laptop (detail: file, records, conflicts). */
    SYNC_PACKAGE_READ,
    /** A sync package refused whole (detail: file, why). */
    SYNC_PACKAGE_REFUSED,
    /** This laptop joined a clinic from its sync folder. */
    SYNC_JOINED,
    /** A sync conflict resolved by a person. */
    SYNC_CONFLICT_RESOLVED,
    /** A backup written into the data folder's backups (scheduled or on demand); detail: file name, removed copies. */
    BACKUP,
    /** An encrypted backup written to a folder outside the data folder; detail: file name. */
    BACKUP_SEALED,
    /** The database replaced by a backup; detail: the backup's time and the copy kept of what it replaced. */
    RESTORE
}
