package care.tandem.persistence;

import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users of the clinic, their password hashes and sign-in failure counts. */
public final class UserRepository {

    /** A user as stored, with what sign-in needs. */
    public record StoredUser(User user, String passwordHash, int failedAttempts, Instant lockedUntil) {
    }

    public void insert(Connection c, UUID clinicId, User u, String passwordHash, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO app_user (id, clinic_id, username, display_name, role, supervisor_id, password_hash,
                active, created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, u.id(), clinicId, u.username(), u.displayName(), u.role(), u.supervisorId(), passwordHash,
                    u.active(), s.time(), s.user(), s.time(), s.user(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, "app_user", u.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    public Optional<StoredUser> findByUsername(Connection c, String username) throws SQLException {
        return one(c, "username = ? COLLATE NOCASE", username);
    }

    public Optional<StoredUser> find(Connection c, UUID id) throws SQLException {
        return one(c, "id = ?", id.toString());
    }

    public List<User> all(Connection c) throws SQLException {
        List<User> users = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT * FROM app_user WHERE deleted_at IS NULL ORDER BY display_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(stored(rs).user());
            }
        }
        return users;
    }

    public long count(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM app_user WHERE deleted_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Records the sign-in failure state (local to this laptop, so not in the change log). */
    public void updateSignInState(Connection c, UUID id, int failedAttempts, Instant lockedUntil) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE id = ?")) {
            Rows.bind(ps, failedAttempts, lockedUntil, id);
            ps.executeUpdate();
        }
    }

    public void updatePasswordHash(Connection c, UUID id, String hash, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                UPDATE app_user SET password_hash = ?, updated_at = ?, updated_by = ?, device_id = ?, hlc = ?,
                revision = revision + 1 WHERE id = ?""")) {
            Rows.bind(ps, hash, s.time(), s.user(), s.device(), s.hlc(), id);
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, "app_user", id.toString(), List.of("password_hash"));
    }

    private Optional<StoredUser> one(Connection c, String where, String arg) throws SQLException {
        try (var ps = c.prepareStatement("SELECT * FROM app_user WHERE deleted_at IS NULL AND " + where)) {
            Rows.bind(ps, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    private static StoredUser stored(ResultSet rs) throws SQLException {
        User u = new User(Rows.uuid(rs, "id"), rs.getString("username"), rs.getString("display_name"),
                Rows.enumOf(Role.class, rs, "role"), Rows.uuid(rs, "supervisor_id"), rs.getBoolean("active"));
        return new StoredUser(u, rs.getString("password_hash"), rs.getInt("failed_attempts"),
                Rows.instant(rs, "locked_until"));
    }
}
