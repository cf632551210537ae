package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.MandatedReport;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.note.NoteEvent;
import care.tandem.domain.note.NoteHash;
import care.tandem.domain.note.NoteSection;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.note.NoteTemplate;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.SectionFill;
import care.tandem.domain.note.TemplateSection;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.note.VisitPlace;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.Urgency;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteServiceTest {
    private static final String PASSWORD = "long enough password";
    private static final String FREQUENTLY = "LA6482-9";

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T18:00:00Z");
    private AppContext app;
    private NoteService notes;
    private Family family;
    private Member child;
    private Member mother;
    private User supervisor;
    private User trainee;

    @BeforeEach
    void setUp() {
        app = TestApp.signedIn(dir, clock);
        notes = app.notes();
        app.accounts().createUser("Dr. Carmen Ruiz", "carmen", Role.CLINICIAN, null, PASSWORD.toCharArray());
        supervisor = app.accounts().createUser("Dr. Sam Okafor", "sam", Role.SUPERVISOR, null, PASSWORD.toCharArray());
        trainee = app.accounts().createUser("Jordan Lee", "jordan", Role.ASSOCIATE, supervisor.id(),
                PASSWORD.toCharArray());
        child = TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20));
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        family = app.families().save(TestApp.family(child, mother));
        as("carmen");
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void as(String username) {
        app.accounts().signOut();
        app.accounts().signIn(username, (username.equals(TestApp.ADMIN) ? TestApp.PASSWORD : PASSWORD).toCharArray());
    }

    private Visit visit() {
        return app.screening().visitToday(family.id(), child.id(), List.of(mother.id()));
    }

    private static void expect(Problem problem, Executable call) {
        assertEquals(problem, assertThrows(ProblemException.class, call).problem());
    }

    private String section(Note n, String key) {
        return n.content().section(key).orElseThrow().text();
    }

    private Destination destination(String name) {
        return app.referrals().destinations(false).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private Referral refer(Visit v, Need need, String destination) {
        return app.referrals().create(new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY, need,
                destination(destination).id(), "", Urgency.SOON, null, true, true, v.id(), null, null));
    }

    private void positiveHungerAndSafetyScreens(Visit v) {
        Screening hvs = app.screening().start(v.id(), mother.id(), mother.id(), "hvs", "en",
                AdministrationMode.CLINICIAN);
        app.screening().answer(hvs.id(), Answer.choice("88122-7", "LA6729-3"));
        app.screening().answer(hvs.id(), Answer.choice("88123-5", "LA28398-8"));
        app.screening().finish(hvs.id());
        Screening ahc = app.screening().start(v.id(), mother.id(), mother.id(), "ahc-hrsn", "en",
                AdministrationMode.CLINICIAN);
        app.screening().answer(ahc.id(), Answer.choice("88122-7", "LA28397-0"));
        for (String item : List.of("95618-5", "95617-7", "95616-9", "95615-1")) {
            app.screening().answer(ahc.id(), Answer.choice(item, FREQUENTLY));
        }
        app.screening().finish(ahc.id());
    }

    private long audits(String action) throws SQLException {
        return query("SELECT count(*) FROM audit_event WHERE action = '" + action + "' AND entity IN ('note', 'visit')");
    }

    private long query(String sql) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    // ---- templates ----

    @Test
    void theTwoDyadicTemplatesAreSeededInEnglishWithTheirSectionsInOrder() {
        List<NoteTemplate> all = notes.templates(false);
        assertEquals(List.of("Dyadic behavioural-health note", "Well-child dyadic check-in"),
                all.stream().map(NoteTemplate::name).toList());
        NoteTemplate dyadic = all.get(0);
        assertEquals(List.of("Child", "Caregiver", "Relationship and interaction observed",
                        "Screening results and referrals", "Assessment", "Interventions", "Plan", "Follow-up"),
                dyadic.sections().stream().map(TemplateSection::heading).toList());
        assertTrue(dyadic.kinds().contains(VisitKind.DYADIC_BEHAVIOURAL_HEALTH));
        assertTrue(all.get(1).kinds().contains(VisitKind.WELL_CHILD_DYADIC));
        assertEquals(NoteService.seedId("dyadic-behavioural-health"), dyadic.id());
    }

    @Test
    void onlyAnAdministratorEditsATemplateAndALaterDraftUsesTheEdit() {
        NoteTemplate checkIn = notes.templates(false).get(1);
        List<TemplateSection> sections = new ArrayList<>(checkIn.sections());
        sections.add(new TemplateSection("feeding", "Feeding", "Breast, bottle, solids.", SectionFill.NONE));
        NoteTemplate edited = new NoteTemplate(checkIn.id(), checkIn.name(), checkIn.kinds(), sections,
                checkIn.seedKey(), true, checkIn.revision());
        expect(Problem.NOT_ALLOWED, () -> notes.saveTemplate(edited));

        as(TestApp.ADMIN);
        NoteTemplate saved = notes.saveTemplate(edited);
        assertEquals(checkIn.revision() + 1, saved.revision());
        expect(Problem.RECORD_CHANGED_ELSEWHERE, () -> notes.saveTemplate(edited));
        expect(Problem.BAD_ARGUMENT, () -> notes.saveTemplate(new NoteTemplate(UUID.randomUUID(), "Empty",
                Set.of(), List.of(), null, true, 0)));

        as("carmen");
        Note n = notes.openForVisit(visit().id());
        assertEquals("Feeding", n.content().sections().get(n.content().sections().size() - 1).heading());
    }

    @Test
    void aRetiredTemplateIsListedOnlyForTheEditorAndNoLongerDraftsNotes() {
        as(TestApp.ADMIN);
        NoteTemplate dyadic = notes.templates(false).get(0);
        notes.saveTemplate(new NoteTemplate(dyadic.id(), dyadic.name(), dyadic.kinds(), dyadic.sections(),
                dyadic.seedKey(), false, dyadic.revision()));
        assertEquals(List.of("Well-child dyadic check-in"),
                notes.templates(false).stream().map(NoteTemplate::name).toList());
        assertEquals(2, notes.templates(true).size());

        as("carmen");
        Visit v = visit();
        notes.updateVisit(v.id(), VisitKind.DYADIC_BEHAVIOURAL_HEALTH, null, VisitPlace.CLINIC, Set.of());
        assertEquals(NoteService.seedId("well-child-check-in"), notes.openForVisit(v.id()).templateId());
    }

    // ---- the draft ----

    @Test
    void theDraftFollowsTheVisitKindsTemplateWithResultsAndReferralsWrittenIn() {
        Visit v = visit();
        positiveHungerAndSafetyScreens(v);
        Referral food = refer(v, Need.FOOD, "CalFresh");
        clock.advance(Duration.ofMinutes(2));
        Referral hotline = refer(v, Need.INTERPERSONAL_SAFETY, "National Domestic Violence Hotline");
        notes.updateVisit(v.id(), VisitKind.DYADIC_BEHAVIOURAL_HEALTH, 45, VisitPlace.HOME, Set.of(ChildScreen.ASQ_3));

        Note n = notes.openForVisit(v.id());
        assertEquals(NoteStatus.DRAFT, n.status());
        assertEquals(NoteService.seedId("dyadic-behavioural-health"), n.templateId());
        String results = section(n, "results");
        assertTrue(results.contains("Hunger Vital Sign for Ana Pérez (mother): positive."), results);
        assertTrue(results.contains("Social needs (AHC HRSN) for Ana Pérez (mother): positive for food."), results);
        assertTrue(results.contains("Referred Ana Pérez (mother) to CalFresh for food (soon)."), results);
        assertFalse(n.content().sections().stream().anyMatch(s -> s.text().toLowerCase().contains("safety")
                || s.text().contains("Violence")), "private results and referrals stay out of the note's body");
        assertTrue(n.content().confidential().contains(
                "Social needs (AHC HRSN), interpersonal safety, for Ana Pérez (mother): positive."),
                n.content().confidential());
        assertTrue(n.content().confidential().contains("National Domestic Violence Hotline"));
        assertEquals(List.of(food.id(), hotline.id()), n.content().referralIds());
        assertEquals(Set.of(Intervention.REFERRAL), n.content().interventions());
        assertTrue(section(n, "interventions").contains("Referral made"));
        assertEquals("Dr. Carmen Ruiz", n.authorName());
        assertEquals(NoteEvent.Kind.CREATED, n.events().get(0).kind());

        Visit updated = notes.visit(v.id());
        assertEquals(VisitKind.DYADIC_BEHAVIOURAL_HEALTH, updated.kind());
        assertEquals(45, updated.minutes());
        assertEquals(VisitPlace.HOME, updated.place());
        assertEquals(Set.of(ChildScreen.ASQ_3), updated.childScreens());
        assertEquals(n.id(), notes.openForVisit(v.id()).id(), "one note per visit");
    }

    @Test
    void aWellChildVisitGetsTheShortCheckIn() {
        Note n = notes.openForVisit(visit().id());
        assertEquals(NoteService.seedId("well-child-check-in"), n.templateId());
        assertEquals("", section(n, "results"));
    }

    @Test
    void anAdministratorStartsNoNote() {
        Visit v = visit();
        as(TestApp.ADMIN);
        expect(Problem.NOT_ALLOWED, () -> notes.openForVisit(v.id()));
    }

    @Test
    void theDraftIsSavedAsTypedAndAStaleSaveIsRefusedWithoutLosingTheNewerText() {
        Note n = notes.openForVisit(visit().id());
        NoteContent typed = n.content().withSectionText("check-in", "Lucía is feeding well.")
                .withConcerns(Set.of(PresentingConcern.SLEEP), "Wakes often.").withConfidential("Private note.");
        long rev = notes.saveDraft(n.id(), n.revision(), typed);
        assertEquals(n.revision() + 1, rev);

        NoteContent stale = n.content().withSectionText("check-in", "Older text.");
        expect(Problem.NOTE_CHANGED_ELSEWHERE, () -> notes.saveDraft(n.id(), n.revision(), stale));

        Note reopened = notes.open(n.id());
        assertEquals("Lucía is feeding well.", section(reopened, "check-in"));
        assertEquals(Set.of(PresentingConcern.SLEEP), reopened.content().concerns());
        assertEquals("Wakes often.", reopened.content().concernText());
        assertEquals("Private note.", reopened.content().confidential());
        assertEquals(rev, reopened.revision());
    }

    @Test
    void aSavedDraftKeepsTheStoredInterventionsAndReferrals() {
        Note n = notes.openForVisit(visit().id());
        Note ticked = notes.tick(n.id(), n.revision(), Intervention.PSYCHOEDUCATION, null);
        NoteContent typed = new NoteContent(ticked.content().sections(), Set.of(), "", Set.of(), List.of(), null, "");
        notes.saveDraft(n.id(), ticked.revision(), typed);
        assertEquals(Set.of(Intervention.PSYCHOEDUCATION), notes.open(n.id()).content().interventions());
    }

    @Test
    void onlyTheAuthorEditsTheDraft() {
        Note n = notes.openForVisit(visit().id());
        as("sam");
        expect(Problem.NOT_ALLOWED, () -> notes.saveDraft(n.id(), n.revision(), n.content()));
        expect(Problem.NOT_ALLOWED, () -> notes.sign(n.id(), n.revision()));
    }

    // ---- interventions and referrals ----

    @Test
    void tickingAnInterventionWritesItsSentenceAndUntickingTakesItOut() {
        Note n = notes.openForVisit(visit().id());
        Note ticked = notes.tick(n.id(), n.revision(), Intervention.ANTICIPATORY_GUIDANCE, null);
        assertTrue(section(ticked, "guidance").contains("Anticipatory guidance given"));
        Note unticked = notes.untick(n.id(), ticked.revision(), Intervention.ANTICIPATORY_GUIDANCE);
        assertEquals("", section(unticked, "guidance"));
        assertTrue(unticked.content().interventions().isEmpty());
    }

    @Test
    void aWarmHandOffMakesTheReferralOnceAndLinksIt() {
        Visit v = visit();
        Note n = notes.openForVisit(v.id());
        expect(Problem.BAD_ARGUMENT, () -> notes.tick(n.id(), n.revision(), Intervention.WARM_HANDOFF, null));
        Note ticked = notes.tick(n.id(), n.revision(), Intervention.WARM_HANDOFF, mother.id());
        List<Referral> made = app.referrals().forFamily(family.id());
        assertEquals(1, made.size());
        Referral r = made.get(0);
        assertEquals(ReferralKind.WARM_HANDOFF, r.kind());
        assertEquals(v.id(), r.visitId());
        assertEquals(List.of(r.id()), ticked.content().referralIds());
        assertTrue(section(ticked, "results").contains("Warm hand-off of Ana Pérez (mother)"));
        assertTrue(section(ticked, "guidance").contains("Warm hand-off to the behavioural-health clinician"));

        Note off = notes.untick(n.id(), ticked.revision(), Intervention.WARM_HANDOFF);
        Note again = notes.tick(n.id(), off.revision(), Intervention.WARM_HANDOFF, mother.id());
        assertEquals(1, app.referrals().forFamily(family.id()).size(), "one hand-off is one record");
        assertEquals(List.of(r.id()), again.content().referralIds());
    }

    @Test
    void aReferralMadeInTheDialogIsLinkedWithItsSentenceAndAPrivateOneStaysConfidential() {
        Visit v = visit();
        Note n = notes.openForVisit(v.id());
        Referral food = refer(v, Need.FOOD, "CalFresh");
        Note linked = notes.linkReferral(n.id(), n.revision(), food.id());
        assertTrue(section(linked, "results").contains("CalFresh"));
        assertTrue(linked.content().interventions().contains(Intervention.REFERRAL));
        Referral hotline = refer(v, Need.INTERPERSONAL_SAFETY, "National Domestic Violence Hotline");
        Note both = notes.linkReferral(n.id(), linked.revision(), hotline.id());
        assertFalse(section(both, "results").contains("Violence"));
        assertTrue(both.content().confidential().contains("National Domestic Violence Hotline"));
        assertFalse(both.content().familyCopy().confidential().contains("Violence"));

        Member other = TestApp.caregiver("Eva", "Soto", Relationship.MOTHER, "5105550199");
        Family elsewhere = app.families().save(TestApp.family(TestApp.child("Leo", "Soto",
                LocalDate.of(2025, 1, 2)), other));
        Referral theirs = app.referrals().create(new NewReferral(elsewhere.id(), other.id(), ReferralKind.COMMUNITY,
                Need.FOOD, destination("CalFresh").id(), "", Urgency.SOON, null, true, true, null, null, null));
        expect(Problem.NOT_FOUND, () -> notes.linkReferral(n.id(), both.revision(), theirs.id()));
    }

    @Test
    void aMandatedReportIsRecordedByTheClinicianAndLeftOffTheFamilyCopy() {
        Note n = notes.openForVisit(visit().id());
        MandatedReport report = new MandatedReport(Instant.parse("2026-11-23T17:30:00Z"), "County CPS hotline",
                "CPS-2026-0042");
        Note recorded = notes.recordMandatedReport(n.id(), n.revision(), report);
        assertEquals(report, recorded.content().mandatedReport());
        assertNull(recorded.content().familyCopy().mandatedReport());
        assertEquals(report, notes.open(n.id()).content().mandatedReport());
    }

    // ---- signing ----

    @Test
    void signingLocksTheNoteWithItsHashAndWhoSignedWhen() throws SQLException {
        Note n = notes.openForVisit(visit().id());
        long rev = notes.saveDraft(n.id(), n.revision(), n.content().withSectionText("check-in", "Well."));
        clock.advance(Duration.ofMinutes(5));
        Note signed = notes.sign(n.id(), rev);
        assertEquals(NoteStatus.SIGNED, signed.status());
        assertEquals("Dr. Carmen Ruiz", signed.signature().name());
        assertEquals(Instant.parse("2026-11-23T18:05:00Z"), signed.signature().at());
        assertEquals(NoteHash.of(signed.content()), signed.contentHash());
        assertTrue(signed.intact());
        assertNull(signed.cosignature());
        assertEquals(List.of(NoteEvent.Kind.CREATED, NoteEvent.Kind.SIGNED),
                signed.events().stream().map(NoteEvent::kind).toList());
        assertEquals(signed.contentHash(), signed.events().get(1).contentHash());
        assertEquals(1, audits("SIGN"));
        assertTrue(notes.myDrafts().isEmpty());
    }

    @Test
    void signingWhatWasNotSeenIsRefused() {
        Note n = notes.openForVisit(visit().id());
        notes.saveDraft(n.id(), n.revision(), n.content().withSectionText("check-in", "Changed elsewhere."));
        expect(Problem.NOTE_CHANGED_ELSEWHERE, () -> notes.sign(n.id(), n.revision()));
    }

    @Test
    void everyAttemptToChangeASignedNoteIsRefusedAndAudited() throws SQLException {
        Visit v = visit();
        Note n = notes.openForVisit(v.id());
        Note signed = notes.sign(n.id(), n.revision());
        expect(Problem.NOTE_LOCKED, () -> notes.saveDraft(n.id(), signed.revision(),
                signed.content().withSectionText("check-in", "Rewritten.")));
        expect(Problem.NOTE_LOCKED, () -> notes.tick(n.id(), signed.revision(), Intervention.PSYCHOEDUCATION, null));
        expect(Problem.NOTE_LOCKED, () -> notes.recordMandatedReport(n.id(), signed.revision(),
                new MandatedReport(Instant.parse("2026-11-23T17:30:00Z"), "CPS", "")));
        expect(Problem.NOTE_LOCKED, () -> notes.sign(n.id(), signed.revision()));
        expect(Problem.NOTE_LOCKED, () -> notes.updateVisit(v.id(), VisitKind.FOLLOW_UP, 20, VisitPlace.CLINIC,
                Set.of()));
        assertEquals(5, audits("CHANGE_REFUSED"));
        assertEquals(signed.content(), notes.open(n.id()).content());
        assertEquals(VisitKind.WELL_CHILD_DYADIC, notes.visit(v.id()).kind());
    }

    @Test
    void aNoteChangedOutsideTandemIsFoundWhenOpenedAndAudited() throws SQLException {
        Note n = notes.openForVisit(visit().id());
        notes.sign(n.id(), n.revision());
        app.close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             var st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER note_signed_final");
            st.executeUpdate("UPDATE note SET content = replace(content, '\"check-in\",\"heading\":\"Check-in\"',"
                    + " '\"check-in\",\"heading\":\"Check in\"')");
        }
        app = TestApp.open(dir, clock);
        notes = app.notes();
        as("carmen");
        Note opened = notes.open(n.id());
        assertFalse(opened.intact());
        assertEquals(1, audits("INTEGRITY_FAILED"));
    }

    @Test
    void theSchemaRefusesARawChangeToASignedNoteItsVisitItsHistoryAndItsAddenda() throws SQLException {
        Visit v = visit();
        Note n = notes.openForVisit(v.id());
        notes.sign(n.id(), n.revision());
        notes.addAddendum(n.id(), "Called the family the next day.");
        app.close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             var st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE note SET content = '{}'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE note SET status = 'DRAFT', "
                    + "signed_at = NULL, content_hash = NULL"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM note"));
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE visit SET minutes = 90"));
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE note_event SET comment = 'x'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM note_event"));
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE note_addendum SET text = 'x'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM note_addendum"));
        }
        app = TestApp.open(dir, clock);
    }

    @Test
    void theSchemaRefusesAnAddendumToADraft() throws SQLException {
        Note n = notes.openForVisit(visit().id());
        expect(Problem.NOTE_STEP_REFUSED, () -> notes.addAddendum(n.id(), "Too early."));
        app.close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             var st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("""
                    INSERT INTO note_addendum (id, note_id, text, signed_by, signed_at, created_at, device_id, hlc)
                    SELECT 'a', id, 'x', author_id, 't', 't', device_id, hlc FROM note"""));
        }
        app = TestApp.open(dir, clock);
    }

    @Test
    void addendaFollowASignedNoteEachSignedByItsAuthorAtOnce() throws SQLException {
        Note n = notes.openForVisit(visit().id());
        notes.sign(n.id(), n.revision());
        clock.advance(Duration.ofDays(1));
        as("sam");
        expect(Problem.NOTE_TEXT_NEEDED, () -> notes.addAddendum(n.id(), " "));
        Note withAddendum = notes.addAddendum(n.id(), "Spoke with the mother by phone; sleep is better.");
        assertEquals(1, withAddendum.addenda().size());
        assertEquals("Dr. Sam Okafor", withAddendum.addenda().get(0).signature().name());
        assertEquals(Instant.parse("2026-11-24T18:00:00Z"), withAddendum.addenda().get(0).signature().at());
        assertEquals(NoteStatus.SIGNED, withAddendum.status());
        assertTrue(withAddendum.intact(), "an addendum leaves the signed content as it was");
        assertEquals(1, audits("ADDENDUM"));
    }

    // ---- co-signing ----

    @Test
    void aTraineesSignedNoteWaitsInTheSupervisorsQueueAndIsCosignedWithAnAttestation() throws SQLException {
        as("jordan");
        Note n = notes.openForVisit(visit().id());
        Note signed = notes.sign(n.id(), n.revision());
        assertEquals(NoteStatus.AWAITING_COSIGN, signed.status());
        assertEquals("Jordan Lee", signed.signature().name());
        expect(Problem.NOTE_AWAITING_COSIGN, () -> notes.saveDraft(n.id(), signed.revision(), signed.content()));
        assertEquals(1, audits("CHANGE_REFUSED"));

        as("carmen");
        assertTrue(notes.cosignQueue().isEmpty(), "only the trainee's own supervisor sees it");
        expect(Problem.NOT_ALLOWED, () -> notes.cosign(n.id(), "Reviewed."));

        as("sam");
        List<NoteSummary> queue = notes.cosignQueue();
        assertEquals(List.of(n.id()), queue.stream().map(NoteSummary::id).toList());
        assertEquals("Lucía Pérez", queue.get(0).childName());
        assertEquals("Jordan Lee", queue.get(0).authorName());
        expect(Problem.NOTE_TEXT_NEEDED, () -> notes.cosign(n.id(), ""));
        clock.advance(Duration.ofHours(2));
        Note cosigned = notes.cosign(n.id(), "I reviewed the note and agree with the assessment and plan.");
        assertEquals(NoteStatus.COSIGNED, cosigned.status());
        assertEquals("Jordan Lee", cosigned.signature().name());
        assertEquals("Dr. Sam Okafor", cosigned.cosignature().name());
        assertEquals(Instant.parse("2026-11-23T20:00:00Z"), cosigned.cosignature().at());
        assertEquals("I reviewed the note and agree with the assessment and plan.", cosigned.attestation());
        assertEquals(signed.contentHash(), cosigned.contentHash());
        assertTrue(cosigned.intact());
        assertTrue(notes.cosignQueue().isEmpty());
        assertEquals(1, audits("COSIGN"));
        expect(Problem.NOTE_LOCKED, () -> notes.saveDraft(n.id(), cosigned.revision(), cosigned.content()));
    }

    @Test
    void aReturnedNoteIsEditedBySignedAgainByTheTraineeAndKeepsItsHistory() {
        as("jordan");
        Note n = notes.openForVisit(visit().id());
        notes.sign(n.id(), n.revision());
        as("sam");
        expect(Problem.NOTE_TEXT_NEEDED, () -> notes.returnToAuthor(n.id(), null));
        Note returned = notes.returnToAuthor(n.id(), "Add the plan for sleep.");
        assertEquals(NoteStatus.RETURNED, returned.status());
        assertEquals("Add the plan for sleep.", returned.returnComment());
        assertNull(returned.signature());
        assertNull(returned.contentHash());

        as("jordan");
        assertEquals(List.of(n.id()), notes.myDrafts().stream().map(NoteSummary::id).toList());
        long rev = notes.saveDraft(n.id(), returned.revision(),
                returned.content().withSectionText("plan", "Bedtime routine; review in two weeks."));
        Note again = notes.sign(n.id(), rev);
        assertEquals(NoteStatus.AWAITING_COSIGN, again.status());
        assertEquals(List.of(NoteEvent.Kind.CREATED, NoteEvent.Kind.SIGNED, NoteEvent.Kind.RETURNED,
                NoteEvent.Kind.SIGNED), again.events().stream().map(NoteEvent::kind).toList());
        assertEquals("Add the plan for sleep.", again.events().get(2).comment());
    }

    @Test
    void anAssociateWithoutASupervisorCannotSign() throws SQLException {
        app.close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             var st = c.createStatement()) {
            st.executeUpdate("UPDATE app_user SET supervisor_id = NULL WHERE username = 'jordan'");
        }
        app = TestApp.open(dir, clock);
        notes = app.notes();
        as("jordan");
        Note n = notes.openForVisit(visit().id());
        expect(Problem.NOTE_NO_SUPERVISOR, () -> notes.sign(n.id(), n.revision()));
        assertEquals(NoteStatus.DRAFT, notes.open(n.id()).status());
    }

    // ---- lists ----

    @Test
    void listsShowAFamilysNotesTheRecentOnesAndMyDrafts() {
        Visit v = visit();
        Note n = notes.openForVisit(v.id());
        List<NoteSummary> forFamily = notes.forFamily(family.id());
        assertEquals(1, forFamily.size());
        NoteSummary s = forFamily.get(0);
        assertEquals(NoteStatus.DRAFT, s.status());
        assertEquals(v.date(), s.visitDate());
        assertEquals(VisitKind.WELL_CHILD_DYADIC, s.visitKind());
        assertEquals("Lucía Pérez", s.childName());
        assertEquals(List.of(n.id()), notes.recent().stream().map(NoteSummary::id).toList());
        assertEquals(List.of(n.id()), notes.myDrafts().stream().map(NoteSummary::id).toList());
        as("sam");
        assertTrue(notes.myDrafts().isEmpty());
        assertNotNull(notes.recent().get(0).updatedAt());
    }

    @Test
    void theVisitFactsChangeWhileTheNoteIsADraft() {
        Visit v = visit();
        notes.openForVisit(v.id());
        Visit updated = notes.updateVisit(v.id(), VisitKind.TELEHEALTH, 30, VisitPlace.VIDEO,
                Set.of(ChildScreen.ASQ_SE_2, ChildScreen.M_CHAT_R_F));
        assertEquals(VisitKind.TELEHEALTH, updated.kind());
        assertEquals(Set.of(ChildScreen.ASQ_SE_2, ChildScreen.M_CHAT_R_F), updated.childScreens());
        Visit cleared = notes.updateVisit(v.id(), VisitKind.TELEHEALTH, null, VisitPlace.PHONE, Set.of());
        assertNull(cleared.minutes());
        expect(Problem.BAD_ARGUMENT, () -> notes.updateVisit(v.id(), VisitKind.TELEHEALTH, -1, VisitPlace.PHONE,
                Set.of()));
    }

    @Test
    void noteSectionsKeepTheTemplatesKeysSoSavingByKeyIgnoresUnknownSections() {
        Note n = notes.openForVisit(visit().id());
        List<NoteSection> extra = new ArrayList<>(n.content().sections());
        extra.add(new NoteSection("invented", "Invented", SectionFill.NONE, "x"));
        long rev = notes.saveDraft(n.id(), n.revision(), new NoteContent(extra, Set.of(), "", Set.of(), List.of(),
                null, ""));
        Note saved = notes.open(n.id());
        assertEquals(rev, saved.revision());
        assertTrue(saved.content().section("invented").isEmpty());
    }
}
