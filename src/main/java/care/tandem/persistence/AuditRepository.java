package care.tandem.persistence;

import care.tandem.domain.audit.AuditAction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The append-only audit log (the schema refuses updates and deletes). Details hold ids and counts only. */
public final class AuditRepository {

    /** One audit entry as read back. */
    public record AuditEntry(Instant at, UUID userId, AuditAction action, String entity, UUID entityId, String detail) {
    }

    public void append(Connection c, WriteStamp s, AuditAction action, String entity, UUID entityId, String detail)
            throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO audit_event (id, at, user_id, device_id, action, entity, entity_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, UUID.randomUUID(), s.time(), s.user(), s.device(), action, entity, entityId,
                    detail == null ? "" : detail);
            ps.executeUpdate();
        }
    }

    /** The newest entries first, optionally only those about one record. */
    public List<AuditEntry> latest(Connection c, UUID entityId, int limit) throws SQLException {
        String where = entityId == null ? "" : " WHERE entity_id = ?";
        List<AuditEntry> entries = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT * FROM audit_event" + where + " ORDER BY seq DESC LIMIT ?")) {
            if (entityId == null) {
                Rows.bind(ps, limit);
            } else {
                Rows.bind(ps, entityId, limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(Rows.instant(rs, "at"), Rows.uuid(rs, "user_id"),
                            Rows.enumOf(AuditAction.class, rs, "action"), rs.getString("entity"),
                            Rows.uuid(rs, "entity_id"), rs.getString("detail")));
                }
            }
        }
        return entries;
    }
}
