package care.tandem.persistence;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMigratorTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");

    @Test
    void aNewFileIsBroughtToTheLatestVersionWithoutABackup(@TempDir Path dir) throws IOException {
        try (Database db = Database.open(dir.resolve("tandem.db"))) {
            SchemaMigrator migrator = new SchemaMigrator(db, dir.resolve("backups"), clock);
            assertEquals(0, migrator.migrate());
            assertEquals(SchemaMigrator.MIGRATIONS.size(), migrator.currentVersion());
        }
        assertTrue(!Files.exists(dir.resolve("backups")) || isEmpty(dir.resolve("backups")));
    }

    @Test
    void anOlderFileIsBackedUpBeforeItIsMigratedAndTheBackupHoldsTheOldData(@TempDir Path dir) throws IOException {
        Path backups = dir.resolve("backups");
        try (Database db = Database.open(dir.resolve("tandem.db"))) {
            new SchemaMigrator(db, backups, clock, List.of("/care/tandem/db/migration/V001__foundation.sql")).migrate();
            Sql.exec(db, "INSERT INTO install_meta VALUES ('marker', 'v1 data')");
            SchemaMigrator later = new SchemaMigrator(db, backups, clock, List.of(
                    "/care/tandem/db/migration/V001__foundation.sql", "/care/tandem/db/V002__test_later_version.sql"));
            assertEquals(1, later.migrate());
            assertEquals(2, later.currentVersion());
        }
        Path backup = backups.resolve("tandem-v1-20261123-100000.db");
        assertTrue(Files.exists(backup), "backup written before migrating");
        try (Database copy = Database.open(backup)) {
            assertEquals("v1 data", Sql.one(copy, "SELECT value FROM install_meta WHERE key='marker'"));
            assertEquals(1, new SchemaMigrator(copy, backups, clock).currentVersion());
        }
    }

    @Test
    void aVersion1FileGainsTheScreeningTablesAndKeepsItsData(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("tandem.db"))) {
            new SchemaMigrator(db, dir.resolve("backups"), clock,
                    List.of("/care/tandem/db/migration/V001__foundation.sql")).migrate();
            Sql.exec(db, "INSERT INTO install_meta VALUES ('marker', 'v1 data')");
            assertEquals(1, new SchemaMigrator(db, dir.resolve("backups"), clock).migrate());
            assertEquals("v1 data", Sql.one(db, "SELECT value FROM install_meta WHERE key='marker'"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM screening"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM screening_alert"));
        }
    }

    @Test
    void aVersion2FileGainsTheReferralTablesAndKeepsItsScreens(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("tandem.db"))) {
            new SchemaMigrator(db, dir.resolve("backups"), clock, List.of("/care/tandem/db/migration/V001__foundation.sql",
                    "/care/tandem/db/migration/V002__screening.sql")).migrate();
            Sql.exec(db, "INSERT INTO install_meta VALUES ('marker', 'v2 data')");
            assertEquals(2, new SchemaMigrator(db, dir.resolve("backups"), clock).migrate());
            assertEquals("v2 data", Sql.one(db, "SELECT value FROM install_meta WHERE key='marker'"));
            assertEquals(String.valueOf(SchemaMigrator.MIGRATIONS.size()), Sql.one(db, "PRAGMA user_version"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM referral"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM referral_event"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM referral_destination"));
        }
    }

    @Test
    void aVersion3FileGainsTheNoteTablesAndItsVisitsKeepTheirDataAsWellChildClinicVisits(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("tandem.db"))) {
            new SchemaMigrator(db, dir.resolve("backups"), clock, List.of("/care/tandem/db/migration/V001__foundation.sql",
                    "/care/tandem/db/migration/V002__screening.sql", "/care/tandem/db/migration/V003__referrals.sql"))
                    .migrate();
            String stamps = "'2026-11-01T10:00:00Z', NULL, '2026-11-01T10:00:00Z', NULL, 'd', 'h'";
            Sql.exec(db, "INSERT INTO clinic (id, name, created_at, created_by, updated_at, updated_by, device_id, hlc)"
                    + " VALUES ('c', 'Clinic', " + stamps + ")");
            Sql.exec(db, "INSERT INTO app_user (id, clinic_id, username, display_name, role, password_hash, created_at,"
                    + " created_by, updated_at, updated_by, device_id, hlc) VALUES ('u', 'c', 'carmen', 'Carmen',"
                    + " 'CLINICIAN', 'x', " + stamps + ")");
            Sql.exec(db, "INSERT INTO family (id, created_at, created_by, updated_at, updated_by, device_id, hlc)"
                    + " VALUES ('f', " + stamps + ")");
            Sql.exec(db, "INSERT INTO person (id, family_id, kind, position, given_name, family_name, created_at,"
                    + " created_by, updated_at, updated_by, device_id, hlc) VALUES ('p', 'f', 'CHILD', 0, 'Lucía',"
                    + " 'Pérez', " + stamps + ")");
            Sql.exec(db, "INSERT INTO visit (id, family_id, child_id, visit_date, clinician_id, caregivers, created_at,"
                    + " created_by, updated_at, updated_by, device_id, hlc) VALUES ('v', 'f', 'p', '2026-11-01', 'u', '',"
                    + " " + stamps + ")");
            assertEquals(3, new SchemaMigrator(db, dir.resolve("backups"), clock).migrate());
            assertEquals(String.valueOf(SchemaMigrator.MIGRATIONS.size()), Sql.one(db, "PRAGMA user_version"));
            assertEquals("2026-11-01|WELL_CHILD_DYADIC|null|CLINIC|", Sql.one(db,
                    "SELECT visit_date || '|' || kind || '|' || ifnull(minutes, 'null') || '|' || place || '|'"
                            + " || child_screens FROM visit WHERE id = 'v'"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM note"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM note_event"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM note_addendum"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM note_template"));
        }
    }

    @Test
    void aVersion5FileGainsTheImportedQuestionnairesTableWhoseFileNeverChanges(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("tandem.db"))) {
            new SchemaMigrator(db, dir.resolve("backups"), clock, SchemaMigrator.MIGRATIONS.subList(0, 5).stream()
                    .map(name -> "/care/tandem/db/migration/" + name).toList()).migrate();
            Sql.exec(db, "INSERT INTO setting VALUES ('idle_lock_minutes', '7', '2026-11-23T10:00:00Z', NULL, 'h')");
            assertEquals(5, new SchemaMigrator(db, dir.resolve("backups"), clock).migrate());
            assertEquals("7", Sql.one(db, "SELECT value FROM setting WHERE key = 'idle_lock_minutes'"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM imported_questionnaire"));
            Sql.exec(db, "INSERT INTO imported_questionnaire (id, instrument, version, kind, url, title, languages,"
                    + " questionnaire, rules, created_at, updated_at, device_id, hlc) VALUES ('q', 'audit-c',"
                    + " 'import-1-abcdef', 'NEW', 'http://x', 'AUDIT-C', 'en', '{}', '{}', 't', 't', 'd', 'h')");
            assertThrows(RuntimeException.class, () -> Sql.exec(db,
                    "UPDATE imported_questionnaire SET questionnaire = '{\"changed\": true}' WHERE id = 'q'"));
            assertThrows(RuntimeException.class, () -> Sql.exec(db, "DELETE FROM imported_questionnaire"));
            Sql.exec(db, "UPDATE imported_questionnaire SET deleted_at = 't2' WHERE id = 'q'");
        }
    }

    @Test
    void aVersion4FileGainsTheBillingTablesAndKeepsItsSettings(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("tandem.db"))) {
            new SchemaMigrator(db, dir.resolve("backups"), clock, SchemaMigrator.MIGRATIONS.subList(0, 4).stream()
                    .map(name -> "/care/tandem/db/migration/" + name).toList()).migrate();
            Sql.exec(db, "INSERT INTO setting VALUES ('idle_lock_minutes', '7', '2026-11-23T10:00:00Z', NULL, 'h')");
            assertEquals(4, new SchemaMigrator(db, dir.resolve("backups"), clock).migrate());
            assertEquals(String.valueOf(SchemaMigrator.MIGRATIONS.size()), Sql.one(db, "PRAGMA user_version"));
            assertEquals("7", Sql.one(db, "SELECT value FROM setting WHERE key = 'idle_lock_minutes'"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM billing_code"));
            assertEquals("0", Sql.one(db, "SELECT count(*) FROM visit_billing_code"));
        }
    }

    @Test
    void aFileFromANewerTandemIsRefusedAndLeftAlone(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("tandem.db"))) {
            Sql.exec(db, "PRAGMA user_version = 99");
            ProblemException e = assertThrows(ProblemException.class,
                    () -> new SchemaMigrator(db, dir.resolve("backups"), clock).migrate());
            assertEquals(Problem.DATABASE_NEWER_VERSION, e.problem());
            assertEquals(99, new SchemaMigrator(db, dir.resolve("backups"), clock).currentVersion());
        }
    }

    @Test
    void everyMigrationFileIsListedInOrderAndNoneIsMissing() throws IOException {
        Path folder = Path.of("src/main/resources/care/tandem/db/migration");
        try (Stream<Path> files = Files.list(folder)) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(onDisk, SchemaMigrator.MIGRATIONS);
        }
        for (int i = 0; i < SchemaMigrator.MIGRATIONS.size(); i++) {
            assertTrue(SchemaMigrator.MIGRATIONS.get(i).startsWith(String.format("V%03d__", i + 1)));
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
