package care.tandem.ui.family;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateInputTest {
    @ParameterizedTest
    @ValueSource(strings = {"03/14/2024", "3/14/2024", "03-14-2024", "03.14.2024", "03142024", "2024-03-14", " 3/14/2024 "})
    void us_and_iso_dates_are_read(String typed) {
        assertEquals(Optional.of(LocalDate.of(2024, 3, 14)), DateInput.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13/45/2024", "02/30/2024", "3/14/24", "March 14", "abc", "14/03"})
    void anything_else_is_unreadable_not_silently_dropped(String typed) {
        assertTrue(DateInput.parse(typed).isEmpty());
        assertTrue(DateInput.isUnreadable(typed));
    }

    @Test
    void blank_is_no_date_rather_than_a_mistake() {
        assertFalse(DateInput.isUnreadable(""));
        assertFalse(DateInput.isUnreadable("  "));
    }

    @Test
    void dates_are_written_as_mm_dd_yyyy() {
        assertEquals("03/04/2024", DateInput.format(LocalDate.of(2024, 3, 4)));
    }
}
