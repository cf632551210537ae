package care.tandem.persistence;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.backup.DatabaseSummary;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.sync.Hlc;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL on database files other than through the open {@link Database}: the copies a backup makes and a restore reads.
 * A backup reads the live file on a connection of its own, so under WAL it copies one consistent snapshot while the
 * window goes on writing; a copy is checked and read on a connection opened for that file alone.
 */
public final class DatabaseFiles {
    private static final int BUSY_TIMEOUT_MS = 5_000;
    private static final int MAX_INTEGRITY_ERRORS = 20;

    private DatabaseFiles() {
    }

    /** What {@code PRAGMA integrity_check} said of a file: {@code ok}, or the first errors it found. */
    public record IntegrityResult(boolean ok, List<String> errors) {
    }

    /**
     * Writes a consistent copy of the live database {@code liveDb} to {@code target} (which must not exist) with
     * {@code VACUUM INTO}, read on a read-only connection of its own: writes in progress go on and are not in the copy.
     *
     * @throws ProblemException DATABASE_DAMAGED, DISK_FULL, STORAGE_FAILED, ...
     */
    public static void snapshot(Path liveDb, Path target) {
        try (Connection c = connect(liveDb, true); var ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toAbsolutePath().toString());
            ps.execute();
        } catch (SQLException e) {
            throw SqliteErrors.translate(e);
        }
    }

    /**
     * Runs {@code PRAGMA integrity_check} on a file that no one else has open. A file that is not a SQLite database
     * at all fails the check too.
     */
    public static IntegrityResult integrityCheck(Path file) {
        if (!Files.isRegularFile(file)) {
            return new IntegrityResult(false, List.of("missing"));
        }
        try (Connection c = connect(file, true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check(" + MAX_INTEGRITY_ERRORS + ")")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            boolean ok = lines.equals(List.of("ok"));
            return new IntegrityResult(ok, ok ? List.of() : List.copyOf(lines));
        } catch (SQLException e) {
            // "file is not a database", "database disk image is malformed": the check's own answer, not a failure.
            Problem p = SqliteErrors.problemOf(e);
            if (p == Problem.DATABASE_DAMAGED) {
                return new IntegrityResult(false, List.of(p.name()));
            }
            throw SqliteErrors.translate(e);
        }
    }

    /**
     * What a Tandem database file holds, in counts; tables a file's schema version does not have yet count as 0.
     *
     * @throws ProblemException DATABASE_DAMAGED if it is not a Tandem database
     */
    public static DatabaseSummary summarize(Path file) {
        try (Connection c = connect(file, true)) {
            if (!hasTable(c, "install_meta")) {
                throw new ProblemException(Problem.DATABASE_DAMAGED);
            }
            int version = intOf(c, "PRAGMA user_version");
            InstallRepository install = new InstallRepository();
            Optional<UUID> clinicId = install.meta(c, InstallRepository.CLINIC_ID).map(UUID::fromString);
            String clinicName = clinicId.isEmpty() || !hasTable(c, "clinic") ? ""
                    : install.clinicName(c, clinicId.get()).orElse("");
            boolean demo = install.meta(c, InstallRepository.DEMO).map(Boolean::parseBoolean).orElse(false);
            return new DatabaseSummary(version, clinicId, clinicName, demo,
                    count(c, "family", "deleted_at IS NULL AND merged_into IS NULL"),
                    count(c, "screening", "status <> 'ENTERED_IN_ERROR'"),
                    count(c, "note", "1 = 1"),
                    count(c, "referral", "status <> 'ENTERED_IN_ERROR'"),
                    count(c, "app_user", "deleted_at IS NULL"),
                    newestChange(c));
        } catch (SQLException e) {
            throw SqliteErrors.translate(e);
        } catch (IllegalArgumentException e) {
            // A clinic id that is not a UUID: not a database Tandem wrote.
            throw new ProblemException(Problem.DATABASE_DAMAGED, e);
        }
    }

    /**
     * Prepares a restored copy, before it is moved into place, to be this laptop's database: it takes a new device id
     * (so its changes from now on are never confused with those the copy's device made after the backup, which other
     * laptops may already hold) and records the restore in its audit log.
     *
     * @param stamp      the time, user and the new device id of the audit entry
     * @param detail     ids and times only
     */
    public static void markRestored(Path file, WriteStamp stamp, String detail) {
        try (Connection c = connect(file, false)) {
            c.setAutoCommit(false);
            try {
                new InstallRepository().putMeta(c, InstallRepository.DEVICE_ID, stamp.deviceId().toString());
                new AuditRepository().append(c, stamp, AuditAction.RESTORE, "database", null, detail);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e);
        }
    }

    private static Optional<Instant> newestChange(Connection c) throws SQLException {
        if (!hasTable(c, "change_log")) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(hlc) FROM change_log")) {
            String hlc = rs.next() ? rs.getString(1) : null;
            if (hlc == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Instant.ofEpochMilli(Hlc.parse(hlc).millis()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private static long count(Connection c, String table, String where) throws SQLException {
        if (!hasTable(c, table)) {
            return 0;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE " + where)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int intOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.enforceForeignKeys(true);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
