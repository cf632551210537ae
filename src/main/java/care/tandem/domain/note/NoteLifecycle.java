package care.tandem.domain.note;

import java.util.Optional;

/**
 * Who may do what to a note from which status (docs/notes.md holds the same table for people):
 * <pre>
 * status            edit / sign      co-sign / return       addendum
 * DRAFT             author           -                      -
 * RETURNED          author           -                      -
 * AWAITING_COSIGN   - (locked)       author's supervisor    -
 * SIGNED            - (locked)       -                      any clinician
 * COSIGNED          - (locked)       -                      any clinician
 * </pre>
 * Signing by an author whose role needs a supervisor leads to AWAITING_COSIGN, else to SIGNED; co-signing leads to
 * COSIGNED, returning to RETURNED. A co-signature needs an attestation, a return a comment, an addendum its text.
 * An administrator writes no clinical notes.
 */
public final class NoteLifecycle {

    /** What someone does to a note. */
    public enum Action {
        /** Change the text, interventions, linked referrals, mandated report or the visit's facts. */
        EDIT,
        SIGN,
        COSIGN,
        /** The supervisor sends it back to the author with a comment. */
        RETURN,
        ADD_ADDENDUM
    }

    /** How the person acting stands to the note. */
    public enum Actor {
        AUTHOR,
        /** The supervisor of the note's author. */
        SUPERVISOR,
        /** Any other clinician, associate or supervisor. */
        OTHER_CLINICIAN,
        ADMINISTRATOR
    }

    /** Why a step is refused; each has a message for people (bundle {@code note.refused.<NAME>}). */
    public enum Refusal {
        /** The note is signed: it never changes; write an addendum instead. */
        LOCKED,
        /** The note is signed and waits for the supervisor's co-signature: it changes only if they return it. */
        AWAITING_COSIGN,
        /** Addenda follow only a signed note (a draft is still edited). */
        NOT_SIGNED,
        /** Only a note awaiting a co-signature can be co-signed or returned. */
        NOT_AWAITING_COSIGN,
        /** Only the note's author writes and signs it. */
        NOT_AUTHOR,
        /** Only the author's supervisor co-signs or returns it. */
        NOT_SUPERVISOR,
        /** Administrators write no clinical notes. */
        NOT_CLINICIAN,
        /** An attestation, a comment or an addendum's text is missing. */
        TEXT_NEEDED
    }

    private NoteLifecycle() {
    }

    /** Why {@code who} may not do {@code action} to a note in status {@code from} with this text, or empty. */
    public static Optional<Refusal> check(NoteStatus from, Action action, Actor who, String text) {
        if (who == Actor.ADMINISTRATOR) {
            return Optional.of(Refusal.NOT_CLINICIAN);
        }
        Refusal r = switch (action) {
            case EDIT, SIGN -> from.finished() ? Refusal.LOCKED
                    : from == NoteStatus.AWAITING_COSIGN ? Refusal.AWAITING_COSIGN
                    : who != Actor.AUTHOR ? Refusal.NOT_AUTHOR : null;
            case COSIGN, RETURN -> from != NoteStatus.AWAITING_COSIGN ? Refusal.NOT_AWAITING_COSIGN
                    : who != Actor.SUPERVISOR ? Refusal.NOT_SUPERVISOR
                    : blank(text) ? Refusal.TEXT_NEEDED : null;
            case ADD_ADDENDUM -> !from.finished() ? Refusal.NOT_SIGNED : blank(text) ? Refusal.TEXT_NEEDED : null;
        };
        return Optional.ofNullable(r);
    }

    /**
     * The status after an allowed step.
     *
     * @param needsCosign whether the author's role needs a supervisor's co-signature
     */
    public static NoteStatus after(NoteStatus from, Action action, boolean needsCosign) {
        return switch (action) {
            case EDIT, ADD_ADDENDUM -> from;
            case SIGN -> needsCosign ? NoteStatus.AWAITING_COSIGN : NoteStatus.SIGNED;
            case COSIGN -> NoteStatus.COSIGNED;
            case RETURN -> NoteStatus.RETURNED;
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
