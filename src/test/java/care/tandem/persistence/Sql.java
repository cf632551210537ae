package care.tandem.persistence;

import java.sql.ResultSet;
import java.sql.Statement;

/** Plain SQL for persistence tests, with every statement closed (an open one blocks VACUUM INTO). */
final class Sql {
    private Sql() {
    }

    static void exec(Database db, String sql) {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    static String one(Database db, String sql) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }
}
