package care.tandem.domain.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotationRuleTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static RotationRule.Copy regular(String instant) {
        return new RotationRule.Copy(BackupName.of(BackupKind.REGULAR, Instant.parse(instant), 1), true);
    }

    /** One backup at 02:00 UTC on every day from {@code first} to {@code last}. */
    private static List<RotationRule.Copy> daily(String first, String last) {
        List<RotationRule.Copy> copies = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            copies.add(regular(d + "T02:00:00Z"));
        }
        return copies;
    }

    private static List<LocalDate> keptDays(RotationRule rule, List<RotationRule.Copy> copies, ZoneId zone) {
        List<RotationRule.Copy> deleted = rule.toDelete(copies, zone);
        return copies.stream().filter(c -> !deleted.contains(c))
                .map(c -> LocalDate.ofInstant(c.name().made(), UTC)).sorted().toList();
    }

    static Stream<Arguments> dailyBackups() {
        // 2026-11-22 is a Sunday, the last day of ISO week 47.
        return Stream.of(
                Arguments.of("ten days, seven kept", new RotationRule(7, 0, 0), "2026-11-13", "2026-11-22",
                        List.of("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21",
                                "2026-11-22")),
                Arguments.of("fewer backups than days: all kept", new RotationRule(7, 4, 12), "2026-11-20",
                        "2026-11-22", List.of("2026-11-20", "2026-11-21", "2026-11-22")),
                Arguments.of("weeks add the newest of each earlier week", new RotationRule(7, 4, 0), "2026-09-01",
                        "2026-11-22", List.of("2026-11-01", "2026-11-08", "2026-11-15", "2026-11-16", "2026-11-17",
                                "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22")),
                Arguments.of("standard rule over two years", RotationRule.standard(), "2025-01-01", "2026-11-22",
                        List.of("2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
                                "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-01",
                                "2026-11-08", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19",
                                "2026-11-20", "2026-11-21", "2026-11-22")),
                Arguments.of("one of each: only the newest", new RotationRule(1, 0, 0), "2026-10-01", "2026-11-22",
                        List.of("2026-11-22")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dailyBackups")
    void keepsTheNewestOfTheLastDaysWeeksAndMonths(String what, RotationRule rule, String first, String last,
                                                   List<String> kept) {
        assertEquals(kept.stream().map(LocalDate::parse).toList(), keptDays(rule, daily(first, last), UTC));
    }

    @Test
    void severalBackupsOnOneDayCountAsThatDayOnce() {
        List<RotationRule.Copy> copies = List.of(regular("2026-11-21T09:00:00Z"), regular("2026-11-22T08:00:00Z"),
                regular("2026-11-22T12:00:00Z"), regular("2026-11-22T18:00:00Z"));

        List<RotationRule.Copy> deleted = new RotationRule(2, 0, 0).toDelete(copies, UTC);

        assertEquals(List.of(copies.get(1), copies.get(2)), deleted);
    }

    @Test
    void daysAreTheClinicsDaysNotUtc() {
        RotationRule.Copy saturdayMorning = regular("2026-11-21T12:00:00Z");
        RotationRule.Copy sundayEvening = regular("2026-11-22T20:00:00Z");
        RotationRule.Copy mondayAtThree = regular("2026-11-23T03:00:00Z");
        List<RotationRule.Copy> copies = List.of(saturdayMorning, sundayEvening, mondayAtThree);
        RotationRule rule = new RotationRule(2, 0, 0);

        assertEquals(List.of(saturdayMorning), rule.toDelete(copies, UTC));
        // In Chicago (UTC-6) Monday 03:00 UTC is still Sunday evening: the two are one day.
        assertEquals(List.of(sundayEvening), rule.toDelete(copies, ZoneId.of("America/Chicago")));
    }

    @Test
    void copiesBeforeAMigrationOrARestoreAndDamagedFilesAreNeverDeleted() {
        List<RotationRule.Copy> copies = new ArrayList<>(daily("2026-11-01", "2026-11-22"));
        List<RotationRule.Copy> others = List.of(
                new RotationRule.Copy(new BackupName(BackupKind.BEFORE_MIGRATION, Instant.parse("2024-03-01T10:00:00Z"), 1, 3), true),
                new RotationRule.Copy(BackupName.of(BackupKind.BEFORE_RESTORE, Instant.parse("2024-05-01T10:00:00Z"), 1), true),
                new RotationRule.Copy(BackupName.of(BackupKind.DAMAGED, Instant.parse("2024-06-01T10:00:00Z"), 1), false));
        copies.addAll(others);

        List<RotationRule.Copy> deleted = new RotationRule(1, 0, 0).toDelete(copies, UTC);

        assertEquals(21, deleted.size());
        assertTrue(deleted.stream().noneMatch(others::contains));
    }

    @Test
    void theNewestGoodBackupIsKeptWhenNewerOnesFailedTheirCheck() {
        RotationRule.Copy good = regular("2026-11-01T02:00:00Z");
        RotationRule.Copy bad1 = new RotationRule.Copy(BackupName.of(BackupKind.REGULAR,
                Instant.parse("2026-11-21T02:00:00Z"), 1), false);
        RotationRule.Copy bad2 = new RotationRule.Copy(BackupName.of(BackupKind.REGULAR,
                Instant.parse("2026-11-22T02:00:00Z"), 1), false);

        List<RotationRule.Copy> deleted = new RotationRule(1, 0, 0).toDelete(List.of(good, bad1, bad2), UTC);

        assertEquals(List.of(bad1, bad2), deleted);
    }

    @Test
    void aRuleKeepsAtLeastOneDay() {
        assertThrows(IllegalArgumentException.class, () -> new RotationRule(0, 4, 12));
        assertThrows(IllegalArgumentException.class, () -> new RotationRule(7, -1, 12));
    }
}
