package care.tandem.service;

import care.tandem.domain.backup.BackupKind;
import care.tandem.domain.backup.BackupName;
import care.tandem.domain.backup.DatabaseSummary;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.sync.Hlc;
import care.tandem.files.ClinicKey;
import care.tandem.interop.backup.SealedBackup;
import care.tandem.persistence.DatabaseFiles;
import care.tandem.persistence.SchemaMigrator;
import care.tandem.persistence.WriteStamp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The steps of a restore shared by the open window ({@link BackupService}) and a closed folder ({@link
 * RestoreService}): make a backup ready in the data folder and check it, then replace the database safely. ADR 0010.
 */
final class Restorer {
    private final BackupFolder folder;
    private final Clock clock;

    Restorer(BackupFolder folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Decrypts a sealed backup, or copies a plain one, into a staging file in the data folder; checks it and reads
     * what it holds and what is here. Nothing in the folder is replaced.
     *
     * @param keyFor the clinic key for a sealed backup's label (from the passphrase); not called for a plain one
     * @throws ProblemException FILE_NOT_TANDEM, FILE_DAMAGED, FILE_OTHER_CLINIC, PASSPHRASE_WRONG, FILE_TAMPERED,
     *                          BACKUP_NEWER_VERSION, BAD_ARGUMENT (the live database itself), NOT_FOUND
     */
    PreparedRestore prepare(Path chosen, Function<SealedBackup.Label, ClinicKey> keyFor) {
        Path file = chosen.toAbsolutePath().normalize();
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(Problem.NOT_FOUND, name);
        }
        if (isLiveDatabase(file)) {
            throw new ProblemException(Problem.BAD_ARGUMENT, name);
        }
        folder.clearStaging();
        Path staged = folder.stagingFile();
        boolean ready = false;
        try {
            SealedBackup.FileType type = SealedBackup.typeOf(file);
            Instant made;
            if (type == SealedBackup.FileType.SEALED) {
                SealedBackup.Label label = SealedBackup.label(file);
                if (label.schemaVersion() > SchemaMigrator.shippedVersion()) {
                    throw newer(label.schemaVersion());
                }
                SealedBackup.unseal(file, keyFor.apply(label), staged);
                made = label.made();
            } else if (type == SealedBackup.FileType.SQLITE) {
                copyPlain(file, staged, name);
                made = BackupName.parse(name).map(BackupName::made).orElseGet(() -> modified(file));
            } else {
                throw new ProblemException(Problem.FILE_NOT_TANDEM, name);
            }
            if (!DatabaseFiles.integrityCheck(staged).ok()) {
                throw new ProblemException(Problem.FILE_DAMAGED, name);
            }
            DatabaseSummary backup = summaryOfBackup(staged, name);
            if (backup.schemaVersion() > SchemaMigrator.shippedVersion()) {
                throw newer(backup.schemaVersion());
            }
            PreparedRestore prepared = withWhatIsHere(file, type == SealedBackup.FileType.SEALED, made, backup, staged);
            ready = true;
            return prepared;
        } finally {
            if (!ready) {
                BackupFolder.deleteQuietly(staged);
            }
        }
    }

    private PreparedRestore withWhatIsHere(Path file, boolean sealed, Instant made, DatabaseSummary backup,
                                           Path staged) {
        Path live = folder.databaseFile();
        if (!Files.exists(live)) {
            return new PreparedRestore(file, sealed, made, backup, PreparedRestore.Here.NONE, Optional.empty(), staged);
        }
        DatabaseSummary current;
        try {
            current = DatabaseFiles.summarize(live);
        } catch (ProblemException e) {
            if (e.problem() != Problem.DATABASE_DAMAGED) {
                throw e;
            }
            return new PreparedRestore(file, sealed, made, backup, PreparedRestore.Here.DAMAGED, Optional.empty(),
                    staged);
        }
        // Records of one clinic never replace another's: a set-up clinic here must be the backup's.
        boolean setUpHere = current.clinicId().isPresent() && current.users() > 0;
        if (setUpHere && !current.clinicId().equals(backup.clinicId())) {
            throw new ProblemException(Problem.FILE_OTHER_CLINIC, String.valueOf(file.getFileName()));
        }
        return new PreparedRestore(file, sealed, made, backup, PreparedRestore.Here.READABLE, Optional.of(current),
                staged);
    }

    // VACUUM INTO from the chosen file (read only) rather than a byte copy: a database with its write-ahead log
    // beside it comes over whole, and the chosen file is never changed.
    private static void copyPlain(Path file, Path staged, String name) {
        try {
            DatabaseFiles.snapshot(file, staged);
        } catch (ProblemException e) {
            if (e.problem() == Problem.DATABASE_DAMAGED) {
                throw new ProblemException(Problem.FILE_DAMAGED, name);
            }
            throw e;
        }
    }

    private static DatabaseSummary summaryOfBackup(Path staged, String name) {
        try {
            return DatabaseFiles.summarize(staged);
        } catch (ProblemException e) {
            if (e.problem() == Problem.DATABASE_DAMAGED) {
                throw new ProblemException(Problem.FILE_NOT_TANDEM, name);
            }
            throw e;
        }
    }

    /**
     * Replaces the database with the prepared backup: what is here is kept first (a checked {@code before-restore-}
     * copy, or a {@code damaged-} copy as found), the backup takes a new device id and records the restore in its
     * audit log, the database is closed ({@code closeDatabase}), its write-ahead files are removed, and the backup is
     * moved into place.
     *
     * @param user who restores (null on the command line or at start-up)
     * @return the copy kept of what was replaced, if there was a database
     */
    Optional<Backup> replace(PreparedRestore prepared, UUID user, Runnable closeDatabase) {
        if (prepared.used() || !Files.exists(prepared.staged())) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "used");
        }
        Path live = folder.databaseFile();
        Optional<Backup> kept = Optional.empty();
        if (Files.exists(live)) {
            kept = Optional.of(keepWhatIsHere(prepared.here()));
        }
        UUID device = UUID.randomUUID();
        Instant now = clock.instant();
        String detail = "backup " + BackupName.of(BackupKind.REGULAR, prepared.made(), 1).fileName()
                + (prepared.sealed() ? " (sealed)" : "")
                + kept.map(b -> "; kept " + b.file().getFileName()).orElse("");
        DatabaseFiles.markRestored(prepared.staged(), new WriteStamp(user, device, now,
                new Hlc(now.toEpochMilli(), 0, device).encode()), detail);
        closeDatabase.run();
        try {
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(live + suffix));
            }
            BackupFolder.move(prepared.staged(), live);
            prepared.markUsed();
        } catch (IOException e) {
            throw new ProblemException(Problem.STORAGE_FAILED, e, folder.dataDir());
        }
        return kept;
    }

    private Backup keepWhatIsHere(PreparedRestore.Here here) {
        if (here == PreparedRestore.Here.READABLE) {
            try {
                return folder.writeChecked(BackupKind.BEFORE_RESTORE);
            } catch (ProblemException e) {
                if (e.problem() != Problem.DATABASE_DAMAGED && e.problem() != Problem.BACKUP_CHECK_FAILED) {
                    throw e;
                }
            }
        }
        return folder.keepDamaged();
    }

    private boolean isLiveDatabase(Path file) {
        try {
            Path live = folder.databaseFile();
            return Files.exists(live) && Files.isSameFile(file, live);
        } catch (IOException e) {
            return false;
        }
    }

    private static ProblemException newer(int version) {
        return new ProblemException(Problem.BACKUP_NEWER_VERSION, version, SchemaMigrator.shippedVersion());
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
