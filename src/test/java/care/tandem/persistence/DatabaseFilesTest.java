package care.tandem.persistence;

import care.tandem.AppContext;
import care.tandem.domain.backup.DatabaseSummary;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.testing.DatabaseDigest;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFilesTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private Path demoFolder(int families) {
        Path folder = dir.resolve("data");
        try (AppContext app = TestApp.open(folder, clock)) {
            app.demo().addFamilies(families, 7L, done -> { }, () -> false);
        }
        return folder;
    }

    @Test
    void aSnapshotOfTheOpenDatabaseHoldsTheSameRowsAndPassesTheCheck() {
        Path folder = demoFolder(12);
        Path copy = dir.resolve("copy.db");
        try (AppContext app = TestApp.open(folder, clock)) {
            // The database is open (WAL, writer and reader connections) while the copy is made.
            DatabaseFiles.snapshot(folder.resolve("tandem.db"), copy);
        }

        assertTrue(DatabaseFiles.integrityCheck(copy).ok());
        assertEquals(DatabaseDigest.digest(folder.resolve("tandem.db"), Set.of()), DatabaseDigest.digest(copy, Set.of()));
        assertFalse(Files.exists(dir.resolve("copy.db-wal")));
    }

    @Test
    void snapshotsTakenWhileAnotherThreadWritesAreEachOneConsistentMoment() throws Exception {
        Path file = dir.resolve("live.db");
        try (Database db = Database.open(file)) {
            Sql.exec(db, "CREATE TABLE t (x INTEGER PRIMARY KEY); CREATE TABLE counter (n INTEGER); "
                    + "INSERT INTO counter VALUES (0)");
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
            Thread writer = new Thread(() -> {
                // Each transaction adds a row and sets the counter to the number of rows: a torn copy would disagree.
                while (!stop.get()) {
                    int n = written.incrementAndGet();
                    Sql.exec(db, "INSERT INTO t VALUES (" + n + "); UPDATE counter SET n = " + n);
                }
            });
            writer.start();
            try {
                for (int i = 0; i < 5; i++) {
                    while (written.get() < (i + 1) * 50) {
                        Thread.onSpinWait();
                    }
                    Path copy = dir.resolve("copy" + i + ".db");
                    DatabaseFiles.snapshot(file, copy);
                    assertTrue(DatabaseFiles.integrityCheck(copy).ok());
                    try (Database c = Database.open(copy)) {
                        String rows = Sql.one(c, "SELECT count(*) FROM t");
                        assertEquals(rows, Sql.one(c, "SELECT n FROM counter"));
                        assertEquals(rows, Sql.one(c, "SELECT coalesce(max(x), 0) FROM t"));
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertTrue(written.get() >= 250);
        }
    }

    @Test
    void theSummaryCountsWhatTheFileHolds() {
        Path folder = demoFolder(12);

        DatabaseSummary s = DatabaseFiles.summarize(folder.resolve("tandem.db"));

        assertEquals(SchemaMigrator.MIGRATIONS.size(), s.schemaVersion());
        assertTrue(s.demo());
        assertEquals(12, s.families());
        assertTrue(s.screens() > 0 && s.notes() > 0 && s.referrals() > 0 && s.users() > 0, s.toString());
        assertTrue(s.clinicId().isPresent());
        assertTrue(s.newestChange().isPresent());
        assertEquals(Long.toString(s.screens()), count(folder, "screening WHERE status <> 'ENTERED_IN_ERROR'"));
    }

    private static String count(Path folder, String fromWhere) {
        try (Database db = Database.open(folder.resolve("tandem.db"))) {
            return Sql.one(db, "SELECT count(*) FROM " + fromWhere);
        }
    }

    @Test
    void aFileWithDamagedPagesFailsTheIntegrityCheck() throws IOException {
        Path folder = demoFolder(40);
        Path copy = dir.resolve("copy.db");
        DatabaseFiles.snapshot(folder.resolve("tandem.db"), copy);
        assertTrue(DatabaseFiles.integrityCheck(copy).ok());

        damagePages(copy);

        DatabaseFiles.IntegrityResult result = DatabaseFiles.integrityCheck(copy);
        assertFalse(result.ok());
        assertFalse(result.errors().isEmpty());
    }

    /** Overwrites pages in the middle of a database file (its header and schema page stay readable). */
    public static void damagePages(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long pages = f.length() / 4096;
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            for (long p = 2; p < pages - 1; p += 3) {
                f.seek(p * 4096 + 100);
                f.write(junk, 0, 2000);
            }
        }
    }

    @Test
    void aFileThatIsNotADatabaseFailsTheCheckAndHasNoSummary() throws IOException {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a database ".repeat(500));

        assertFalse(DatabaseFiles.integrityCheck(junk).ok());
        ProblemException e = assertThrows(ProblemException.class, () -> DatabaseFiles.summarize(junk));
        assertEquals(Problem.DATABASE_DAMAGED, e.problem());
        assertFalse(DatabaseFiles.integrityCheck(dir.resolve("absent.db")).ok());
    }

    @Test
    void aRestoredCopyTakesANewDeviceIdAndRecordsTheRestore() {
        Path folder = demoFolder(3);
        Path copy = dir.resolve("copy.db");
        DatabaseFiles.snapshot(folder.resolve("tandem.db"), copy);
        UUID device = UUID.randomUUID();

        DatabaseFiles.markRestored(copy, new WriteStamp(null, device, Instant.parse("2026-11-23T11:00:00Z"),
                "x"), "backup 20261123-100000");

        try (Database db = Database.open(copy)) {
            assertEquals(device.toString(), Sql.one(db, "SELECT value FROM install_meta WHERE key = 'device_id'"));
            assertEquals("backup 20261123-100000", Sql.one(db, "SELECT detail FROM audit_event WHERE action = 'RESTORE'"));
        }
        assertTrue(DatabaseFiles.integrityCheck(copy).ok());
    }
}
