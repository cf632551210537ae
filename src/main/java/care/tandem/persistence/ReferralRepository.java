package care.tandem.persistence;

import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The resource directory, referrals and their append-only history. A closed referral changes only to "entered in
 * error", and history rows never change (V003 triggers).
 */
public final class ReferralRepository {
    static final String DESTINATION = "referral_destination";
    static final String REFERRAL = "referral";

    // ---- destinations ----

    public void insertDestination(Connection c, Destination d, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO referral_destination (id, name, needs, phone, text_line, web, languages, hours, notes, source,
                    private_use, seed_key, active, created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, d.id(), d.name(), needs(d.needs()), d.phone(), d.text(), d.web(), d.languages(), d.hours(),
                    d.notes(), d.source(), d.privateUse(), d.seedKey(), d.active(), s.time(), s.user(), s.time(),
                    s.user(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, DESTINATION, d.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /** Saves the editable fields of a destination; false when its revision changed meanwhile. */
    public boolean updateDestination(Connection c, Destination d, WriteStamp s) throws SQLException {
        int n;
        try (var ps = c.prepareStatement("""
                UPDATE referral_destination SET name = ?, needs = ?, phone = ?, text_line = ?, web = ?, languages = ?,
                    hours = ?, notes = ?, source = ?, private_use = ?, active = ?, updated_at = ?, updated_by = ?,
                    device_id = ?, hlc = ?, revision = revision + 1
                WHERE id = ? AND revision = ?""")) {
            Rows.bind(ps, d.name(), needs(d.needs()), d.phone(), d.text(), d.web(), d.languages(), d.hours(), d.notes(),
                    d.source(), d.privateUse(), d.active(), s.time(), s.user(), s.device(), s.hlc(), d.id(),
                    d.revision());
            n = ps.executeUpdate();
        }
        if (n == 1) {
            ChangeLog.record(c, s, DESTINATION, d.id().toString(), List.of("name", "needs", "phone", "text_line", "web",
                    "languages", "hours", "notes", "source", "private_use", "active"));
        }
        return n == 1;
    }

    public Optional<Destination> destination(Connection c, UUID id) throws SQLException {
        return destinations(c, "SELECT * FROM referral_destination WHERE id = ?", id).stream().findFirst();
    }

    /** The directory, by name; with the removed ones too when {@code withInactive}. */
    public List<Destination> destinations(Connection c, boolean withInactive) throws SQLException {
        return destinations(c, "SELECT * FROM referral_destination WHERE deleted_at IS NULL"
                + (withInactive ? "" : " AND active = 1") + " ORDER BY name COLLATE NOCASE");
    }

    /** The seed keys already present (seeded once; a clinic's edits and removals are kept). */
    public Set<String> seedKeys(Connection c) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        try (var ps = c.prepareStatement("SELECT seed_key FROM referral_destination WHERE seed_key IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<Destination> destinations(Connection c, String sql, Object... args) throws SQLException {
        List<Destination> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Destination(Rows.uuid(rs, "id"), rs.getString("name"), needs(rs.getString("needs")),
                            rs.getString("phone"), rs.getString("text_line"), rs.getString("web"),
                            rs.getString("languages"), rs.getString("hours"), rs.getString("notes"),
                            rs.getString("source"), rs.getInt("private_use") == 1, rs.getString("seed_key"),
                            rs.getInt("active") == 1, rs.getLong("revision")));
                }
            }
        }
        return out;
    }

    private static String needs(Set<Need> needs) {
        return needs.stream().sorted().map(Enum::name).collect(Collectors.joining(" "));
    }

    private static Set<Need> needs(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<Need> out = EnumSet.noneOf(Need.class);
        for (String n : text.trim().split("\\s+")) {
            out.add(Need.valueOf(n));
        }
        return out;
    }

    // ---- referrals ----

    public void insertReferral(Connection c, Referral r, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO referral (id, family_id, subject_id, kind, need, destination_id, destination_name, reason,
                    urgency, referrer_id, follow_up_date, consent_to_share, visit_id, screening_id, alert_id,
                    previous_id, private, status, status_reason, first_update_at, closed_at,
                    created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, r.id(), r.familyId(), r.subjectId(), r.kind(), r.need(), r.destinationId(),
                    r.destinationName(), r.reason(), r.urgency(), r.referrerId(), r.followUpDate(), r.consentToShare(),
                    r.visitId(), r.screeningId(), r.alertId(), r.previousId(), r.privateReferral(), r.status(),
                    r.statusReason(), r.firstUpdateAt(), r.closedAt(), r.createdAt(), s.user(), s.time(), s.user(),
                    s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, REFERRAL, r.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /**
     * Records a step: the referral's status, reason, follow-up date and first-update/closed times as the step
     * leaves them, and the step itself in the history.
     */
    public void applyEvent(Connection c, Referral before, ReferralEvent e, WriteStamp s) throws SQLException {
        boolean closing = e.status().closed() && !before.status().closed();
        try (var ps = c.prepareStatement("""
                UPDATE referral SET status = ?, status_reason = ?, follow_up_date = ?,
                    first_update_at = COALESCE(first_update_at, ?), closed_at = COALESCE(closed_at, ?),
                    updated_at = ?, updated_by = ?, device_id = ?, hlc = ?, revision = revision + 1
                WHERE id = ?""")) {
            String reason = e.kind() == ReferralEvent.Kind.STATUS ? e.reason() : before.statusReason();
            Rows.bind(ps, e.status(), reason, e.followUpDate(), e.at(), closing ? e.at() : null, s.time(), s.user(),
                    s.device(), s.hlc(), before.id());
            ps.executeUpdate();
        }
        insertEvent(c, e, s);
        ChangeLog.record(c, s, REFERRAL, before.id().toString(), List.of("status", "status_reason", "follow_up_date",
                "event:" + e.id()));
    }

    public void insertEvent(Connection c, ReferralEvent e, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO referral_event (id, referral_id, kind, status, previous_status, contact, reason, note,
                    follow_up_date, at, by_user, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, e.id(), e.referralId(), e.kind(), e.status(), e.previousStatus(), e.contact(), e.reason(),
                    e.note(), e.followUpDate(), e.at(), e.by(), s.device(), s.hlc());
            ps.executeUpdate();
        }
    }

    /** A referral with its history. */
    public Optional<Referral> find(Connection c, UUID id) throws SQLException {
        Optional<Referral> r = referrals(c, "SELECT * FROM referral WHERE id = ? AND deleted_at IS NULL", id)
                .stream().findFirst();
        if (r.isEmpty()) {
            return r;
        }
        return Optional.of(withEvents(r.get(), events(c, id)));
    }

    public List<ReferralEvent> events(Connection c, UUID referralId) throws SQLException {
        List<ReferralEvent> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT * FROM referral_event WHERE referral_id = ? ORDER BY at, hlc")) {
            Rows.bind(ps, referralId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReferralEvent(Rows.uuid(rs, "id"), Rows.uuid(rs, "referral_id"),
                            Rows.enumOf(ReferralEvent.Kind.class, rs, "kind"),
                            Rows.enumOf(ReferralStatus.class, rs, "status"),
                            Rows.enumOf(ReferralStatus.class, rs, "previous_status"),
                            Rows.enumOf(ContactOutcome.class, rs, "contact"), rs.getString("reason"),
                            rs.getString("note"), Rows.date(rs, "follow_up_date"), Rows.uuid(rs, "by_user"),
                            Rows.instant(rs, "at")));
                }
            }
        }
        return out;
    }

    /** A family's referrals, newest first (no history). */
    public List<Referral> forFamily(Connection c, UUID familyId) throws SQLException {
        return referrals(c, "SELECT * FROM referral WHERE family_id = ? AND deleted_at IS NULL ORDER BY created_at DESC",
                familyId);
    }

    /** Referrals linked to an urgent alert. */
    public List<Referral> forAlert(Connection c, UUID alertId) throws SQLException {
        return referrals(c, "SELECT * FROM referral WHERE alert_id = ? AND deleted_at IS NULL ORDER BY created_at",
                alertId);
    }

    /** Warm hand-offs made in a visit for one person, oldest first. */
    public List<Referral> warmHandoffs(Connection c, UUID visitId, UUID subjectId) throws SQLException {
        return referrals(c, """
                SELECT * FROM referral WHERE visit_id = ? AND subject_id = ? AND kind = 'WARM_HANDOFF'
                  AND status <> 'ENTERED_IN_ERROR' AND deleted_at IS NULL ORDER BY created_at""", visitId, subjectId);
    }

    /**
     * Referrals for the worklist, by follow-up date (the earliest first), at most {@code limit}. Null or empty
     * arguments match anything, but empty {@code statuses} means the open ones; {@code overdueBefore} keeps only open
     * referrals whose follow-up date is before it.
     */
    public List<Referral> worklist(Connection c, UUID referrerId, Need need, Set<ReferralStatus> statuses,
                                   UUID familyId, LocalDate overdueBefore, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM referral WHERE deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (statuses.isEmpty()) {
            sql.append(" AND closed_at IS NULL");
        } else {
            sql.append(" AND status IN (").append(String.join(", ", java.util.Collections.nCopies(statuses.size(), "?")))
                    .append(')');
            args.addAll(statuses);
        }
        if (referrerId != null) {
            sql.append(" AND referrer_id = ?");
            args.add(referrerId);
        }
        if (need != null) {
            sql.append(" AND need = ?");
            args.add(need);
        }
        if (familyId != null) {
            sql.append(" AND family_id = ?");
            args.add(familyId);
        }
        if (overdueBefore != null) {
            sql.append(" AND closed_at IS NULL AND follow_up_date < ?");
            args.add(overdueBefore);
        }
        sql.append(" ORDER BY closed_at IS NOT NULL, follow_up_date IS NULL, follow_up_date, created_at DESC LIMIT ?");
        args.add(limit);
        return referrals(c, sql.toString(), args.toArray());
    }

    /** How many open referrals have a follow-up date before {@code today}. */
    public int overdueCount(Connection c, LocalDate today) throws SQLException {
        try (var ps = c.prepareStatement("""
                SELECT count(*) FROM referral WHERE closed_at IS NULL AND follow_up_date < ? AND deleted_at IS NULL""")) {
            Rows.bind(ps, today);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static Referral withEvents(Referral r, List<ReferralEvent> events) {
        return new Referral(r.id(), r.familyId(), r.subjectId(), r.kind(), r.need(), r.destinationId(),
                r.destinationName(), r.reason(), r.urgency(), r.referrerId(), r.followUpDate(), r.consentToShare(),
                r.visitId(), r.screeningId(), r.alertId(), r.previousId(), r.privateReferral(), r.status(),
                r.statusReason(), r.createdAt(), r.firstUpdateAt(), r.closedAt(), events, r.revision());
    }

    private static List<Referral> referrals(Connection c, String sql, Object... args) throws SQLException {
        List<Referral> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Referral(Rows.uuid(rs, "id"), Rows.uuid(rs, "family_id"), Rows.uuid(rs, "subject_id"),
                            Rows.enumOf(ReferralKind.class, rs, "kind"), Rows.enumOf(Need.class, rs, "need"),
                            Rows.uuid(rs, "destination_id"), rs.getString("destination_name"), rs.getString("reason"),
                            Rows.enumOf(Urgency.class, rs, "urgency"), Rows.uuid(rs, "referrer_id"),
                            Rows.date(rs, "follow_up_date"), rs.getInt("consent_to_share") == 1,
                            Rows.uuid(rs, "visit_id"), Rows.uuid(rs, "screening_id"), Rows.uuid(rs, "alert_id"),
                            Rows.uuid(rs, "previous_id"), rs.getInt("private") == 1,
                            Rows.enumOf(ReferralStatus.class, rs, "status"), rs.getString("status_reason"),
                            Rows.instant(rs, "created_at"), Rows.instant(rs, "first_update_at"),
                            Rows.instant(rs, "closed_at"), List.of(), rs.getLong("revision")));
                }
            }
        }
        return out;
    }
}
