package care.tandem.persistence;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {

    @Test
    void opensWithWalForeignKeysBusyTimeoutAndFullSync(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("t.db"))) {
            assertEquals("wal", pragma(db, "journal_mode"));
            assertEquals("1", pragma(db, "foreign_keys"));
            assertEquals("5000", pragma(db, "busy_timeout"));
            assertEquals("2", pragma(db, "synchronous"));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAsDamagedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tandem.db");
        byte[] garbage = "this is not an SQLite database, just some text that happens to be here".repeat(100).getBytes();
        Files.write(file, garbage);
        ProblemException e = assertThrows(ProblemException.class, () -> Database.open(file));
        assertEquals(Problem.DATABASE_DAMAGED, e.problem());
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void aFailedWriteRollsBackEverythingItDid(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("t.db"))) {
            Sql.exec(db, "CREATE TABLE t (x INTEGER NOT NULL)");
            assertThrows(ProblemException.class, () -> Sql.exec(db, "INSERT INTO t VALUES (1); INSERT INTO t VALUES (NULL)"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void aBackupIsACompleteDatabaseWrittenUnderItsFinalNameOnlyWhenDone(@TempDir Path dir) {
        Path backup = dir.resolve("backups").resolve("copy.db");
        try (Database db = Database.open(dir.resolve("t.db"))) {
            Sql.exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (42)");
            db.backupTo(backup);
        }
        assertTrue(Files.exists(backup));
        assertEquals(0, dir.resolve("backups").toFile().list((d, n) -> n.endsWith(".part")).length);
        try (Database copy = Database.open(backup)) {
            assertEquals("42", Sql.one(copy, "SELECT x FROM t"));
        }
    }

    private static String pragma(Database db, String name) {
        return Sql.one(db, "PRAGMA " + name);
    }
}
