package care.tandem.persistence;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Brings the schema up to date with the numbered, append-only migration scripts in
 * {@code care/tandem/db/migration}, tracked in {@code PRAGMA user_version} (ADR 0001). An existing
 * database is backed up with {@code VACUUM INTO} into {@code backups/} before any migration runs.
 */
public final class SchemaMigrator {
    /** Every shipped migration, in order. Shipped scripts are never edited; add a new one instead. */
    static final List<String> MIGRATIONS = List.of(
            "V001__foundation.sql",
            "V002__screening.sql",
            "V003__referrals.sql",
            "V004__notes.sql",
            "V005__billing.sql",
            "V006__imported_instruments.sql",
            "V007__sync.sql");

    private static final String FOLDER = "/care/tandem/db/migration/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Database database;
    private final Path backupsDir;
    private final Clock clock;
    private final List<String> scripts;

    public SchemaMigrator(Database database, Path backupsDir, Clock clock) {
        this(database, backupsDir, clock, MIGRATIONS.stream().map(name -> FOLDER + name).toList());
    }

    /** With other scripts (class-path resources, in order): tests migrate through made-up later versions. */
    SchemaMigrator(Database database, Path backupsDir, Clock clock, List<String> scripts) {
        this.database = database;
        this.backupsDir = backupsDir;
        this.clock = clock;
        this.scripts = List.copyOf(scripts);
    }

    /** The schema version this Tandem writes, without a database at hand (a restore checks a backup against it). */
    public static int shippedVersion() {
        return MIGRATIONS.size();
    }

    /** The schema version this Tandem writes. */
    public int latestVersion() {
        return scripts.size();
    }

    /**
     * Migrates to the latest version.
     *
     * @return the version the file had before, 0 for a new file
     * @throws ProblemException DATABASE_NEWER_VERSION if a newer Tandem wrote the file
     */
    public int migrate() {
        int current = currentVersion();
        if (current > latestVersion()) {
            throw new ProblemException(Problem.DATABASE_NEWER_VERSION, current, latestVersion());
        }
        if (current == latestVersion()) {
            return current;
        }
        if (current > 0) {
            database.backupTo(backupsDir.resolve("tandem-v" + current + "-" + STAMP.format(clock.instant()) + ".db"));
        }
        for (int v = current + 1; v <= latestVersion(); v++) {
            apply(v, load(scripts.get(v - 1)));
        }
        return current;
    }

    public int currentVersion() {
        return database.read(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private void apply(int version, String script) {
        database.write(c -> {
            runScript(c, script);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = " + version);
            }
            return null;
        });
    }

    private static void runScript(Connection c, String script) throws SQLException {
        // sqlite-jdbc runs a whole multi-statement script in one call; no splitting on ';' (TOOLCHAIN.md).
        try (Statement s = c.createStatement()) {
            s.executeUpdate(script);
        }
    }

    private static String load(String resource) {
        try (InputStream in = Objects.requireNonNull(SchemaMigrator.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProblemException(Problem.STORAGE_FAILED, e, resource);
        }
    }
}
