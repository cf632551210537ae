package care.tandem.persistence;

import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.billing.CodeSystem;
import care.tandem.domain.billing.Verification;
import care.tandem.domain.billing.Words;
import care.tandem.domain.note.ChildScreen;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the FHIR export reads that the other repositories do not offer: the live families page by page (optionally
 * only those with a change since a moment), a family's accepted codes with the removed ones (a removal is
 * exported as entered in error), and when each of its records last changed (for {@code --since}).
 */
public final class FhirExportRepository {

    /** A family's place in the export order and its id. */
    public record FamilyRef(long seq, UUID id) {
    }

    /** An accepted code with when it was removed (null while it stands). */
    public record CodeRow(AcceptedCode code, Instant removedAt) {
    }

    /**
     * Up to {@code limit} live (not deleted, not merged away) families after {@code afterSeq}, in order; with a
     * {@code since}, those with a record changed at or after it (and perhaps up to a second before).
     */
    public List<FamilyRef> families(Connection c, long afterSeq, int limit, Instant since) throws SQLException {
        String changed = since == null ? "" : """
                 AND (f.updated_at >= ?1
                  OR EXISTS (SELECT 1 FROM person p WHERE p.family_id = f.id AND p.updated_at >= ?1)
                  OR EXISTS (SELECT 1 FROM visit v WHERE v.family_id = f.id AND v.updated_at >= ?1)
                  OR EXISTS (SELECT 1 FROM screening s WHERE s.family_id = f.id AND s.updated_at >= ?1)
                  OR EXISTS (SELECT 1 FROM referral r WHERE r.family_id = f.id AND r.updated_at >= ?1)
                  OR EXISTS (SELECT 1 FROM note n WHERE n.family_id = f.id AND n.updated_at >= ?1)
                  OR EXISTS (SELECT 1 FROM note n JOIN note_addendum a ON a.note_id = n.id
                             WHERE n.family_id = f.id AND a.created_at >= ?1)
                  OR EXISTS (SELECT 1 FROM visit v JOIN visit_billing_code b ON b.visit_id = v.id
                             WHERE v.family_id = f.id AND (b.accepted_at >= ?1 OR b.removed_at >= ?1)))""";
        String sql = "SELECT f.seq, f.id FROM family f WHERE f.deleted_at IS NULL AND f.merged_into IS NULL"
                + " AND f.seq > ?2" + changed + " ORDER BY f.seq LIMIT ?3";
        List<FamilyRef> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            // Stored times are Instant.toString(), which drops a zero fraction, so text order can put "…00.5Z" before
            // "…00Z": a second's margin here, and the caller compares the exact times.
            ps.setString(1, since == null ? "" : since.minusSeconds(1).toString());
            ps.setLong(2, afterSeq);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FamilyRef(rs.getLong(1), UUID.fromString(rs.getString(2))));
                }
            }
        }
        return out;
    }

    /** How many families {@link #families} would give in all. */
    public long countFamilies(Connection c, Instant since) throws SQLException {
        long n = 0;
        long after = 0;
        while (true) {
            List<FamilyRef> page = families(c, after, 10_000, since);
            n += page.size();
            if (page.size() < 10_000) {
                return n;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    /** Every code accepted for a family's visits, the removed ones too, in the order they were accepted. */
    public List<CodeRow> codes(Connection c, UUID familyId) throws SQLException {
        List<CodeRow> out = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                SELECT b.* FROM visit_billing_code b JOIN visit v ON v.id = b.visit_id
                WHERE v.family_id = ? AND v.deleted_at IS NULL ORDER BY b.accepted_at, b.id""")) {
            Rows.bind(ps, familyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String screen = rs.getString("child_screen");
                    AcceptedCode a = new AcceptedCode(Rows.uuid(rs, "id"), Rows.uuid(rs, "visit_id"),
                            Rows.uuid(rs, "code_id"), Rows.enumOf(CodeSystem.class, rs, "system"),
                            rs.getString("code"), rs.getString("modifier"), rs.getString("label"),
                            rs.getString("label_es"), Rows.enumOf(Verification.class, rs, "verification"),
                            rs.getInt("confidential") != 0, Rows.uuid(rs, "screening_id"),
                            screen == null ? null : ChildScreen.valueOf(screen), Words.of(rs.getString("reason_key")),
                            Rows.uuid(rs, "accepted_by"), Rows.instant(rs, "accepted_at"));
                    out.add(new CodeRow(a, Rows.instant(rs, "removed_at")));
                }
            }
        }
        return out;
    }

    /**
     * When each record of a family last changed, by record id: the family and its people, visits, screens, referrals
     * (their history moves their updated_at), notes (or their latest addendum) and accepted codes (accepted or
     * removed).
     */
    public Map<UUID, Instant> changedAt(Connection c, UUID familyId) throws SQLException {
        Map<UUID, Instant> out = new HashMap<>();
        String[] queries = {
            "SELECT id, updated_at FROM family WHERE id = ?1",
            "SELECT id, updated_at FROM person WHERE family_id = ?1",
            "SELECT id, updated_at FROM visit WHERE family_id = ?1",
            "SELECT id, updated_at FROM screening WHERE family_id = ?1",
            "SELECT id, updated_at FROM referral WHERE family_id = ?1",
            """
            SELECT n.id, max(n.updated_at, coalesce(max(a.created_at), '')) FROM note n
            LEFT JOIN note_addendum a ON a.note_id = n.id WHERE n.family_id = ?1 GROUP BY n.id""",
            """
            SELECT b.id, max(b.accepted_at, coalesce(b.removed_at, '')) FROM visit_billing_code b
            JOIN visit v ON v.id = b.visit_id WHERE v.family_id = ?1"""
        };
        for (String sql : queries) {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, familyId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(UUID.fromString(rs.getString(1)), Instant.parse(rs.getString(2)));
                    }
                }
            }
        }
        return out;
    }
}
