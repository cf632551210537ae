package care.tandem.ui.screening;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AnswerState;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.NotDoneReason;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.i18n.Texts;
import care.tandem.service.ScreeningService;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clinician entry by keys against a real data folder, with a synchronous runner. */
class EntryViewModelTest {
    @TempDir
    Path dir;
    AppContext app;
    ScreeningService service;
    Family family;
    FakeDialogs dialogs = new FakeDialogs();
    Texts texts = new Texts(Locale.ENGLISH);
    List<Alert> alerts = new ArrayList<>();
    int changes;

    @BeforeEach
    void open() {
        app = TestApp.signedIn(dir, Clock.systemDefaultZone());
        service = app.screening();
        family = app.families().save(TestApp.family(TestApp.child("Liam", "Nguyen", LocalDate.now().minusMonths(2)),
                TestApp.caregiver("Ana", "Nguyen", Relationship.MOTHER, "(555) 123-4567")));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Screening started(String instrument) {
        var visit = service.visitToday(family.id(), family.children().get(0).id(),
                List.of(family.caregivers().get(0).id()));
        var who = family.caregivers().get(0).id();
        return service.start(visit.id(), who, who, instrument, "en", AdministrationMode.CLINICIAN);
    }

    private EntryViewModel entry(String instrument) {
        EntryViewModel vm = new EntryViewModel(service, new SyncRunner(), dialogs, texts);
        vm.onAlerts(alerts::addAll);
        vm.onChanged(() -> changes++);
        Screening s = started(instrument);
        vm.open(s, service.instruments().get(instrument), EntryViewModel.Mode.ENTRY);
        return vm;
    }

    private Item item(String instrument, String code) {
        return service.instruments().get(instrument).item(code).orElseThrow();
    }

    @Test
    void a_digit_picks_the_phq_option_worth_that_many_points() {
        EntryViewModel vm = entry("phq9");
        vm.digit(2);

        assertEquals(List.of("LA6570-1"), vm.rows().get(0).answer().get().codes());
        Screening stored = service.open(vm.screening().get().id());
        assertEquals(List.of("LA6570-1"), stored.answers().get(0).codes());
        assertEquals("More than half the days", vm.rows().get(0).answerText());
    }

    @Test
    void a_digit_picks_by_position_where_options_score_nothing_or_not_from_zero() {
        Instrument ahc = service.instruments().get("ahc-hrsn");
        assertEquals("LA31993-1", ahc.optionForDigit(item("ahc-hrsn", "71802-3"), 1).orElseThrow().code());
        // Safety items score 1-5: 1 is the first option (Never), not "the option worth 1 point" by accident only.
        assertEquals("LA10066-1", ahc.optionForDigit(item("ahc-hrsn", "95618-5"), 2).orElseThrow().code());
        Instrument hvs = service.instruments().get("hvs");
        assertEquals("LA28398-8", hvs.optionForDigit(item("hvs", "88122-7"), 3).orElseThrow().code());
        assertTrue(hvs.optionForDigit(item("hvs", "88122-7"), 5).isEmpty());
        // The AHC's PHQ-2 items keep their points.
        assertEquals("LA6568-5", ahc.optionForDigit(item("ahc-hrsn", "44250-9"), 0).orElseThrow().code());
    }

    @Test
    void epds_takes_the_printed_position_so_option_1_of_item_3_scores_3() {
        Instrument epds = service.instruments().get("epds");
        var option = epds.optionForDigit(item("epds", "epds-3"), 1).orElseThrow();
        assertEquals("epds-3-1", option.code());
        assertEquals(3, option.points());

        EntryViewModel vm = entry("epds");
        vm.next();
        vm.next();
        vm.digit(1);
        assertEquals(List.of("epds-3-1"), vm.rows().get(2).answer().get().codes());
    }

    @Test
    void enter_moves_on_and_backspace_goes_back() {
        EntryViewModel vm = entry("phq9");
        assertEquals(0, vm.current().get());
        vm.digit(1);
        vm.next();
        assertEquals(1, vm.current().get());
        vm.next();
        assertEquals(2, vm.current().get());
        vm.previous();
        assertEquals(1, vm.current().get());
        assertEquals("1 of 10", vm.progressText());
    }

    @Test
    void d_records_the_current_item_as_declined() {
        EntryViewModel vm = entry("phq9");
        vm.decline();

        assertEquals(AnswerState.DECLINED, vm.rows().get(0).answer().get().state());
        assertEquals(AnswerState.DECLINED, service.open(vm.screening().get().id()).answers().get(0).state());
        assertEquals("Declined", vm.rows().get(0).answerText());
    }

    @Test
    void results_appear_only_once_the_last_item_is_in_and_incomplete_is_never_negative() {
        EntryViewModel vm = entry("phq9");
        for (int i = 0; i < 8; i++) {
            vm.digit(0);
            vm.next();
        }
        assertFalse(vm.resultsShown().get());
        assertEquals(Outcome.INCOMPLETE, vm.score().get().outcome());

        vm.digit(1);
        assertTrue(vm.resultsShown().get());
        assertEquals(1, vm.score().get().total());
        assertEquals(Outcome.NEGATIVE, vm.score().get().outcome());
    }

    @Test
    void item_9_above_zero_hands_its_alert_to_the_window_at_once() {
        EntryViewModel vm = entry("phq9");
        for (int i = 0; i < 8; i++) {
            vm.digit(0);
            vm.next();
        }
        assertTrue(alerts.isEmpty());
        vm.digit(1);

        assertEquals(1, alerts.size());
        assertEquals("44260-8", alerts.get(0).item());
        assertEquals(List.of("44260-8"), vm.score().get().critical());
    }

    @Test
    void a_positive_phq2_offers_the_phq9_which_keeps_both_answers() {
        EntryViewModel vm = entry("phq2");
        vm.digit(2);
        vm.next();
        assertFalse(vm.followUpOffered().get());
        vm.digit(1);
        assertTrue(vm.followUpOffered().get());

        vm.continueWithFollowUp();
        assertEquals("phq9", vm.instrument().get().id());
        assertEquals(List.of("LA6570-1"), vm.rows().get(0).answer().get().codes());
        assertEquals(List.of("LA6569-3"), vm.rows().get(1).answer().get().codes());
        assertEquals(2, vm.current().get());
        assertEquals("2 of 10", vm.progressText());
        assertFalse(vm.finished().get());
        Screening phq9 = vm.screening().get();
        assertNotNull(phq9.followsId());
        assertEquals(ScreeningStatus.COMPLETED, service.open(phq9.followsId()).status());
    }

    @Test
    void a_negative_phq2_offers_no_follow_up() {
        EntryViewModel vm = entry("phq2");
        vm.digit(1);
        vm.next();
        vm.digit(1);
        assertTrue(vm.resultsShown().get());
        assertFalse(vm.followUpOffered().get());
        vm.finish();
        assertTrue(vm.finished().get());
        assertFalse(vm.followUpOffered().get());
    }

    @Test
    void finishing_with_items_unanswered_asks_first_and_says_how_many() {
        EntryViewModel vm = entry("phq9");
        vm.digit(1);
        dialogs.answer = false;
        vm.finish();
        assertEquals(List.of("screening.entry.finish.incomplete"), dialogs.questions);
        assertFalse(vm.finished().get());
        assertEquals(8, vm.unanswered());

        dialogs.answer = true;
        vm.finish();
        assertTrue(vm.finished().get());
        Screening stored = service.open(vm.screening().get().id());
        assertEquals(ScreeningStatus.COMPLETED, stored.status());
        assertEquals(Outcome.INCOMPLETE, stored.score().outcome());
        assertTrue(vm.resultsShown().get());
        assertTrue(changes > 0);
    }

    @Test
    void an_integer_item_takes_typed_numbers_within_its_range() {
        EntryViewModel vm = entry("pearls");
        vm.digit(1);
        vm.digit(2);
        vm.next();
        assertEquals("Enter a number from 0 to 10.", vm.message().get());
        assertNull(vm.rows().get(0).answer().get());
        vm.digit(4);
        vm.next();
        assertEquals(4, vm.rows().get(0).answer().get().value());
        assertEquals(1, vm.current().get());
    }

    @Test
    void resuming_opens_at_the_first_unanswered_item() {
        EntryViewModel first = entry("phq9");
        first.digit(1);
        first.next();
        first.digit(1);
        EntryViewModel again = new EntryViewModel(service, new SyncRunner(), dialogs, texts);
        Screening s = service.open(first.screening().get().id());
        again.open(s, service.instruments().get("phq9"), EntryViewModel.Mode.ENTRY);
        assertEquals(2, again.current().get());
    }

    @Test
    void a_correction_needs_a_reason_and_records_a_new_screen_in_place_of_the_old() {
        EntryViewModel vm = entry("phq2");
        vm.digit(0);
        vm.next();
        vm.digit(0);
        vm.finish();
        Screening old = service.open(vm.screening().get().id());

        EntryViewModel fix = new EntryViewModel(service, new SyncRunner(), dialogs, texts);
        fix.onAlerts(alerts::addAll);
        fix.open(old, service.instruments().get("phq2"), EntryViewModel.Mode.CORRECTION);
        fix.digit(3);
        assertEquals(3, fix.score().get().total());
        fix.saveCorrection();
        assertEquals("Say what was wrong before saving the correction.", fix.message().get());
        assertEquals(ScreeningStatus.COMPLETED, service.open(old.id()).status());

        fix.reason().set("item 1 keyed as 0, was 3");
        fix.saveCorrection();
        Screening now = fix.screening().get();
        assertEquals(old.id(), now.correctsId());
        assertEquals(3, now.score().total());
        assertEquals(ScreeningStatus.ENTERED_IN_ERROR, service.open(old.id()).status());
        assertEquals("item 1 keyed as 0, was 3", service.open(old.id()).errorReason());
    }

    @Test
    void private_answers_show_only_while_entered_or_after_the_private_click() {
        EntryViewModel vm = entry("ahc-hrsn");
        int safety = vm.rows().stream().filter(EntryViewModel.Row::privateItem).findFirst().orElseThrow().index();
        vm.select(safety);
        vm.digit(1);
        assertTrue(vm.rows().get(safety).answerVisible());
        vm.next();
        assertFalse(vm.rows().get(safety).answerVisible());
        vm.showPrivate();
        assertTrue(vm.rows().get(safety).answerVisible());
    }

    @Test
    void set_up_records_a_screen_not_done_with_its_reason() {
        SetupViewModel setup = new SetupViewModel(service, new SyncRunner(), dialogs, texts, family, "hvs", null);
        setup.load();
        List<Screening> done = new ArrayList<>();
        setup.notDone(NotDoneReason.CAREGIVER_NOT_PRESENT, done::add);

        assertEquals(ScreeningStatus.NOT_DONE, done.get(0).status());
        assertEquals(NotDoneReason.CAREGIVER_NOT_PRESENT, done.get(0).notDoneReason());
        assertEquals("hvs", done.get(0).instrument());
    }

    @Test
    void set_up_never_hands_a_score_entry_instrument_to_the_caregiver_alone() {
        SetupViewModel setup = new SetupViewModel(service, new SyncRunner(), dialogs, texts, family, "phq9", null);
        setup.load();
        setup.mode().set(AdministrationMode.SELF);
        assertTrue(setup.selfAllowed().get());
        setup.instrument().set(service.instruments().get("epds"));
        assertFalse(setup.selfAllowed().get());
        assertNotEquals(AdministrationMode.SELF, setup.mode().get());
    }

    @Test
    void set_up_offers_english_with_an_interpreter_when_spanish_is_not_available() {
        SetupViewModel setup = new SetupViewModel(service, new SyncRunner(), dialogs, texts, family, "hvs", null);
        setup.load();
        assertEquals("en", setup.language().get());
        assertEquals(AdministrationMode.INTERPRETER, setup.mode().get());
        assertEquals("Spanish not available for Hunger Vital Sign: give it in English with an interpreter.",
                setup.languageNote().get());

        setup.instrument().set(service.instruments().get("phq9"));
        assertEquals("es", setup.language().get());
        assertEquals(AdministrationMode.CLINICIAN, setup.mode().get());
        assertEquals("", setup.languageNote().get());
    }

    @Test
    void set_up_asks_whether_the_caregiver_is_alone_and_defers_the_safety_questions_on_no() {
        SetupViewModel setup = new SetupViewModel(service, new SyncRunner(), dialogs, texts, family, "ahc-hrsn", null);
        setup.load();
        assertTrue(setup.privateQuestion().get());
        assertFalse(setup.canStart().get());
        assertEquals("Is Ana alone right now? The safety questions are asked only when the caregiver is alone.",
                setup.aloneQuestion());

        setup.askPrivate().set(false);
        List<SetupViewModel.Started> started = new ArrayList<>();
        setup.start(started::add);

        Screening s = service.open(started.get(0).screening().id());
        assertFalse(started.get(0).privateAllowed());
        assertEquals(4, s.answers().stream().filter(a -> a.state() == AnswerState.DEFERRED).count());
        assertEquals(AdministrationMode.INTERPRETER, s.mode());
    }

    @Test
    void enter_passes_over_an_item_that_an_imported_forms_enable_when_does_not_ask() throws Exception {
        // PRAPARE with one condition added: "worried about losing housing" only for those who have housing (LA30190-5).
        var q = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(care.tandem.testing.FhirCorpus.questionnaire("uscore-Questionnaire-prapare-example.json"));
        q.put("url", "http://example.org/Questionnaire/prapare-with-conditions");
        var worried = (com.fasterxml.jackson.databind.node.ObjectNode) q.withArray("item").get(0).withArray("item")
                .get(1).withArray("item").get(2);
        var when = worried.putArray("enableWhen").addObject().put("question", "/93042-0/71802-3").put("operator", "=");
        when.putObject("answerCoding").put("system", "http://loinc.org").put("code", "LA30190-5");
        var imported = app.instruments().importText(q.toString(), care.tandem.domain.screening.ImportMarks.none());
        Screening s = started(imported.instrument());
        Instrument ins = service.instrumentOf(s);
        EntryViewModel vm = new EntryViewModel(service, new SyncRunner(), dialogs, texts);
        vm.open(s, ins, EntryViewModel.Mode.ENTRY);
        int living = indexOf(vm, "71802-3");
        assertEquals(living + 1, indexOf(vm, "93033-9"), "the worry item follows the living-situation item");
        EntryViewModel.Row row = vm.rows().get(living);

        vm.pick(row, row.item().options().stream().filter(o -> !o.code().equals("LA30190-5")).findFirst().orElseThrow());
        vm.next();
        assertEquals(living + 2, vm.current().get(), "not asked: passed over");

        vm.select(living);
        vm.pick(row, row.item().options().stream().filter(o -> o.code().equals("LA30190-5")).findFirst().orElseThrow());
        vm.next();
        assertEquals(living + 1, vm.current().get(), "asked now");
    }

    private static int indexOf(EntryViewModel vm, String code) {
        for (EntryViewModel.Row r : vm.rows()) {
            if (r.item().code().equals(code)) {
                return r.index();
            }
        }
        throw new AssertionError(code);
    }
}
