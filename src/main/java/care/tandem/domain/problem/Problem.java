package care.tandem.domain.problem;

/**
 * Every failure Tandem explains to a person. The text lives in the message bundles under
 * {@code problem.<NAME>} (what is wrong and what to do); arguments are never patient data.
 */
public enum Problem {
    DATA_FOLDER_NETWORK_SHARE,
    DATA_FOLDER_IN_USE,
    DATA_FOLDER_NOT_WRITABLE,
    DATABASE_DAMAGED,
    DATABASE_NOT_READABLE,
    DATABASE_NEWER_VERSION,
    DATABASE_BUSY,
    DISK_FULL,
    STORAGE_FAILED,
    VALIDATION_FAILED,
    NOT_FOUND,
    NOT_SIGNED_IN,
    NOT_ALLOWED,
    RECORD_CHANGED_ELSEWHERE,
    MERGE_SAME_FAMILY,
    USERNAME_TAKEN,
    DEMO_REFUSED_REAL_DATA,
    SCREENING_FINISHED,
    INSTRUMENTS_DAMAGED,
    INSTALLATION_DAMAGED,
    ALERT_CLOSED,
    REFERRAL_CLOSED,
    REFERRAL_STEP_REFUSED,
    REASON_NEEDED,
    RECIPIENT_RESTRICTED,
    RECIPIENT_NOT_SUBJECT,
    BAD_ARGUMENT,
    NOTE_LOCKED,
    NOTE_AWAITING_COSIGN,
    NOTE_STEP_REFUSED,
    NOTE_TEXT_NEEDED,
    NOTE_NO_SUPERVISOR,
    NOTE_CHANGED_ELSEWHERE,
    NO_PRINTER,
    PRINT_FAILED,
    PASSPHRASE_NEEDED,
    PASSPHRASE_WRONG,
    PASSPHRASE_TOO_SHORT,
    PASSPHRASE_ALREADY_SET,
    FILE_NOT_TANDEM,
    FILE_NEWER_FORMAT,
    FILE_WRONG_KIND,
    FILE_DAMAGED,
    FILE_OTHER_CLINIC,
    FILE_TAMPERED,
    EXPORT_FOLDER_NOT_EMPTY,
    SYNC_FOLDER_UNUSABLE,
    SYNC_OTHER_CLINIC,
    SYNC_PACKAGE_NEWER,
    SYNC_PACKAGE_UNREADABLE,
    SYNC_PACKAGE_INCOMPLETE,
    SYNC_JOIN_NOT_EMPTY,
    SYNC_NOTHING_TO_JOIN,
    SYNC_FOLDER_MIXED,
    SYNC_NOT_SET_UP,
    SYNC_PACKAGE_CLASH,
    /** A file that cannot be imported as a FHIR R4 Questionnaire; {0}: why (issue 6, questionnaire import). */
    QUESTIONNAIRE_REFUSED,
    /** A version that may not become current (it lacks a critical item, or has nothing to ask); {0}: why. */
    INSTRUMENT_VERSION_REFUSED,
    BACKUP_NEWER_VERSION,
    BACKUP_CHECK_FAILED;

    /** The bundle key of this problem's message. */
    public String messageKey() {
        return "problem." + name();
    }
}
