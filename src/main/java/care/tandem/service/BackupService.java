package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.backup.BackupKind;
import care.tandem.domain.backup.BackupName;
import care.tandem.domain.backup.BackupSchedule;
import care.tandem.domain.backup.RotationRule;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.files.ClinicKey;
import care.tandem.interop.backup.SealedBackup;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.SchemaMigrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Backups of the open database (ADR 0010): scheduled and on-demand copies in the data folder's {@code backups/}
 * (VACUUM INTO on a connection of its own, integrity-checked, rotated), encrypted copies for outside the folder, and
 * restoring a backup in place of the open database, which closes it: Tandem must then be started again. Each
 * backup and restore is audited. Administrators only (the command line, which has no one signed in, is allowed
 * by whoever may open the data folder and knows the clinic passphrase).
 */
public final class BackupService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Database db;
    private final BackupFolder folder;
    private final Restorer restorer;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;
    private final AccountService accounts;
    private final ClinicService clinic;
    private final Clock clock;
    private final Object files = new Object();
    private volatile boolean closed;

    public BackupService(Database db, Path dataDir, RotationRule rule, AuditRepository audit, Stamps stamps,
                         Session session, AccountService accounts, ClinicService clinic, Clock clock) {
        this.db = db;
        this.folder = new BackupFolder(dataDir, clock, rule);
        this.restorer = new Restorer(folder, clock);
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
        this.accounts = accounts;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** The copies in {@code backups/}, newest first. */
    public List<Backup> list() {
        requireAdministratorIfSignedIn();
        return folder.list();
    }

    /**
     * Makes a checked backup in {@code backups/} now, then applies the rotation rule.
     *
     * @throws ProblemException BACKUP_CHECK_FAILED, DISK_FULL, STORAGE_FAILED, NOT_ALLOWED
     */
    public Backup backupNow() {
        requireAdministratorIfSignedIn();
        synchronized (files) {
            requireOpen();
            return backupAndRotate();
        }
    }

    /**
     * The scheduled backup: made when the newest regular backup is a day old or there is none; nothing otherwise, and
     * nothing once a restore has closed the database.
     */
    public Optional<Backup> backupIfDue() {
        synchronized (files) {
            if (closed || !BackupSchedule.isDue(folder.newestRegular().map(b -> b.name().made()), clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(backupAndRotate());
        }
    }

    private Backup backupAndRotate() {
        Backup made = folder.writeChecked(BackupKind.REGULAR);
        int removed = folder.rotate();
        db.write(c -> {
            audit.append(c, stamps.now(), AuditAction.BACKUP, "database", null,
                    made.file().getFileName() + (removed > 0 ? "; rotated out " + removed : ""));
            return null;
        });
        return made;
    }

    /**
     * Writes one encrypted backup into {@code dir} (a USB stick, a shared drive): a checked backup is made in
     * {@code backups/} as by {@link #backupNow}, sealed with the clinic key into
     * {@code tandem-<UTC time>.tandem-backup}, and read back whole before this returns.
     *
     * @return the sealed file
     * @param key the clinic key of this clinic ({@link ClinicService#unlock})
     * @throws ProblemException BACKUP_CHECK_FAILED, STORAGE_FAILED, DISK_FULL, NOT_ALLOWED
     */
    public Path backupTo(Path dir, ClinicKey key) {
        requireAdministratorIfSignedIn();
        ClinicInfo info = clinic.info();
        if (!key.clinicId().equals(info.clinicId())) {
            throw new IllegalArgumentException("the key of another clinic");
        }
        synchronized (files) {
            requireOpen();
            Backup made = backupAndRotate();
            Path target = sealedName(dir, made.name());
            SealedBackup.seal(made.file(), target, key, new SealedBackup.Label(info.clinicId(), made.name().made(),
                    SchemaMigrator.shippedVersion(), info.demo()));
            db.write(c -> {
                audit.append(c, stamps.now(), AuditAction.BACKUP_SEALED, "database", null,
                        String.valueOf(target.getFileName()));
                return null;
            });
            return target;
        }
    }

    private static Path sealedName(Path dir, BackupName name) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProblemException(Problem.STORAGE_FAILED, e, dir.toAbsolutePath());
        }
        String stamp = "tandem-" + STAMP.format(LocalDateTime.ofInstant(name.made(), ZoneOffset.UTC)) + "Z";
        for (int n = 1; ; n++) {
            Path p = dir.resolve(stamp + (n > 1 ? "-" + n : "") + SealedBackup.EXTENSION);
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    /** Deletes the regular backups the rotation rule does not keep; returns how many. */
    public int rotate() {
        requireAdministratorIfSignedIn();
        synchronized (files) {
            return folder.rotate();
        }
    }

    /**
     * Makes a backup ready to restore and says what it holds beside what the open database holds; nothing is replaced.
     *
     * @param passphrase the clinic passphrase, for an encrypted backup (null for a plain copy from {@code backups/})
     * @throws ProblemException PASSPHRASE_NEEDED, PASSPHRASE_WRONG, FILE_OTHER_CLINIC, FILE_DAMAGED, FILE_TAMPERED,
     *                          FILE_NOT_TANDEM, BACKUP_NEWER_VERSION
     */
    public PreparedRestore prepare(Path file, char[] passphrase) {
        session.requireRole(Role.ADMINISTRATOR);
        synchronized (files) {
            requireOpen();
            return restorer.prepare(file, label -> keyOf(passphrase, label));
        }
    }

    static ClinicKey keyOf(char[] passphrase, SealedBackup.Label label) {
        if (passphrase == null || passphrase.length == 0) {
            throw new ProblemException(Problem.PASSPHRASE_NEEDED);
        }
        return ClinicKey.derive(passphrase, label.clinicId());
    }

    /** What a restore in the open window came to. */
    public sealed interface RestoreResult {
        /** Restored: the database is closed, and Tandem must be started again. */
        record Restored(Optional<Backup> kept) implements RestoreResult {
        }

        /** The administrator's password was not taken; nothing was replaced. */
        record PasswordRefused(SignInResult result) implements RestoreResult {
        }
    }

    /**
     * Replaces the open database with a prepared backup, once the signed-in administrator's password is confirmed
     * (counted like an unlock). What is here is kept as a checked {@code before-restore-} copy first. The database is
     * closed and the session ends: the window must close, and Tandem start again on the restored records.
     */
    public RestoreResult restore(PreparedRestore prepared, char[] password) {
        User admin = session.requireRole(Role.ADMINISTRATOR);
        try {
            SignInResult check = accounts.unlock(password);
            if (!(check instanceof SignInResult.Success)) {
                return new RestoreResult.PasswordRefused(check);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        synchronized (files) {
            requireOpen();
            Optional<Backup> kept = restorer.replace(prepared, admin.id(), () -> {
                closed = true;
                session.end();
                db.close();
            });
            return new RestoreResult.Restored(kept);
        }
    }

    /** Whether a restore has closed the database. */
    public boolean closed() {
        return closed;
    }

    private void requireOpen() {
        if (closed) {
            throw new ProblemException(Problem.STORAGE_FAILED, folder.dataDir());
        }
    }

    private void requireAdministratorIfSignedIn() {
        session.user().filter(u -> u.role() != Role.ADMINISTRATOR).ifPresent(u -> {
            throw new ProblemException(Problem.NOT_ALLOWED);
        });
    }
}
