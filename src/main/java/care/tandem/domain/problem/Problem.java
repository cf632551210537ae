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
    BACKUP_NEWER_VERSION,
    BACKUP_CHECK_FAILED;

    /** The bundle key of this problem's message. */
    public String messageKey() {
        return "problem." + name();
    }
}
