package care.tandem.persistence;

import care.tandem.domain.audit.AuditAction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** The append-only audit log (the schema refuses updates and deletes). Details hold ids and counts only. */
public final class AuditRepository {

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
}
