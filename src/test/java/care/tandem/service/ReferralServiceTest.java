package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.LoopMeasures;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.ScreenNeeds;
import care.tandem.domain.referral.Urgency;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertAction;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralServiceTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T18:00:00Z");
    private AppContext app;
    private ReferralService referrals;
    private Family family;
    private Member child;
    private Member mother;

    @BeforeEach
    void setUp() {
        app = TestApp.signedIn(dir, clock);
        referrals = app.referrals();
        child = TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20));
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        family = app.families().save(TestApp.family(child, mother));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private LocalDate today() {
        return LocalDate.of(2026, 11, 23);
    }

    private Destination named(String name) {
        return referrals.destinations(false).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private NewReferral food(boolean send) {
        return new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY, Need.FOOD, named("CalFresh").id(),
                "", Urgency.ROUTINE, null, true, send, null, null, null);
    }

    private Screening positiveHvs() {
        Visit v = app.screening().visitToday(family.id(), child.id(), List.of(mother.id()));
        Screening s = app.screening().start(v.id(), mother.id(), mother.id(), "hvs", "en", AdministrationMode.CLINICIAN);
        app.screening().answer(s.id(), Answer.choice("88122-7", "LA6729-3"));
        app.screening().answer(s.id(), Answer.choice("88123-5", "LA28398-8"));
        return app.screening().finish(s.id()).screening();
    }

    // ---- the directory ----

    @Test
    void theDirectoryIsSeededWithTheStatewideResourcesAndTheirSources() {
        List<Destination> all = referrals.destinations(false);
        assertEquals("1-877-847-3663", named("CalFresh").phone());
        assertEquals("988", named("988 Suicide & Crisis Lifeline").phone());
        assertTrue(named("National Maternal Mental Health Hotline").phone().contains("1-833-852-6262"));
        Destination dv = named("National Domestic Violence Hotline");
        assertTrue(dv.phone().contains("7233"));
        assertEquals("Text START to 88788", dv.text());
        assertTrue(dv.privateUse());
        assertTrue(named("Kick It California").phone().contains("1-800-600-8191"));
        assertTrue(named("SAMHSA National Helpline").phone().contains("4357"));
        assertTrue(named("Early Start (Regional Center)").phone().contains("515-BABY"));
        assertTrue(all.stream().anyMatch(d -> d.name().startsWith("WIC")));
        assertTrue(all.stream().anyMatch(d -> d.name().equals("Help Me Grow")));
        assertTrue(all.stream().anyMatch(d -> d.name().equals("2-1-1 California")));
        assertTrue(all.stream().allMatch(d -> !d.source().isBlank()), "every seeded destination names its source");
    }

    @Test
    void seedingHappensOnceWithTheSameIdsOnEveryLaptop() throws Exception {
        int before = referrals.destinations(true).size();
        Destination calfresh = named("CalFresh");
        referrals.saveDestination(new Destination(calfresh.id(), calfresh.name(), calfresh.needs(), calfresh.phone(),
                "", "", "", "", "", calfresh.source(), false, calfresh.seedKey(), false, calfresh.revision()));
        reopen();
        assertEquals(before, referrals.destinations(true).size(), "a removed seed is not seeded again");
        assertTrue(referrals.destinations(false).stream().noneMatch(d -> d.name().equals("CalFresh")));
        assertEquals(ReferralService.seedId("calfresh"), calfresh.id());
    }

    @Test
    void suggestionsServeTheNeed() {
        List<String> food = referrals.suggest(Need.FOOD).stream().map(Destination::name).toList();
        assertTrue(food.contains("CalFresh"));
        assertTrue(food.stream().anyMatch(n -> n.startsWith("WIC")));
        assertFalse(food.contains("988 Suicide & Crisis Lifeline"));
        assertTrue(referrals.suggest(Need.INTERPERSONAL_SAFETY).stream()
                .anyMatch(d -> d.name().equals("National Domestic Violence Hotline")));
    }

    @Test
    void aDestinationSavedElsewhereMeanwhileIsNotOverwritten() {
        Destination wic = referrals.suggest(Need.FOOD).get(0);
        Destination edited = new Destination(wic.id(), wic.name(), wic.needs(), "1-888-942-9675", "", "", "", "", "",
                wic.source(), false, wic.seedKey(), true, wic.revision());
        referrals.saveDestination(edited);
        ProblemException e = assertThrows(ProblemException.class, () -> referrals.saveDestination(edited));
        assertEquals(Problem.RECORD_CHANGED_ELSEWHERE, e.problem());
    }

    // ---- referring ----

    @Test
    void aReferralFromAPositiveScreenIsLinkedToItAndFollowedUpByUrgency() {
        Screening hvs = positiveHvs();
        assertEquals(List.of(Need.FOOD), ScreenNeeds.of(hvs.score()));
        Referral r = referrals.create(new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY, Need.FOOD,
                named("CalFresh").id(), "", Urgency.ROUTINE, null, true, true, hvs.visitId(), hvs.id(), null));
        assertEquals(ReferralStatus.SENT, r.status());
        assertEquals(today().plusDays(14), r.followUpDate());
        assertEquals(hvs.id(), r.screeningId());
        assertEquals(hvs.visitId(), r.visitId());
        assertEquals("CalFresh", r.destinationName());
        assertTrue(r.consentToShare());
        assertEquals(app.session().require().id(), r.referrerId());
        assertEquals(1, r.events().size());
        assertEquals(ReferralEvent.Kind.CREATED, r.events().get(0).kind());

        Referral urgent = referrals.create(new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY, Need.FOOD,
                named("CalFresh").id(), "", Urgency.URGENT, null, false, false, null, null, null));
        assertEquals(ReferralStatus.DRAFT, urgent.status());
        assertEquals(today().plusDays(1), urgent.followUpDate());
    }

    @Test
    void anOfferTheFamilyDeclinesIsAReferralClosedAtOnce() {
        Referral r = referrals.declineOffer(food(true), "Already receives CalFresh");
        assertEquals(ReferralStatus.FAMILY_DECLINED, r.status());
        assertFalse(r.open());
        assertNull(r.followUpDate());
        assertEquals(2, r.events().size());
        assertEquals("Already receives CalFresh", r.statusReason());
        assertEquals(ProblemException.class, assertThrows(ProblemException.class,
                () -> referrals.declineOffer(food(true), " ")).getClass());
    }

    @Test
    void aReferralForASafetyNeedOrToAPrivateDestinationIsPrivate() {
        Referral byNeed = referrals.create(new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY,
                Need.INTERPERSONAL_SAFETY, null, "Local DV advocate", Urgency.SOON, null, false, true, null, null, null));
        assertTrue(byNeed.privateReferral());
        Referral byDestination = referrals.create(new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY,
                Need.OTHER, named("National Domestic Violence Hotline").id(), "", Urgency.SOON, null, false, true,
                null, null, null));
        assertTrue(byDestination.privateReferral());
        assertFalse(referrals.create(food(true)).privateReferral());
    }

    @Test
    void aPastFollowUpDateOrNoDestinationIsRefused() {
        NewReferral past = new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY, Need.FOOD,
                named("CalFresh").id(), "", Urgency.ROUTINE, today().minusDays(1), true, true, null, null, null);
        assertEquals(Problem.BAD_ARGUMENT, assertThrows(ProblemException.class, () -> referrals.create(past)).problem());
        NewReferral nowhere = new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY, Need.FOOD, null, "",
                Urgency.ROUTINE, null, true, true, null, null, null);
        assertEquals(Problem.BAD_ARGUMENT, assertThrows(ProblemException.class, () -> referrals.create(nowhere)).problem());
    }

    // ---- statuses and history ----

    @Test
    void everyStepIsAnEventWithWhoWhenAndNote() {
        Referral r = referrals.create(food(true));
        clock.advance(Duration.ofDays(2));
        referrals.changeStatus(r.id(), ReferralStatus.ACCEPTED, null, "Intake booked", null);
        clock.advance(Duration.ofDays(3));
        referrals.changeStatus(r.id(), ReferralStatus.IN_PROGRESS, null, "", null);
        clock.advance(Duration.ofDays(5));
        Referral done = referrals.changeStatus(r.id(), ReferralStatus.COMPLETED, null, "Receiving benefits", null);
        assertEquals(ReferralStatus.COMPLETED, done.status());
        assertNull(done.followUpDate());
        assertEquals(List.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
                ReferralStatus.COMPLETED), done.events().stream().map(ReferralEvent::status).toList());
        ReferralEvent accepted = done.events().get(1);
        assertEquals(ReferralStatus.SENT, accepted.previousStatus());
        assertEquals("Intake booked", accepted.note());
        assertEquals(app.session().require().id(), accepted.by());
        assertEquals(clock.instant().minus(Duration.ofDays(8)), accepted.at());
        LoopMeasures m = referrals.measures(done);
        assertEquals(2L, m.daysToFirstUpdate());
        assertEquals(10L, m.daysToClosure());
        assertEquals(ReferralStatus.Result.GOT_HELP, m.outcome());
    }

    @Test
    void anIllegalStepIsRefusedWithTheReasonAndChangesNothing() {
        Referral draft = referrals.create(food(false));
        assertEquals(Problem.REFERRAL_STEP_REFUSED, assertThrows(ProblemException.class,
                () -> referrals.changeStatus(draft.id(), ReferralStatus.COMPLETED, null, "", null)).problem());
        assertEquals(Problem.REASON_NEEDED, assertThrows(ProblemException.class,
                () -> referrals.changeStatus(draft.id(), ReferralStatus.FAMILY_DECLINED, "", "", null)).problem());
        Referral unchanged = referrals.open(draft.id());
        assertEquals(ReferralStatus.DRAFT, unchanged.status());
        assertEquals(1, unchanged.events().size());
    }

    @Test
    void closedOutcomesAreFinalAndANewAttemptIsANewLinkedReferral() {
        Referral r = referrals.create(food(true));
        referrals.changeStatus(r.id(), ReferralStatus.COULD_NOT_GET_HELP, "Office closed for the holidays", "", null);
        assertEquals(Problem.REFERRAL_CLOSED, assertThrows(ProblemException.class,
                () -> referrals.changeStatus(r.id(), ReferralStatus.SENT, null, "", null)).problem());
        assertEquals(Problem.REFERRAL_CLOSED, assertThrows(ProblemException.class,
                () -> referrals.recordFollowUp(r.id(), ContactOutcome.REACHED, "", null)).problem());
        Referral again = referrals.tryAgain(r.id(), named("2-1-1 California").id(), true);
        assertEquals(r.id(), again.previousId());
        assertEquals(ReferralStatus.SENT, again.status());
        assertEquals("2-1-1 California", again.destinationName());
        assertEquals(ReferralStatus.COULD_NOT_GET_HELP, referrals.open(r.id()).status());
    }

    @Test
    void referredElsewhereClosesItAndCreatesTheLinkedReferral() {
        Screening hvs = positiveHvs();
        Referral r = referrals.create(new NewReferral(family.id(), mother.id(), ReferralKind.COMMUNITY, Need.FOOD,
                named("CalFresh").id(), "", Urgency.SOON, null, true, true, hvs.visitId(), hvs.id(), null));
        Referral next = referrals.referElsewhere(r.id(), "Not eligible: try WIC", referrals.suggest(Need.FOOD).stream()
                .filter(d -> d.name().startsWith("WIC")).findFirst().orElseThrow().id(), true);
        Referral old = referrals.open(r.id());
        assertEquals(ReferralStatus.REFERRED_ELSEWHERE, old.status());
        assertEquals("Not eligible: try WIC", old.statusReason());
        assertEquals(r.id(), next.previousId());
        assertEquals(hvs.id(), next.screeningId());
        assertEquals(Urgency.SOON, next.urgency());
        assertTrue(next.destinationName().startsWith("WIC"));
        assertThrows(ProblemException.class,
                () -> referrals.changeStatus(next.id(), ReferralStatus.REFERRED_ELSEWHERE, "x", "", null));
    }

    @Test
    void couldNotContactMayBeRetried() {
        Referral r = referrals.create(food(true));
        referrals.changeStatus(r.id(), ReferralStatus.COULD_NOT_CONTACT, "Phone disconnected", "", null);
        Referral retried = referrals.changeStatus(r.id(), ReferralStatus.SENT, null, "New number from WIC", null);
        assertTrue(retried.open());
        assertEquals(3, retried.events().size());
    }

    @Test
    void enteredInErrorIsReachableEvenFromAClosedReferral() {
        Referral r = referrals.declineOffer(food(true), "Not interested");
        Referral wrong = referrals.changeStatus(r.id(), ReferralStatus.ENTERED_IN_ERROR, null, "Wrong family", null);
        assertEquals(ReferralStatus.ENTERED_IN_ERROR, wrong.status());
        assertThrows(ProblemException.class,
                () -> referrals.changeStatus(r.id(), ReferralStatus.ENTERED_IN_ERROR, null, "", null));
    }

    @Test
    void theSchemaRefusesToRewriteHistoryOrReopenAClosedReferral() throws SQLException {
        Referral r = referrals.declineOffer(food(true), "Not interested");
        app.close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             var st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE referral_event SET note = 'x'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM referral_event"));
            assertThrows(SQLException.class,
                    () -> st.executeUpdate("UPDATE referral SET status = 'SENT' WHERE id = '" + r.id() + "'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM referral"));
        }
        app = TestApp.open(dir, clock);
    }

    private void reopen() {
        app.close();
        app = TestApp.open(dir, clock);
        app.accounts().signIn(TestApp.ADMIN, TestApp.PASSWORD.toCharArray());
        referrals = app.referrals();
    }

    // ---- follow-up and the worklist ----

    @Test
    void overdueComesFromTheInjectedClockAndAFollowUpClearsIt() {
        Referral r = referrals.create(food(true));
        assertEquals(0, referrals.overdueCount());
        clock.advance(Duration.ofDays(14));
        assertEquals(0, referrals.overdueCount(), "due today is not overdue");
        clock.advance(Duration.ofDays(3));
        assertEquals(1, referrals.overdueCount());
        ReferralListItem item = referrals.worklist(ReferralFilter.open()).get(0);
        assertEquals(3, item.overdueDays());
        assertEquals(family.id(), item.family().id());

        Referral called = referrals.recordFollowUp(r.id(), ContactOutcome.LEFT_MESSAGE, "Left a voicemail", null);
        assertEquals(ReferralStatus.SENT, called.status());
        assertEquals(today().plusDays(31), called.followUpDate());
        assertEquals(ContactOutcome.LEFT_MESSAGE, called.events().get(1).contact());
        assertEquals(0, referrals.overdueCount());
        assertNotNull(called.firstUpdateAt());
    }

    @Test
    void theWorklistFiltersAndPutsTheMostOverdueFirst() {
        Referral a = referrals.create(food(true));
        Referral b = referrals.create(new NewReferral(family.id(), child.id(), ReferralKind.COMMUNITY,
                Need.CHILD_DEVELOPMENT, named("Help Me Grow").id(), "", Urgency.URGENT, null, true, true, null, null,
                null));
        referrals.declineOffer(food(true), "Not interested");
        clock.advance(Duration.ofDays(20));
        List<ReferralListItem> open = referrals.worklist(ReferralFilter.open());
        assertEquals(List.of(b.id(), a.id()), open.stream().map(i -> i.referral().id()).toList());
        assertEquals(19, open.get(0).overdueDays());
        assertEquals(List.of(a.id()), referrals.worklist(new ReferralFilter(null, Need.FOOD, Set.of(), null, false))
                .stream().map(i -> i.referral().id()).toList());
        assertEquals(1, referrals.worklist(new ReferralFilter(null, null, Set.of(ReferralStatus.FAMILY_DECLINED),
                null, false)).size());
        assertEquals(0, referrals.worklist(new ReferralFilter(UUID.randomUUID(), null, Set.of(), null, false)).size());
        assertEquals(2, referrals.worklist(new ReferralFilter(app.session().require().id(), null, Set.of(),
                family.id(), true)).size());
    }

    // ---- letters ----

    @Test
    void aCaregiversOwnReferralHasAFamilyCopyForThemOnly() {
        Member father = TestApp.caregiver("Luis", "Pérez", Relationship.FATHER, "5105550101");
        Family both = app.families().save(TestApp.family(
                TestApp.child("Mía", "Pérez", LocalDate.of(2026, 8, 1)), father,
                TestApp.caregiver("Eva", "Pérez", Relationship.MOTHER, "5105550102")));
        Member mom = both.caregivers().stream().filter(m -> m.givenName().equals("Eva")).findFirst().orElseThrow();
        Referral r = referrals.create(new NewReferral(both.id(), father.id(), ReferralKind.COMMUNITY,
                Need.SUBSTANCE_USE, named("SAMHSA National Helpline").id(), "", Urgency.SOON, null, true, true, null,
                null, null));
        Path file = dir.resolve("letter.pdf");
        assertEquals(Problem.RECIPIENT_NOT_SUBJECT, assertThrows(ProblemException.class,
                () -> referrals.letter(r.id(), mom.id(), file)).problem());
        assertFalse(java.nio.file.Files.exists(file));
        referrals.letter(r.id(), father.id(), file);
        assertTrue(java.nio.file.Files.exists(file));
    }

    // ---- warm hand-off ----

    @Test
    void aWarmHandoffAlertActionCreatesTheReferralAndANoteInterventionLinksTheSameOne() {
        Visit v = app.screening().visitToday(family.id(), child.id(), List.of(mother.id()));
        Screening s = app.screening().start(v.id(), mother.id(), mother.id(), "phq9", "en",
                AdministrationMode.CLINICIAN);
        List<Alert> raised = app.screening().answer(s.id(), Answer.choice("44260-8", "LA6569-3")).raised();
        assertEquals(1, raised.size());
        app.screening().act(raised.get(0).id(), AlertAction.WARM_HANDOFF, "");

        List<Referral> made = referrals.forFamily(family.id());
        assertEquals(1, made.size());
        Referral handoff = made.get(0);
        assertEquals(ReferralKind.WARM_HANDOFF, handoff.kind());
        assertEquals(raised.get(0).id(), handoff.alertId());
        assertEquals(v.id(), handoff.visitId());
        assertEquals(today(), handoff.followUpDate());
        Referral linked = referrals.warmHandoff(family.id(), mother.id(), v.id(), null, null);
        assertEquals(handoff.id(), linked.id());
        assertEquals(1, referrals.forFamily(family.id()).size());
        Referral done = referrals.changeStatus(handoff.id(), ReferralStatus.COMPLETED, null, "Met Dr. Ruiz", null);
        assertFalse(done.open());
    }
}
