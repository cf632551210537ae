package care.tandem.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/** Appends to the change log: which fields of which record a write changed, under its HLC stamp (ADR 0002). */
final class ChangeLog {
    /** The field list written when a record is created: every field is new. */
    static final String ALL_FIELDS = "*";
    /**
     * The field list of a write that changed only who last wrote a record and when (a family saved for its members'
     * sake): logged so that sync passes the record's new stamp on (ADR 0009), naming no field.
     */
    static final String NO_FIELDS = "-";

    private ChangeLog() {
    }

    static void record(Connection c, WriteStamp stamp, String entity, String entityId, Collection<String> fields)
            throws SQLException {
        try (var ps = c.prepareStatement(
                "INSERT INTO change_log (hlc, device_id, user_id, entity, entity_id, fields) VALUES (?, ?, ?, ?, ?, ?)")) {
            Rows.bind(ps, stamp.hlc(), stamp.device(), stamp.user(), entity, entityId,
                    fields.isEmpty() ? NO_FIELDS : String.join(",", fields));
            ps.executeUpdate();
        }
    }
}
