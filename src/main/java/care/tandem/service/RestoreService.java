package care.tandem.service;

import care.tandem.domain.backup.RotationRule;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.interop.backup.SealedBackup;
import care.tandem.persistence.DataFolder;
import care.tandem.persistence.DatabaseFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Restoring into a data folder whose database is not open: {@code tandem restore}, and the offer made when the
 * database is found damaged at start. It holds the folder's lock (so no Tandem has the database open) until closed.
 * ADR 0010.
 */
public final class RestoreService implements AutoCloseable {
    private final DataFolder lock;
    private final BackupFolder folder;
    private final Restorer restorer;

    public RestoreService(DataFolder lock, Clock clock) {
        this.lock = lock;
        this.folder = new BackupFolder(lock.path(), clock, RotationRule.standard());
        this.restorer = new Restorer(folder, clock);
    }

    /** The copies in {@code backups/}, newest first. */
    public List<Backup> list() {
        return folder.list();
    }

    /**
     * The newest copy in {@code backups/} that passes {@code PRAGMA integrity_check} now, among regular backups and
     * the copies made before a migration: what a damaged database is offered. Older copies are checked in turn when
     * a newer one fails.
     */
    public Optional<Backup> latestGood() {
        for (Backup b : folder.list()) {
            if (b.name().kind().offeredWhenDamaged() && DatabaseFiles.integrityCheck(b.file()).ok()) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * Makes a backup ready and says what it holds beside what is here; nothing is replaced.
     *
     * @param passphrase the clinic passphrase for an encrypted backup (null for a plain copy)
     * @throws ProblemException PASSPHRASE_NEEDED, PASSPHRASE_WRONG, FILE_OTHER_CLINIC, FILE_DAMAGED, FILE_TAMPERED,
     *                          FILE_NOT_TANDEM, BACKUP_NEWER_VERSION, NOT_FOUND
     */
    public PreparedRestore prepare(Path file, char[] passphrase) {
        return restorer.prepare(file, label -> BackupService.keyOf(passphrase, label));
    }

    /** What a file to restore says of itself before it is opened. */
    public record FileFacts(boolean sealed, boolean demo) {
    }

    /**
     * Whether a file is an encrypted backup (it needs the passphrase) and, if so, whether of a demo clinic.
     *
     * @throws ProblemException FILE_NOT_TANDEM, FILE_NEWER_FORMAT, FILE_DAMAGED, FILE_WRONG_KIND, NOT_FOUND
     */
    public FileFacts facts(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(Problem.NOT_FOUND, String.valueOf(file.getFileName()));
        }
        if (SealedBackup.typeOf(file) != SealedBackup.FileType.SEALED) {
            return new FileFacts(false, false);
        }
        return new FileFacts(true, SealedBackup.label(file).demo());
    }

    /**
     * Replaces the database with the prepared backup; what was here is kept first in {@code backups/}.
     *
     * @return the copy kept of what was replaced, if there was a database
     * @throws ProblemException STORAGE_FAILED, DISK_FULL
     */
    public Optional<Backup> restore(PreparedRestore prepared) {
        return restorer.replace(prepared, null, () -> { });
    }

    @Override
    public void close() {
        lock.close();
    }
}
