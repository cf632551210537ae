package care.tandem.domain.note;

/**
 * Where a visit note stands. Its text may change only while it is a draft or has been returned to its author; once
 * signed it is locked (only addenda follow), and a note awaiting a co-signature is locked unless the supervisor
 * returns it. {@link NoteLifecycle} holds the steps between them.
 */
public enum NoteStatus {
    /** Being written; saved as it is typed. */
    DRAFT,
    /** Signed by an associate (trainee); in the supervisor's co-sign queue. */
    AWAITING_COSIGN,
    /** Returned by the supervisor with a comment; the author edits it and signs again. */
    RETURNED,
    /** Signed by a licensed clinician: final. */
    SIGNED,
    /** Signed by an associate and co-signed by the supervisor: final. */
    COSIGNED;

    /** Whether the note's text, interventions and visit facts may still change. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Whether the note is final: signed (and co-signed where needed); only addenda may follow. */
    public boolean finished() {
        return this == SIGNED || this == COSIGNED;
    }
}
