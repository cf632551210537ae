package care.tandem.persistence;

import care.tandem.domain.note.Addendum;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.MandatedReport;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.note.NoteEvent;
import care.tandem.domain.note.NoteSection;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.note.NoteTemplate;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.SectionFill;
import care.tandem.domain.note.Signature;
import care.tandem.domain.note.TemplateSection;
import care.tandem.domain.note.VisitKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Visit notes, their append-only history and addenda, and the note templates. The content is stored as JSON text
 * (written field by field here, so the stored form does not follow the Java records by accident). A signed note never
 * changes, nor do its history and addenda (V004 triggers).
 */
public final class NoteRepository {
    static final String NOTE = "note";
    static final String TEMPLATE = "note_template";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE_SELECT = """
            SELECT n.*, a.display_name AS author_name, sb.display_name AS signed_name,
                   cb.display_name AS cosigned_name
            FROM note n LEFT JOIN app_user a ON a.id = n.author_id LEFT JOIN app_user sb ON sb.id = n.signed_by
                        LEFT JOIN app_user cb ON cb.id = n.cosigned_by""";
    private static final String SUMMARY_SELECT = """
            SELECT n.id, n.visit_id, n.family_id, n.status, n.author_id, n.updated_at, v.visit_date, v.kind,
                   p.given_name || ' ' || p.family_name AS child_name, a.display_name AS author_name
            FROM note n JOIN visit v ON v.id = n.visit_id LEFT JOIN person p ON p.id = v.child_id
                        LEFT JOIN app_user a ON a.id = n.author_id""";

    // ---- templates ----

    public void insertTemplate(Connection c, NoteTemplate t, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO note_template (id, name, kinds, sections, seed_key, active, created_at, created_by,
                    updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, t.id(), t.name(), kinds(t.kinds()), sections(t.sections()), t.seedKey(), t.active(),
                    s.time(), s.user(), s.time(), s.user(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, TEMPLATE, t.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /** Saves an edited template; false when its revision changed meanwhile. */
    public boolean updateTemplate(Connection c, NoteTemplate t, WriteStamp s) throws SQLException {
        int n;
        try (var ps = c.prepareStatement("""
                UPDATE note_template SET name = ?, kinds = ?, sections = ?, active = ?, updated_at = ?, updated_by = ?,
                    device_id = ?, hlc = ?, revision = revision + 1
                WHERE id = ? AND revision = ?""")) {
            Rows.bind(ps, t.name(), kinds(t.kinds()), sections(t.sections()), t.active(), s.time(), s.user(),
                    s.device(), s.hlc(), t.id(), t.revision());
            n = ps.executeUpdate();
        }
        if (n == 1) {
            ChangeLog.record(c, s, TEMPLATE, t.id().toString(), List.of("name", "kinds", "sections", "active"));
        }
        return n == 1;
    }

    public Optional<NoteTemplate> template(Connection c, UUID id) throws SQLException {
        return templates(c, "SELECT * FROM note_template WHERE id = ?", id).stream().findFirst();
    }

    /** The templates, by name; with the retired ones too when {@code withInactive}. */
    public List<NoteTemplate> templates(Connection c, boolean withInactive) throws SQLException {
        return templates(c, "SELECT * FROM note_template WHERE deleted_at IS NULL"
                + (withInactive ? "" : " AND active = 1") + " ORDER BY name COLLATE NOCASE");
    }

    /** The seed keys already present (seeded once; a clinic's edits are kept). */
    public Set<String> templateSeedKeys(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (var ps = c.prepareStatement("SELECT seed_key FROM note_template WHERE seed_key IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<NoteTemplate> templates(Connection c, String sql, Object... args) throws SQLException {
        List<NoteTemplate> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NoteTemplate(Rows.uuid(rs, "id"), rs.getString("name"), kinds(rs.getString("kinds")),
                            templateSections(rs.getString("sections")), rs.getString("seed_key"),
                            rs.getInt("active") == 1, rs.getLong("revision")));
                }
            }
        }
        return out;
    }

    // ---- notes ----

    public void insertNote(Connection c, Note n, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO note (id, visit_id, family_id, template_id, status, content, author_id,
                    created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, n.id(), n.visitId(), n.familyId(), n.templateId(), n.status(), content(n.content()),
                    n.authorId(), s.time(), s.user(), s.time(), s.user(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, NOTE, n.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /** Saves an unsigned note's content; false when its revision is no longer {@code revision}. */
    public boolean updateContent(Connection c, UUID noteId, long revision, NoteContent content, WriteStamp s)
            throws SQLException {
        int n;
        try (var ps = c.prepareStatement("""
                UPDATE note SET content = ?, updated_at = ?, updated_by = ?, device_id = ?, hlc = ?,
                    revision = revision + 1
                WHERE id = ? AND revision = ? AND status IN ('DRAFT', 'RETURNED')""")) {
            Rows.bind(ps, content(content), s.time(), s.user(), s.device(), s.hlc(), noteId, revision);
            n = ps.executeUpdate();
        }
        if (n == 1) {
            ChangeLog.record(c, s, NOTE, noteId.toString(), List.of("content"));
        }
        return n == 1;
    }

    /** Records the author's signature: the new status (signed, or awaiting co-signature) and the content hash. */
    public boolean sign(Connection c, UUID noteId, long revision, NoteStatus status, String contentHash,
                        WriteStamp s) throws SQLException {
        int n;
        try (var ps = c.prepareStatement("""
                UPDATE note SET status = ?, signed_by = ?, signed_at = ?, content_hash = ?, updated_at = ?,
                    updated_by = ?, device_id = ?, hlc = ?, revision = revision + 1
                WHERE id = ? AND revision = ? AND status IN ('DRAFT', 'RETURNED')""")) {
            Rows.bind(ps, status, s.user(), s.time(), contentHash, s.time(), s.user(), s.device(), s.hlc(), noteId,
                    revision);
            n = ps.executeUpdate();
        }
        if (n == 1) {
            ChangeLog.record(c, s, NOTE, noteId.toString(), List.of("status", "signed_by", "signed_at",
                    "content_hash"));
        }
        return n == 1;
    }

    /** Records the supervisor's co-signature and what they attest. */
    public void cosign(Connection c, UUID noteId, String attestation, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                UPDATE note SET status = 'COSIGNED', cosigned_by = ?, cosigned_at = ?, attestation = ?, updated_at = ?,
                    updated_by = ?, device_id = ?, hlc = ?, revision = revision + 1
                WHERE id = ? AND status = 'AWAITING_COSIGN'""")) {
            Rows.bind(ps, s.user(), s.time(), attestation, s.time(), s.user(), s.device(), s.hlc(), noteId);
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, NOTE, noteId.toString(), List.of("status", "cosigned_by", "cosigned_at",
                "attestation"));
    }

    /** Returns a note awaiting its co-signature to its author: unsigned again, with the supervisor's comment. */
    public void returnToAuthor(Connection c, UUID noteId, String comment, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                UPDATE note SET status = 'RETURNED', signed_by = NULL, signed_at = NULL, content_hash = NULL,
                    return_comment = ?, updated_at = ?, updated_by = ?, device_id = ?, hlc = ?, revision = revision + 1
                WHERE id = ? AND status = 'AWAITING_COSIGN'""")) {
            Rows.bind(ps, comment, s.time(), s.user(), s.device(), s.hlc(), noteId);
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, NOTE, noteId.toString(), List.of("status", "signed_by", "signed_at", "content_hash",
                "return_comment"));
    }

    public void insertEvent(Connection c, NoteEvent e, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO note_event (id, note_id, kind, status, comment, content_hash, at, by_user, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, e.id(), e.noteId(), e.kind(), e.status(), e.comment(), e.contentHash(), e.at(), e.by(),
                    s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, NOTE, e.noteId().toString(), List.of("event:" + e.id()));
    }

    public void insertAddendum(Connection c, Addendum a, WriteStamp s) throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO note_addendum (id, note_id, text, signed_by, signed_at, created_at, created_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, a.id(), a.noteId(), a.text(), a.signature().userId(), a.signature().at(), s.time(),
                    s.user(), s.device(), s.hlc());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, NOTE, a.noteId().toString(), List.of("addendum:" + a.id()));
    }

    /** A note with its addenda and history. */
    public Optional<Note> find(Connection c, UUID id) throws SQLException {
        return full(c, notes(c, NOTE_SELECT + " WHERE n.id = ? AND n.deleted_at IS NULL", id));
    }

    /** The current note of a visit, with its addenda and history. */
    public Optional<Note> forVisit(Connection c, UUID visitId) throws SQLException {
        return full(c, notes(c, NOTE_SELECT + " WHERE n.visit_id = ? AND n.deleted_at IS NULL", visitId));
    }

    private Optional<Note> full(Connection c, List<Note> found) throws SQLException {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Note n = found.get(0);
        return Optional.of(new Note(n.id(), n.visitId(), n.familyId(), n.templateId(), n.status(), n.content(),
                n.authorId(), n.authorName(), n.signature(), n.contentHash(), n.cosignature(), n.attestation(),
                n.returnComment(), addenda(c, n.id()), events(c, n.id()), n.createdAt(), n.updatedAt(),
                n.revision()));
    }

    public List<Addendum> addenda(Connection c, UUID noteId) throws SQLException {
        List<Addendum> out = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                SELECT d.*, u.display_name FROM note_addendum d LEFT JOIN app_user u ON u.id = d.signed_by
                WHERE d.note_id = ? ORDER BY d.signed_at, d.hlc""")) {
            Rows.bind(ps, noteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Addendum(Rows.uuid(rs, "id"), Rows.uuid(rs, "note_id"), rs.getString("text"),
                            new Signature(Rows.uuid(rs, "signed_by"), rs.getString("display_name"),
                                    Rows.instant(rs, "signed_at"))));
                }
            }
        }
        return out;
    }

    public List<NoteEvent> events(Connection c, UUID noteId) throws SQLException {
        List<NoteEvent> out = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                SELECT e.*, u.display_name FROM note_event e LEFT JOIN app_user u ON u.id = e.by_user
                WHERE e.note_id = ? ORDER BY e.at, e.hlc""")) {
            Rows.bind(ps, noteId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NoteEvent(Rows.uuid(rs, "id"), Rows.uuid(rs, "note_id"),
                            Rows.enumOf(NoteEvent.Kind.class, rs, "kind"), Rows.enumOf(NoteStatus.class, rs, "status"),
                            Rows.uuid(rs, "by_user"), rs.getString("display_name"), Rows.instant(rs, "at"),
                            rs.getString("comment"), rs.getString("content_hash")));
                }
            }
        }
        return out;
    }

    private static List<Note> notes(Connection c, String sql, Object... args) throws SQLException {
        List<Note> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Note(Rows.uuid(rs, "id"), Rows.uuid(rs, "visit_id"), Rows.uuid(rs, "family_id"),
                            Rows.uuid(rs, "template_id"), Rows.enumOf(NoteStatus.class, rs, "status"),
                            content(rs.getString("content")), Rows.uuid(rs, "author_id"), rs.getString("author_name"),
                            signature(rs, "signed_by", "signed_name", "signed_at"), rs.getString("content_hash"),
                            signature(rs, "cosigned_by", "cosigned_name", "cosigned_at"), rs.getString("attestation"),
                            rs.getString("return_comment"), List.of(), List.of(), Rows.instant(rs, "created_at"),
                            Rows.instant(rs, "updated_at"), rs.getLong("revision")));
                }
            }
        }
        return out;
    }

    private static Signature signature(ResultSet rs, String by, String name, String at) throws SQLException {
        UUID user = Rows.uuid(rs, by);
        Instant when = Rows.instant(rs, at);
        return user == null || when == null ? null : new Signature(user, rs.getString(name), when);
    }

    // ---- lists ----

    /** A family's notes, newest visit first. */
    public List<NoteSummary> forFamily(Connection c, UUID familyId) throws SQLException {
        return summaries(c, SUMMARY_SELECT
                + " WHERE n.family_id = ? AND n.deleted_at IS NULL ORDER BY v.visit_date DESC, n.created_at DESC",
                familyId);
    }

    /** The most recently changed notes, newest first, at most {@code limit}. */
    public List<NoteSummary> recent(Connection c, int limit) throws SQLException {
        return summaries(c, SUMMARY_SELECT + " WHERE n.deleted_at IS NULL ORDER BY n.updated_at DESC LIMIT ?", limit);
    }

    /** An author's unsigned notes (drafts and returned ones), oldest visit first. */
    public List<NoteSummary> unsigned(Connection c, UUID authorId) throws SQLException {
        return summaries(c, SUMMARY_SELECT + " WHERE n.author_id = ? AND n.status IN ('DRAFT', 'RETURNED')"
                + " AND n.deleted_at IS NULL ORDER BY v.visit_date, n.created_at", authorId);
    }

    /** Notes awaiting a co-signature whose authors this supervisor supervises, longest waiting first. */
    public List<NoteSummary> awaitingCosign(Connection c, UUID supervisorId) throws SQLException {
        return summaries(c, SUMMARY_SELECT + " WHERE n.status = 'AWAITING_COSIGN' AND n.deleted_at IS NULL"
                + " AND a.supervisor_id = ? ORDER BY n.signed_at", supervisorId);
    }

    private static List<NoteSummary> summaries(Connection c, String sql, Object... args) throws SQLException {
        List<NoteSummary> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NoteSummary(Rows.uuid(rs, "id"), Rows.uuid(rs, "visit_id"), Rows.uuid(rs, "family_id"),
                            rs.getString("child_name"), Rows.date(rs, "visit_date"),
                            Rows.enumOf(VisitKind.class, rs, "kind"), Rows.enumOf(NoteStatus.class, rs, "status"),
                            Rows.uuid(rs, "author_id"), rs.getString("author_name"), Rows.instant(rs, "updated_at")));
                }
            }
        }
        return out;
    }

    // ---- encoding ----

    private static String kinds(Set<VisitKind> kinds) {
        return kinds.stream().map(Enum::name).collect(Collectors.joining(" "));
    }

    private static Set<VisitKind> kinds(String text) {
        Set<VisitKind> out = EnumSet.noneOf(VisitKind.class);
        if (text != null && !text.isBlank()) {
            for (String k : text.trim().split("\\s+")) {
                out.add(VisitKind.valueOf(k));
            }
        }
        return out;
    }

    private static String sections(List<TemplateSection> sections) {
        ArrayNode a = JSON.createArrayNode();
        for (TemplateSection s : sections) {
            a.addObject().put("key", s.key()).put("heading", s.heading()).put("prompt", s.prompt())
                    .put("fill", s.fill().name());
        }
        return a.toString();
    }

    private static List<TemplateSection> templateSections(String json) {
        List<TemplateSection> out = new ArrayList<>();
        for (JsonNode s : read(json)) {
            out.add(new TemplateSection(s.path("key").asText(), s.path("heading").asText(), s.path("prompt").asText(),
                    SectionFill.valueOf(s.path("fill").asText(SectionFill.NONE.name()))));
        }
        return out;
    }

    /** The content as stored: {"sections": [...], "concerns": [...], ..., "mandatedReport": {...} or absent}. */
    static String content(NoteContent content) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode sections = o.putArray("sections");
        for (NoteSection s : content.sections()) {
            sections.addObject().put("key", s.key()).put("heading", s.heading()).put("fill", s.fill().name())
                    .put("text", s.text());
        }
        ArrayNode concerns = o.putArray("concerns");
        content.concerns().forEach(x -> concerns.add(x.name()));
        o.put("concernText", content.concernText());
        ArrayNode interventions = o.putArray("interventions");
        content.interventions().forEach(x -> interventions.add(x.name()));
        ArrayNode referrals = o.putArray("referrals");
        content.referralIds().forEach(x -> referrals.add(x.toString()));
        MandatedReport r = content.mandatedReport();
        if (r != null) {
            o.putObject("mandatedReport").put("madeAt", r.madeAt().toString()).put("agency", r.agency())
                    .put("reference", r.reference());
        }
        o.put("confidential", content.confidential());
        return o.toString();
    }

    static NoteContent content(String json) {
        JsonNode o = read(json);
        List<NoteSection> sections = new ArrayList<>();
        for (JsonNode s : o.path("sections")) {
            sections.add(new NoteSection(s.path("key").asText(), s.path("heading").asText(),
                    SectionFill.valueOf(s.path("fill").asText(SectionFill.NONE.name())), s.path("text").asText()));
        }
        Set<PresentingConcern> concerns = EnumSet.noneOf(PresentingConcern.class);
        o.path("concerns").forEach(x -> concerns.add(PresentingConcern.valueOf(x.asText())));
        Set<Intervention> interventions = EnumSet.noneOf(Intervention.class);
        o.path("interventions").forEach(x -> interventions.add(Intervention.valueOf(x.asText())));
        List<UUID> referrals = new ArrayList<>();
        o.path("referrals").forEach(x -> referrals.add(UUID.fromString(x.asText())));
        JsonNode r = o.path("mandatedReport");
        MandatedReport report = r.isObject() ? new MandatedReport(Instant.parse(r.path("madeAt").asText()),
                r.path("agency").asText(), r.path("reference").asText()) : null;
        return new NoteContent(sections, concerns, o.path("concernText").asText(), interventions, referrals, report,
                o.path("confidential").asText());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored note unreadable", e);
        }
    }
}
