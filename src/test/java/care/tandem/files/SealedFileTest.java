package care.tandem.files;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sealed files: what comes out is what went in, and a damaged, tampered, foreign or wrong-key file gives nothing. */
class SealedFileTest {
    private static final UUID CLINIC = UUID.fromString("7d0c6f43-0000-4000-8000-000000000001");
    private static final Instant WHEN = Instant.parse("2026-11-23T16:00:00Z");
    private static ClinicKey key;
    private static ClinicKey otherPassphrase;
    private static ClinicKey otherClinic;

    @BeforeAll
    static void keys() { // derivation is slow on purpose: once per class
        key = ClinicKey.derive("correct horse battery".toCharArray(), CLINIC);
        otherPassphrase = ClinicKey.derive("wrong horse battery".toCharArray(), CLINIC);
        otherClinic = ClinicKey.derive("correct horse battery".toCharArray(), UUID.randomUUID());
    }

    private static byte[] body(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static Path seal(Path dir, byte[] body) {
        Path file = dir.resolve("a.tandem-sync");
        SealedFile.write(file, key, "sync-package", WHEN, Map.of("device", "d1", "sequence", "4"),
                out -> out.write(body));
        return file;
    }

    private static byte[] open(Path file, ClinicKey k) {
        return SealedFile.read(file, k, "sync-package", in -> in.readAllBytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 12345})
    void whatIsSealedIsWhatIsOpened(int size, @TempDir Path dir) {
        byte[] body = body(size);
        Path file = seal(dir, body);
        assertArrayEquals(body, open(file, key));
        SealedFile.Header h = SealedFile.header(file);
        assertEquals("sync-package", h.kind());
        assertEquals(CLINIC, h.clinicId());
        assertEquals(WHEN, h.created());
        assertEquals(Map.of("device", "d1", "sequence", "4"), h.fields());
        assertTrue(key.matches(h.keyCheck()));
    }

    @Test
    void theBodyIsNotReadableInTheFile(@TempDir Path dir) throws IOException {
        byte[] text = "Maria Lopez, PHQ-9 item 9: nearly every day".repeat(100).getBytes(StandardCharsets.UTF_8);
        Path file = seal(dir, text);
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("Maria"));
        assertFalse(raw.contains("PHQ-9"));
    }

    @Test
    void aFlippedByteAnywhereIsRefusedAsDamaged(@TempDir Path dir) throws IOException {
        Path file = seal(dir, body(3 * (1 << 20)));
        long size = Files.size(file);
        for (long at : new long[] {20, 200, size / 2, size - 40, size - 1}) {
            flip(file, at);
            ProblemException e = assertThrows(ProblemException.class, () -> open(file, key));
            assertEquals(Problem.FILE_DAMAGED, e.problem(), "byte " + at);
            flip(file, at);
        }
        assertEquals(3 * (1 << 20), open(file, key).length);
    }

    @Test
    void aChangeWithAFixedUpChecksumIsTampering(@TempDir Path dir) throws Exception {
        Path file = seal(dir, body(5000));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 32 - 100] ^= 1; // inside the last segment
        rewriteChecksum(file, bytes);
        ProblemException e = assertThrows(ProblemException.class, () -> open(file, key));
        assertEquals(Problem.FILE_TAMPERED, e.problem());
    }

    @Test
    void aTruncatedBodyWithAFixedUpChecksumIsTampering(@TempDir Path dir) throws Exception {
        Path file = seal(dir, body(3 * (1 << 20)));
        byte[] bytes = Files.readAllBytes(file);
        // Drop the last segment (and the checksum), then append a checksum that fits.
        int lastSegment = (int) (bytes.length - 32 - (4 + 16));
        byte[] cut = java.util.Arrays.copyOf(bytes, lastSegment + 32);
        rewriteChecksum(file, cut);
        ProblemException e = assertThrows(ProblemException.class, () -> open(file, key));
        assertEquals(Problem.FILE_TAMPERED, e.problem());
    }

    @Test
    void aWrongPassphraseIsToldApartFromTampering(@TempDir Path dir) {
        Path file = seal(dir, body(100));
        assertEquals(Problem.PASSPHRASE_WRONG,
                assertThrows(ProblemException.class, () -> open(file, otherPassphrase)).problem());
    }

    @Test
    void anotherClinicsFileIsRefused(@TempDir Path dir) {
        Path file = seal(dir, body(100));
        assertEquals(Problem.FILE_OTHER_CLINIC,
                assertThrows(ProblemException.class, () -> open(file, otherClinic)).problem());
    }

    @Test
    void aFileOfAnotherKindIsRefused(@TempDir Path dir) {
        Path file = seal(dir, body(100));
        assertEquals(Problem.FILE_WRONG_KIND, assertThrows(ProblemException.class,
                () -> SealedFile.read(file, key, "backup", in -> in.readAllBytes())).problem());
    }

    @Test
    void aForeignFileIsNotATandemFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "just some text, long enough to pass for a file with a checksum at its end.");
        assertEquals(Problem.FILE_NOT_TANDEM,
                assertThrows(ProblemException.class, () -> open(file, key)).problem());
        Files.writeString(file, "tiny");
        assertEquals(Problem.FILE_NOT_TANDEM,
                assertThrows(ProblemException.class, () -> open(file, key)).problem());
    }

    @Test
    void aNewerFormatIsRefusedWithItsOwnReason(@TempDir Path dir) throws Exception {
        Path file = seal(dir, body(100));
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] = (byte) (SealedFile.FORMAT + 1);
        rewriteChecksum(file, bytes);
        assertEquals(Problem.FILE_NEWER_FORMAT,
                assertThrows(ProblemException.class, () -> open(file, key)).problem());
    }

    @Test
    void aReaderThatStopsEarlyStillHasTheRestAuthenticated(@TempDir Path dir) throws Exception {
        Path file = seal(dir, body(3 * (1 << 20)));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 32 - 50] ^= 1;
        rewriteChecksum(file, bytes);
        assertEquals(Problem.FILE_TAMPERED, assertThrows(ProblemException.class,
                () -> SealedFile.read(file, key, "sync-package", in -> in.readNBytes(10))).problem());
    }

    @Test
    void aFailedWriteLeavesTheOldFile(@TempDir Path dir) throws IOException {
        Path file = seal(dir, body(100));
        byte[] before = Files.readAllBytes(file);
        assertThrows(ProblemException.class, () -> SealedFile.write(file, key, "sync-package", WHEN, Map.of(),
                out -> {
                    out.write(body(10));
                    throw new IOException("disk went away");
                }));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no part file left");
        }
    }

    @Test
    void twoSealsOfOneBodyDiffer(@TempDir Path dir) throws IOException {
        byte[] body = body(100);
        byte[] a = Files.readAllBytes(seal(dir, body));
        byte[] b = Files.readAllBytes(seal(dir, body));
        assertNotEquals(new String(a, StandardCharsets.ISO_8859_1), new String(b, StandardCharsets.ISO_8859_1),
                "fresh nonces");
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
    }

    private static void rewriteChecksum(Path file, byte[] bytes) throws Exception {
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(bytes, 0, bytes.length - 32);
        System.arraycopy(sha.digest(), 0, bytes, bytes.length - 32, 32);
        Files.write(file, bytes);
    }
}
