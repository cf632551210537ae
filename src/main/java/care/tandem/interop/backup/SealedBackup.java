package care.tandem.interop.backup;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.files.ClinicKey;
import care.tandem.files.SealedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A backup that leaves the data folder: one {@link SealedFile} of kind {@code backup} whose body is a whole SQLite
 * database file (a {@code VACUUM INTO} copy that passed its integrity check), sealed with the clinic key. Its
 * readable header says when it was made, its schema version and whether it is a demo clinic's; never what
 * it holds. ADR 0010.
 */
public final class SealedBackup {
    /** The sealed file's kind. */
    public static final String KIND = "backup";
    /** The file name ending of a sealed backup. */
    public static final String EXTENSION = ".tandem-backup";
    private static final byte[] MAGIC = "TNDMSEAL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SealedBackup() {
    }

    /** What a sealed backup says of itself without the key. */
    public record Label(UUID clinicId, Instant made, int schemaVersion, boolean demo) {
    }

    /** What kind of file a person chose to restore from, by its first bytes. */
    public enum FileType { SEALED, SQLITE, OTHER }

    /** Looks at a file's first bytes. */
    public static FileType typeOf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(SQLITE.length);
            if (start.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
                return FileType.SEALED;
            }
            return Arrays.equals(start, SQLITE) ? FileType.SQLITE : FileType.OTHER;
        } catch (IOException e) {
            throw new ProblemException(Problem.STORAGE_FAILED, e, file.toAbsolutePath().getParent());
        }
    }

    /**
     * Seals the database copy {@code plainCopy} into {@code target} (atomically), then reads the sealed file back
     * whole (checksum, every segment's tag) and compares what it holds with the copy, so a sealed backup that is
     * named is known to open.
     *
     * @throws ProblemException DISK_FULL or STORAGE_FAILED; FILE_DAMAGED if what was written does not read back
     */
    public static void seal(Path plainCopy, Path target, ClinicKey key, Label label) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("schemaVersion", Integer.toString(label.schemaVersion()));
        fields.put("demo", Boolean.toString(label.demo()));
        MessageDigest written = sha256();
        SealedFile.write(target, key, KIND, label.made(), fields, body -> {
            try (InputStream in = new DigestInputStream(Files.newInputStream(plainCopy), written)) {
                in.transferTo(body);
            }
        });
        byte[] expected = written.digest();
        byte[] read = SealedFile.read(target, key, KIND, body -> {
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(body, sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return sha.digest();
        });
        if (!MessageDigest.isEqual(expected, read)) {
            deleteQuietly(target);
            throw new ProblemException(Problem.FILE_DAMAGED, String.valueOf(target.getFileName()));
        }
    }

    /**
     * Reads the label of a sealed backup without the key.
     *
     * @throws ProblemException FILE_NOT_TANDEM, FILE_NEWER_FORMAT, FILE_DAMAGED, or FILE_WRONG_KIND for a sync package
     */
    public static Label label(Path file) {
        SealedFile.Header h = SealedFile.header(file);
        if (!KIND.equals(h.kind())) {
            throw new ProblemException(Problem.FILE_WRONG_KIND, String.valueOf(file.getFileName()));
        }
        int version;
        try {
            version = Integer.parseInt(h.fields().getOrDefault("schemaVersion", "0"));
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.FILE_DAMAGED, String.valueOf(file.getFileName()));
        }
        return new Label(h.clinicId(), h.created(), version, Boolean.parseBoolean(h.fields().get("demo")));
    }

    /**
     * Authenticates the whole sealed backup and writes the database it holds to {@code plainTarget}; on any failure
     * the partly written target is removed. The target belongs in the data folder, never a shared temporary folder.
     *
     * @throws ProblemException FILE_DAMAGED, FILE_OTHER_CLINIC, PASSPHRASE_WRONG, FILE_TAMPERED, ... (see SealedFile)
     */
    public static void unseal(Path file, ClinicKey key, Path plainTarget) {
        boolean done = false;
        try {
            SealedFile.read(file, key, KIND, body -> {
                try (OutputStream out = Files.newOutputStream(plainTarget, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    body.transferTo(out);
                }
                return null;
            });
            done = true;
        } finally {
            if (!done) {
                deleteQuietly(plainTarget);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover file that failed its check: the next backup or restore clears the staging names.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
