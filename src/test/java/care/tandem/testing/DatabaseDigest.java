package care.tandem.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Row counts and a SHA-256 of every row of every table of a database file (rows in a fixed order), so a test can
 * say that two files hold the same records. Tables named in {@code skip} are left out (the audit log, which a
 * restore appends to, and install_meta, whose device id it changes).
 */
public final class DatabaseDigest {
    private DatabaseDigest() {
    }

    /** Table name to row count, for every table in the file but those skipped. */
    public static Map<String, Long> counts(Path file, Set<String> skip) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = open(file)) {
            for (String table : tables(c, skip)) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The digest of every row of every table but those skipped. */
    public static String digest(Path file, Set<String> skip) {
        try (Connection c = open(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String table : tables(c, skip)) {
                sha.update(("table " + table + "\n").getBytes(StandardCharsets.UTF_8));
                List<String> rows = new ArrayList<>(); // sorted here: a table may have a single column
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('\u001f');
                        }
                        rows.add(row.append('\n').toString());
                    }
                }
                java.util.Collections.sort(rows);
                for (String row : rows) {
                    sha.update(row.getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tables(Connection c, Set<String> skip) throws SQLException {
        List<String> virtual = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                (rs.getString(2).startsWith("CREATE VIRTUAL") ? virtual : tables).add(rs.getString(1));
            }
        }
        // Virtual tables (full-text search) and their shadow tables are indexes of the rows, not rows of their own.
        return tables.stream().filter(t -> !skip.contains(t))
                .filter(t -> virtual.stream().noneMatch(v -> t.startsWith(v + "_"))).toList();
    }

    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
    }
}
