package care.tandem.persistence;

import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.note.VisitPlace;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertAction;
import care.tandem.domain.screening.AlertKind;
import care.tandem.domain.screening.AlertStatus;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.AnswerState;
import care.tandem.domain.screening.DueScreens;
import care.tandem.domain.screening.NotDoneReason;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Visits, screens with their answers, and urgent alerts. A screen's answers change only while it is in progress;
 * the schema refuses anything else (V002 triggers), so a finished screen is a fact.
 */
public final class ScreeningRepository {
    static final String VISIT = "visit";
    static final String SCREENING = "screening";
    static final String ALERT = "screening_alert";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String SCREENING_COLUMNS = """
            id, visit_id, family_id, subject_id, respondent_id, instrument, instrument_version, language, mode, status,
            not_done_reason, error_reason, corrects_id, follows_id, safety_deferred, clinician_id, started_at,
            completed_at, score, revision""";

    // ---- visits ----

    public void insertVisit(Connection c, Visit v, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO visit (id, family_id, child_id, visit_date, clinician_id, caregivers, kind, minutes, place,
                                   child_screens, created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, v.id(), v.familyId(), v.childId(), v.date(), v.clinicianId(), ids(v.caregivers()), v.kind(),
                    v.minutes(), v.place(), names(v.childScreens()), s.time(), s.user(), s.time(), s.user(),
                    s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, VISIT, v.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    public void updateVisitCaregivers(Connection c, UUID visitId, List<UUID> caregivers, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                UPDATE visit SET caregivers = ?, updated_at = ?, updated_by = ?, device_id = ?, hlc = ?,
                revision = revision + 1 WHERE id = ?""")) {
            Rows.bind(ps, ids(caregivers), s.time(), s.user(), s.device(), s.hlc(), visitId);
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, VISIT, visitId.toString(), List.of("caregivers"));
    }

    /** Records what kind of visit it was, the minutes spent (null: not yet known), where, and the child screens given. */
    public void updateVisitDetails(Connection c, UUID visitId, VisitKind kind, Integer minutes, VisitPlace place,
                                   Set<ChildScreen> childScreens, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                UPDATE visit SET kind = ?, minutes = ?, place = ?, child_screens = ?, updated_at = ?, updated_by = ?,
                device_id = ?, hlc = ?, revision = revision + 1 WHERE id = ?""")) {
            Rows.bind(ps, kind, minutes, place, names(childScreens), s.time(), s.user(), s.device(), s.hlc(), visitId);
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, VISIT, visitId.toString(), List.of("kind", "minutes", "place", "child_screens"));
    }

    public Optional<Visit> visit(Connection c, UUID id) throws SQLException {
        return visits(c, "SELECT * FROM visit WHERE id = ? AND deleted_at IS NULL", id).stream().findFirst();
    }

    public Optional<Visit> visitOn(Connection c, UUID familyId, UUID childId, LocalDate date) throws SQLException {
        return visits(c, """
                SELECT * FROM visit WHERE family_id = ? AND child_id = ? AND visit_date = ? AND deleted_at IS NULL
                ORDER BY created_at LIMIT 1""", familyId, childId, date).stream().findFirst();
    }

    /** A family's visits, oldest first. */
    public List<Visit> visitsForFamily(Connection c, UUID familyId) throws SQLException {
        return visits(c, "SELECT * FROM visit WHERE family_id = ? AND deleted_at IS NULL ORDER BY visit_date, created_at",
                familyId);
    }

    private static List<Visit> visits(Connection c, String sql, Object... args) throws SQLException {
        List<Visit> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Visit(Rows.uuid(rs, "id"), Rows.uuid(rs, "family_id"), Rows.uuid(rs, "child_id"),
                            Rows.date(rs, "visit_date"), Rows.uuid(rs, "clinician_id"), uuids(rs.getString("caregivers")),
                            Rows.enumOf(VisitKind.class, rs, "kind"), minutes(rs),
                            Rows.enumOf(VisitPlace.class, rs, "place"), childScreens(rs.getString("child_screens")),
                            rs.getLong("revision")));
                }
            }
        }
        return out;
    }

    // ---- screens ----

    public void insertScreening(Connection c, Screening x, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO screening (id, visit_id, family_id, subject_id, respondent_id, instrument, instrument_version,
                    language, mode, status, not_done_reason, error_reason, corrects_id, follows_id, safety_deferred,
                    clinician_id, started_at, completed_at, total, band, outcome, critical, score,
                    created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Score sc = x.score();
            Rows.bind(ps, x.id(), x.visitId(), x.familyId(), x.subjectId(), x.respondentId(), x.instrument(),
                    x.instrumentVersion(), x.language(), x.mode(), x.status(), x.notDoneReason(), x.errorReason(),
                    x.correctsId(), x.followsId(), x.safetyDeferred(), x.clinicianId(), x.startedAt(), x.completedAt(),
                    sc == null ? null : sc.total(), sc == null ? null : sc.band(), sc == null ? null : sc.outcome(),
                    sc != null && !sc.critical().isEmpty(), json(sc),
                    s.time(), s.user(), s.time(), s.user(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, SCREENING, x.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /** Records (or replaces, while in progress) the answer to one item. */
    public void putAnswer(Connection c, UUID screeningId, Answer a, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO screening_answer (screening_id, item, state, codes, value, answered_at, answered_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (screening_id, item) DO UPDATE SET state = excluded.state, codes = excluded.codes,
                  value = excluded.value, answered_at = excluded.answered_at, answered_by = excluded.answered_by,
                  device_id = excluded.device_id, hlc = excluded.hlc""")) {
            Rows.bind(ps, screeningId, a.item(), a.state(), String.join(" ", a.codes()), a.value(), s.time(), s.user(),
                    s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, SCREENING, screeningId.toString(), List.of("answer:" + a.item()));
    }

    /** Removes an answer from a screen in progress (the clinician cleared it). */
    public void removeAnswer(Connection c, UUID screeningId, String item, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("DELETE FROM screening_answer WHERE screening_id = ? AND item = ?")) {
            Rows.bind(ps, screeningId, item);
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, SCREENING, screeningId.toString(), List.of("answer:" + item));
    }

    /** Stores the score of the answers so far and, when finishing, the new status and completion time. */
    public void updateScore(Connection c, UUID id, Score sc, ScreeningStatus status, boolean safetyDeferred,
                            WriteStamp s) throws SQLException {
        boolean finishing = status != ScreeningStatus.IN_PROGRESS;
        try (var ps = c.prepareStatement("""
                UPDATE screening SET total = ?, band = ?, outcome = ?, critical = ?, score = ?, status = ?,
                  safety_deferred = ?, completed_at = CASE WHEN ? THEN ? ELSE completed_at END,
                  updated_at = ?, updated_by = ?, device_id = ?, hlc = ?, revision = revision + 1
                WHERE id = ?""")) {
            Rows.bind(ps, sc.total(), sc.band(), sc.outcome(), !sc.critical().isEmpty(), json(sc), status,
                    safetyDeferred, finishing, s.time(), s.time(), s.user(), s.device(), s.hlc(), id);
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, SCREENING, id.toString(), finishing
                ? List.of("score", "status", "completed_at") : List.of("score"));
    }

    public void markEnteredInError(Connection c, UUID id, String reason, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                UPDATE screening SET status = 'ENTERED_IN_ERROR', error_reason = ?, updated_at = ?, updated_by = ?,
                  device_id = ?, hlc = ?, revision = revision + 1 WHERE id = ?""")) {
            Rows.bind(ps, reason, s.time(), s.user(), s.device(), s.hlc(), id);
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, SCREENING, id.toString(), List.of("status", "error_reason"));
    }

    /** A screen with its answers. */
    public Optional<Screening> find(Connection c, UUID id) throws SQLException {
        List<Screening> found = screenings(c, "SELECT " + SCREENING_COLUMNS + " FROM screening WHERE id = ?", id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Screening x = found.get(0);
        return Optional.of(withAnswers(x, answers(c, id)));
    }

    public List<Answer> answers(Connection c, UUID screeningId) throws SQLException {
        List<Answer> out = new ArrayList<>();
        try (var ps = c.prepareStatement(
                "SELECT item, state, codes, value FROM screening_answer WHERE screening_id = ?")) {
            Rows.bind(ps, screeningId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String codes = rs.getString("codes");
                    Object value = rs.getObject("value");
                    out.add(new Answer(rs.getString("item"),
                            codes.isEmpty() ? List.of() : Arrays.asList(codes.split(" ")),
                            value == null ? null : ((Number) value).intValue(),
                            AnswerState.valueOf(rs.getString("state"))));
                }
            }
        }
        return out;
    }

    /** Every screen of a family, newest first, without answers (their scores are enough for lists). */
    public List<Screening> forFamily(Connection c, UUID familyId) throws SQLException {
        return screenings(c, "SELECT " + SCREENING_COLUMNS
                + " FROM screening WHERE family_id = ? AND deleted_at IS NULL ORDER BY started_at DESC", familyId);
    }

    /** Unfinished screens of every family, most recently started first (the Screening worklist). */
    public List<Screening> inProgress(Connection c, int limit) throws SQLException {
        return screenings(c, "SELECT " + SCREENING_COLUMNS + """
                 FROM screening WHERE status = 'IN_PROGRESS' AND deleted_at IS NULL
                ORDER BY started_at DESC LIMIT ?""", limit);
    }

    /** One person's screens with one instrument, oldest first (for trends), without answers. */
    public List<Screening> history(Connection c, UUID subjectId, String instrument) throws SQLException {
        return screenings(c, "SELECT " + SCREENING_COLUMNS + """
                 FROM screening WHERE subject_id = ? AND instrument = ? AND deleted_at IS NULL
                ORDER BY started_at""", subjectId, instrument);
    }

    /** What the due-screen schedule needs of a family's past screens (those that count, or recorded not done). */
    public List<DueScreens.Past> past(Connection c, UUID familyId) throws SQLException {
        List<DueScreens.Past> out = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                SELECT s.subject_id, s.instrument, v.visit_date FROM screening s JOIN visit v ON v.id = s.visit_id
                WHERE s.family_id = ? AND s.status IN ('COMPLETED', 'NOT_DONE', 'IN_PROGRESS') AND s.deleted_at IS NULL""")) {
            Rows.bind(ps, familyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DueScreens.Past(Rows.uuid(rs, "subject_id"), rs.getString("instrument"),
                            Rows.date(rs, "visit_date")));
                }
            }
        }
        return out;
    }

    private static List<Screening> screenings(Connection c, String sql, Object... args) throws SQLException {
        List<Screening> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Screening(Rows.uuid(rs, "id"), Rows.uuid(rs, "visit_id"), Rows.uuid(rs, "family_id"),
                            Rows.uuid(rs, "subject_id"), Rows.uuid(rs, "respondent_id"), rs.getString("instrument"),
                            rs.getString("instrument_version"), rs.getString("language"),
                            Rows.enumOf(AdministrationMode.class, rs, "mode"),
                            Rows.enumOf(ScreeningStatus.class, rs, "status"),
                            Rows.enumOf(NotDoneReason.class, rs, "not_done_reason"), rs.getString("error_reason"),
                            Rows.uuid(rs, "corrects_id"), Rows.uuid(rs, "follows_id"), rs.getInt("safety_deferred") != 0,
                            Rows.uuid(rs, "clinician_id"), Rows.instant(rs, "started_at"),
                            Rows.instant(rs, "completed_at"), score(rs.getString("score")), List.of(),
                            rs.getLong("revision")));
                }
            }
        }
        return out;
    }

    private static Screening withAnswers(Screening x, List<Answer> answers) {
        return new Screening(x.id(), x.visitId(), x.familyId(), x.subjectId(), x.respondentId(), x.instrument(),
                x.instrumentVersion(), x.language(), x.mode(), x.status(), x.notDoneReason(), x.errorReason(),
                x.correctsId(), x.followsId(), x.safetyDeferred(), x.clinicianId(), x.startedAt(), x.completedAt(),
                x.score(), answers, x.revision());
    }

    // ---- alerts ----

    public void insertAlert(Connection c, Alert a, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO screening_alert (id, screening_id, family_id, subject_id, instrument, item, answer_code, kind,
                  status, raised_at, created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, a.id(), a.screeningId(), a.familyId(), a.subjectId(), a.instrument(), a.item(),
                    a.answerCode(), a.kind(), a.status(), a.raisedAt(), s.time(), s.user(), s.time(), s.user(),
                    s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, ALERT, a.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /** Closes an open alert: acted on (with the action) or withdrawn (action null). */
    public void closeAlert(Connection c, UUID alertId, AlertStatus status, AlertAction action, String note,
                           WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                UPDATE screening_alert SET status = ?, action = ?, action_note = ?, acted_by = ?, acted_at = ?,
                  updated_at = ?, updated_by = ?, device_id = ?, hlc = ?, revision = revision + 1
                WHERE id = ? AND status = 'OPEN'""")) {
            Rows.bind(ps, status, action, note == null ? "" : note, s.user(), s.time(), s.time(), s.user(),
                    s.device(), s.hlc(), alertId);
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, ALERT, alertId.toString(), List.of("status", "action", "action_note"));
    }

    public Optional<Alert> alert(Connection c, UUID id) throws SQLException {
        return alerts(c, "SELECT * FROM screening_alert WHERE id = ?", id).stream().findFirst();
    }

    public List<Alert> alertsFor(Connection c, UUID screeningId) throws SQLException {
        return alerts(c, "SELECT * FROM screening_alert WHERE screening_id = ? ORDER BY raised_at", screeningId);
    }

    /** Open alerts, oldest first; of one family, or of all when {@code familyId} is null. */
    public List<Alert> openAlerts(Connection c, UUID familyId) throws SQLException {
        return familyId == null
                ? alerts(c, "SELECT * FROM screening_alert WHERE status = 'OPEN' ORDER BY raised_at")
                : alerts(c, "SELECT * FROM screening_alert WHERE status = 'OPEN' AND family_id = ? ORDER BY raised_at",
                familyId);
    }

    private static List<Alert> alerts(Connection c, String sql, Object... args) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Alert(Rows.uuid(rs, "id"), Rows.uuid(rs, "screening_id"), Rows.uuid(rs, "family_id"),
                            Rows.uuid(rs, "subject_id"), rs.getString("instrument"), rs.getString("item"),
                            rs.getString("answer_code"), Rows.enumOf(AlertKind.class, rs, "kind"),
                            Rows.enumOf(AlertStatus.class, rs, "status"), Rows.instant(rs, "raised_at"),
                            Rows.enumOf(AlertAction.class, rs, "action"), rs.getString("action_note"),
                            Rows.uuid(rs, "acted_by"), Rows.instant(rs, "acted_at")));
                }
            }
        }
        return out;
    }

    // ---- encoding ----

    private static String ids(List<UUID> ids) {
        return String.join(" ", ids.stream().map(UUID::toString).toList());
    }

    private static List<UUID> uuids(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(" ")).map(UUID::fromString).toList();
    }

    private static Integer minutes(ResultSet rs) throws SQLException {
        int m = rs.getInt("minutes");
        return rs.wasNull() ? null : m;
    }

    private static String names(Set<ChildScreen> screens) {
        return screens.stream().sorted().map(Enum::name).collect(Collectors.joining(" "));
    }

    private static Set<ChildScreen> childScreens(String text) {
        Set<ChildScreen> out = EnumSet.noneOf(ChildScreen.class);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.trim().split("\\s+")).map(ChildScreen::valueOf).forEach(out::add);
        }
        return out;
    }

    private static String json(Score score) {
        if (score == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(score);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score not serialisable", e);
        }
    }

    private static Score score(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Score.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score unreadable", e);
        }
    }
}
