package care.tandem.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** This laptop's identity (clinic id, device id, demo flag), the clinic row, and clinic settings. */
public final class InstallRepository {
    public static final String CLINIC_ID = "clinic_id";
    public static final String DEVICE_ID = "device_id";
    public static final String DEMO = "demo";

    public Optional<String> meta(Connection c, String key) throws SQLException {
        try (var ps = c.prepareStatement("SELECT value FROM install_meta WHERE key = ?")) {
            Rows.bind(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void putMeta(Connection c, String key, String value) throws SQLException {
        try (var ps = c.prepareStatement(
                "INSERT INTO install_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            Rows.bind(ps, key, value);
            ps.executeUpdate();
        }
    }

    public void insertClinic(Connection c, UUID clinicId, String name, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO clinic (id, name, created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, clinicId, name, s.time(), s.user(), s.time(), s.user(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, "clinic", clinicId.toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    public Optional<String> clinicName(Connection c, UUID clinicId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT name FROM clinic WHERE id = ?")) {
            Rows.bind(ps, clinicId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void insertDevice(Connection c, UUID deviceId, UUID clinicId, String label, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement(
                "INSERT OR IGNORE INTO device (id, clinic_id, label, created_at) VALUES (?, ?, ?, ?)")) {
            Rows.bind(ps, deviceId, clinicId, label, s.time());
            ps.executeUpdate();
        }
    }

    public Optional<String> setting(Connection c, String key) throws SQLException {
        try (var ps = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
            Rows.bind(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void putSetting(Connection c, String key, String value, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO setting (key, value, updated_at, updated_by, hlc) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by, hlc = excluded.hlc""")) {
            Rows.bind(ps, key, value, s.time(), s.user(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, "setting", key, List.of("value"));
    }

    /** The newest hybrid-logical-clock stamp written on this file, so the clock never runs behind it. */
    public Optional<String> latestHlc(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT max(hlc) FROM change_log"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }
}
