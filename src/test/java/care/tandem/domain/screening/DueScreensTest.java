package care.tandem.domain.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Caregiver depression screening at the 1, 2, 4 and 6-month well visits (Bright Futures; AAP clinical report on
 * perinatal depression, Earls et al., Pediatrics 2019), social needs at least yearly.
 */
class DueScreensTest {
    private static final LocalDate BORN = LocalDate.of(2026, 1, 1);
    private static final UUID MOTHER = UUID.randomUUID();
    private static final UUID FATHER = UUID.randomUUID();
    private final ScreeningSchedule standard = ScreeningSchedule.standard();

    @ParameterizedTest(name = "on {0}: depression screen due for the {1}-month visit")
    @CsvSource({
            "2026-01-17, 0",   // 16 days old: before the 1-month window
            "2026-01-18, 1",   // two weeks before 1 month
            "2026-02-14, 1",   // the day before the 2-month window opens
            "2026-02-15, 2",
            "2026-04-17, 4",
            "2026-06-17, 6",
            "2026-09-16, 6",   // last day of the 6-month window (three months on, less two weeks)
            "2026-09-17, 0"})  // past it
    void theWellVisitWindowDecidesWhichDepressionScreenIsDue(LocalDate today, int month) {
        List<DueScreen> due = DueScreens.due(standard, BORN, List.of(MOTHER), List.of(), today).stream()
                .filter(d -> d.reason() == DueScreen.Reason.DEPRESSION_WELL_VISIT).toList();
        if (month == 0) {
            assertEquals(List.of(), due);
        } else {
            assertEquals(List.of(new DueScreen("phq2", MOTHER, DueScreen.Reason.DEPRESSION_WELL_VISIT, month)), due);
        }
    }

    @Test
    void eachCaregiverIsDueUntilTheyAreScreenedInThisWindow() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        List<DueScreens.Past> past = List.of(new DueScreens.Past(MOTHER, "epds", LocalDate.of(2026, 2, 20)),
                new DueScreens.Past(FATHER, "phq9", LocalDate.of(2026, 2, 1)));
        List<DueScreen> due = DueScreens.due(standard, BORN, List.of(MOTHER, FATHER), past, today).stream()
                .filter(d -> d.reason() == DueScreen.Reason.DEPRESSION_WELL_VISIT).toList();
        assertEquals(List.of(new DueScreen("phq2", FATHER, DueScreen.Reason.DEPRESSION_WELL_VISIT, 2)), due);
    }

    @ParameterizedTest(name = "last AHC on {0}: social needs due = {1}")
    @CsvSource({"2025-03-02, false", "2025-03-01, true", "2026-02-28, false"})
    void socialNeedsAreDueWhenNoneWasGivenInTwelveMonths(LocalDate last, boolean due) {
        LocalDate today = LocalDate.of(2026, 3, 1);
        List<DueScreen> all = DueScreens.due(standard, BORN, List.of(MOTHER),
                List.of(new DueScreens.Past(MOTHER, "ahc-hrsn", last)), today);
        assertEquals(due, all.stream().anyMatch(d -> d.reason() == DueScreen.Reason.SOCIAL_NEEDS_YEARLY));
    }

    @Test
    void aHouseholdWithoutCaregiversOrBirthDatesHasNothingDue() {
        assertEquals(List.of(), DueScreens.due(standard, null, List.of(), List.of(), LocalDate.of(2026, 3, 1)));
        assertTrue(DueScreens.due(standard, null, List.of(MOTHER), List.of(), LocalDate.of(2026, 3, 1)).stream()
                .allMatch(d -> d.reason() == DueScreen.Reason.SOCIAL_NEEDS_YEARLY));
    }

    @Test
    void theScheduleRoundTripsAndRefusesNonsense() {
        ScreeningSchedule s = new ScreeningSchedule(List.of(6, 1, 2), "epds", 6, "ahc-hrsn");
        assertEquals(List.of(1, 2, 6), s.depressionMonths());
        assertEquals(s, ScreeningSchedule.decode(s.encode()));
        assertThrows(IllegalArgumentException.class, () -> ScreeningSchedule.decode("1,2;phq2;12"));
        assertThrows(IllegalArgumentException.class, () -> new ScreeningSchedule(List.of(0), "phq2", 12, "ahc-hrsn"));
        assertThrows(IllegalArgumentException.class, () -> new ScreeningSchedule(List.of(1), "gad7", 12, "ahc-hrsn"));
    }
}
