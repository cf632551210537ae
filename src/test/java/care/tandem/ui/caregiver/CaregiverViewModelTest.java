package care.tandem.ui.caregiver;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertKind;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.AnswerState;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import care.tandem.ui.caregiver.CaregiverViewModel.Choice;
import care.tandem.ui.caregiver.CaregiverViewModel.Cover;
import care.tandem.ui.caregiver.CaregiverViewModel.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caregiver's pages, page by page, on a real data folder with a synchronous runner. */
class CaregiverViewModelTest {
    private static final String ITEM9 = "44260-8";
    private static final String ALONE_SAFETY = "95618-5";

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<List<UUID>> handedBack = new ArrayList<>();
    private AppContext app;
    private Family family;
    private Member mother;
    private Visit visit;

    @BeforeEach
    void setUp() {
        app = TestApp.signedIn(dir, clock);
        Member child = TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20));
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        family = app.families().save(TestApp.family(child, mother));
        visit = app.screening().visitToday(family.id(), child.id(), List.of(mother.id()));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private UUID start(String instrument, String language) {
        return app.screening().start(visit.id(), mother.id(), mother.id(), instrument, language,
                AdministrationMode.SELF).id();
    }

    private CaregiverViewModel caregiver(String language, boolean privateAllowed, UUID... ids) {
        CaregiverViewModel vm = new CaregiverViewModel(new CaregiverViewModel.Services(app.screening(),
                app.accounts(), new SyncRunner(), dialogs, clock), new Texts(Locale.forLanguageTag(language)),
                List.of(ids), "Ana", privateAllowed, handedBack::add);
        vm.start();
        return vm;
    }

    private static List<String> texts(CaregiverViewModel vm) {
        return vm.choices().stream().map(Choice::text).toList();
    }

    private void handBack(CaregiverViewModel vm) {
        vm.askToLeave();
        vm.passwordProperty().set(TestApp.PASSWORD);
        vm.submitPassword();
    }

    @Test
    void aSpanishPhq9ShowsThePfizerWordingSavesEachAnswerAndFinishesWithItsTotal() {
        UUID id = start("phq9", "es");
        CaregiverViewModel vm = caregiver("es", true, id);

        assertEquals(Page.QUESTION, vm.pageProperty().get());
        assertEquals("Hola, Ana", vm.greetingProperty().get());
        assertEquals("Poco interés o placer en hacer cosas", vm.questionProperty().get());
        assertEquals(List.of("Ningún día", "Varios días", "Más de la mitad de los días", "Casi todos los días"),
                texts(vm));
        assertEquals("Pregunta 1 de 10", vm.progressTextProperty().get());
        assertFalse(vm.canBackProperty().get());

        vm.choose(3);
        assertEquals(List.of(Answer.choice("44250-9", "LA6570-1")), app.screening().open(id).answers(),
                "saved at once");
        assertEquals("Pregunta 2 de 10", vm.progressTextProperty().get());
        vm.back();
        assertTrue(vm.choices().get(2).selected(), "the answer given shows when going back");
        vm.next();
        for (int i = 2; i <= 9; i++) {
            vm.choose(2);
        }
        vm.choose(1);

        assertEquals(Page.END, vm.pageProperty().get());
        Screening done = app.screening().open(id);
        assertEquals(ScreeningStatus.COMPLETED, done.status());
        assertEquals(2 + 8, done.score().total());
        assertEquals("", vm.questionProperty().get());

        vm.passwordProperty().set("wrong password");
        vm.leaveFromEndPage();
        assertTrue(handedBack.isEmpty());
        assertTrue(vm.messageProperty().get().startsWith("Esa contraseña no es correcta"),
                vm.messageProperty().get());
        vm.passwordProperty().set(TestApp.PASSWORD);
        vm.leaveFromEndPage();
        assertEquals(List.of(List.of(id)), handedBack);
    }

    @Test
    void item9AboveZeroRaisesTheCriticalAlertAndStoppingHalfWayLeavesTheScreenInProgress() {
        UUID id = start("phq9", "en");
        CaregiverViewModel vm = caregiver("en", true, id);
        for (int i = 1; i <= 8; i++) {
            vm.choose(1);
        }
        assertEquals("Thoughts that you would be better off dead, or of hurting yourself in some way",
                vm.questionProperty().get().replace("?", ""));
        vm.choose(2);
        handBack(vm);

        assertEquals(List.of(List.of(id)), handedBack);
        assertEquals(ScreeningStatus.IN_PROGRESS, app.screening().open(id).status());
        List<Alert> open = app.screening().openAlerts(family.id());
        assertEquals(1, open.size());
        assertEquals(AlertKind.CRITICAL, open.get(0).kind());
        assertEquals(ITEM9, open.get(0).item());
    }

    @Test
    void declinedItem9IsFlaggedAskDirectly() {
        UUID id = start("phq9", "en");
        CaregiverViewModel vm = caregiver("en", true, id);
        for (int i = 1; i <= 8; i++) {
            vm.choose(1);
        }
        vm.decline();
        assertEquals(AnswerState.DECLINED, app.screening().open(id).answers().stream()
                .filter(a -> a.item().equals(ITEM9)).findFirst().orElseThrow().state());

        List<Alert> open = app.screening().openAlerts(family.id());
        assertEquals(List.of(AlertKind.ASK_DIRECTLY), open.stream().map(Alert::kind).toList());
    }

    @Test
    void aPositivePhq2RunsOnIntoThePhq9AtItem3WithoutAWordAboutTheResult() {
        UUID phq2 = start("phq2", "en");
        CaregiverViewModel vm = caregiver("en", true, phq2);
        assertEquals("Question 1 of 2", vm.progressTextProperty().get());
        vm.choose(3);
        vm.choose(4);

        assertEquals(Page.QUESTION, vm.pageProperty().get());
        assertEquals("Trouble falling or staying asleep, or sleeping too much", vm.questionProperty().get());
        assertEquals("Question 3 of 10", vm.progressTextProperty().get());
        assertEquals("A few more questions", vm.noteProperty().get());
        List<UUID> ids = vm.screeningIds();
        assertEquals(2, ids.size());
        Screening phq9 = app.screening().open(ids.get(1));
        assertEquals("phq9", phq9.instrument());
        assertEquals(phq2, phq9.followsId());
        assertEquals(ScreeningStatus.COMPLETED, app.screening().open(phq2).status());

        for (int i = 3; i <= 10; i++) {
            vm.choose(1);
        }
        assertEquals(Page.END, vm.pageProperty().get());
        assertEquals(5, app.screening().open(ids.get(1)).score().total());
        handBack(vm);
        assertEquals(List.of(List.of(phq2, ids.get(1))), handedBack);
    }

    @Test
    void aNegativePhq2EndsThere() {
        UUID phq2 = start("phq2", "en");
        CaregiverViewModel vm = caregiver("en", true, phq2);
        vm.choose(1);
        vm.choose(2);
        assertEquals(Page.END, vm.pageProperty().get());
        assertEquals(List.of(phq2), vm.screeningIds());
    }

    @Test
    void withoutPrivacyTheSafetyQuestionsAreDeferredAndNeverAsked() {
        UUID ahc = start("ahc-hrsn", "en");
        CaregiverViewModel vm = caregiver("en", false, ahc);

        Screening deferred = app.screening().open(ahc);
        assertTrue(deferred.answers().stream().anyMatch(a -> a.item().equals(ALONE_SAFETY)
                && a.state() == AnswerState.DEFERRED));
        List<String> asked = new ArrayList<>();
        while (vm.pageProperty().get() == Page.QUESTION) {
            asked.add(vm.questionProperty().get());
            if (vm.multiProperty().get()) {
                vm.choose(vm.choices().size());
                vm.next();
            } else {
                vm.choose(1);
            }
        }
        assertEquals(22, asked.size(), "26 items less the 4 safety ones");
        assertTrue(asked.stream().noneMatch(q -> q.startsWith("How often does anyone")), asked.toString());
        assertEquals(ScreeningStatus.IN_PROGRESS, app.screening().open(ahc).status(),
                "left open so the clinician can ask the deferred questions");
    }

    @Test
    void escBlanksAndOnlyTheClinicianPasswordShowsThePageAgain() {
        UUID id = start("phq9", "en");
        CaregiverViewModel vm = caregiver("en", true, id);
        vm.blank();
        assertEquals(Cover.BLANK, vm.coverProperty().get());
        vm.choose(1);
        assertNull(app.screening().open(id).answers().stream().findFirst().orElse(null), "nothing answered under the cover");
        vm.askPasswordToShow();
        vm.passwordProperty().set("nope");
        vm.submitPassword();
        assertEquals(Cover.PASSWORD, vm.coverProperty().get());
        vm.passwordProperty().set(TestApp.PASSWORD);
        vm.submitPassword();
        assertEquals(Cover.NONE, vm.coverProperty().get());
        assertEquals(Page.QUESTION, vm.pageProperty().get());
        assertTrue(handedBack.isEmpty(), "showing the page again is not handing back");
    }

    @Test
    void losingFocusAsksForThePasswordAndTheClinicianButtonCanBeCancelled() {
        UUID id = start("phq9", "en");
        CaregiverViewModel vm = caregiver("en", true, id);
        vm.askToLeave();
        assertTrue(vm.leavingProperty().get());
        vm.cancelLeaving();
        assertEquals(Cover.NONE, vm.coverProperty().get());

        vm.lostFocus();
        assertEquals(Cover.PASSWORD, vm.coverProperty().get());
        assertFalse(vm.leavingProperty().get());
        vm.cancelLeaving();
        assertEquals(Cover.PASSWORD, vm.coverProperty().get(), "a cover for focus cannot be cancelled");
        vm.submitPassword();
        assertEquals("Please enter the password.", vm.messageProperty().get());
    }
}
