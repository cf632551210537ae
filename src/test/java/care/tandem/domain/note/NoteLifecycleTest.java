package care.tandem.domain.note;

import care.tandem.domain.note.NoteLifecycle.Action;
import care.tandem.domain.note.NoteLifecycle.Actor;
import care.tandem.domain.note.NoteLifecycle.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The note lifecycle table (NoteLifecycle's Javadoc and docs/notes.md): every status, step and person. */
class NoteLifecycleTest {

    /**
     * The whole table with the text given: for each status and step, what happens when the author, the author's
     * supervisor, another clinician and an administrator try it (OK, or the refusal).
     */
    @ParameterizedTest(name = "{0} {1}: author {2}, supervisor {3}, other {4}, admin {5}")
    @CsvSource({
            "DRAFT,           EDIT,         OK,              NOT_AUTHOR,          NOT_AUTHOR,          NOT_CLINICIAN",
            "DRAFT,           SIGN,         OK,              NOT_AUTHOR,          NOT_AUTHOR,          NOT_CLINICIAN",
            "DRAFT,           COSIGN,       NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_CLINICIAN",
            "DRAFT,           RETURN,       NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_CLINICIAN",
            "DRAFT,           ADD_ADDENDUM, NOT_SIGNED,      NOT_SIGNED,          NOT_SIGNED,          NOT_CLINICIAN",
            "RETURNED,        EDIT,         OK,              NOT_AUTHOR,          NOT_AUTHOR,          NOT_CLINICIAN",
            "RETURNED,        SIGN,         OK,              NOT_AUTHOR,          NOT_AUTHOR,          NOT_CLINICIAN",
            "RETURNED,        COSIGN,       NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_CLINICIAN",
            "RETURNED,        RETURN,       NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_CLINICIAN",
            "RETURNED,        ADD_ADDENDUM, NOT_SIGNED,      NOT_SIGNED,          NOT_SIGNED,          NOT_CLINICIAN",
            "AWAITING_COSIGN, EDIT,         AWAITING_COSIGN, AWAITING_COSIGN,     AWAITING_COSIGN,     NOT_CLINICIAN",
            "AWAITING_COSIGN, SIGN,         AWAITING_COSIGN, AWAITING_COSIGN,     AWAITING_COSIGN,     NOT_CLINICIAN",
            "AWAITING_COSIGN, COSIGN,       NOT_SUPERVISOR,  OK,                  NOT_SUPERVISOR,      NOT_CLINICIAN",
            "AWAITING_COSIGN, RETURN,       NOT_SUPERVISOR,  OK,                  NOT_SUPERVISOR,      NOT_CLINICIAN",
            "AWAITING_COSIGN, ADD_ADDENDUM, NOT_SIGNED,      NOT_SIGNED,          NOT_SIGNED,          NOT_CLINICIAN",
            "SIGNED,          EDIT,         LOCKED,          LOCKED,              LOCKED,              NOT_CLINICIAN",
            "SIGNED,          SIGN,         LOCKED,          LOCKED,              LOCKED,              NOT_CLINICIAN",
            "SIGNED,          COSIGN,       NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_CLINICIAN",
            "SIGNED,          RETURN,       NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_CLINICIAN",
            "SIGNED,          ADD_ADDENDUM, OK,              OK,                  OK,                  NOT_CLINICIAN",
            "COSIGNED,        EDIT,         LOCKED,          LOCKED,              LOCKED,              NOT_CLINICIAN",
            "COSIGNED,        SIGN,         LOCKED,          LOCKED,              LOCKED,              NOT_CLINICIAN",
            "COSIGNED,        COSIGN,       NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_CLINICIAN",
            "COSIGNED,        RETURN,       NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_AWAITING_COSIGN, NOT_CLINICIAN",
            "COSIGNED,        ADD_ADDENDUM, OK,              OK,                  OK,                  NOT_CLINICIAN",
    })
    void theTableSaysWhoMayDoWhatFromEachStatus(NoteStatus from, Action action, String author, String supervisor,
                                                 String other, String admin) {
        assertEquals(expected(author), NoteLifecycle.check(from, action, Actor.AUTHOR, "text"), "author");
        assertEquals(expected(supervisor), NoteLifecycle.check(from, action, Actor.SUPERVISOR, "text"), "supervisor");
        assertEquals(expected(other), NoteLifecycle.check(from, action, Actor.OTHER_CLINICIAN, "text"), "other");
        assertEquals(expected(admin), NoteLifecycle.check(from, action, Actor.ADMINISTRATOR, "text"), "admin");
    }

    private static Optional<Refusal> expected(String cell) {
        return cell.equals("OK") ? Optional.empty() : Optional.of(Refusal.valueOf(cell));
    }

    @ParameterizedTest(name = "{0} {1} by {2} without text")
    @CsvSource({
            "AWAITING_COSIGN, COSIGN,       SUPERVISOR",
            "AWAITING_COSIGN, RETURN,       SUPERVISOR",
            "SIGNED,          ADD_ADDENDUM, AUTHOR",
            "COSIGNED,        ADD_ADDENDUM, OTHER_CLINICIAN",
    })
    void anAttestationACommentAndAnAddendumNeedTheirText(NoteStatus from, Action action, Actor who) {
        assertEquals(Optional.of(Refusal.TEXT_NEEDED), NoteLifecycle.check(from, action, who, null));
        assertEquals(Optional.of(Refusal.TEXT_NEEDED), NoteLifecycle.check(from, action, who, "  \n"));
        assertEquals(Optional.empty(), NoteLifecycle.check(from, action, who, "Reviewed."));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "DRAFT,    EDIT",
            "DRAFT,    SIGN",
            "RETURNED, SIGN",
    })
    void editingAndSigningNeedNoText(NoteStatus from, Action action) {
        assertEquals(Optional.empty(), NoteLifecycle.check(from, action, Actor.AUTHOR, null));
    }

    @ParameterizedTest(name = "{0} {1}, co-signature needed: {2} → {3}")
    @CsvSource({
            "DRAFT,           SIGN,         false, SIGNED",
            "DRAFT,           SIGN,         true,  AWAITING_COSIGN",
            "RETURNED,        SIGN,         false, SIGNED",
            "RETURNED,        SIGN,         true,  AWAITING_COSIGN",
            "AWAITING_COSIGN, COSIGN,       true,  COSIGNED",
            "AWAITING_COSIGN, RETURN,       true,  RETURNED",
            "DRAFT,           EDIT,         true,  DRAFT",
            "RETURNED,        EDIT,         false, RETURNED",
            "SIGNED,          ADD_ADDENDUM, false, SIGNED",
            "COSIGNED,        ADD_ADDENDUM, true,  COSIGNED",
    })
    void eachAllowedStepLeadsToItsStatus(NoteStatus from, Action action, boolean needsCosign, NoteStatus to) {
        assertEquals(to, NoteLifecycle.after(from, action, needsCosign));
    }

    @ParameterizedTest
    @EnumSource(NoteStatus.class)
    void onlyADraftOrAReturnedNoteIsEditableAndOnlyASignedOrCosignedOneIsFinished(NoteStatus s) {
        boolean editable = s == NoteStatus.DRAFT || s == NoteStatus.RETURNED;
        boolean finished = s == NoteStatus.SIGNED || s == NoteStatus.COSIGNED;
        assertEquals(editable, s.editable());
        assertEquals(finished, s.finished());
        assertFalse(s.editable() && s.finished());
        assertTrue(s != NoteStatus.AWAITING_COSIGN || (!s.editable() && !s.finished()));
    }
}
