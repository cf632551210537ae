package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertAction;
import care.tandem.domain.screening.AlertKind;
import care.tandem.domain.screening.AlertStatus;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.DueScreen;
import care.tandem.domain.screening.NotDoneReason;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.ScreeningSchedule;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreeningServiceTest {
    private static final List<String> PHQ9 = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2",
            "44252-5", "44253-3", "44260-8");
    private static final String[] POINTS = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");
    private AppContext app;
    private ScreeningService screening;
    private Family family;
    private Member child;
    private Member mother;

    @BeforeEach
    void setUp() {
        app = TestApp.signedIn(dir, clock);
        screening = app.screening();
        child = TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20));
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        family = app.families().save(TestApp.family(child, mother));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Visit visit() {
        return screening.visitToday(family.id(), child.id(), List.of(mother.id()));
    }

    private Screening start(String instrument) {
        return screening.start(visit().id(), mother.id(), mother.id(), instrument, "en", AdministrationMode.CLINICIAN);
    }

    private List<Alert> answerPhq9(UUID id, int... points) {
        List<Alert> raised = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            raised.addAll(screening.answer(id, Answer.choice(PHQ9.get(i), POINTS[points[i]])).raised());
        }
        return raised;
    }

    @Test
    void aVisitIsMadeOncePerChildAndDayAndKeepsTheCaregiversPresent() {
        Visit first = visit();
        Visit again = screening.visitToday(family.id(), child.id(), List.of());
        assertEquals(first.id(), again.id());
        assertEquals(List.of(), again.caregivers());
        assertEquals(LocalDate.of(2026, 11, 23), again.date());
        assertEquals(app.session().require().id(), again.clinicianId());
    }

    @Test
    void eachAnswerIsSavedAndScoredAtOnceAndTheScreenCanBeResumed() {
        Screening s = start("phq9");
        answerPhq9(s.id(), 2, 2, 1);
        Screening resumed = screening.open(s.id());
        assertEquals(ScreeningStatus.IN_PROGRESS, resumed.status());
        assertEquals(3, resumed.answers().size());
        assertNull(resumed.score().total());
        assertEquals(Outcome.INCOMPLETE, resumed.score().outcome());
        assertEquals(PHQ9.subList(3, 9), resumed.score().missing());
        assertEquals(List.of(s.id()), screening.unfinishedAll().stream().map(Screening::id).toList());
    }

    @Test
    void aFinishedScreenHasItsTotalBandAndOutcomeAndTakesNoMoreAnswers() {
        Screening s = start("phq9");
        answerPhq9(s.id(), 2, 2, 2, 2, 1, 1, 2, 0, 0);
        Screening done = screening.finish(s.id()).screening();
        assertEquals(ScreeningStatus.COMPLETED, done.status());
        assertEquals(12, done.score().total());
        assertEquals("moderate", done.score().band());
        assertEquals(Outcome.POSITIVE, done.score().outcome());
        ProblemException refused = assertThrows(ProblemException.class,
                () -> screening.answer(s.id(), Answer.choice("44250-9", POINTS[0])));
        assertEquals(Problem.SCREENING_FINISHED, refused.problem());
    }

    @Test
    void theDatabaseItselfRefusesToChangeAFinishedScreensAnswers() throws Exception {
        Screening s = start("phq2");
        screening.answer(s.id(), Answer.choice("44250-9", POINTS[0]));
        screening.answer(s.id(), Answer.choice("44255-8", POINTS[0]));
        screening.finish(s.id());
        app.close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             var st = c.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> st.executeUpdate(
                    "UPDATE screening_answer SET codes = 'LA6571-9' WHERE screening_id = '" + s.id() + "'"));
            assertThrows(java.sql.SQLException.class, () -> st.executeUpdate(
                    "UPDATE screening SET total = 6 WHERE id = '" + s.id() + "'"));
        }
        app = TestApp.open(dir, clock);
    }

    @Test
    void aCriticalItem9AnswerRaisesAnAlertAtOnceWhateverTheTotal() {
        Screening s = start("phq9");
        List<Alert> raised = answerPhq9(s.id(), 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertEquals(1, raised.size());
        Alert a = raised.get(0);
        assertEquals(AlertKind.CRITICAL, a.kind());
        assertEquals("44260-8", a.item());
        assertEquals("LA6569-3", a.answerCode());
        Screening done = screening.finish(s.id()).screening();
        assertEquals(Outcome.NEGATIVE, done.score().outcome());
        assertEquals(List.of("44260-8"), done.score().critical());
        assertEquals(List.of(a.id()), screening.openAlerts(family.id()).stream().map(Alert::id).toList());
    }

    @Test
    void anAlertActedOnRecordsTheActionWhoAndWhenAndClosesForGood() {
        Screening s = start("phq9");
        Alert a = answerPhq9(s.id(), 0, 0, 0, 0, 0, 0, 0, 0, 2).get(0);
        assertThrows(ProblemException.class, () -> screening.act(a.id(), AlertAction.COULD_NOT_COMPLETE, " "));
        clock.advance(Duration.ofMinutes(3));
        Alert acted = screening.act(a.id(), AlertAction.SAFETY_PLAN_MADE, "");
        assertEquals(AlertStatus.ACTED, acted.status());
        assertEquals(AlertAction.SAFETY_PLAN_MADE, acted.action());
        assertEquals(app.session().require().id(), acted.actedBy());
        assertEquals(clock.instant(), acted.actedAt());
        assertTrue(screening.openAlerts(null).isEmpty());
        ProblemException again = assertThrows(ProblemException.class,
                () -> screening.act(a.id(), AlertAction.GAVE_988, ""));
        assertEquals(Problem.ALERT_CLOSED, again.problem());
    }

    @Test
    void anOpenAlertSurvivesARestart() {
        Screening s = start("phq9");
        answerPhq9(s.id(), 0, 0, 0, 0, 0, 0, 0, 0, 3);
        app.close();
        app = TestApp.open(dir, clock);
        app.accounts().signIn(TestApp.ADMIN, TestApp.PASSWORD.toCharArray());
        assertEquals(1, app.screening().openAlerts(null).size());
    }

    @Test
    void aMisKeyedCriticalAnswerChangedBeforeFinishingWithdrawsItsAlert() {
        Screening s = start("phq9");
        Alert a = answerPhq9(s.id(), 0, 0, 0, 0, 0, 0, 0, 0, 1).get(0);
        screening.answer(s.id(), Answer.choice("44260-8", POINTS[0]));
        assertTrue(screening.openAlerts(family.id()).isEmpty());
        assertEquals(1, screening.open(s.id()).answers().stream().filter(x -> x.item().equals("44260-8")).count());
        assertFalse(screening.openAlerts(null).stream().anyMatch(x -> x.id().equals(a.id())));
    }

    @Test
    void aDeclinedItem9IsFlaggedAskDirectly() {
        Screening s = start("phq9");
        answerPhq9(s.id(), 1, 1, 1, 1, 1, 1, 1, 1);
        List<Alert> raised = screening.answer(s.id(), Answer.declined("44260-8")).raised();
        assertEquals(AlertKind.ASK_DIRECTLY, raised.get(0).kind());
        Screening done = screening.finish(s.id()).screening();
        assertFalse(done.score().complete());
        assertNull(done.score().total());
        assertEquals(List.of("44260-8"), done.score().declined());
    }

    @Test
    void aCorrectionMarksTheOldScreenEnteredInErrorAndAlertsFollowTheCorrectedAnswers() {
        Screening s = start("phq9");
        answerPhq9(s.id(), 0, 0, 0, 0, 0, 0, 0, 0, 1);
        screening.finish(s.id());
        List<Answer> right = new ArrayList<>();
        for (String item : PHQ9) {
            right.add(Answer.choice(item, POINTS[0]));
        }
        clock.advance(Duration.ofMinutes(1));
        ScreeningProgress corrected = screening.correct(s.id(), "item 9 keyed on the wrong row", right);
        assertEquals(ScreeningStatus.COMPLETED, corrected.screening().status());
        assertEquals(s.id(), corrected.screening().correctsId());
        assertEquals(0, corrected.screening().score().total());
        assertTrue(corrected.raised().isEmpty());
        assertTrue(screening.openAlerts(null).isEmpty());
        Screening old = screening.open(s.id());
        assertEquals(ScreeningStatus.ENTERED_IN_ERROR, old.status());
        assertEquals("item 9 keyed on the wrong row", old.errorReason());
        assertEquals(List.of(ScreeningStatus.COMPLETED, ScreeningStatus.ENTERED_IN_ERROR),
                screening.forFamily(family.id()).stream().map(Screening::status).toList());
    }

    @Test
    void aPositivePhq2LeadsToAPhq9KeepingBothAnswers() {
        Screening s = start("phq2");
        screening.answer(s.id(), Answer.choice("44250-9", POINTS[2]));
        screening.answer(s.id(), Answer.choice("44255-8", POINTS[1]));
        Screening phq2 = screening.finish(s.id()).screening();
        assertEquals(Outcome.POSITIVE, phq2.score().outcome());
        Screening phq9 = screening.followUp(s.id());
        assertEquals("phq9", phq9.instrument());
        assertEquals(s.id(), phq9.followsId());
        assertEquals(2, phq9.answers().size());
        assertEquals(PHQ9.subList(2, 9), phq9.score().missing());
    }

    @Test
    void aScreenNotDoneKeepsItsReasonAndClearsItFromTheDueList() {
        List<DueScreen> due = screening.due(family.id());
        assertTrue(due.stream().anyMatch(d -> d.instrument().equals("phq2") && mother.id().equals(d.subjectId())
                && d.ageMonths() == 2), due.toString());
        Screening notDone = screening.notDone(visit().id(), mother.id(), "phq2", NotDoneReason.CAREGIVER_NOT_PRESENT);
        assertEquals(ScreeningStatus.NOT_DONE, notDone.status());
        assertEquals(NotDoneReason.CAREGIVER_NOT_PRESENT, notDone.notDoneReason());
        assertTrue(screening.due(family.id()).stream().noneMatch(d -> d.instrument().equals("phq2")));
    }

    @Test
    void deferredSafetyQuestionsLeaveTheSafetyDomainIncompleteNeverNegative() {
        Screening s = start("ahc-hrsn");
        screening.answer(s.id(), Answer.choice("88122-7", "LA28397-0"));
        Screening deferred = screening.deferPrivate(s.id()).screening();
        assertTrue(deferred.safetyDeferred());
        Screening done = screening.finish(s.id()).screening();
        assertEquals(Outcome.INCOMPLETE, done.score().domains().get("safety").outcome());
        assertEquals(Outcome.POSITIVE, done.score().domains().get("food").outcome());
        assertEquals(Outcome.POSITIVE, done.score().outcome());
    }

    @Test
    void unverifiedSpanishIsOfferedOnlyWhenTheClinicAllowsIt() {
        assertEquals(List.of("en", "es"), screening.languages("phq9"));
        assertEquals(List.of("en"), screening.languages("gad7"));
        assertEquals(List.of("en"), screening.languages("ahc-hrsn"));
        ScreeningSettings s = screening.settings();
        screening.saveSettings(new ScreeningSettings(s.schedule(), true, 11, 14));
        assertEquals(List.of("en", "es"), screening.languages("gad7"));
        assertEquals(11, screening.instruments().get("epds").rules().domain("depression").map(d ->
                ((care.tandem.domain.screening.Rule.SumAtLeast) d.rules().get(0)).threshold()).orElseThrow());
        ProblemException refused = assertThrows(ProblemException.class, () -> screening.start(visit().id(),
                mother.id(), mother.id(), "hvs", "es", AdministrationMode.SELF));
        assertEquals(Problem.BAD_ARGUMENT, refused.problem());
    }

    @Test
    void theScheduleIsTheClinics() {
        ScreeningSettings s = screening.settings();
        assertEquals(ScreeningSchedule.standard(), s.schedule());
        screening.saveSettings(new ScreeningSettings(new ScreeningSchedule(List.of(4, 6), "epds", 6, "ahc-hrsn"),
                false, 10, 13));
        assertEquals(List.of(), screening.due(family.id()).stream().filter(d -> d.ageMonths() != null).toList());
    }

    @Test
    void historyListsOnlyFinishedScreensOldestFirst() {
        for (int visit = 0; visit < 3; visit++) {
            Screening s = start("phq9");
            answerPhq9(s.id(), visit, visit, visit, visit, visit, visit, visit, visit, 0);
            screening.finish(s.id());
            clock.advance(Duration.ofDays(30));
        }
        start("phq9");
        assertEquals(List.of(0, 8, 16), screening.history(mother.id(), "phq9").stream()
                .map(x -> x.score().total()).toList());
    }
}
