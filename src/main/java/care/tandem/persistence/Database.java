package care.tandem.persistence;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.files.AtomicFiles;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The only class that opens the SQLite file. Writes run one at a time on the writer connection
 * (callers use the db-worker thread); reads such as search-as-you-type use their own read-only
 * connection, which WAL lets run beside a write. Each {@link #write} and {@link #read} is one transaction.
 */
public final class Database implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private final Path file;
    private final Connection writer;
    private final Connection reader;

    private Database(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Opens (creating if absent) the database file with WAL, foreign keys, a busy timeout and
     * {@code synchronous=FULL}, and checks that it is a readable SQLite database.
     *
     * @throws ProblemException DATABASE_DAMAGED, DATABASE_NOT_READABLE, DATABASE_BUSY or DISK_FULL
     */
    public static Database open(Path file) {
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new ProblemException(Problem.DATABASE_NOT_READABLE);
        }
        Connection writer = null;
        try {
            writer = connect(file, false);
            try (Statement s = writer.createStatement()) {
                // Touch the schema so a file that is not a database fails here, not later.
                s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
                s.executeQuery("PRAGMA journal_mode=WAL").close();
            }
            Connection reader = connect(file, true);
            return new Database(file, writer, reader);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw SqliteErrors.translate(e);
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setReadOnly(readOnly);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        c.setAutoCommit(true);
        return c;
    }

    /** Runs {@code work} in one write transaction; all or nothing. */
    public <T> T write(SqlWork<T> work) {
        synchronized (writer) {
            return inTransaction(writer, work);
        }
    }

    /** Runs {@code work} on the read connection in one consistent snapshot. */
    public <T> T read(SqlWork<T> work) {
        synchronized (reader) {
            return inTransaction(reader, work);
        }
    }

    private static <T> T inTransaction(Connection c, SqlWork<T> work) {
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e);
        }
    }

    /**
     * Runs a statement that cannot run inside a transaction (VACUUM INTO, migrations that manage their
     * own transaction) on the writer connection.
     */
    <T> T outsideTransaction(SqlWork<T> work) {
        synchronized (writer) {
            try {
                return work.run(writer);
            } catch (SQLException e) {
                throw SqliteErrors.translate(e);
            }
        }
    }

    /**
     * Writes a consistent copy of the database to {@code target} with {@code VACUUM INTO} (copying a WAL
     * database file is not a backup). The copy is written beside the target and moved into place.
     */
    public void backupTo(Path target) {
        AtomicFiles.write(target, tmp -> outsideTransaction(c -> {
            try (var ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toAbsolutePath().toString());
                ps.execute();
            }
            return null;
        }));
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        // The read-only connection goes first, so the writer, closing last, checkpoints and removes the WAL.
        synchronized (reader) {
            closeQuietly(reader);
        }
        synchronized (writer) {
            closeQuietly(writer);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters; a failed rollback leaves SQLite to roll back on close.
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing at shutdown or after a failed open: nothing more to do.
            }
        }
    }
}
