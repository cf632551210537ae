package care.tandem.service;

import care.tandem.domain.backup.BackupKind;
import care.tandem.domain.backup.BackupName;
import care.tandem.domain.backup.RotationRule;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.persistence.DataFolder;
import care.tandem.persistence.DatabaseFiles;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code backups/} folder of one data folder: what is in it, new checked copies (written under a temporary name,
 * checked, then named), copies of a damaged file, and rotation. Shared by {@link BackupService} and
 * {@link RestoreService}; callers serialise their use of it.
 */
final class BackupFolder {
    private static final String PART = ".part";
    private final Path dataDir;
    private final Path backups;
    private final Clock clock;
    private final RotationRule rule;

    BackupFolder(Path dataDir, Clock clock, RotationRule rule) {
        this.dataDir = dataDir;
        this.backups = dataDir.resolve(DataFolder.BACKUPS);
        this.clock = clock;
        this.rule = rule;
    }

    Path dataDir() {
        return dataDir;
    }

    Path databaseFile() {
        return dataDir.resolve(DataFolder.DATABASE_FILE);
    }

    /** The copies in the folder, newest first; files of other names are left out. */
    List<Backup> list() {
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(backups)) {
            return files.filter(Files::isRegularFile)
                    .flatMap(f -> BackupName.parse(f.getFileName().toString()).stream()
                            .map(name -> new Backup(f, name, sizeOf(f), checkedWhenNamed(name.kind()))))
                    .sorted(Comparator.comparing((Backup b) -> b.name().made())
                            .thenComparing(b -> b.name().sequence()).reversed())
                    .toList();
        } catch (IOException e) {
            throw storage(e);
        }
    }

    /** The newest regular backup. */
    Optional<Backup> newestRegular() {
        return list().stream().filter(b -> b.name().kind() == BackupKind.REGULAR).findFirst();
    }

    private static boolean checkedWhenNamed(BackupKind kind) {
        return kind == BackupKind.REGULAR || kind == BackupKind.BEFORE_RESTORE;
    }

    /**
     * Writes a consistent copy of the live database as a new {@code kind} copy: {@code VACUUM INTO} a temporary name,
     * {@code PRAGMA integrity_check} on what was written, and only then the real name.
     *
     * @throws ProblemException BACKUP_CHECK_FAILED (nothing kept), DATABASE_DAMAGED, DISK_FULL, STORAGE_FAILED
     */
    Backup writeChecked(BackupKind kind) {
        BackupName name = freeName(kind);
        Path target = backups.resolve(name.fileName());
        Path part = backups.resolve("." + name.fileName() + PART);
        try {
            Files.createDirectories(backups);
            Files.deleteIfExists(part);
            DatabaseFiles.snapshot(databaseFile(), part);
            if (!DatabaseFiles.integrityCheck(part).ok()) {
                throw new ProblemException(Problem.BACKUP_CHECK_FAILED);
            }
            move(part, target);
            return new Backup(target, name, sizeOf(target), true);
        } catch (IOException e) {
            throw storage(e);
        } finally {
            deleteQuietly(part);
        }
    }

    /**
     * Keeps a damaged database as found, with its write-ahead log if it has one, as a {@code damaged-} copy: it may
     * hold what no backup has, for someone to rescue later.
     */
    Backup keepDamaged() {
        BackupName name = freeName(BackupKind.DAMAGED);
        Path target = backups.resolve(name.fileName());
        Path part = backups.resolve("." + name.fileName() + PART);
        Path wal = Path.of(databaseFile() + "-wal");
        try {
            Files.createDirectories(backups);
            if (Files.exists(wal)) {
                Files.copy(wal, Path.of(target + "-wal"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(databaseFile(), part, StandardCopyOption.REPLACE_EXISTING);
            move(part, target);
            return new Backup(target, name, sizeOf(target), false);
        } catch (IOException e) {
            throw storage(e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** Deletes the regular backups the rotation rule does not keep; returns how many. */
    int rotate() {
        List<RotationRule.Copy> copies = list().stream()
                .map(b -> new RotationRule.Copy(b.name(), b.checked())).toList();
        int deleted = 0;
        for (RotationRule.Copy c : rule.toDelete(copies, clock.getZone())) {
            try {
                if (Files.deleteIfExists(backups.resolve(c.name().fileName()))) {
                    deleted++;
                }
            } catch (IOException e) {
                throw storage(e);
            }
        }
        return deleted;
    }

    /** A new, free name of {@code kind} for now. */
    BackupName freeName(BackupKind kind) {
        for (int sequence = 1; ; sequence++) {
            BackupName name = BackupName.of(kind, clock.instant(), sequence);
            if (!Files.exists(backups.resolve(name.fileName()))) {
                return name;
            }
        }
    }

    /** A staging file in the data folder (never a shared temporary folder: it holds the records). */
    Path stagingFile() {
        return dataDir.resolve(".restore-" + java.util.UUID.randomUUID() + ".db" + PART);
    }

    /** Removes staging files left by a restore that was interrupted. */
    void clearStaging() {
        try (Stream<Path> files = Files.list(dataDir)) {
            files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(".restore-") && (n.endsWith(PART) || n.contains(".db" + PART + "-"));
            }).forEach(BackupFolder::deleteQuietly);
        } catch (IOException e) {
            throw storage(e);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover temporary file holds no real name; the next backup or restore clears it.
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private ProblemException storage(IOException e) {
        boolean full = String.valueOf(e.getMessage()).contains("No space left");
        return new ProblemException(full ? Problem.DISK_FULL : Problem.STORAGE_FAILED, e, backups);
    }
}
