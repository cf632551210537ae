package care.tandem.domain.sync;

import java.util.List;
import java.util.Map;

/**
 * One record in a sync package: its table, its synced column values, the change-log entries that give its
 * per-field versions (none for append-only facts) and its child rows (a screen's answers).
 *
 * @param values   column name to value: null, a {@code Long}, a {@code Double} or a {@code String}
 * @param children child rows, each column name to value
 */
public record SyncRecord(String table, Map<String, Object> values, List<LogEntry> log,
                         List<Map<String, Object>> children) {
    public SyncRecord {
        log = List.copyOf(log);
        children = List.copyOf(children);
    }

    /**
     * A change-log entry: the stamp of a write, who made it, and the fields it changed ({@code *} on creation;
     * comma-separated column names otherwise).
     */
    public record LogEntry(String hlc, String user, String fields) {
    }
}
