package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.files.ClinicKey;
import care.tandem.i18n.Texts;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packages that must not be read: damaged, altered, of another clinic, read twice, or opened with the wrong
 * passphrase. Each is refused whole with a clear message, and the laptop holds exactly what it held before.
 * The clinic keys are derived once for the class (derivation is deliberately slow).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncRefusalTest {
    @TempDir
    static Path root;
    private final MutableClock clock = MutableClock.at("2026-11-23T18:00:00Z");
    private AppContext a;
    private AppContext b;
    private ClinicKey key;
    private Path folder;
    private Path newPackage;
    private final Texts texts = new Texts(Locale.ENGLISH);

    @BeforeAll
    void twoLaptops() throws Exception {
        folder = Files.createDirectories(root.resolve("shared"));
        a = TestApp.signedIn(root.resolve("a"), clock);
        key = a.clinic().unlock("clinic sync passphrase".toCharArray()).key();
        a.sync().syncNow(folder, key, SyncService.Progress.NONE);
        AppContext joining = TestApp.open(root.resolve("b"), clock);
        joining.sync().join(folder, id -> key, SyncService.Progress.NONE);
        joining.close();
        b = TestApp.open(root.resolve("b"), clock);
        // A adds a family: its next package is the one the tests damage, alter or read twice.
        a.families().save(TestApp.family(TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20)),
                TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100")));
        Path out = Files.createDirectories(root.resolve("a-out"));
        String written = a.sync().syncNow(out, key, SyncService.Progress.NONE).written();
        newPackage = out.resolve(written);
    }

    @AfterAll
    void close() {
        b.close();
        a.close();
    }

    private Path folderWith(String name, byte[] content) throws Exception {
        Path dir = Files.createTempDirectory(root, "sync");
        Files.write(dir.resolve(name), content);
        return dir;
    }

    private ProblemException refusedAlone(Path dir) throws Exception {
        var before = ThreeLaptopSyncTest.dump(b.dataDir());
        SyncService.Summary s = b.sync().syncNow(dir, key, SyncService.Progress.NONE);
        assertEquals(1, s.refused().size());
        assertEquals(0, s.read());
        assertEquals(0, s.recordsIn());
        var after = ThreeLaptopSyncTest.dump(b.dataDir());
        // Nothing of the package was applied: only B's own package (its knowledge, nothing new) may differ.
        assertEquals(before.get("family"), after.get("family"));
        assertEquals(before.get("person"), after.get("person"));
        assertEquals(0, b.families().count());
        return s.refused().get(0).problem();
    }

    @Test
    void aDamagedPackageIsRefusedWholeAndSaysSo() throws Exception {
        byte[] bytes = Files.readAllBytes(newPackage);
        bytes[bytes.length / 2] ^= 0x01;
        ProblemException p = refusedAlone(folderWith(newPackage.getFileName().toString(), bytes));
        assertEquals(Problem.FILE_DAMAGED, p.problem());
        assertTrue(texts.problem(p).contains("damaged"), texts.problem(p));
    }

    @Test
    void anAlteredPackageWithAMatchingChecksumIsRefusedWholeAsTampered() throws Exception {
        byte[] bytes = Files.readAllBytes(newPackage);
        // Change a byte of the encrypted body and write a checksum that matches: only the key can tell.
        bytes[bytes.length - 64] ^= 0x01;
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(bytes, bytes.length - 32));
        System.arraycopy(sha, 0, bytes, bytes.length - 32, 32);
        ProblemException p = refusedAlone(folderWith(newPackage.getFileName().toString(), bytes));
        assertEquals(Problem.FILE_TAMPERED, p.problem());
        assertTrue(texts.problem(p).contains("altered"), texts.problem(p));
    }

    @Test
    void anotherClinicsPackageIsRefusedNamingBothClinics() throws Exception {
        Path other = Files.createTempDirectory(root, "other");
        try (AppContext z = TestApp.open(root.resolve("z"), clock)) {
            z.accounts().setUp("Eastside Clinic", "Zoe Admin", "zoe", TestApp.PASSWORD.toCharArray());
            z.accounts().signIn("zoe", TestApp.PASSWORD.toCharArray());
            ClinicKey zKey = z.clinic().unlock("another clinic passphrase".toCharArray()).key();
            z.sync().syncNow(other, zKey, SyncService.Progress.NONE);
        }
        ProblemException p = refusedAlone(other);
        assertEquals(Problem.SYNC_OTHER_CLINIC, p.problem());
        String message = texts.problem(p);
        assertTrue(message.contains("Eastside Clinic") && message.contains("Test Clinic"), message);
    }

    @Test
    void aPackageReadTwiceChangesNothing() throws Exception {
        Path dir = Files.createTempDirectory(root, "twice");
        Files.copy(newPackage, dir.resolve(newPackage.getFileName()));
        try (AppContext c = TestApp.open(root.resolve("c"), clock)) {
            c.sync().join(folder, id -> key, SyncService.Progress.NONE);
        }
        try (AppContext c = TestApp.open(root.resolve("c"), clock)) {
            SyncService.Summary first = c.sync().syncNow(dir, key, SyncService.Progress.NONE);
            assertEquals(1, first.read());
            assertTrue(first.recordsIn() >= 3, "the family and its two members");
            var once = ThreeLaptopSyncTest.dump(c.dataDir());
            // The same package again, under another name, and the folder read again.
            Files.copy(newPackage, dir.resolve("copy-of-" + newPackage.getFileName()));
            SyncService.Summary again = c.sync().syncNow(dir, key, SyncService.Progress.NONE);
            assertEquals(0, again.read());
            assertEquals(2, again.alreadyRead());
            assertNull(again.written(), "nothing new to write");
            assertEquals(once, ThreeLaptopSyncTest.dump(c.dataDir()));
        }
    }

    @Test
    void joiningWithTheWrongPassphraseChangesNothing() throws Exception {
        Path dir = root.resolve("d");
        long packages = count(folder);
        try (AppContext d = TestApp.open(dir, clock)) {
            var before = d.clinic().info().clinicId();
            ClinicKey wrong = ClinicKey.derive("not the passphrase".toCharArray(), key.clinicId());
            ProblemException p = assertThrows(ProblemException.class,
                    () -> d.sync().join(folder, id -> wrong, SyncService.Progress.NONE));
            assertEquals(Problem.PASSPHRASE_WRONG, p.problem());
            assertTrue(d.sync().canJoin(), "still free to join");
            assertEquals(before, d.clinic().info().clinicId());
        }
        assertEquals(packages, count(folder), "no package written");
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aUsernameTakenOnTwoLaptopsBeforeTheySyncedIsRefusedWithWhatToDo() throws Exception {
        Path e = root.resolve("e");
        try (AppContext joining = TestApp.open(e, clock)) {
            joining.sync().join(folder, id -> key, SyncService.Progress.NONE);
        }
        Path between = Files.createTempDirectory(root, "clash");
        try (AppContext other = TestApp.open(e, clock)) {
            other.accounts().signIn(TestApp.ADMIN, TestApp.PASSWORD.toCharArray());
            other.accounts().createUser("Sam Okafor", "sam", care.tandem.domain.user.Role.CLINICIAN, null,
                    "long enough password".toCharArray());
            a.accounts().createUser("Samuel Ortiz", "sam", care.tandem.domain.user.Role.CLINICIAN, null,
                    "another long password".toCharArray());
            a.sync().syncNow(between, key, SyncService.Progress.NONE);
            SyncService.Summary s = other.sync().syncNow(between, key, SyncService.Progress.NONE);
            assertEquals(1, s.refused().size());
            ProblemException p = s.refused().get(0).problem();
            assertEquals(Problem.SYNC_PACKAGE_CLASH, p.problem());
            assertTrue(texts.problem(p).contains("same username"), texts.problem(p));
            assertEquals("Sam Okafor", other.accounts().users().stream().filter(u -> u.username().equals("sam"))
                    .findFirst().orElseThrow().displayName(), "nothing of the package was read");
        }
    }

    @Test
    void aPackageOfANewerTandemIsRefusedSayingToUpdate() throws Exception {
        Path dir = Files.createTempDirectory(root, "newer");
        String device = java.util.UUID.randomUUID().toString();
        care.tandem.files.SealedFile.write(dir.resolve(device + "-000001.tandem-sync"), key,
                care.tandem.interop.sync.SyncPackageFormat.KIND, clock.instant(),
                java.util.Map.of("device", device, "seq", "1", "clinicName", "Test Clinic", "demo", "false"), body -> {
                    var gz = new java.util.zip.GZIPOutputStream(body);
                    gz.write("{\"format\": 2, \"records\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    gz.finish();
                });
        ProblemException p = refusedAlone(dir);
        assertEquals(Problem.SYNC_PACKAGE_NEWER, p.problem());
        assertTrue(texts.problem(p).contains("newer version of Tandem"), texts.problem(p));
    }

    @Test
    void aLaptopThatHoldsAClinicCannotJoinAnother() {
        ProblemException p = assertThrows(ProblemException.class,
                () -> b.sync().join(folder, id -> key, SyncService.Progress.NONE));
        assertEquals(Problem.SYNC_JOIN_NOT_EMPTY, p.problem());
    }
}
