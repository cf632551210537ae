package care.tandem.ui.settings;

import care.tandem.AppContext;
import care.tandem.domain.screening.ScreeningSchedule;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The screening section of Settings: it shows the clinic's settings, saves valid ones and refuses the rest. */
class ScreeningSettingsViewModelTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext app;
    private ScreeningSettingsViewModel vm;

    @BeforeEach
    void open() {
        app = TestApp.signedIn(dir, MutableClock.at("2026-01-05T14:00:00Z"));
        vm = new SettingsViewModel(app.accounts(), app.clinic(), app.screening(), app.notes(), app.billing(),
                new SyncRunner(), dialogs, new Texts(Locale.ENGLISH), minutes -> { }).screening();
        vm.load();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aNewClinicShowsTheBrightFuturesScheduleAndThePublishedEpdsThresholds() {
        assertEquals("1, 2, 4, 6", vm.depressionMonthsProperty().get());
        assertEquals("phq2", vm.depressionInstrumentProperty().get());
        assertEquals("12", vm.socialNeedsMonthsProperty().get());
        assertFalse(vm.unverifiedGadSpanishProperty().get());
        assertEquals("10", vm.epdsPositiveProperty().get());
        assertEquals("13", vm.epdsLikelyProperty().get());
    }

    @Test
    void validSettingsAreSavedThroughTheService() {
        vm.depressionMonthsProperty().set("6, 1,2 , 4, 9");
        vm.depressionInstrumentProperty().set("epds");
        vm.socialNeedsMonthsProperty().set("6");
        vm.unverifiedGadSpanishProperty().set(true);
        vm.epdsPositiveProperty().set("11");
        vm.epdsLikelyProperty().set("14");
        vm.save();

        assertEquals(new ScreeningSettings(new ScreeningSchedule(List.of(1, 2, 4, 6, 9), "epds", 6, "ahc-hrsn"),
                true, 11, 14), app.screening().settings());
        assertEquals("Screening settings saved. They apply from now on.", vm.messageProperty().get());
        assertFalse(vm.errorProperty().get());
        assertEquals("1, 2, 4, 6, 9", vm.depressionMonthsProperty().get());
        assertEquals(List.of("en", "es"), app.screening().languages("gad7"));
        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
    }

    @Test
    void equalEpdsThresholdsAreAllowed() {
        vm.epdsPositiveProperty().set("12");
        vm.epdsLikelyProperty().set("12");
        vm.save();

        assertEquals(12, app.screening().settings().epdsPositive());
        assertEquals(12, app.screening().settings().epdsLikely());
    }

    @ParameterizedTest(name = "months \"{0}\", every {1}, EPDS {2}/{3} is refused")
    @CsvSource(delimiter = '|', value = {
            "1, 2, 40 | 12 | 10 | 13 | Write the well-visit ages in months, each from 1 to 36, separated by commas (for example 1, 2, 4, 6). Nothing was saved.",
            "0, 2     | 12 | 10 | 13 | Write the well-visit ages in months, each from 1 to 36, separated by commas (for example 1, 2, 4, 6). Nothing was saved.",
            "''       | 12 | 10 | 13 | Write the well-visit ages in months, each from 1 to 36, separated by commas (for example 1, 2, 4, 6). Nothing was saved.",
            "1, x     | 12 | 10 | 13 | Write the well-visit ages in months, each from 1 to 36, separated by commas (for example 1, 2, 4, 6). Nothing was saved.",
            "1, 2     | 0  | 10 | 13 | Choose how often the social-needs screen is due: every 1 to 60 months. Nothing was saved.",
            "1, 2     | 61 | 10 | 13 | Choose how often the social-needs screen is due: every 1 to 60 months. Nothing was saved.",
            "1, 2     | 12 | 0  | 13 | EPDS thresholds are totals from 1 to 30. Nothing was saved.",
            "1, 2     | 12 | 10 | 31 | EPDS thresholds are totals from 1 to 30. Nothing was saved.",
            "1, 2     | 12 | '' | 13 | EPDS thresholds are totals from 1 to 30. Nothing was saved.",
            "1, 2     | 12 | 14 | 13 | The EPDS positive threshold cannot be above the \"likely depression\" threshold. Nothing was saved."})
    void invalidInputIsRefusedWithAMessageAndNothingIsSaved(String months, String social, String positive,
                                                            String likely, String message) {
        vm.depressionMonthsProperty().set(months);
        vm.socialNeedsMonthsProperty().set(social);
        vm.epdsPositiveProperty().set(positive);
        vm.epdsLikelyProperty().set(likely);
        vm.unverifiedGadSpanishProperty().set(true);
        vm.save();

        assertEquals(message, vm.messageProperty().get());
        assertTrue(vm.errorProperty().get());
        assertEquals(ScreeningSettings.standard(), app.screening().settings());
        assertEquals(months, vm.depressionMonthsProperty().get(), "what was typed stays to be corrected");
    }
}
