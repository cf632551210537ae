package care.tandem.ui.screening;

import care.tandem.AppContext;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningSchedule;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.i18n.Texts;
import care.tandem.service.ScreeningSettings;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trend of one caregiver's results: points, threshold lines and rows in words, from a made-up history. */
class TrendViewModelTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final UUID caregiver = UUID.randomUUID();
    private AppContext app;

    @BeforeEach
    void open() {
        app = TestApp.signedIn(dir, MutableClock.at("2026-03-02T15:00:00Z"));
    }

    @AfterEach
    void close() {
        app.close();
    }

    private TrendViewModel vm(String instrument) {
        return new TrendViewModel(app.screening(), new SyncRunner(), dialogs, new Texts(Locale.ENGLISH), caregiver,
                instrument, ZoneOffset.UTC);
    }

    private Instrument instrument(String id) {
        return app.screening().instruments().get(id);
    }

    private Screening result(String instrument, String day, Score score, String language, AdministrationMode mode) {
        Instant at = LocalDate.parse(day).atTime(15, 0).toInstant(ZoneOffset.UTC);
        return new Screening(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), caregiver, caregiver,
                instrument, "1", language, mode, ScreeningStatus.COMPLETED, null, null, null, null, false,
                UUID.randomUUID(), at.minusSeconds(300), at, score, List.of(), 1);
    }

    private static Score total(String instrument, int total, String band, Outcome outcome) {
        return new Score(instrument, true, total, band, outcome, List.of(), List.of(), List.of(), List.of(), Map.of());
    }

    private static Score incomplete(String instrument, Outcome outcome) {
        return new Score(instrument, false, null, null, outcome, List.of(), List.of(), List.of("44260-8"), List.of(),
                Map.of());
    }

    @Test
    void completeResultsBecomePointsOnTheirDaysAndIncompleteOnesAreListedButNotPlotted() {
        TrendViewModel vm = vm("phq9");
        vm.show(instrument("phq9"), List.of(
                result("phq9", "2026-01-05", total("phq9", 12, "moderate", Outcome.POSITIVE), "en",
                        AdministrationMode.CLINICIAN),
                result("phq9", "2026-02-02", incomplete("phq9", Outcome.INCOMPLETE), "es", AdministrationMode.SELF),
                result("phq9", "2026-03-02", total("phq9", 6, "mild", Outcome.NEGATIVE), "en",
                        AdministrationMode.INTERPRETER)));

        assertEquals(List.of(new TrendViewModel.Point(LocalDate.of(2026, 1, 5).toEpochDay(), 12),
                new TrendViewModel.Point(LocalDate.of(2026, 3, 2).toEpochDay(), 6)), vm.points());
        assertEquals(3, vm.rows().size());
        TrendViewModel.Row first = vm.rows().get(0);
        assertEquals("Jan 5, 2026", first.dateText());
        assertEquals("12", first.total());
        assertEquals("Moderate", first.band());
        assertEquals("Positive", first.outcome());
        assertEquals("English", first.language());
        assertEquals("By the clinician", first.mode());
        TrendViewModel.Row middle = vm.rows().get(1);
        assertEquals("Incomplete", middle.total());
        assertEquals("Incomplete", middle.outcome());
        assertEquals("", middle.band());
        assertEquals("Spanish", middle.language());
        assertEquals("By the caregiver", middle.mode());
        assertTrue(middle.incomplete());
        assertEquals("With an interpreter", vm.rows().get(2).mode());
        assertEquals(27, vm.maxTotalProperty().get());
        assertTrue(vm.hasTotalProperty().get());
    }

    @Test
    void phq9ThresholdsAreItsBandBoundsAndTheBoundAtTenSaysPositive() {
        TrendViewModel vm = vm("phq9");
        vm.show(instrument("phq9"), List.of());

        assertEquals(List.of(
                new TrendViewModel.Threshold(5, "Mild from 5", false),
                new TrendViewModel.Threshold(10, "Moderate from 10 — positive", true),
                new TrendViewModel.Threshold(15, "Moderately severe from 15", false),
                new TrendViewModel.Threshold(20, "Severe from 20", false)), vm.thresholds());
    }

    @Test
    void epdsThresholdsFollowTheClinicSettings() {
        app.screening().saveSettings(new ScreeningSettings(ScreeningSchedule.standard(), false, 11, 14));
        TrendViewModel vm = vm("epds");
        vm.show(instrument("epds"), List.of());

        assertEquals(List.of(new TrendViewModel.Threshold(11, "Possible depression from 11 — positive", true),
                new TrendViewModel.Threshold(14, "Likely depression from 14", false)), vm.thresholds());
        assertEquals(30, vm.maxTotalProperty().get());
    }

    @Test
    void aPositiveIncompleteResultIsPositiveAndNeverCalledNegative() {
        TrendViewModel vm = vm("phq9");
        vm.show(instrument("phq9"), List.of(
                result("phq9", "2026-01-05", incomplete("phq9", Outcome.POSITIVE), "en", AdministrationMode.CLINICIAN),
                result("phq9", "2026-01-06", incomplete("phq9", Outcome.NEGATIVE), "en", AdministrationMode.CLINICIAN)));

        assertEquals("Positive", vm.rows().get(0).outcome());
        assertEquals("Incomplete", vm.rows().get(1).outcome());
        assertTrue(vm.points().isEmpty());
    }

    @Test
    void socialNeedsListPositiveDomainsInWordsAndShowSafetyOnlyAsPrivate() {
        Map<String, DomainScore> domains = new LinkedHashMap<>();
        domains.put("housing", new DomainScore("housing", Outcome.POSITIVE, null, true, false));
        domains.put("food", new DomainScore("food", Outcome.POSITIVE, null, true, false));
        domains.put("utilities", new DomainScore("utilities", Outcome.NEGATIVE, null, true, false));
        domains.put("safety", new DomainScore("safety", Outcome.POSITIVE, 14, true, true));
        Score ahc = new Score("ahc-hrsn", true, null, null, Outcome.POSITIVE, List.of(), List.of(), List.of(),
                List.of(), domains);
        Map<String, DomainScore> onlySafety = new LinkedHashMap<>();
        onlySafety.put("food", new DomainScore("food", Outcome.NEGATIVE, null, true, false));
        onlySafety.put("safety", new DomainScore("safety", Outcome.POSITIVE, 12, true, true));
        Score safetyOnly = new Score("ahc-hrsn", true, null, null, Outcome.POSITIVE, List.of(), List.of(), List.of(),
                List.of(), onlySafety);
        TrendViewModel vm = vm("ahc-hrsn");
        vm.show(instrument("ahc-hrsn"), List.of(
                result("ahc-hrsn", "2025-03-02", ahc, "en", AdministrationMode.SELF),
                result("ahc-hrsn", "2026-03-02", safetyOnly, "en", AdministrationMode.SELF)));

        assertFalse(vm.hasTotalProperty().get());
        assertTrue(vm.hasPrivateDomainProperty().get());
        assertTrue(vm.points().isEmpty());
        assertTrue(vm.thresholds().isEmpty());
        assertEquals("Positive: housing, food", vm.rows().get(0).needs());
        assertEquals("Private", vm.rows().get(0).privateDomain());
        assertEquals("No need found", vm.rows().get(1).needs());
        assertEquals("Private", vm.rows().get(1).privateDomain());
        vm.rows().forEach(r -> assertFalse(r.needs().contains("safety"), r::needs));
    }

    @Test
    void hungerVitalSignHasNoChartAndNoPrivateColumn() {
        Score hvs = new Score("hvs", true, null, null, Outcome.POSITIVE, List.of(), List.of(), List.of(), List.of(),
                Map.of("food", new DomainScore("food", Outcome.POSITIVE, null, true, false)));
        TrendViewModel vm = vm("hvs");
        vm.show(instrument("hvs"), List.of(result("hvs", "2026-03-02", hvs, "en", AdministrationMode.CLINICIAN)));

        assertFalse(vm.hasTotalProperty().get());
        assertFalse(vm.hasPrivateDomainProperty().get());
        assertEquals("Positive: food", vm.rows().get(0).needs());
        assertEquals("", vm.rows().get(0).privateDomain());
    }

    @Test
    void loadingACaregiverWithoutResultsSaysSoByInstrumentName() {
        TrendViewModel vm = vm("gad7");
        vm.load();

        assertTrue(vm.loadedProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertEquals("No finished GAD-7 results yet.", vm.emptyTextProperty().get());
        assertEquals(List.of(5, 10, 15), vm.thresholds().stream().map(TrendViewModel.Threshold::value).toList());
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }
}
