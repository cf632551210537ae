package care.tandem.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Which tables sync between laptops and how (ADR 0009), in the order a package lists and applies them: parents
 * before the rows that refer to them. A table added by a later migration that follows the conventions of ADR 0002
 * syncs by adding one line here.
 *
 * <ul>
 *   <li>{@link Kind#FIELDS}: a mutable record merged field by field (demographics, users, settings).</li>
 *   <li>{@link Kind#ROW}: a record with a lifecycle (screen, referral, note), merged as a whole so that it is always
 *       a state some laptop really wrote; concurrent versions are ordered by {@code rank}, how far along the
 *       lifecycle they are, so a signed note is never undone by a draft written at the same time.</li>
 *   <li>{@link Kind#APPEND}: append-only facts (histories, addenda, the audit trail): inserted once, by id.</li>
 * </ul>
 * Never synced: {@code install_meta} (this laptop's identity and sync bookkeeping), {@code audit_event} (each laptop
 * keeps the trail of what was done and seen on it), {@code change_log} (each laptop
 * keeps its own, with the stamps of the changes it took in), {@code family_search} (rebuilt from the records),
 * {@code sync_package}, {@code sync_guard}, and each table's local columns ({@code revision}, a local {@code seq},
 * sign-in lockout counters).
 */
public final class SyncTables {
    /** How a table merges. */
    public enum Kind { FIELDS, ROW, APPEND }

    /**
     * @param key          the primary key column
     * @param localColumns columns that stay on this laptop
     * @param rank         for {@link Kind#ROW}: how far along its lifecycle a row is (higher wins a tie)
     * @param childTable   rows that belong to a record and travel with it (a screen's answers), or null
     * @param childKey     the child table's column naming the record
     */
    public record Table(String name, String key, Kind kind, Set<String> localColumns,
                        ToIntFunction<Map<String, Object>> rank, String childTable, String childKey) {
    }

    /** Columns that say who last wrote a record and when: they follow its latest version, never a conflict. */
    static final Set<String> META = Set.of("updated_at", "updated_by", "device_id", "hlc");

    /** Columns that merge like any other but never make a conflict (a seeded record created on two laptops). */
    static final Set<String> NO_CONFLICT = Set.of("updated_at", "updated_by", "device_id", "hlc", "created_at",
            "created_by");

    private static final Set<String> LOCAL = Set.of("revision");

    /** Every synced table, parents first. */
    public static final List<Table> ALL = List.of(
            fields("clinic"),
            append("device", Set.of()),
            new Table("app_user", "id", Kind.FIELDS, Set.of("revision", "failed_attempts", "locked_until"),
                    r -> 0, null, null),
            new Table("family", "id", Kind.FIELDS, Set.of("revision", "seq"), r -> 0, null, null),
            fields("person"),
            fields("visit"),
            fields("imported_questionnaire"),
            new Table("screening", "id", Kind.ROW, LOCAL, SyncTables::screeningRank, "screening_answer",
                    "screening_id"),
            row("screening_alert", r -> "OPEN".equals(r.get("status")) ? 0 : 1),
            fields("referral_destination"),
            row("referral", SyncTables::referralRank),
            append("referral_event", Set.of()),
            fields("note_template"),
            row("note", SyncTables::noteRank),
            append("note_event", Set.of()),
            append("note_addendum", Set.of()),
            fields("billing_code"),
            row("visit_billing_code", r -> r.get("removed_at") == null ? 0 : 1),
            new Table("setting", "key", Kind.FIELDS, Set.of(), r -> 0, null, null),
            row("sync_conflict", r -> "OPEN".equals(r.get("status")) ? 0 : 1));

    private SyncTables() {
    }

    public static Optional<Table> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static Table fields(String name) {
        return new Table(name, "id", Kind.FIELDS, LOCAL, r -> 0, null, null);
    }

    private static Table row(String name, ToIntFunction<Map<String, Object>> rank) {
        return new Table(name, "id", Kind.ROW, LOCAL, rank, null, null);
    }

    private static Table append(String name, Set<String> local) {
        return new Table(name, "id", Kind.APPEND, local, r -> 0, null, null);
    }

    private static int screeningRank(Map<String, Object> r) {
        Object s = r.get("status");
        if ("ENTERED_IN_ERROR".equals(s)) {
            return 2;
        }
        return "IN_PROGRESS".equals(s) ? 0 : 1;
    }

    private static int referralRank(Map<String, Object> r) {
        Object s = r.get("status");
        if ("ENTERED_IN_ERROR".equals(s)) {
            return 2;
        }
        return r.get("closed_at") != null ? 1 : 0;
    }

    private static int noteRank(Map<String, Object> r) {
        Object s = String.valueOf(r.get("status"));
        return switch ((String) s) {
            case "AWAITING_COSIGN" -> 1;
            case "SIGNED" -> 2;
            case "COSIGNED" -> 3;
            default -> 0;
        };
    }
}
