package care.tandem.persistence;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.sync.FieldMerge;
import care.tandem.domain.sync.Knowledge;
import care.tandem.domain.sync.PackageInfo;
import care.tandem.domain.sync.SyncConflict;
import care.tandem.domain.sync.SyncRecord;
import care.tandem.domain.sync.SyncRecord.LogEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads what changed for a sync package, and merges a package's records into this laptop's database (ADR 0009).
 *
 * <p>A record's per-field versions are the stamps of its change-log entries (ADR 0002): a field's version is the
 * newest entry naming it (or {@code *}, or a name that is not a column, which may have touched anything). When a
 * record is taken in from a package, the entries of the versions taken are appended to this laptop's change log
 * under their own stamps, so that the versions agree on every laptop and the next package passes them on.
 */
public final class SyncStore {
    static final String SENT_LOG = "sync.sent_log_seq";
    static final String SENT_ROWID = "sync.sent_rowid.";
    static final String PACKAGE_SEQ = "sync.package_seq";
    static final String OWN_NEWEST = "sync.own_newest_hlc";
    /** The folder this laptop syncs through, remembered (install_meta). */
    public static final String FOLDER = "sync.folder";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFLICT = "sync_conflict";

    private final FamilyRepository families;
    private final Map<String, List<String>> columns = new ConcurrentHashMap<>();

    public SyncStore(FamilyRepository families) {
        this.families = families;
    }

    /** Receives a package's records as they are read from the database. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(SyncRecord r) throws IOException;
    }

    /** How far a package reaches: the change log's last entry and each append-only table's last row. */
    public record Marks(long logSeq, Map<String, Long> rowids) {
        public Marks {
            rowids = Map.copyOf(rowids);
        }
    }

    // ---- writing a package ---------------------------------------------------------------------------

    /** Where this laptop's database stands now. */
    public Marks current(Connection c) throws SQLException {
        Map<String, Long> rowids = new HashMap<>();
        for (SyncTables.Table t : SyncTables.ALL) {
            if (t.kind() == SyncTables.Kind.APPEND) {
                rowids.put(t.name(), longOf(c, "SELECT coalesce(max(rowid), 0) FROM " + t.name()));
            }
        }
        return new Marks(longOf(c, "SELECT coalesce(max(seq), 0) FROM change_log"), rowids);
    }

    /** Where this laptop's last package reached (nothing before its first). */
    public Marks sent(Connection c) throws SQLException {
        InstallRepository meta = new InstallRepository();
        Map<String, Long> rowids = new HashMap<>();
        for (SyncTables.Table t : SyncTables.ALL) {
            if (t.kind() == SyncTables.Kind.APPEND) {
                rowids.put(t.name(), meta.meta(c, SENT_ROWID + t.name()).map(Long::parseLong).orElse(0L));
            }
        }
        return new Marks(meta.meta(c, SENT_LOG).map(Long::parseLong).orElse(0L), rowids);
    }

    /** Whether anything changed between two marks. */
    public boolean changed(Marks from, Marks to) {
        return to.logSeq() > from.logSeq()
                || to.rowids().entrySet().stream()
                .anyMatch(e -> e.getValue() > from.rowids().getOrDefault(e.getKey(), 0L));
    }

    /** The number of this laptop's last package (0 before its first). */
    public long packageSeq(Connection c) throws SQLException {
        return new InstallRepository().meta(c, PACKAGE_SEQ).map(Long::parseLong).orElse(0L);
    }

    /**
     * The newest stamp of this laptop's own changes: kept at each package (so that knowing it never scans the whole
     * change log), and the log read only past the last package.
     */
    private static String ownNewest(Connection c, UUID me) throws SQLException {
        InstallRepository meta = new InstallRepository();
        String kept = meta.meta(c, OWN_NEWEST).orElse(null);
        long sent = meta.meta(c, SENT_LOG).map(Long::parseLong).orElse(0L);
        try (var ps = c.prepareStatement("SELECT max(hlc) FROM change_log WHERE seq > ? AND device_id = ?")) {
            Rows.bind(ps, sent, me);
            try (ResultSet rs = ps.executeQuery()) {
                String since = rs.next() ? rs.getString(1) : null;
                if (kept == null || (since != null && since.compareTo(kept) > 0)) {
                    return since;
                }
                return kept;
            }
        }
    }

    /** Records that a package numbered {@code seq} reaching {@code to} was written by laptop {@code me}. */
    public void markSent(Connection c, Marks to, long seq, UUID me) throws SQLException {
        InstallRepository meta = new InstallRepository();
        String own = ownNewest(c, me);
        if (own != null) {
            meta.putMeta(c, OWN_NEWEST, own);
        }
        meta.putMeta(c, SENT_LOG, Long.toString(to.logSeq()));
        for (var e : to.rowids().entrySet()) {
            meta.putMeta(c, SENT_ROWID + e.getKey(), Long.toString(e.getValue()));
        }
        meta.putMeta(c, PACKAGE_SEQ, Long.toString(seq));
    }

    /**
     * Streams every record that changed between {@code from} and {@code to}, here or by a package read here, with
     * its current values and its change-log entries, parents first.
     *
     * @return the number of records
     */
    public int stream(Connection c, Marks from, Marks to, RecordSink sink) throws SQLException, IOException {
        int n = 0;
        for (SyncTables.Table t : SyncTables.ALL) {
            List<String> cols = synced(c, t);
            String select = cols.stream().collect(Collectors.joining(", "));
            if (t.kind() == SyncTables.Kind.APPEND) {
                try (var ps = c.prepareStatement("SELECT " + select + " FROM " + t.name()
                        + " WHERE rowid > ? AND rowid <= ? ORDER BY rowid")) {
                    Rows.bind(ps, from.rowids().getOrDefault(t.name(), 0L), to.rowids().getOrDefault(t.name(), 0L));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sink.accept(new SyncRecord(t.name(), values(rs), List.of(), List.of()));
                            n++;
                        }
                    }
                }
                continue;
            }
            try (var ps = c.prepareStatement("SELECT " + select + " FROM " + t.name() + " WHERE " + t.key()
                    + " IN (SELECT entity_id FROM change_log WHERE entity = ? AND seq > ? AND seq <= ?)");
                 var log = c.prepareStatement("SELECT hlc, user_id, fields FROM change_log"
                         + " WHERE entity_id = ? AND entity = ? AND seq <= ? ORDER BY seq");
                 var kids = t.childTable() == null ? null : c.prepareStatement(
                         "SELECT * FROM " + t.childTable() + " WHERE " + t.childKey() + " = ?")) {
                Rows.bind(ps, t.name(), from.logSeq(), to.logSeq());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> v = values(rs);
                        String id = String.valueOf(v.get(t.key()));
                        Rows.bind(log, id, t.name(), to.logSeq());
                        List<LogEntry> entries = entries(log);
                        List<Map<String, Object>> children = List.of();
                        if (kids != null) {
                            Rows.bind(kids, id);
                            children = rows(kids);
                        }
                        sink.accept(new SyncRecord(t.name(), v, entries, children));
                        n++;
                    }
                }
            }
        }
        return n;
    }

    // ---- applying a package --------------------------------------------------------------------------

    /** What applying one package needs and counts. */
    public static final class Apply {
        private final Knowledge sender;
        private final Knowledge mine;
        private final WriteStamp stamp;
        private final Set<String> touchedFamilies = new HashSet<>();
        private int records;
        private int conflicts;
        private Statements statements;

        /**
         * @param sender what the package's writer held
         * @param mine   what this laptop held before reading it
         * @param stamp  for the conflicts this package raises (a local change, later than every stamp in it)
         */
        public Apply(Knowledge sender, Knowledge mine, WriteStamp stamp) {
            this.sender = sender;
            this.mine = mine;
            this.stamp = stamp;
        }

        /** Records inserted or changed here. */
        public int records() {
            return records;
        }

        /** Conflicts raised. */
        public int conflicts() {
            return conflicts;
        }
    }

    /**
     * Opens the guard under which the lifecycle triggers let a package's records in (V007), and defers foreign-key
     * checks to the end of the transaction. Call inside the transaction that applies the package.
     */
    public void beginApply(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("PRAGMA defer_foreign_keys = ON");
            s.execute("INSERT INTO sync_guard (applying) VALUES (1)");
        }
    }

    /** Lets go of what applying a package held (after a failure; {@link #endApply} does it otherwise). */
    public void release(Apply a) {
        if (a != null && a.statements != null) {
            try {
                a.statements.close();
            } catch (SQLException ignored) {
                // The transaction is already rolled back; closing the connection finalizes what is left.
            }
            a.statements = null;
        }
    }

    /** Rebuilds the search terms of the families the package changed and closes the guard. */
    public void endApply(Connection c, Apply a) throws SQLException {
        if (a.statements != null) {
            a.statements.close();
            a.statements = null;
        }
        for (String family : a.touchedFamilies) {
            families.index(c, family);
        }
        try (var s = c.createStatement()) {
            s.execute("DELETE FROM sync_guard");
        }
    }

    /**
     * Merges one record of a package.
     *
     * @throws ProblemException SYNC_PACKAGE_NEWER when the record names a table or column this version does not have
     */
    public void apply(Connection c, SyncRecord r, Apply a) throws SQLException {
        SyncTables.Table t = SyncTables.named(r.table())
                .orElseThrow(() -> new ProblemException(Problem.SYNC_PACKAGE_NEWER));
        List<String> cols = synced(c, t);
        if (!cols.containsAll(r.values().keySet()) || r.values().get(t.key()) == null) {
            throw new ProblemException(Problem.SYNC_PACKAGE_NEWER);
        }
        Map<String, Object> remote = normalised(r.values());
        String id = String.valueOf(remote.get(t.key()));
        if (a.statements == null) {
            a.statements = new Statements(c);
        }
        Statements st = a.statements;
        if (t.kind() == SyncTables.Kind.APPEND) {
            if (insert(st, t.name(), remote, " ON CONFLICT DO NOTHING") > 0) {
                a.records++;
            }
            return;
        }
        Optional<Map<String, Object>> local = row(st, c, t, id);
        if (local.isEmpty()) {
            insert(st, t.name(), remote, "");
            insertChildren(st, c, t, r.children());
            for (LogEntry e : r.log()) {
                taken(st, e.hlc(), e.user(), t.name(), id, e.fields());
            }
            a.records++;
            touched(c, t, remote, a);
            return;
        }
        List<LogEntry> mine = localEntries(st, t.name(), id);
        boolean changed = t.kind() == SyncTables.Kind.ROW
                ? mergeRow(c, t, id, local.get(), mine, remote, r, a)
                : mergeFields(c, t, id, local.get(), mine, remote, r.log(), a);
        if (changed) {
            a.records++;
            touched(c, t, remote, a);
            touched(c, t, local.get(), a); // a member moved to another family leaves the old one's search terms
        }
    }

    private boolean mergeRow(Connection c, SyncTables.Table t, String id, Map<String, Object> local,
                             List<LogEntry> localLog, Map<String, Object> remote, SyncRecord r, Apply a)
            throws SQLException {
        String lv = newest(localLog);
        String rv = newest(r.log());
        if (rv.isEmpty()) {
            return false;
        }
        int lr = t.rank().applyAsInt(local);
        int rr = t.rank().applyAsInt(remote);
        FieldMerge.Decision d = FieldMerge.decide(lv, lr, rv, rr, a.sender, a.mine);
        if (d.concurrent()) {
            Map<String, Object> keptDiff = new TreeMap<>();
            Map<String, Object> otherDiff = new TreeMap<>();
            Map<String, Object> kept = d.takeRemote() ? remote : local;
            Map<String, Object> other = d.takeRemote() ? local : remote;
            for (String col : remote.keySet()) {
                if (!SyncTables.NO_CONFLICT.contains(col) && !Objects.equals(kept.get(col), other.get(col))) {
                    keptDiff.put(col, kept.get(col));
                    otherDiff.put(col, other.get(col));
                }
            }
            if (!keptDiff.isEmpty() && !CONFLICT.equals(t.name())) {
                List<LogEntry> keptLog = d.takeRemote() ? r.log() : localLog;
                List<LogEntry> otherLog = d.takeRemote() ? localLog : r.log();
                String keptHlc = d.takeRemote() ? rv : lv;
                String otherHlc = d.takeRemote() ? lv : rv;
                conflict(c, t.name(), id, SyncConflict.WHOLE_RECORD, json(keptDiff), keptHlc, userOf(keptLog, keptHlc),
                        json(otherDiff), otherHlc, userOf(otherLog, otherHlc), a);
            }
        }
        if (!d.takeRemote()) {
            return false;
        }
        Map<String, Object> set = new LinkedHashMap<>(remote);
        set.remove(t.key());
        update(c, t, id, set, true);
        if (t.childTable() != null) {
            try (var ps = c.prepareStatement("DELETE FROM " + t.childTable() + " WHERE " + t.childKey() + " = ?")) {
                Rows.bind(ps, id);
                ps.executeUpdate();
            }
            insertChildren(a.statements, c, t, r.children());
        }
        Set<String> have = localLog.stream().map(LogEntry::hlc).collect(Collectors.toSet());
        for (LogEntry e : r.log()) {
            if (have.add(e.hlc())) {
                taken(a.statements, e.hlc(), e.user(), t.name(), id, e.fields());
            }
        }
        return true;
    }

    private boolean mergeFields(Connection c, SyncTables.Table t, String id, Map<String, Object> local,
                                List<LogEntry> localLog, Map<String, Object> remote, List<LogEntry> remoteLog, Apply a)
            throws SQLException {
        Set<String> fields = new HashSet<>(synced(c, t));
        fields.removeAll(SyncTables.META);
        fields.remove(t.key());
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, List<String>> taken = new TreeMap<>();
        for (String col : remote.keySet()) {
            if (!fields.contains(col)) {
                continue;
            }
            String rv = version(remoteLog, col, fields);
            if (rv.isEmpty()) {
                continue;
            }
            String lv = version(localLog, col, fields);
            FieldMerge.Decision d = FieldMerge.decide(lv, 0, rv, 0, a.sender, a.mine);
            boolean differ = !Objects.equals(local.get(col), remote.get(col));
            if (d.concurrent() && differ && !SyncTables.NO_CONFLICT.contains(col)) {
                if (d.takeRemote()) {
                    conflict(c, t.name(), id, col, json(remote.get(col)), rv, userOf(remoteLog, rv),
                            json(local.get(col)), lv, userOf(localLog, lv), a);
                } else {
                    conflict(c, t.name(), id, col, json(local.get(col)), lv, userOf(localLog, lv),
                            json(remote.get(col)), rv, userOf(remoteLog, rv), a);
                }
            }
            if (d.takeRemote()) {
                if (differ) {
                    set.put(col, remote.get(col));
                }
                taken.computeIfAbsent(rv, k -> new ArrayList<>()).add(col);
            }
        }
        String localHlc = String.valueOf(local.get("hlc"));
        boolean newer = remote.get("hlc") != null && String.valueOf(remote.get("hlc")).compareTo(localHlc) > 0;
        if (newer) {
            for (String m : SyncTables.META) {
                if (remote.containsKey(m) && !Objects.equals(local.get(m), remote.get(m))) {
                    set.put(m, remote.get(m));
                }
            }
        }
        boolean valuesChanged = set.keySet().stream().anyMatch(fields::contains);
        if (!set.isEmpty()) {
            update(c, t, id, set, valuesChanged);
        }
        for (var e : taken.entrySet()) {
            taken(a.statements, e.getKey(), userOf(remoteLog, e.getKey()), t.name(), id,
                    String.join(",", e.getValue()));
        }
        return valuesChanged;
    }

    /** A field's version: the newest entry naming it, {@code *}, or a name that is not one of the fields. */
    static String version(List<LogEntry> log, String column, Set<String> fields) {
        String v = "";
        for (LogEntry e : log) {
            if (e.hlc().compareTo(v) <= 0) {
                continue;
            }
            for (String f : e.fields().split(",")) {
                if (f.equals(ChangeLog.NO_FIELDS)) {
                    continue;
                }
                if (f.equals(ChangeLog.ALL_FIELDS) || f.equals(column) || !fields.contains(f)) {
                    v = e.hlc();
                    break;
                }
            }
        }
        return v;
    }

    private static String newest(List<LogEntry> log) {
        String v = "";
        for (LogEntry e : log) {
            if (e.hlc().compareTo(v) > 0) {
                v = e.hlc();
            }
        }
        return v;
    }

    private static String userOf(List<LogEntry> log, String hlc) {
        for (LogEntry e : log) {
            if (e.hlc().equals(hlc)) {
                return e.user();
            }
        }
        return null;
    }

    private void conflict(Connection c, String entity, String id, String field, String keptValue, String keptHlc,
                          String keptBy, String otherValue, String otherHlc, String otherBy, Apply a)
            throws SQLException {
        String name = "tandem:conflict:" + entity + ":" + id + ":" + field + ":" + otherHlc;
        String conflictId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        WriteStamp s = a.stamp;
        int n;
        try (var ps = c.prepareStatement("""
                INSERT INTO sync_conflict (id, entity, entity_id, field, kept_value, kept_hlc, kept_by, other_value,
                    other_hlc, other_by, status, created_at, created_by, updated_at, updated_by, device_id, hlc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            Rows.bind(ps, conflictId, entity, id, field, keptValue, keptHlc, keptBy, otherValue, otherHlc, otherBy,
                    s.time(), s.user(), s.time(), s.user(), s.device(), s.hlc());
            n = ps.executeUpdate();
        }
        if (n > 0) {
            ChangeLog.record(c, s, CONFLICT, conflictId, List.of(ChangeLog.ALL_FIELDS));
            a.conflicts++;
        }
    }

    private void touched(Connection c, SyncTables.Table t, Map<String, Object> remote, Apply a) {
        if (t.name().equals(FamilyRepository.FAMILY)) {
            a.touchedFamilies.add(String.valueOf(remote.get("id")));
        } else if (t.name().equals(FamilyRepository.PERSON) && remote.get("family_id") != null) {
            a.touchedFamilies.add(String.valueOf(remote.get("family_id")));
        }
    }

    // ---- what this laptop knows and has read ---------------------------------------------------------

    /** Whether a package with this checksum was read here already. */
    public boolean applied(Connection c, String sha256) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sync_package WHERE sha256 = ?")) {
            Rows.bind(ps, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Records a package as read. */
    public void recordPackage(Connection c, String sha256, PackageInfo info, String fileName, Instant at)
            throws SQLException {
        try (var ps = c.prepareStatement("""
                INSERT INTO sync_package (sha256, device_id, seq, knowledge, file_name, applied_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            Rows.bind(ps, sha256, info.deviceId(), info.seq(), json(info.knowledge().asMap()), fileName, at);
            ps.executeUpdate();
        }
    }

    /**
     * What this laptop holds: every change it made itself, and for each laptop whose packages it has read without
     * a gap from the first, what that laptop held at its last such package.
     */
    public Knowledge knowledge(Connection c, UUID me) throws SQLException {
        Knowledge k = Knowledge.none();
        k = k.with(ownNewest(c, me));
        Map<String, Map<Long, String>> byDevice = new HashMap<>();
        try (var ps = c.prepareStatement("SELECT device_id, seq, knowledge FROM sync_package ORDER BY device_id, seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byDevice.computeIfAbsent(rs.getString(1), d -> new TreeMap<>()).put(rs.getLong(2), rs.getString(3));
            }
        }
        for (Map<Long, String> series : byDevice.values()) {
            String last = null;
            for (long seq = 1; series.containsKey(seq); seq++) {
                last = series.get(seq);
            }
            if (last != null) {
                k = k.merge(Knowledge.of(stringMap(last)));
            }
        }
        return k;
    }

    /** The highest package number of a laptop read here (0 for none). */
    public long lastSeqRead(Connection c, UUID device) throws SQLException {
        try (var ps = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM sync_package WHERE device_id = ?")) {
            Rows.bind(ps, device);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Whether this laptop holds any record of a clinic yet (a laptop that holds none may join one). */
    public boolean empty(Connection c) throws SQLException {
        return longOf(c, "SELECT count(*) FROM app_user") == 0 && longOf(c, "SELECT count(*) FROM clinic") == 0;
    }

    // ---- conflicts -----------------------------------------------------------------------------------

    public List<SyncConflict> conflicts(Connection c, boolean openOnly) throws SQLException {
        List<SyncConflict> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT * FROM sync_conflict"
                + (openOnly ? " WHERE status = 'OPEN'" : "") + " ORDER BY created_at, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(conflictOf(rs));
            }
        }
        return out;
    }

    public Optional<SyncConflict> conflict(Connection c, UUID id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT * FROM sync_conflict WHERE id = ?")) {
            Rows.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(conflictOf(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Resolves a conflict: for a field, writes the chosen value (JSON) as a new change of this laptop, which every
     * other laptop takes at its next sync; for a whole record, keeps what it holds. Either way the conflict stays,
     * marked resolved, with the choice.
     */
    public void resolve(Connection c, SyncConflict k, String chosenJson, WriteStamp s) throws SQLException {
        if (!k.wholeRecord() && chosenJson != null) {
            SyncTables.Table t = SyncTables.named(k.entity())
                    .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            Map<String, Object> row = row(c, t, k.entityId())
                    .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            Object chosen = parse(chosenJson);
            if (!Objects.equals(row.get(k.field()), chosen)) {
                Map<String, Object> set = new LinkedHashMap<>();
                set.put(k.field(), chosen);
                List<String> cols = synced(c, t);
                if (cols.contains("updated_at")) {
                    set.put("updated_at", s.time());
                }
                if (cols.contains("updated_by")) {
                    set.put("updated_by", s.user());
                }
                if (cols.contains("device_id")) {
                    set.put("device_id", s.device());
                }
                set.put("hlc", s.hlc());
                update(c, t, k.entityId(), set, true);
                ChangeLog.record(c, s, t.name(), k.entityId(), List.of(k.field()));
                Apply a = new Apply(Knowledge.none(), Knowledge.none(), s);
                touched(c, t, row, a);
                for (String family : a.touchedFamilies) {
                    families.index(c, family);
                }
            }
        }
        try (var ps = c.prepareStatement("""
                UPDATE sync_conflict SET status = 'RESOLVED', resolution = ?, resolved_by = ?, resolved_at = ?,
                    updated_at = ?, updated_by = ?, device_id = ?, hlc = ?, revision = revision + 1 WHERE id = ?""")) {
            Rows.bind(ps, chosenJson == null ? k.keptValue() : chosenJson, s.user(), s.time(), s.time(), s.user(),
                    s.device(), s.hlc(), k.id());
            ps.executeUpdate();
        }
        ChangeLog.record(c, s, CONFLICT, k.id().toString(), List.of("status", "resolution", "resolved_by",
                "resolved_at"));
    }

    /** The current value of a record's field, as JSON ({@code null} when the record is absent). */
    public String currentValue(Connection c, String entity, String entityId, String field) throws SQLException {
        Optional<SyncTables.Table> t = SyncTables.named(entity);
        if (t.isEmpty()) {
            return null;
        }
        return row(c, t.get(), entityId).map(r -> json(r.get(field))).orElse(null);
    }

    /**
     * A few words that tell a person which record a conflict is about (the family member's name, the visit's date),
     * or an empty string. Shown on the conflicts screen only, behind sign-in; never logged.
     */
    public String describe(Connection c, String entity, String entityId) throws SQLException {
        String sql = switch (entity) {
            case "person" -> "SELECT given_name || ' ' || family_name FROM person WHERE id = ?";
            case "family" -> "SELECT group_concat(given_name || ' ' || family_name, ', ') FROM (SELECT given_name,"
                    + " family_name FROM person WHERE family_id = ? AND deleted_at IS NULL ORDER BY position)";
            case "visit" -> "SELECT visit_date FROM visit WHERE id = ?";
            case "note" -> "SELECT v.visit_date FROM note n JOIN visit v ON v.id = n.visit_id WHERE n.id = ?";
            case "referral" -> "SELECT p.given_name || ' ' || p.family_name || ', ' || r.need FROM referral r"
                    + " JOIN person p ON p.id = r.subject_id WHERE r.id = ?";
            case "screening" -> "SELECT p.given_name || ' ' || p.family_name || ', ' || s.instrument FROM screening s"
                    + " JOIN person p ON p.id = s.subject_id WHERE s.id = ?";
            case "app_user" -> "SELECT display_name FROM app_user WHERE id = ?";
            case "referral_destination" -> "SELECT name FROM referral_destination WHERE id = ?";
            case "note_template" -> "SELECT name FROM note_template WHERE id = ?";
            case "billing_code" -> "SELECT code || ' ' || label FROM billing_code WHERE id = ?";
            case "setting" -> "SELECT key FROM setting WHERE key = ?";
            default -> null;
        };
        if (sql == null) {
            return "";
        }
        try (var ps = c.prepareStatement(sql)) {
            Rows.bind(ps, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        }
    }

    /** A user's display name, for the conflicts screen (null when unknown). */
    public Optional<String> userName(Connection c, String userId) throws SQLException {
        if (userId == null) {
            return Optional.empty();
        }
        try (var ps = c.prepareStatement("SELECT display_name FROM app_user WHERE id = ?")) {
            Rows.bind(ps, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static SyncConflict conflictOf(ResultSet rs) throws SQLException {
        return new SyncConflict(Rows.uuid(rs, "id"), rs.getString("entity"), rs.getString("entity_id"),
                rs.getString("field"), rs.getString("kept_value"), rs.getString("kept_hlc"), rs.getString("kept_by"),
                rs.getString("other_value"), rs.getString("other_hlc"), rs.getString("other_by"),
                "OPEN".equals(rs.getString("status")), rs.getString("resolution"), rs.getString("resolved_by"),
                Rows.instant(rs, "resolved_at"), Rows.instant(rs, "created_at"));
    }

    // ---- rows ----------------------------------------------------------------------------------------

    /** A table's synced columns, in table order (cached; the schema does not change while the file is open). */
    List<String> synced(Connection c, SyncTables.Table t) throws SQLException {
        List<String> known = columns.get(t.name());
        if (known != null) {
            return known;
        }
        List<String> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT name FROM pragma_table_info(?) ORDER BY cid")) {
            Rows.bind(ps, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!t.localColumns().contains(rs.getString(1))) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        List<String> result = List.copyOf(out);
        columns.put(t.name(), result);
        return result;
    }

    private Optional<Map<String, Object>> row(Connection c, SyncTables.Table t, String id) throws SQLException {
        try (Statements st = new Statements(c)) {
            return row(st, c, t, id);
        }
    }

    private Optional<Map<String, Object>> row(Statements st, Connection c, SyncTables.Table t, String id)
            throws SQLException {
        String select = String.join(", ", synced(c, t));
        var ps = st.get("SELECT " + select + " FROM " + t.name() + " WHERE " + t.key() + " = ?");
        Rows.bind(ps, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(values(rs)) : Optional.empty();
        }
    }

    private static List<LogEntry> localEntries(Statements st, String entity, String id) throws SQLException {
        var ps = st.get("SELECT hlc, user_id, fields FROM change_log WHERE entity_id = ? AND entity = ? ORDER BY seq");
        Rows.bind(ps, id, entity);
        return entries(ps);
    }

    private static void taken(Statements st, String hlc, String user, String entity, String id, String fields)
            throws SQLException {
        var ps = st.get("INSERT INTO change_log (hlc, device_id, user_id, entity, entity_id, fields)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        Rows.bind(ps, hlc, Knowledge.device(hlc), user, entity, id, fields);
        ps.executeUpdate();
    }

    /** Prepared statements kept for the length of one package's apply (the same few, thousands of times). */
    private static final class Statements implements AutoCloseable {
        private final Connection c;
        private final Map<String, java.sql.PreparedStatement> cache = new HashMap<>();

        Statements(Connection c) {
            this.c = c;
        }

        java.sql.PreparedStatement get(String sql) throws SQLException {
            java.sql.PreparedStatement ps = cache.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                cache.put(sql, ps);
            } else {
                ps.clearParameters();
            }
            return ps;
        }

        @Override
        public void close() throws SQLException {
            for (var ps : cache.values()) {
                ps.close();
            }
            cache.clear();
        }
    }

    private static List<LogEntry> entries(java.sql.PreparedStatement ps) throws SQLException {
        List<LogEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LogEntry(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> rows(java.sql.PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(values(rs));
            }
        }
        return out;
    }

    private static Map<String, Object> values(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            v.put(md.getColumnLabel(i), normal(rs.getObject(i)));
        }
        return v;
    }

    private static Map<String, Object> normalised(Map<String, Object> values) {
        Map<String, Object> v = new LinkedHashMap<>();
        values.forEach((k, x) -> v.put(k, normal(x)));
        return v;
    }

    /** Integers as Long, decimals as Double, everything else as text: how values compare across laptops. */
    private static Object normal(Object x) {
        if (x == null || x instanceof Long || x instanceof Double || x instanceof String) {
            return x;
        }
        if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
            return ((Number) x).longValue();
        }
        if (x instanceof Float f) {
            return f.doubleValue();
        }
        if (x instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return x.toString();
    }

    private void insertChildren(Statements st, Connection c, SyncTables.Table t, List<Map<String, Object>> children)
            throws SQLException {
        if (t.childTable() == null) {
            return;
        }
        Set<String> cols = new HashSet<>(childColumns(c, t.childTable()));
        for (Map<String, Object> child : children) {
            if (!cols.containsAll(child.keySet())) {
                throw new ProblemException(Problem.SYNC_PACKAGE_NEWER);
            }
            insert(st, t.childTable(), normalised(child), "");
        }
    }

    private List<String> childColumns(Connection c, String table) throws SQLException {
        return synced(c, new SyncTables.Table(table, "", SyncTables.Kind.APPEND, Set.of(), r -> 0, null, null));
    }

    private static int insert(Statements st, String table, Map<String, Object> values, String onConflict)
            throws SQLException {
        List<String> cols = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                + cols.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")" + onConflict;
        var ps = st.get(sql);
        for (int i = 0; i < cols.size(); i++) {
            Rows.set(ps, i + 1, values.get(cols.get(i)));
        }
        return ps.executeUpdate();
    }

    private void update(Connection c, SyncTables.Table t, String id, Map<String, Object> set, boolean bump)
            throws SQLException {
        List<String> cols = new ArrayList<>(set.keySet());
        boolean revision = bump && hasRevision(t);
        String sql = "UPDATE " + t.name() + " SET "
                + cols.stream().map(x -> x + " = ?").collect(Collectors.joining(", "))
                + (revision ? ", revision = revision + 1" : "") + " WHERE " + t.key() + " = ?";
        try (var ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String col : cols) {
                Rows.set(ps, i++, set.get(col));
            }
            Rows.set(ps, i, id);
            ps.executeUpdate();
        }
    }

    /** Every table that keeps a local revision has the column (ADR 0002); setting and the append-only ones do not. */
    private static boolean hasRevision(SyncTables.Table t) {
        return t.localColumns().contains("revision");
    }

    private static long longOf(Connection c, String sql) throws SQLException {
        try (var ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isIntegralNumber()) {
                return n.asLong();
            }
            if (n.isNumber()) {
                return n.asDouble();
            }
            return n.asText();
        } catch (IOException e) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "value");
        }
    }

    private static Map<String, String> stringMap(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonNode n = JSON.readTree(json);
            if (n instanceof ObjectNode o) {
                o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("sync_package.knowledge is written by Tandem as JSON", e);
        }
        return out;
    }
}
