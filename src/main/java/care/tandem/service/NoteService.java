package care.tandem.service;

import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.MandatedReport;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.note.NoteTemplate;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.note.VisitPlace;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.Visit;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Visit notes: the visit's kind, minutes, place and child screens; the note drafted from the template for the visit's
 * kind with this visit's results and referrals written in; saved as it is typed; interventions ticked into it (a warm
 * hand-off or referral linked as a referral record); a mandated report recorded; signed and locked (content hash
 * stored), co-signed by the supervisor of an associate or returned to them with a comment; addenda after signing.
 * Any attempt to change a signed note is refused and audited. The note is written in English (the clinic's record).
 */
public final class NoteService {

    // ---- templates ----

    /** The note templates, by name (seeded with the dyadic templates on first use). */
    public List<NoteTemplate> templates() {
        throw new UnsupportedOperationException("coming");
    }

    /**
     * Saves an edited template (revision as read) or adds a new one (revision 0); administrators only. Notes already
     * drafted keep the sections they were laid out with.
     *
     * @throws ProblemException NOT_ALLOWED for anyone but an administrator; BAD_ARGUMENT for a template without a
     *                          name or sections; RECORD_CHANGED_ELSEWHERE when it was saved meanwhile
     */
    public NoteTemplate saveTemplate(NoteTemplate template) {
        throw new UnsupportedOperationException("coming");
    }

    // ---- the visit ----

    public Visit visit(UUID visitId) {
        throw new UnsupportedOperationException("coming");
    }

    /**
     * Records the visit's kind, minutes (null: not known yet), place and the child screens given.
     *
     * @throws ProblemException NOTE_LOCKED or NOTE_AWAITING_COSIGN once its note is signed (audited)
     */
    public Visit updateVisit(UUID visitId, VisitKind kind, Integer minutes, VisitPlace place,
                             Set<ChildScreen> childScreens) {
        throw new UnsupportedOperationException("coming");
    }

    // ---- the note ----

    /**
     * The visit's note, audited as a view; made as a draft by the signed-in clinician on first use, from the template
     * for the visit's kind, with this visit's screening results and referrals written in as sentences (private ones
     * in the confidential part). A signed note's content hash is checked: {@link Note#intact()} false is audited.
     *
     * @throws ProblemException NOT_ALLOWED when an administrator would start one
     */
    public Note openForVisit(UUID visitId) {
        throw new UnsupportedOperationException("coming");
    }

    /** A note with its addenda and history, audited as a view; the content hash of a signed note is checked. */
    public Note open(UUID noteId) {
        throw new UnsupportedOperationException("coming");
    }

    /**
     * Saves the draft as typed (the whole content; interventions and linked referrals are kept as they are stored,
     * use {@link #tick}, {@link #untick} and {@link #linkReferral} for those).
     *
     * @param revision the revision the text was typed on
     * @return the new revision
     * @throws ProblemException RECORD_CHANGED_ELSEWHERE when the note was saved meanwhile (nothing is saved);
     *                          NOTE_LOCKED / NOTE_AWAITING_COSIGN once signed (audited); NOT_ALLOWED for anyone but
     *                          its author
     */
    public long saveDraft(UUID noteId, long revision, NoteContent content) {
        throw new UnsupportedOperationException("coming");
    }

    /**
     * Ticks an intervention and writes its sentence into the note. A warm hand-off is made (or the one already made
     * for this person in this visit is taken) in the same step and linked.
     *
     * @param subjectId for a warm hand-off, the person handed off (a caregiver present, or the child); else null
     */
    public Note tick(UUID noteId, long revision, Intervention intervention, UUID subjectId) {
        throw new UnsupportedOperationException("coming");
    }

    /** Unticks an intervention and takes its sentence out (unless edited); linked referrals stay linked. */
    public Note untick(UUID noteId, long revision, Intervention intervention) {
        throw new UnsupportedOperationException("coming");
    }

    /**
     * Links a referral made for this visit's family (by {@link ReferralService#create}) to the note, with its sentence
     * (a private referral's in the confidential part), and ticks REFERRAL.
     */
    public Note linkReferral(UUID noteId, long revision, UUID referralId) {
        throw new UnsupportedOperationException("coming");
    }

    /** Records the mandated report the clinician made (or null to clear a mistaken entry while a draft). */
    public Note recordMandatedReport(UUID noteId, long revision, MandatedReport report) {
        throw new UnsupportedOperationException("coming");
    }

    /**
     * Signs the note as its author: locked, with its content hash. A licensed author's note is then final; an
     * associate's goes to their supervisor's co-sign queue.
     *
     * @throws ProblemException NOTE_NO_SUPERVISOR for an associate without a supervisor
     */
    public Note sign(UUID noteId, long revision) {
        throw new UnsupportedOperationException("coming");
    }

    /** Notes of the signed-in supervisor's associates awaiting a co-signature, oldest first. */
    public List<NoteSummary> cosignQueue() {
        throw new UnsupportedOperationException("coming");
    }

    /** Co-signs an associate's note as their supervisor, with what the supervisor attests. */
    public Note cosign(UUID noteId, String attestation) {
        throw new UnsupportedOperationException("coming");
    }

    /** Returns an associate's note to them with a comment: they edit it and sign again. */
    public Note returnToAuthor(UUID noteId, String comment) {
        throw new UnsupportedOperationException("coming");
    }

    /** Adds an addendum to a signed note, signed at once by the signed-in clinician. */
    public Note addAddendum(UUID noteId, String text) {
        throw new UnsupportedOperationException("coming");
    }

    // ---- lists ----

    /** A family's notes, newest visit first, with their status. */
    public List<NoteSummary> forFamily(UUID familyId) {
        throw new UnsupportedOperationException("coming");
    }

    /** The most recently changed notes of every family, for the Visits section. */
    public List<NoteSummary> recent() {
        throw new UnsupportedOperationException("coming");
    }

    /** The signed-in user's unsigned notes (drafts and returned ones), oldest visit first. */
    public List<NoteSummary> myDrafts() {
        throw new UnsupportedOperationException("coming");
    }
}
