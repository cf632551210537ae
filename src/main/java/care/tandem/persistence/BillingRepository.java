package care.tandem.persistence;

import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.billing.BilledBefore;
import care.tandem.domain.billing.BillingCode;
import care.tandem.domain.billing.CodeSystem;
import care.tandem.domain.billing.Verification;
import care.tandem.domain.billing.Words;
import care.tandem.domain.note.ChildScreen;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The clinic's code table and the codes accepted for visits. An accepted code is written once and only ever removed
 * (a tombstone; V005 triggers refuse anything else).
 */
public final class BillingRepository {
    static final String CODE = "billing_code";
    static final String ACCEPTED = "visit_billing_code";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    // ---- the code table ----

    public void insertCode(Connection c, BillingCode code, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO billing_code (id, system, code, modifier, label, label_es, verification, source,
                    confidential, seed_key, active, created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, code.id(), code.system(), code.code(), code.modifier(), code.label(), code.labelEs(),
                    code.verification(), code.source(), code.confidential(), code.key(), code.active(), s.time(),
                    s.user(), s.time(), s.user(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, CODE, code.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /** Saves the editable fields of a code (not its rule key); false when its revision changed meanwhile. */
    public boolean updateCode(Connection c, BillingCode code, WriteStamp s) throws SQLException {
        int n;
        try (var ps = c.prepareStatement("""
                UPDATE billing_code SET system = ?, code = ?, modifier = ?, label = ?, label_es = ?, verification = ?,
                    source = ?, confidential = ?, active = ?, updated_at = ?, updated_by = ?, device_id = ?, hlc = ?,
                    revision = revision + 1
                WHERE id = ? AND revision = ?""")) {
            Rows.bind(ps, code.system(), code.code(), code.modifier(), code.label(), code.labelEs(),
                    code.verification(), code.source(), code.confidential(), code.active(), s.time(), s.user(),
                    s.device(), s.hlc(), code.id(), code.revision());
            n = ps.executeUpdate();
        }
        if (n == 1) {
            ChangeLog.record(c, s, CODE, code.id().toString(), List.of("system", "code", "modifier", "label",
                    "label_es", "verification", "source", "confidential", "active"));
        }
        return n == 1;
    }

    public Optional<BillingCode> code(Connection c, UUID id) throws SQLException {
        return codes(c, "SELECT * FROM billing_code WHERE id = ? AND deleted_at IS NULL", id).stream().findFirst();
    }

    /** The code table: procedure codes, then diagnosis codes, each by code; with those out of use when asked. */
    public List<BillingCode> codes(Connection c, boolean withInactive) throws SQLException {
        return codes(c, "SELECT * FROM billing_code WHERE deleted_at IS NULL" + (withInactive ? "" : " AND active = 1")
                + " ORDER BY system = 'ICD_10_CM', code, modifier");
    }

    /** The seed keys already present (seeded once; a clinic's edits and removals are kept). */
    public Set<String> seedKeys(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (var ps = c.prepareStatement("SELECT seed_key FROM billing_code WHERE seed_key IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<BillingCode> codes(Connection c, String sql, Object... args) throws SQLException {
        List<BillingCode> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BillingCode(Rows.uuid(rs, "id"), rs.getString("seed_key"),
                            Rows.enumOf(CodeSystem.class, rs, "system"), rs.getString("code"),
                            rs.getString("modifier"), rs.getString("label"), rs.getString("label_es"),
                            Rows.enumOf(Verification.class, rs, "verification"), rs.getString("source"),
                            rs.getInt("confidential") == 1, rs.getInt("active") == 1, rs.getLong("revision")));
                }
            }
        }
        return out;
    }

    // ---- accepted codes ----

    public void insertAccepted(Connection c, AcceptedCode a, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO visit_billing_code (id, visit_id, code_id, system, code, modifier, label, label_es,
                    verification, confidential, screening_id, child_screen, reason_key, reason_args, accepted_at,
                    accepted_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, a.id(), a.visitId(), a.codeId(), a.system(), a.code(), a.modifier(), a.label(), a.labelEs(),
                    a.verification(), a.confidential(), a.screeningId(), a.childScreen(), a.reason().key(),
                    json(a.reason().args()), a.acceptedAt(), a.acceptedBy(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, ACCEPTED, a.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /** Removes an accepted code (a tombstone); false when it was not there or already removed. */
    public boolean removeAccepted(Connection c, UUID visitId, UUID acceptedId, WriteStamp s) throws SQLException {
        int n;
        try (var ps = c.prepareStatement("""
                UPDATE visit_billing_code SET removed_at = ?, removed_by = ?, device_id = ?, hlc = ?,
                    revision = revision + 1
                WHERE id = ? AND visit_id = ? AND removed_at IS NULL""")) {
            Rows.bind(ps, s.time(), s.user(), s.device(), s.hlc(), acceptedId, visitId);
            n = ps.executeUpdate();
        }
        if (n == 1) {
            ChangeLog.record(c, s, ACCEPTED, acceptedId.toString(), List.of("removed_at", "removed_by"));
        }
        return n == 1;
    }

    /** The codes accepted for a visit and not removed, in the order they were accepted. */
    public List<AcceptedCode> accepted(Connection c, UUID visitId) throws SQLException {
        List<AcceptedCode> out = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                SELECT * FROM visit_billing_code WHERE visit_id = ? AND removed_at IS NULL
                ORDER BY accepted_at, hlc""")) {
            Rows.bind(ps, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AcceptedCode(Rows.uuid(rs, "id"), Rows.uuid(rs, "visit_id"), Rows.uuid(rs, "code_id"),
                            Rows.enumOf(CodeSystem.class, rs, "system"), rs.getString("code"),
                            rs.getString("modifier"), rs.getString("label"), rs.getString("label_es"),
                            Rows.enumOf(Verification.class, rs, "verification"), rs.getInt("confidential") == 1,
                            Rows.uuid(rs, "screening_id"), Rows.enumOf(ChildScreen.class, rs, "child_screen"),
                            new Words(rs.getString("reason_key"), strings(rs.getString("reason_args"))),
                            Rows.uuid(rs, "accepted_by"), Rows.instant(rs, "accepted_at")));
                }
            }
        }
        return out;
    }

    /**
     * The seeded codes accepted, and not removed, on a child's other visits, with those visits' dates (for the
     * frequency limits of the billing rules).
     */
    public List<BilledBefore> billedBefore(Connection c, UUID childId, UUID exceptVisitId) throws SQLException {
        List<BilledBefore> out = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                SELECT b.seed_key, v.visit_date FROM visit_billing_code a
                JOIN visit v ON v.id = a.visit_id JOIN billing_code b ON b.id = a.code_id
                WHERE v.child_id = ? AND v.id <> ? AND v.deleted_at IS NULL AND a.removed_at IS NULL
                  AND b.seed_key IS NOT NULL""")) {
            Rows.bind(ps, childId, exceptVisitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BilledBefore(rs.getString("seed_key"), Rows.date(rs, "visit_date")));
                }
            }
        }
        return out;
    }

    private static String json(List<String> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reason arguments not serialisable", e);
        }
    }

    private static List<String> strings(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reason arguments unreadable", e);
        }
    }
}
