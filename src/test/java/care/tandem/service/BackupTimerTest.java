package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupTimerTest {
    @Test
    void eachLookMakesABackupOnlyWhenOneIsDueAndAFailureIsReportedNotThrown(@TempDir Path dir) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        List<Throwable> failures = new ArrayList<>();
        try (AppContext app = TestApp.open(dir, clock);
             BackupTimer timer = BackupTimer.start(app.backups(), Duration.ofDays(1), failures::add)) {
            timer.look();
            timer.look();
            assertEquals(1, app.backups().list().size());
            clock.advance(Duration.ofHours(25));
            timer.look();
            assertEquals(2, app.backups().list().size());

            clock.advance(Duration.ofHours(25));
            // The backups folder replaced by a file: the copy cannot be written.
            try (var files = Files.list(dir.resolve("backups"))) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir.resolve("backups"));
            Files.writeString(dir.resolve("backups"), "not a folder");
            timer.look();
            assertEquals(1, failures.size());
            assertTrue(failures.get(0) instanceof care.tandem.domain.problem.ProblemException, failures::toString);
        }
    }
}
