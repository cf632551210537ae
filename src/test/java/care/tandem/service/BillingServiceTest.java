package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.billing.BillingCode;
import care.tandem.domain.billing.BillingHelp;
import care.tandem.domain.billing.BillingSuggestion;
import care.tandem.domain.billing.CodeSystem;
import care.tandem.domain.billing.FqhcSetting;
import care.tandem.domain.billing.NoteFacts;
import care.tandem.domain.billing.SameDayRule;
import care.tandem.domain.billing.Superbill;
import care.tandem.domain.billing.Verification;
import care.tandem.domain.billing.Words;
import care.tandem.domain.family.ContactPreferences;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.MemberKind;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;
import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.user.Role;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BillingServiceTest {
    private static final String[] POINTS = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};
    private static final NoteFacts NOTE = NoteFacts.empty();

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T18:00:00Z");
    private AppContext app;
    private BillingService billing;
    private Family family;
    private Member child;
    private Member mother;

    @BeforeEach
    void setUp() {
        app = TestApp.signedIn(dir, clock);
        billing = app.billing();
        child = new Member(UUID.randomUUID(), MemberKind.CHILD, "Lucía", "Pérez", LocalDate.of(2026, 9, 20),
                Sex.FEMALE, "es", false, null, "", ContactPreferences.NONE, false, false, "91234567A", "");
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        family = app.families().save(TestApp.family(child, mother));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Visit visit() {
        return app.screening().visitToday(family.id(), child.id(), List.of(mother.id()));
    }

    /** The mother's PHQ-2 today: negative (0, 0) or positive (2, 1). */
    private Screening phq2(boolean positive) {
        Screening s = app.screening().start(visit().id(), mother.id(), mother.id(), "phq2", "en",
                AdministrationMode.CLINICIAN);
        app.screening().answer(s.id(), Answer.choice("44250-9", POINTS[positive ? 2 : 0]));
        app.screening().answer(s.id(), Answer.choice("44255-8", POINTS[positive ? 1 : 0]));
        return app.screening().finish(s.id()).screening();
    }

    private Screening positiveHvs() {
        Screening s = app.screening().start(visit().id(), mother.id(), mother.id(), "hvs", "en",
                AdministrationMode.CLINICIAN);
        app.screening().answer(s.id(), Answer.choice("88122-7", "LA6729-3"));
        app.screening().answer(s.id(), Answer.choice("88123-5", "LA28398-8"));
        return app.screening().finish(s.id()).screening();
    }

    private static BillingSuggestion suggested(BillingHelp help, String display) {
        return help.suggestions().stream().filter(s -> s.code().display().equals(display)).findFirst()
                .orElseThrow(() -> new AssertionError(display + " not suggested"));
    }

    private static List<String> displays(BillingHelp help) {
        return help.suggestions().stream().map(s -> s.code().display()).toList();
    }

    private BillingCode code(String display) {
        return billing.codes(true).stream().filter(c -> c.display().equals(display)).findFirst().orElseThrow();
    }

    private void reopen() {
        app.close();
        app = TestApp.open(dir, clock);
        app.accounts().signIn(TestApp.ADMIN, TestApp.PASSWORD.toCharArray());
        billing = app.billing();
    }

    private void signInAsClinician() {
        app.accounts().createUser("Dr. Cruz", "cruz", Role.CLINICIAN, null, TestApp.PASSWORD.toCharArray());
        app.accounts().signOut();
        app.accounts().signIn("cruz", TestApp.PASSWORD.toCharArray());
    }

    // ---- the code table ----

    @Test
    void theCodeTableIsSeededWithTheReferencesCodesTheirMarksAndSources() {
        List<BillingCode> codes = billing.codes(false);
        assertEquals(BillingService.seedCodes().size(), codes.size());
        assertEquals(BillingService.seedId("maternal-depression-positive"), code("G8431-HD").id());
        assertEquals(Verification.CONFIRMED, code("G9919").verification());
        assertEquals(Verification.UNVERIFIED, code("H1011").verification());
        assertEquals(Verification.UNVERIFIED, code("96161").verification());
        assertTrue(code("Z63.0").confidential());
        assertTrue(codes.stream().allMatch(c -> !c.source().isBlank()), "every seeded code names its source");
        assertTrue(codes.get(0).system().procedure(), "procedure codes first");
    }

    @Test
    void seedingHappensOnceAndKeepsTheClinicsEdits() {
        BillingCode h1011 = code("H1011");
        billing.saveCode(new BillingCode(h1011.id(), h1011.key(), h1011.system(), "H1011", "", h1011.label(),
                h1011.labelEs(), Verification.CONFIRMED, "Checked with our plan, 2026", false, false,
                h1011.revision()));
        reopen();
        assertEquals(BillingService.seedCodes().size(), billing.codes(true).size(), "nothing seeded twice");
        BillingCode kept = code("H1011");
        assertFalse(kept.active());
        assertEquals(Verification.CONFIRMED, kept.verification());
        assertEquals("dbh-visit", kept.key(), "the rules still know it");
        assertTrue(billing.codes(false).stream().noneMatch(c -> c.code().equals("H1011")));
    }

    @Test
    void theClinicAddsItsOwnCodeAndEditsAreCheckedForChangesMadeMeanwhile() {
        BillingCode own = billing.saveCode(new BillingCode(UUID.randomUUID(), null,
                CodeSystem.ICD_10_CM, "z56.0", "", "Unemployment, unspecified",
                "Desempleo, sin especificar", Verification.CONFIRMED, "DOMAIN.md §A.3", false, true, 0));
        assertEquals("Z56.0", own.code());
        assertEquals(1, own.revision());
        billing.saveCode(new BillingCode(own.id(), null, own.system(), own.code(), "", "Unemployment", "",
                own.verification(), own.source(), false, true, own.revision()));
        ProblemException stale = assertThrows(ProblemException.class, () -> billing.saveCode(own));
        assertEquals(Problem.RECORD_CHANGED_ELSEWHERE, stale.problem());
        ProblemException blank = assertThrows(ProblemException.class, () -> billing.saveCode(new BillingCode(
                UUID.randomUUID(), null, own.system(), " ", "", "x", "", Verification.UNVERIFIED, "", false, true, 0)));
        assertEquals(Problem.BAD_ARGUMENT, blank.problem());
    }

    @Test
    void onlyAnAdministratorEditsTheCodeTableAndTheFqhcSetting() {
        BillingCode g9919 = code("G9919");
        signInAsClinician();
        assertFalse(billing.codes(false).isEmpty(), "clinicians read the table");
        assertEquals(FqhcSetting.standard(), billing.fqhc());
        assertEquals(Problem.NOT_ALLOWED,
                assertThrows(ProblemException.class, () -> billing.saveCode(g9919)).problem());
        assertEquals(Problem.NOT_ALLOWED, assertThrows(ProblemException.class,
                () -> billing.saveFqhc(new FqhcSetting(true, SameDayRule.CONTRACT))).problem());
        assertEquals(FqhcSetting.standard(), billing.fqhc());
    }

    @Test
    void theFqhcSettingIsKeptAndItsNoteRidesOnProcedureCodes() {
        billing.saveFqhc(new FqhcSetting(true, SameDayRule.SPA_23_0010));
        reopen();
        assertEquals(new FqhcSetting(true, SameDayRule.SPA_23_0010), billing.fqhc());
        phq2(false);
        BillingHelp help = billing.suggestions(visit().id(), NOTE);
        assertEquals(List.of(Words.of("billing.note.fqhc.SPA_23_0010")), suggested(help, "G8510-HD").notes());
        assertEquals(List.of(), suggested(help, "Z13.32").notes());
    }

    // ---- suggestions ----

    @Test
    void suggestionsComeFromTheVisitsScreensTheChildsAgeAndTheNote() {
        phq2(false);
        positiveHvs();
        BillingHelp help = billing.suggestions(visit().id(), new NoteFacts(VisitKind.DYADIC_BEHAVIOURAL_HEALTH, 30,
                Set.of(ChildScreen.ASQ_3), Set.of(), false, Set.of()));
        assertEquals(List.of("G8510-HD", "96110", "H1011", "Z59.41", "Z13.32", "Z13.42"), displays(help));
        assertTrue(suggested(help, "H1011").verifyWithPlan());
        assertEquals(ChildScreen.ASQ_3, suggested(help, "96110").childScreen());
        assertTrue(billing.accepted(visit().id()).isEmpty(), "suggestions start unaccepted");
    }

    @Test
    void aPositiveMaternalScreenNeedsTheFollowUpPlanInTheNote() {
        Screening s = phq2(true);
        BillingHelp without = billing.suggestions(visit().id(), NOTE);
        assertEquals(List.of(), displays(without));
        assertEquals("billing.missing.followUpPlan", without.notices().get(0).words().key());
        assertEquals(s.id(), without.notices().get(0).screeningId());
        BillingHelp with = billing.suggestions(visit().id(), new NoteFacts(VisitKind.WELL_CHILD_DYADIC, 15, Set.of(),
                Set.of(), true, Set.of()));
        assertEquals(s.id(), suggested(with, "G8431-HD").screeningId());
    }

    @Test
    void aScreenEnteredInErrorGetsNoCode() {
        Screening s = phq2(false);
        app.screening().correct(s.id(), "Wrong caregiver", List.of(Answer.choice("44250-9", POINTS[0]),
                Answer.choice("44255-8", POINTS[0])));
        BillingHelp help = billing.suggestions(visit().id(), NOTE);
        assertEquals(List.of("G8510-HD", "Z13.32"), displays(help));
        assertNotEquals(s.id(), suggested(help, "G8510-HD").screeningId());
    }

    @Test
    void theFifthMaternalScreenInTheFirstYearIsFlaggedFromTheCodesAcceptedBefore() {
        for (int i = 0; i < 4; i++) {
            phq2(false);
            UUID visitId = visit().id();
            billing.accept(visitId, suggested(billing.suggestions(visitId, NOTE), "G8510-HD"));
            clock.advance(Duration.ofDays(30));
        }
        phq2(false);
        BillingSuggestion fifth = suggested(billing.suggestions(visit().id(), NOTE), "G8510-HD");
        assertEquals(List.of(Words.of("billing.note.maternalLimit", 4, 4)), fifth.notes());
    }

    @Test
    void aRemovedCodeDoesNotCountTowardTheLimit() {
        for (int i = 0; i < 4; i++) {
            phq2(false);
            UUID visitId = visit().id();
            AcceptedCode a = billing.accept(visitId, suggested(billing.suggestions(visitId, NOTE), "G8510-HD"));
            if (i == 0) {
                billing.remove(visitId, a.id());
            }
            clock.advance(Duration.ofDays(30));
        }
        phq2(false);
        assertEquals(List.of(), suggested(billing.suggestions(visit().id(), NOTE), "G8510-HD").notes());
    }

    // ---- accepting and removing ----

    @Test
    void acceptedCodesAreStoredWithTheVisitRemovedAsTombstonesAndAudited() throws SQLException {
        Screening s = phq2(false);
        UUID visitId = visit().id();
        BillingHelp help = billing.suggestions(visitId, NOTE);
        AcceptedCode g = billing.accept(visitId, suggested(help, "G8510-HD"));
        AcceptedCode z = billing.accept(visitId, suggested(help, "Z13.32"));
        assertEquals(g.id(), billing.accept(visitId, suggested(help, "G8510-HD")).id(), "accepted once");
        assertEquals(List.of("G8510-HD", "Z13.32"), billing.accepted(visitId).stream().map(AcceptedCode::display)
                .toList());
        AcceptedCode stored = billing.accepted(visitId).get(0);
        assertEquals(s.id(), stored.screeningId());
        assertEquals(Words.of("billing.why.maternalNegative"), stored.reason());
        assertEquals(app.session().require().id(), stored.acceptedBy());
        assertTrue(stored.matches(suggested(help, "G8510-HD")));

        billing.remove(visitId, g.id());
        assertEquals(List.of(z.id()), billing.accepted(visitId).stream().map(AcceptedCode::id).toList());
        assertEquals(Problem.NOT_FOUND, assertThrows(ProblemException.class, () -> billing.remove(visitId, g.id()))
                .problem());
        AcceptedCode again = billing.accept(visitId, suggested(help, "G8510-HD"));
        assertNotEquals(g.id(), again.id(), "accepting again after removal is a new record");

        app.close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT removed_at IS NOT NULL, removed_by FROM visit_billing_code"
                    + " WHERE id = '" + g.id() + "'")) {
                assertTrue(rs.next() && rs.getBoolean(1) && rs.getString(2) != null, "kept as a tombstone");
            }
            try (var rs = st.executeQuery("SELECT action, count(*) FROM audit_event WHERE entity = 'visit_billing_code'"
                    + " GROUP BY action ORDER BY action")) {
                assertTrue(rs.next());
                assertEquals("BILLING_CODE_ACCEPTED", rs.getString(1));
                assertEquals(3, rs.getInt(2));
                assertTrue(rs.next());
                assertEquals("BILLING_CODE_REMOVED", rs.getString(1));
                assertEquals(1, rs.getInt(2));
            }
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE visit_billing_code SET code = 'X'"
                    + " WHERE id = '" + z.id() + "'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE visit_billing_code SET removed_at = NULL"
                    + " WHERE id = '" + g.id() + "'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM visit_billing_code"));
        }
        app = TestApp.open(dir, clock);
    }

    @Test
    void anAcceptedCodeKeepsTheTableAsItWasWhenAccepted() {
        positiveHvs();
        UUID visitId = visit().id();
        billing.accept(visitId, suggested(billing.suggestions(visitId, NOTE), "Z59.41"));
        BillingCode food = code("Z59.41");
        billing.saveCode(new BillingCode(food.id(), food.key(), food.system(), food.code(), "", "Food insecure",
                food.labelEs(), food.verification(), food.source(), false, true, food.revision()));
        assertEquals("Food insecurity", billing.accepted(visitId).get(0).label());
    }

    @Test
    void aCodeOutOfUseOrAScreenOfAnotherVisitIsRefused() {
        phq2(false);
        UUID today = visit().id();
        BillingSuggestion g = suggested(billing.suggestions(today, NOTE), "G8510-HD");
        clock.advance(Duration.ofDays(1));
        UUID tomorrow = visit().id();
        assertEquals(Problem.BAD_ARGUMENT, assertThrows(ProblemException.class, () -> billing.accept(tomorrow, g))
                .problem());
        BillingCode h1011 = code("H1011");
        billing.saveCode(new BillingCode(h1011.id(), h1011.key(), h1011.system(), h1011.code(), "", h1011.label(),
                h1011.labelEs(), h1011.verification(), h1011.source(), false, false, h1011.revision()));
        assertEquals(Problem.BAD_ARGUMENT, assertThrows(ProblemException.class,
                () -> billing.accept(tomorrow, BillingSuggestion.chosen(h1011))).problem());
        assertEquals(Problem.NOT_FOUND, assertThrows(ProblemException.class,
                () -> billing.suggestions(UUID.randomUUID(), NOTE)).problem());
    }

    // ---- the superbill ----

    @Test
    void theSuperbillHoldsEveryAcceptedCodeAndMarksTheConfidentialOnes() {
        positiveHvs();
        UUID visitId = visit().id();
        billing.accept(visitId, suggested(billing.suggestions(visitId, NOTE), "Z59.41"));
        billing.accept(visitId, BillingSuggestion.chosen(code("Z63.0")));
        Superbill bill = billing.superbill(visitId);
        assertEquals("Test Clinic", bill.clinicName());
        assertEquals("Lucía Pérez", bill.childName());
        assertEquals(LocalDate.of(2026, 9, 20), bill.childBirthDate());
        assertEquals("91234567A", bill.mediCalId());
        assertEquals(LocalDate.of(2026, 11, 23), bill.visitDate());
        assertEquals("Ada Admin", bill.clinician());
        assertEquals(List.of("Z59.41", "Z63.0"), bill.codes().stream().map(AcceptedCode::display).toList());
        assertEquals(List.of(false, true), bill.codes().stream().map(AcceptedCode::confidential).toList());
        assertEquals(List.of("Z59.41"), bill.codesFor(false).stream().map(AcceptedCode::display).toList());
        assertEquals(2, bill.codesFor(true).size());
        assertEquals("Inseguridad alimentaria", bill.codes().get(0).label("es"));
    }
}
