package care.tandem.domain.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.tandem.domain.family.ChildAge.Unit;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChildAgeTest {

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
            "2024-03-01, 2024-03-01, 0 d",
            "2024-03-01, 2024-03-06, 5 d",
            "2024-03-01, 2024-03-14, 13 d",
            "2024-03-01, 2024-03-15, 2 wk",
            "2024-03-01, 2024-04-12, 6 wk",
            "2024-03-01, 2024-04-30, 8 wk",
            "2024-03-01, 2024-05-01, 2 mo",
            "2024-03-01, 2024-07-15, 4 mo",
            "2024-03-01, 2026-02-28, 23 mo",
            "2024-03-01, 2026-03-01, 2 y 0 mo",
            "2022-01-10, 2024-04-20, 2 y 3 mo",
            "2018-03-01, 2024-02-29, 5 y 11 mo",
            "2018-03-01, 2024-03-01, 6 y",
            "2017-01-01, 2024-06-30, 7 y",
            "2004-06-15, 2025-06-15, 21 y",
    })
    void agesAreWrittenInTheUnitCliniciansUseForThatAge(LocalDate birth, LocalDate today, String expected) {
        assertEquals(expected, ChildAge.between(birth, today).englishShort());
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
            // A month is completed on the birth day-of-month, or on the 1st when the month is too short.
            "2024-01-31, 2024-02-29, 4 wk",
            "2023-01-31, 2023-03-30, 8 wk",
            "2023-01-31, 2023-03-31, 2 mo",
            "2024-02-29, 2024-04-28, 8 wk",
            "2024-02-29, 2024-04-29, 2 mo",
            "2023-12-31, 2024-02-29, 8 wk",
            "2023-12-31, 2024-03-01, 2 mo",
            // Born on a leap day: a year is completed on 1 March in a common year.
            "2020-02-29, 2022-02-28, 23 mo",
            "2020-02-29, 2022-03-01, 2 y 0 mo",
            "2020-02-29, 2024-02-29, 4 y 0 mo",
            "2020-02-29, 2026-02-28, 5 y 11 mo",
            "2020-02-29, 2026-03-01, 6 y",
    })
    void monthEndsAndLeapDaysCountCompletedMonthsOnly(LocalDate birth, LocalDate today, String expected) {
        assertEquals(expected, ChildAge.between(birth, today).englishShort());
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2} years")
    @CsvSource({
            "2024-03-01, 2024-03-10, 0",
            "2024-03-01, 2025-02-28, 0",
            "2024-03-01, 2025-03-01, 1",
            "2023-03-01, 2025-02-28, 1",
            "2022-01-10, 2024-04-20, 2",
            "2004-06-16, 2025-06-15, 20",
            "2004-06-15, 2025-06-15, 21",
    })
    void yearsAreCompletedYearsInEveryUnit(LocalDate birth, LocalDate today, int years) {
        assertEquals(years, ChildAge.between(birth, today).years());
    }

    @Test
    void yearsAndMonthsKeepsTheMonthsApart() {
        assertEquals(new ChildAge(Unit.YEARS_MONTHS, 2, 3),
                ChildAge.between(LocalDate.of(2022, 1, 10), LocalDate.of(2024, 4, 20)));
    }

    @Test
    void aBirthDateAfterTodayIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ChildAge.between(LocalDate.of(2025, 6, 16), LocalDate.of(2025, 6, 15)));
    }

    @Test
    void minorIsOnlyAllowedForYearsAndMonths() {
        assertThrows(IllegalArgumentException.class, () -> new ChildAge(Unit.MONTHS, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> new ChildAge(Unit.YEARS_MONTHS, 2, 12));
        assertThrows(IllegalArgumentException.class, () -> new ChildAge(Unit.DAYS, -1, 0));
    }
}
