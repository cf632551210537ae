package care.tandem.domain.backup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupNameTest {

    @ParameterizedTest
    @CsvSource({
            "tandem-20261123-172856Z.db,       REGULAR,          2026-11-23T17:28:56Z, 1, 0",
            "tandem-20261123-172856Z-3.db,     REGULAR,          2026-11-23T17:28:56Z, 3, 0",
            "tandem-v4-20261123-172856.db,     BEFORE_MIGRATION, 2026-11-23T17:28:56Z, 1, 4",
            "before-restore-20260101-000000Z.db, BEFORE_RESTORE, 2026-01-01T00:00:00Z, 1, 0",
            "damaged-20251231-235959Z.db,      DAMAGED,          2025-12-31T23:59:59Z, 1, 0"})
    void namesWrittenByTandemAreReadBackAsTheyWereWritten(String file, BackupKind kind, Instant made, int sequence,
                                                          int version) {
        BackupName name = BackupName.parse(file).orElseThrow();
        assertEquals(new BackupName(kind, made, sequence, version), name);
        assertEquals(file, name.fileName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tandem.db", ".tandem-20261123-172856Z.db.part", "tandem-20261123-172856Z.db-wal",
            "notes.db", "tandem-20261323-172856Z.db", "tandem-20261123-172856Z-0.db", "tandem-2026-11-23.db"})
    void otherFilesInTheFolderAreNotBackups(String file) {
        assertTrue(BackupName.parse(file).isEmpty(), file);
    }

    @ParameterizedTest
    @CsvSource({"2026-11-23T17:28:56.987Z, 1, tandem-20261123-172856Z.db",
            "2026-11-23T17:28:56Z, 2, tandem-20261123-172856Z-2.db"})
    void aNewNameIsTheUtcSecondWithASuffixWhenThatSecondIsTaken(Instant made, int sequence, String expected) {
        assertEquals(expected, BackupName.of(BackupKind.REGULAR, made, sequence).fileName());
    }
}
