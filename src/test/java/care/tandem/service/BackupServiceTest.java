package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.backup.BackupKind;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.files.ClinicKey;
import care.tandem.testing.DatabaseDigest;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups and restores on real data folders: round trips, refusals that replace nothing, rotation, a damaged file. */
class BackupServiceTest {
    /** Tables a restore changes on purpose: its audit entry, and the new device id. */
    private static final Set<String> CHANGED_BY_RESTORE = Set.of("audit_event", "install_meta");
    private static final char[] DEMO = ClinicKey.DEMO_PASSPHRASE.toCharArray();

    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private Path demoFolder(String name, int families) {
        Path folder = dir.resolve(name);
        try (AppContext app = TestApp.open(folder, clock)) {
            app.demo().addFamilies(families, 7L, done -> { }, () -> false);
        }
        return folder;
    }

    private AppContext admin(Path folder) {
        AppContext app = TestApp.open(folder, clock);
        app.accounts().signIn("admin", "admin-demo".toCharArray());
        return app;
    }

    private static Path db(Path folder) {
        return folder.resolve("tandem.db");
    }

    @Test
    void aBackupIsACheckedCopyNamedWithItsUtcTimeAndIsAudited() throws IOException {
        Path folder = demoFolder("a", 5);
        Backup b;
        try (AppContext app = admin(folder)) {
            b = app.backups().backupNow();
            assertEquals(List.of(b), app.backups().list());
            assertEquals(1, audited(db(folder), AuditAction.BACKUP));
        }
        assertEquals(folder.resolve("backups/tandem-20261123-100000Z.db"), b.file());
        assertTrue(b.checked());
        assertEquals(DatabaseDigest.digest(db(folder), Set.of("audit_event")),
                DatabaseDigest.digest(b.file(), Set.of("audit_event")));
        try (Stream<Path> files = Files.list(folder.resolve("backups"))) {
            assertEquals(List.of("tandem-20261123-100000Z.db"), files.map(f -> f.getFileName().toString()).toList(),
                    "no temporary file is left");
        }
    }

    @Test
    void aPlainBackupRestoredInTheWindowGivesBackTheSameRecordsAndKeepsWhatItReplaced() throws Exception {
        Path folder = demoFolder("a", 20);
        Backup backup;
        String digestAtBackup;
        Map<String, Long> countsAtBackup;
        try (AppContext app = admin(folder)) {
            backup = app.backups().backupNow();
            digestAtBackup = DatabaseDigest.digest(backup.file(), CHANGED_BY_RESTORE);
            countsAtBackup = DatabaseDigest.counts(backup.file(), CHANGED_BY_RESTORE);
            clock.advance(Duration.ofHours(2));
            app.families().save(TestApp.family(TestApp.child("Later", "Added", java.time.LocalDate.of(2025, 1, 2)),
                    TestApp.caregiver("Ana", "Added", care.tandem.domain.family.Relationship.MOTHER, "(415) 555-0100")));

            try (PreparedRestore p = app.backups().prepare(backup.file(), null)) {
                assertEquals(20, p.backup().families());
                assertEquals(PreparedRestore.Here.READABLE, p.here());
                assertEquals(21, p.current().orElseThrow().families());
                assertEquals(backup.name().made(), p.made());
                assertFalse(p.sealed());

                BackupService.RestoreResult r = app.backups().restore(p, "admin-demo".toCharArray());

                Backup kept = assertInstanceOf(BackupService.RestoreResult.Restored.class, r).kept().orElseThrow();
                assertEquals(BackupKind.BEFORE_RESTORE, kept.name().kind());
                assertTrue(app.backups().closed());
                assertTrue(app.session().user().isEmpty(), "the session ends with the database");
            }
        }
        assertEquals(digestAtBackup, DatabaseDigest.digest(db(folder), CHANGED_BY_RESTORE));
        assertEquals(countsAtBackup, DatabaseDigest.counts(db(folder), CHANGED_BY_RESTORE));
        try (AppContext app = admin(folder)) {
            assertEquals(20, app.families().count());
            List<Backup> copies = app.backups().list();
            Backup kept = copies.stream().filter(b -> b.name().kind() == BackupKind.BEFORE_RESTORE).findFirst()
                    .orElseThrow();
            assertEquals(21, count(kept.file(), "SELECT count(*) FROM family"));
        }
        assertEquals(1, audited(db(folder), AuditAction.RESTORE));
        assertNoStagingLeft(folder);
    }

    @Test
    void aRestoredDatabaseTakesANewDeviceId() {
        Path folder = demoFolder("a", 3);
        String before = meta(db(folder), "device_id");
        try (AppContext app = admin(folder)) {
            Backup backup = app.backups().backupNow();
            app.backups().restore(app.backups().prepare(backup.file(), null), "admin-demo".toCharArray());
        }
        assertNotEquals(before, meta(db(folder), "device_id"));
    }

    @Test
    void aWrongAdministratorPasswordReplacesNothing() {
        Path folder = demoFolder("a", 3);
        try (AppContext app = admin(folder)) {
            Backup backup = app.backups().backupNow();
            try (PreparedRestore p = app.backups().prepare(backup.file(), null)) {
                BackupService.RestoreResult r = app.backups().restore(p, "wrong".toCharArray());
                assertInstanceOf(BackupService.RestoreResult.PasswordRefused.class, r);
                assertFalse(app.backups().closed());
                assertEquals(3, app.families().count());
            }
        }
        assertNoStagingLeft(folder);
    }

    @Test
    void anEncryptedBackupOutsideTheFolderRestoresIntoANewLaptopWithTheSameRecords() {
        Path folder = demoFolder("a", 15);
        Path stick = dir.resolve("usb");
        Path sealed;
        try (AppContext app = admin(folder)) {
            ClinicKey key = app.clinic().unlock(DEMO).key();
            sealed = app.backups().backupTo(stick, key);
            assertEquals(1, audited(db(folder), AuditAction.BACKUP_SEALED));
        }
        assertEquals(stick.resolve("tandem-20261123-100000Z.tandem-backup"), sealed);
        assertFalse(new String(readAll(sealed), java.nio.charset.StandardCharsets.ISO_8859_1).contains("SQLite format"),
                "nothing of the database shows in the file");

        Path laptop = dir.resolve("new-laptop");
        try (RestoreService r = AppContext.openForRestore(laptop, clock)) {
            assertTrue(r.facts(sealed).sealed());
            assertTrue(r.facts(sealed).demo());
            try (PreparedRestore p = r.prepare(sealed, DEMO)) {
                assertEquals(PreparedRestore.Here.NONE, p.here());
                assertEquals(15, p.backup().families());
                assertTrue(p.sealed());
                assertTrue(r.restore(p).isEmpty(), "nothing was here to keep");
            }
        }
        assertEquals(DatabaseDigest.digest(db(folder), Set.of("audit_event", "install_meta")),
                DatabaseDigest.digest(db(laptop), CHANGED_BY_RESTORE));
        try (AppContext app = admin(laptop)) {
            assertEquals(15, app.families().count());
        }
    }

    @Test
    void aWrongPassphraseAnotherClinicOrAFlippedByteReplaceNothing() throws IOException {
        Path folder = demoFolder("a", 4);
        Path other = demoFolder("b", 2);
        Path stick = dir.resolve("usb");
        Path ours;
        Path theirs;
        try (AppContext app = admin(folder)) {
            ours = app.backups().backupTo(stick, app.clinic().unlock(DEMO).key());
        }
        try (AppContext app = admin(other)) {
            theirs = app.backups().backupTo(dir.resolve("other-usb"), app.clinic().unlock(DEMO).key());
        }
        Path flipped = stick.resolve("flipped.tandem-backup");
        byte[] bytes = readAll(ours);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(flipped, bytes);
        String before = DatabaseDigest.digest(db(folder), Set.of());

        try (RestoreService r = AppContext.openForRestore(folder, clock)) {
            assertEquals(Problem.PASSPHRASE_WRONG, refused(() -> r.prepare(ours, "not the passphrase".toCharArray())));
            assertEquals(Problem.PASSPHRASE_NEEDED, refused(() -> r.prepare(ours, null)));
            assertEquals(Problem.FILE_OTHER_CLINIC, refused(() -> r.prepare(theirs, DEMO)));
            assertEquals(Problem.FILE_DAMAGED, refused(() -> r.prepare(flipped, DEMO)));
        }
        assertEquals(before, DatabaseDigest.digest(db(folder), Set.of()));
        assertNoStagingLeft(folder);
    }

    @Test
    void aPlainBackupThatFailsItsIntegrityCheckIsRefused() throws IOException {
        Path folder = demoFolder("a", 40);
        Path copy;
        try (AppContext app = admin(folder)) {
            copy = app.backups().backupNow().file();
        }
        Path damaged = dir.resolve("damaged.db");
        Files.copy(copy, damaged);
        damagePages(damaged);
        Path notADatabase = dir.resolve("notes.txt");
        Files.writeString(notADatabase, "hello");

        try (RestoreService r = AppContext.openForRestore(folder, clock)) {
            assertEquals(Problem.FILE_DAMAGED, refused(() -> r.prepare(damaged, null)));
            assertEquals(Problem.FILE_NOT_TANDEM, refused(() -> r.prepare(notADatabase, null)));
            assertEquals(Problem.BAD_ARGUMENT, refused(() -> r.prepare(db(folder), null)), "the database itself");
        }
        assertNoStagingLeft(folder);
    }

    @Test
    void aBackupFromANewerTandemIsRefused() throws Exception {
        Path folder = demoFolder("a", 2);
        Path copy;
        try (AppContext app = admin(folder)) {
            copy = app.backups().backupNow().file();
        }
        Path newer = dir.resolve("newer.db");
        Files.copy(copy, newer);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        try (RestoreService r = AppContext.openForRestore(folder, clock)) {
            ProblemException e = assertThrows(ProblemException.class, () -> r.prepare(newer, null));
            assertEquals(Problem.BACKUP_NEWER_VERSION, e.problem());
            assertEquals(99, e.args().get(0));
        }
    }

    @Test
    void restoreIsRefusedWhileTandemHasTheFolderOpen() {
        Path folder = demoFolder("a", 2);
        try (AppContext app = admin(folder)) {
            ProblemException e = assertThrows(ProblemException.class, () -> AppContext.openForRestore(folder, clock));
            assertEquals(Problem.DATA_FOLDER_IN_USE, e.problem());
        }
    }

    @Test
    void aDamagedDatabaseIsOfferedTheNewestGoodBackupAndKeptAsFoundWhenReplaced() throws IOException {
        Path folder = demoFolder("a", 30);
        Backup good;
        try (AppContext app = admin(folder)) {
            good = app.backups().backupNow();
            clock.advance(Duration.ofDays(1));
            Backup newerButDamaged = app.backups().backupNow();
            damagePages(newerButDamaged.file());
        }
        damageSchemaPage(db(folder));
        ProblemException opening = assertThrows(ProblemException.class, () -> TestApp.open(folder, clock));
        assertEquals(Problem.DATABASE_DAMAGED, opening.problem());

        try (RestoreService r = AppContext.openForRestore(folder, clock)) {
            Backup offered = r.latestGood().orElseThrow();
            assertEquals(good.file(), offered.file(), "the newer copy fails its check, so the older one is offered");
            try (PreparedRestore p = r.prepare(offered.file(), null)) {
                assertEquals(PreparedRestore.Here.DAMAGED, p.here());
                Backup kept = r.restore(p).orElseThrow();
                assertEquals(BackupKind.DAMAGED, kept.name().kind());
            }
        }
        try (AppContext app = admin(folder)) {
            assertEquals(30, app.families().count());
        }
    }

    @Test
    void theScheduledBackupIsMadeOnceADayAndOldOnesAreRotatedOut() {
        Path folder = demoFolder("a", 2);
        try (AppContext app = TestApp.open(folder, clock)) {
            assertTrue(app.backups().backupIfDue().isPresent(), "none yet");
            clock.advance(Duration.ofHours(23));
            assertTrue(app.backups().backupIfDue().isEmpty(), "the newest is not a day old");
            for (int day = 0; day < 20; day++) {
                clock.advance(Duration.ofHours(24));
                assertTrue(app.backups().backupIfDue().isPresent());
            }
            List<Backup> copies = app.backups().list();
            // 21 backups, 23 November (a Monday) and 25 November to 14 December: kept are the last 7 days (8 to 14
            // December), the newest of the two weeks before (Sundays 6 December and 29 November) and of November (30th).
            assertEquals(10, copies.size(), copies.toString());
            assertTrue(copies.stream().allMatch(Backup::checked));
        }
    }

    @Test
    void aClinicianMayNotBackUpOrRestore() {
        Path folder = demoFolder("a", 2);
        try (AppContext app = TestApp.open(folder, clock)) {
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            assertEquals(Problem.NOT_ALLOWED, refused(() -> app.backups().backupNow()));
            assertEquals(Problem.NOT_ALLOWED, refused(() -> app.backups().prepare(db(folder), null)));
        }
    }

    private static Problem refused(Runnable r) {
        return assertThrows(ProblemException.class, r::run).problem();
    }

    private static Problem refused(java.util.function.Supplier<?> s) {
        return assertThrows(ProblemException.class, s::get).problem();
    }

    private static void assertNoStagingLeft(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> left = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), left);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] readAll(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long count(Path file, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long audited(Path db, AuditAction action) {
        return count(db, "SELECT count(*) FROM audit_event WHERE action = '" + action + "'");
    }

    private static String meta(Path db, String key) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM install_meta WHERE key = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Overwrites pages in the middle of a database file (its header and schema page stay readable). */
    static void damagePages(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long pages = f.length() / 4096;
            byte[] junk = new byte[2000];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            for (long p = 2; p < pages - 1; p += 3) {
                f.seek(p * 4096 + 100);
                f.write(junk);
            }
        }
    }

    /** Overwrites the schema page's b-tree (page 1 after the 100-byte file header): no table can be found. */
    static void damageSchemaPage(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[3000];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            f.seek(100);
            f.write(junk);
        }
    }
}
