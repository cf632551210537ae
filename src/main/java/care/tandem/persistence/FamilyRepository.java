package care.tandem.persistence;

import care.tandem.domain.family.ContactPreferences;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.MemberKind;
import care.tandem.domain.family.RecordStamp;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.SearchTerms;
import care.tandem.domain.family.Sex;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Households and their members. Saving compares with the stored record and writes only the changed
 * columns, logging their names in the change log; a member left out of a saved family is tombstoned.
 */
public final class FamilyRepository {
    static final String FAMILY = "family";
    static final String PERSON = "person";

    private static final List<String> PERSON_COLUMNS = List.of(
            "kind", "position", "given_name", "family_name", "birth_date", "sex", "preferred_language",
            "interpreter_needed", "relationship", "phone", "ok_to_call", "ok_to_text", "ok_to_leave_message",
            "may_consent", "restricted", "medi_cal_id", "notes");
    private static final List<String> FAMILY_COLUMNS = List.of(
            "protective_order", "restriction_note", "notes", "synthetic");

    /**
     * Saves a new or changed family in the caller's transaction.
     *
     * @throws ProblemException RECORD_CHANGED_ELSEWHERE when the family was saved by someone else since it
     *                          was read (its revision moved on), NOT_FOUND when it no longer exists
     */
    public void save(Connection c, Family family, WriteStamp stamp) throws SQLException {
        if (family.isNew()) {
            insertFamily(c, family, stamp);
        } else {
            StoredFamily stored = loadRow(c, family.id().toString())
                    .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            if (stored.deleted || stored.revision != family.stamp().revision()) {
                throw new ProblemException(Problem.RECORD_CHANGED_ELSEWHERE);
            }
            List<String> changed = diff(stored.values, familyValues(family));
            boolean membersChanged = saveMembers(c, family, stamp);
            if (!changed.isEmpty() || membersChanged) {
                update(c, FAMILY, family.id().toString(), familyValues(family), changed, stamp);
                ChangeLog.record(c, stamp, FAMILY, family.id().toString(), changed);
            }
        }
        index(c, family.id().toString());
    }

    /** Inserts many new families in the caller's transaction, reusing statements (demo data, imports). */
    public void insertAll(Connection c, Collection<Family> families, WriteStamp stamp) throws SQLException {
        try (var familyInsert = c.prepareStatement(familyInsertSql());
             var personInsert = c.prepareStatement(personInsertSql());
             var log = c.prepareStatement(
                     "INSERT INTO change_log (hlc, device_id, user_id, entity, entity_id, fields) VALUES (?, ?, ?, ?, ?, ?)");
             var search = c.prepareStatement("INSERT INTO family_search (rowid, terms) VALUES (?, ?)")) {
            for (Family f : families) {
                bindFamilyInsert(familyInsert, f, stamp);
                familyInsert.executeUpdate();
                long seq;
                try (ResultSet keys = familyInsert.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
                Rows.bind(log, stamp.hlc(), stamp.device(), stamp.user(), FAMILY, f.id().toString(), ChangeLog.ALL_FIELDS);
                log.addBatch();
                int position = 0;
                for (Member m : f.members()) {
                    bindPersonInsert(personInsert, f.id().toString(), m, position++, stamp);
                    personInsert.addBatch();
                    Rows.bind(log, stamp.hlc(), stamp.device(), stamp.user(), PERSON, m.id().toString(), ChangeLog.ALL_FIELDS);
                    log.addBatch();
                }
                Rows.bind(search, seq, String.join(" ", SearchTerms.indexTerms(f)));
                search.addBatch();
            }
            personInsert.executeBatch();
            log.executeBatch();
            search.executeBatch();
        }
    }

    public Optional<Family> find(Connection c, UUID id) throws SQLException {
        List<Family> found = load(c, List.of(id.toString()));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Live families matching every group of prefix terms (each group: any of its terms), at most
     * {@code limit}, ordered by the first child's name.
     */
    public List<Family> search(Connection c, List<List<String>> groups, int limit) throws SQLException {
        if (groups.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                SELECT f.id FROM family_search s JOIN family f ON f.seq = s.rowid
                WHERE family_search MATCH ? AND f.deleted_at IS NULL LIMIT ?""")) {
            Rows.bind(ps, ftsQuery(groups), limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        List<Family> families = new ArrayList<>(load(c, ids));
        families.sort(java.util.Comparator.comparing(FamilyRepository::sortKey));
        return families;
    }

    /** The most recently changed live families, newest first. */
    public List<Family> recent(Connection c, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (var ps = c.prepareStatement(
                "SELECT id FROM family WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT ?")) {
            Rows.bind(ps, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return load(c, ids);
    }

    /** Live families other than {@code excludeFamily} with a member born on {@code birthDate}. */
    public List<Family> withMemberBornOn(Connection c, LocalDate birthDate, UUID excludeFamily) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                SELECT DISTINCT p.family_id FROM person p JOIN family f ON f.id = p.family_id
                WHERE p.birth_date = ? AND p.deleted_at IS NULL AND f.deleted_at IS NULL AND p.family_id <> ?""")) {
            Rows.bind(ps, birthDate, excludeFamily);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return load(c, ids);
    }

    /** Tombstones {@code merged} as merged into {@code kept}, and the listed persons as merged into others. */
    public void markMerged(Connection c, UUID merged, UUID kept, Map<UUID, UUID> personMergedInto, WriteStamp stamp)
            throws SQLException {
        tombstone(c, FAMILY, merged.toString(), kept, stamp);
        for (var e : personMergedInto.entrySet()) {
            tombstone(c, PERSON, e.getKey().toString(), e.getValue(), stamp);
        }
        index(c, merged.toString());
    }

    /** Number of live families; also tells whether a data folder holds any records. */
    public long count(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM family WHERE deleted_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Number of live families not made by the demo generator. */
    public long countReal(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM family WHERE synthetic = 0");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    // ---- writing ----------------------------------------------------------------------------------

    private void insertFamily(Connection c, Family f, WriteStamp stamp) throws SQLException {
        try (var ps = c.prepareStatement(familyInsertSql())) {
            bindFamilyInsert(ps, f, stamp);
            ps.executeUpdate();
        }
        ChangeLog.record(c, stamp, FAMILY, f.id().toString(), List.of(ChangeLog.ALL_FIELDS));
        int position = 0;
        for (Member m : f.members()) {
            insertPerson(c, f.id().toString(), m, position++, stamp);
        }
    }

    private static String familyInsertSql() {
        return "INSERT INTO family (id, " + String.join(", ", FAMILY_COLUMNS)
                + ", created_at, created_by, updated_at, updated_by, device_id, hlc) VALUES (?, "
                + "?, ".repeat(FAMILY_COLUMNS.size()) + "?, ?, ?, ?, ?, ?)";
    }

    private static void bindFamilyInsert(PreparedStatement ps, Family f, WriteStamp stamp) throws SQLException {
        List<Object> values = new ArrayList<>();
        values.add(f.id());
        values.addAll(familyValues(f).values());
        values.addAll(List.of(stamp.time(), stamp.user(), stamp.time(), stamp.user(),
                stamp.device(), stamp.hlc()));
        Rows.bind(ps, values.toArray());
    }

    private static String personInsertSql() {
        return "INSERT INTO person (id, family_id, " + String.join(", ", PERSON_COLUMNS)
                + ", created_at, created_by, updated_at, updated_by, device_id, hlc) VALUES (?, ?, "
                + "?, ".repeat(PERSON_COLUMNS.size()) + "?, ?, ?, ?, ?, ?)";
    }

    private static void bindPersonInsert(PreparedStatement ps, String familyId, Member m, int position, WriteStamp stamp)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        values.add(m.id());
        values.add(familyId);
        values.addAll(personValues(m, position).values());
        values.addAll(List.of(stamp.time(), stamp.user(), stamp.time(), stamp.user(),
                stamp.device(), stamp.hlc()));
        Rows.bind(ps, values.toArray());
    }

    private void insertPerson(Connection c, String familyId, Member m, int position, WriteStamp stamp)
            throws SQLException {
        try (var ps = c.prepareStatement(personInsertSql())) {
            bindPersonInsert(ps, familyId, m, position, stamp);
            ps.executeUpdate();
        }
        ChangeLog.record(c, stamp, PERSON, m.id().toString(), List.of(ChangeLog.ALL_FIELDS));
    }

    /** Inserts, updates, moves in or tombstones members; true if anything changed. */
    private boolean saveMembers(Connection c, Family f, WriteStamp stamp) throws SQLException {
        String familyId = f.id().toString();
        Map<String, StoredPerson> stored = loadPersons(c, "family_id = ? AND deleted_at IS NULL", familyId);
        boolean changed = false;
        int position = 0;
        for (Member m : f.members()) {
            String id = m.id().toString();
            Map<String, Object> values = personValues(m, position++);
            StoredPerson before = stored.remove(id);
            if (before == null) {
                before = loadPersons(c, "id = ?", id).get(id);
            }
            if (before == null) {
                insertPerson(c, familyId, m, position - 1, stamp);
                changed = true;
                continue;
            }
            List<String> fields = new ArrayList<>(diff(before.values, values));
            if (!familyId.equals(before.familyId)) {
                fields.add("family_id");
                values.put("family_id", familyId);
            }
            if (!fields.isEmpty()) {
                update(c, PERSON, id, values, fields, stamp);
                ChangeLog.record(c, stamp, PERSON, id, fields);
                changed = true;
            }
        }
        for (String removed : stored.keySet()) {
            tombstone(c, PERSON, removed, null, stamp);
            changed = true;
        }
        return changed;
    }

    /** Marks a record deleted (and, for a merge, into which record), logging the changed fields. */
    private static void tombstone(Connection c, String table, String id, UUID mergedInto, WriteStamp stamp)
            throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("deleted_at", stamp.time());
        if (mergedInto != null) {
            values.put("merged_into", mergedInto);
        }
        List<String> fields = List.copyOf(values.keySet());
        update(c, table, id, values, fields, stamp);
        ChangeLog.record(c, stamp, table, id, fields);
    }

    private static void update(Connection c, String table, String id, Map<String, Object> values,
                               List<String> fields, WriteStamp stamp) throws SQLException {
        String sets = fields.stream().map(f -> f + " = ?, ").collect(Collectors.joining());
        try (var ps = c.prepareStatement("UPDATE " + table + " SET " + sets
                + "updated_at = ?, updated_by = ?, device_id = ?, hlc = ?, revision = revision + 1 WHERE id = ?")) {
            List<Object> args = new ArrayList<>();
            for (String f : fields) {
                args.add(values.get(f));
            }
            args.addAll(List.of(stamp.time(), stamp.user(), stamp.device(), stamp.hlc(), id));
            Rows.bind(ps, args.toArray());
            ps.executeUpdate();
        }
    }

    private void index(Connection c, String familyId) throws SQLException {
        Optional<Long> seq = Optional.empty();
        boolean live = false;
        try (var ps = c.prepareStatement("SELECT seq, deleted_at IS NULL FROM family WHERE id = ?")) {
            Rows.bind(ps, familyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = Optional.of(rs.getLong(1));
                    live = rs.getBoolean(2);
                }
            }
        }
        if (seq.isEmpty()) {
            return;
        }
        try (var ps = c.prepareStatement("DELETE FROM family_search WHERE rowid = ?")) {
            Rows.bind(ps, seq.get());
            ps.executeUpdate();
        }
        if (live) {
            Family f = load(c, List.of(familyId)).get(0);
            try (var ps = c.prepareStatement("INSERT INTO family_search (rowid, terms) VALUES (?, ?)")) {
                Rows.bind(ps, seq.get(), String.join(" ", SearchTerms.indexTerms(f)));
                ps.executeUpdate();
            }
        }
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** Families in the order they were added, a page at a time: those after {@code afterSeq} (0 for the first). */
    public record Page(List<Family> families, long lastSeq) {
    }

    /** The next page of families (not merged away) for a full pass over the registry, such as an export. */
    public Page page(Connection c, long afterSeq, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        long last = afterSeq;
        try (var ps = c.prepareStatement(
                "SELECT seq, id FROM family WHERE seq > ? AND deleted_at IS NULL ORDER BY seq LIMIT ?")) {
            Rows.bind(ps, afterSeq, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    ids.add(rs.getString(2));
                }
            }
        }
        return new Page(load(c, ids), last);
    }

    private List<Family> load(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        Map<String, List<Member>> members = new HashMap<>();
        try (var ps = c.prepareStatement("SELECT * FROM person WHERE family_id IN (" + in
                + ") AND deleted_at IS NULL ORDER BY family_id, position")) {
            Rows.bind(ps, ids.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.computeIfAbsent(rs.getString("family_id"), k -> new ArrayList<>()).add(member(rs));
                }
            }
        }
        Map<String, Family> byId = new HashMap<>();
        try (var ps = c.prepareStatement("SELECT * FROM family WHERE id IN (" + in + ") AND deleted_at IS NULL")) {
            Rows.bind(ps, ids.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    byId.put(id, new Family(UUID.fromString(id), members.getOrDefault(id, List.of()),
                            rs.getBoolean("protective_order"), rs.getString("restriction_note"),
                            rs.getString("notes"), rs.getBoolean("synthetic"), stamp(rs)));
                }
            }
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(Rows.uuid(rs, "id"), Rows.enumOf(MemberKind.class, rs, "kind"),
                rs.getString("given_name"), rs.getString("family_name"), Rows.date(rs, "birth_date"),
                Rows.enumOf(Sex.class, rs, "sex"), rs.getString("preferred_language"),
                rs.getBoolean("interpreter_needed"), Rows.enumOf(Relationship.class, rs, "relationship"),
                rs.getString("phone"),
                new ContactPreferences(rs.getBoolean("ok_to_call"), rs.getBoolean("ok_to_text"),
                        rs.getBoolean("ok_to_leave_message")),
                rs.getBoolean("may_consent"), rs.getBoolean("restricted"), rs.getString("medi_cal_id"),
                rs.getString("notes"));
    }

    private static RecordStamp stamp(ResultSet rs) throws SQLException {
        return new RecordStamp(Rows.instant(rs, "created_at"), Rows.uuid(rs, "created_by"),
                Rows.instant(rs, "updated_at"), Rows.uuid(rs, "updated_by"), Rows.uuid(rs, "device_id"),
                rs.getString("hlc"), rs.getLong("revision"));
    }

    private record StoredFamily(Map<String, Object> values, long revision, boolean deleted) {
    }

    private record StoredPerson(String familyId, Map<String, Object> values) {
    }

    private Optional<StoredFamily> loadRow(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT * FROM family WHERE id = ?")) {
            Rows.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (String col : FAMILY_COLUMNS) {
                    values.put(col, rs.getObject(col));
                }
                return Optional.of(new StoredFamily(values, rs.getLong("revision"), rs.getString("deleted_at") != null));
            }
        }
    }

    private Map<String, StoredPerson> loadPersons(Connection c, String where, String arg) throws SQLException {
        Map<String, StoredPerson> result = new LinkedHashMap<>();
        try (var ps = c.prepareStatement("SELECT * FROM person WHERE " + where)) {
            Rows.bind(ps, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (String col : PERSON_COLUMNS) {
                        values.put(col, rs.getObject(col));
                    }
                    result.put(rs.getString("id"), new StoredPerson(rs.getString("family_id"), values));
                }
            }
        }
        return result;
    }

    // ---- mapping ----------------------------------------------------------------------------------

    private static Map<String, Object> familyValues(Family f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("protective_order", f.protectiveOrder());
        v.put("restriction_note", f.restrictionNote());
        v.put("notes", f.notes());
        v.put("synthetic", f.synthetic());
        return v;
    }

    private static Map<String, Object> personValues(Member m, int position) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", m.kind());
        v.put("position", position);
        v.put("given_name", m.givenName());
        v.put("family_name", m.familyName());
        v.put("birth_date", m.birthDate());
        v.put("sex", m.sex());
        v.put("preferred_language", m.preferredLanguage());
        v.put("interpreter_needed", m.interpreterNeeded());
        v.put("relationship", m.relationship());
        v.put("phone", m.phone());
        v.put("ok_to_call", m.contact().okToCall());
        v.put("ok_to_text", m.contact().okToText());
        v.put("ok_to_leave_message", m.contact().okToLeaveMessage());
        v.put("may_consent", m.mayConsent());
        v.put("restricted", m.restricted());
        v.put("medi_cal_id", m.mediCalId());
        v.put("notes", m.notes());
        return v;
    }

    /** Columns whose stored value differs from the new one, compared as SQLite stores them. */
    private static List<String> diff(Map<String, Object> stored, Map<String, Object> next) {
        List<String> changed = new ArrayList<>();
        for (var e : next.entrySet()) {
            if (!Objects.equals(asStored(stored.get(e.getKey())), asStored(e.getValue()))) {
                changed.add(e.getKey());
            }
        }
        return changed;
    }

    private static String asStored(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    private static String sortKey(Family f) {
        return f.members().isEmpty() ? "" : care.tandem.domain.family.SearchText.normalize(
                f.members().get(0).familyName() + " " + f.members().get(0).givenName());
    }

    static String ftsQuery(List<List<String>> groups) {
        return groups.stream()
                .map(g -> g.stream().map(t -> "\"" + t.replace("\"", "\"\"") + "\"*")
                        .collect(Collectors.joining(" OR ", "(", ")")))
                .collect(Collectors.joining(" AND "));
    }
}
