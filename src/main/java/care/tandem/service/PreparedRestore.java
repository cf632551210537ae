package care.tandem.service;

import care.tandem.domain.backup.DatabaseSummary;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A backup made ready to restore and not yet restored: decrypted (or copied) into the data folder and checked, with
 * what it holds and what the database it would replace holds, for a person to compare before anything is replaced.
 * Closing it without restoring removes the ready copy.
 */
public final class PreparedRestore implements AutoCloseable {
    /** The state of the database that the restore would replace. */
    public enum Here {
        /** No database in the folder yet (a new laptop). */
        NONE,
        /** A readable database, summarised in {@link #current()}. */
        READABLE,
        /** A database that cannot be read: it is kept as a {@code damaged-} copy before it is replaced. */
        DAMAGED
    }

    private final Path chosen;
    private final boolean sealed;
    private final Instant made;
    private final DatabaseSummary backup;
    private final Here here;
    private final Optional<DatabaseSummary> current;
    private final Path staged;
    private volatile boolean used;

    PreparedRestore(Path chosen, boolean sealed, Instant made, DatabaseSummary backup, Here here,
                    Optional<DatabaseSummary> current, Path staged) {
        this.chosen = chosen;
        this.sealed = sealed;
        this.made = made;
        this.backup = backup;
        this.here = here;
        this.current = current;
        this.staged = staged;
    }

    /** The file the person chose. */
    public Path chosen() {
        return chosen;
    }

    /** Whether it was an encrypted backup (from outside the data folder) rather than a plain copy. */
    public boolean sealed() {
        return sealed;
    }

    /** When the backup was made. */
    public Instant made() {
        return made;
    }

    /** What the backup holds. */
    public DatabaseSummary backup() {
        return backup;
    }

    /** Whether the backup's schema is older than this Tandem's: it is migrated when Tandem next opens it. */
    public boolean olderVersion() {
        return backup.schemaVersion() < care.tandem.persistence.SchemaMigrator.shippedVersion();
    }

    /** The state of the database it would replace. */
    public Here here() {
        return here;
    }

    /** What the database it would replace holds, when it can be read. */
    public Optional<DatabaseSummary> current() {
        return current;
    }

    Path staged() {
        return staged;
    }

    void markUsed() {
        used = true;
    }

    boolean used() {
        return used;
    }

    @Override
    public void close() {
        if (!used) {
            BackupFolder.deleteQuietly(staged);
            BackupFolder.deleteQuietly(Path.of(staged + "-journal"));
        }
    }
}
