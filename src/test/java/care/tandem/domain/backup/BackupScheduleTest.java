package care.tandem.domain.backup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackupScheduleTest {
    private static final Instant NOW = Instant.parse("2026-11-23T17:00:00Z");

    @ParameterizedTest(name = "newest {0}: due {1}")
    @CsvSource({
            "'', true",
            "2026-11-23T16:00:00Z, false",
            "2026-11-22T17:00:01Z, false",
            "2026-11-22T17:00:00Z, true",
            "2026-11-01T00:00:00Z, true",
            "2026-11-23T17:00:30Z, false",
            "2026-11-23T19:00:00Z, true"})
    void aBackupIsDueWhenNoneIsYoungerThanADay(String newest, boolean due) {
        Optional<Instant> n = newest.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(newest));
        assertEquals(due, BackupSchedule.isDue(n, NOW));
    }
}
