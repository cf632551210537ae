package care.tandem.domain.backup;

/**
 * What made a copy in the {@code backups/} folder, read from its file name. Only {@link #REGULAR} copies take part
 * in rotation; the others are kept until a person removes them, because each is the only copy of a moment that
 * matters (the file as it was before a migration, before a restore, or when it was found damaged).
 */
public enum BackupKind {
    /** A scheduled or on-demand backup: {@code tandem-20261123-172856Z.db}, integrity-checked before it is named. */
    REGULAR,
    /** The copy made before the schema was migrated: {@code tandem-v4-20261123-172856.db} (ADR 0001). */
    BEFORE_MIGRATION,
    /** The database as it was before a restore replaced it: {@code before-restore-20261123-172856Z.db}. */
    BEFORE_RESTORE,
    /** A damaged database kept as found before a restore replaced it: {@code damaged-20261123-172856Z.db}. */
    DAMAGED;

    /** Whether this copy may be offered for a restore (a damaged copy is kept for the record, never offered). */
    public boolean restorable() {
        return this != DAMAGED;
    }

    /**
     * Whether this copy is offered when the database is found damaged at start: a regular backup or the copy made
     * before a migration. A before-restore copy is not: it holds what a person chose to replace.
     */
    public boolean offeredWhenDamaged() {
        return this == REGULAR || this == BEFORE_MIGRATION;
    }

    /** Whether the rotation rule may delete copies of this kind. */
    public boolean rotates() {
        return this == REGULAR;
    }
}
