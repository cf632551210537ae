package care.tandem.domain.backup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a copy in the {@code backups/} folder: its kind and when it was made (UTC, to the second), so the
 * folder lists in time order and the name alone says what a file is. Two copies in the same second get a
 * {@code -2}, {@code -3} suffix.
 *
 * @param kind     what made the copy
 * @param made     when (whole seconds, UTC)
 * @param sequence 1 for the first copy of that second, 2 for the next
 * @param fromVersion the schema version a before-migration copy holds; 0 for the other kinds
 */
public record BackupName(BackupKind kind, Instant made, int sequence, int fromVersion) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile(
            "(tandem|tandem-v(\\d{1,4})|before-restore|damaged)-(\\d{8}-\\d{6})(Z?)(?:-(\\d{1,4}))?\\.db");

    public BackupName {
        if (kind == null || made == null || sequence < 1) {
            throw new IllegalArgumentException("kind, time and a sequence from 1 are needed");
        }
    }

    /** A new name of {@code kind} made at {@code made}; {@code sequence} 1 unless that name is taken. */
    public static BackupName of(BackupKind kind, Instant made, int sequence) {
        return new BackupName(kind, made.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), sequence, 0);
    }

    /** The file name. */
    public String fileName() {
        String prefix = switch (kind) {
            case REGULAR -> "tandem";
            case BEFORE_MIGRATION -> "tandem-v" + fromVersion;
            case BEFORE_RESTORE -> "before-restore";
            case DAMAGED -> "damaged";
        };
        // The migrator's copies (ADR 0001) were named without the zone letter; they are read either way.
        String zone = kind == BackupKind.BEFORE_MIGRATION ? "" : "Z";
        String suffix = sequence > 1 ? "-" + sequence : "";
        return prefix + "-" + STAMP.format(LocalDateTime.ofInstant(made, ZoneOffset.UTC)) + zone + suffix + ".db";
    }

    /** Reads a file name written by Tandem; anything else in the folder is not a backup. */
    public static Optional<BackupName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant made;
        try {
            made = LocalDateTime.parse(m.group(3), STAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        String prefix = m.group(1);
        BackupKind kind = prefix.equals("tandem") ? BackupKind.REGULAR
                : prefix.equals("before-restore") ? BackupKind.BEFORE_RESTORE
                : prefix.equals("damaged") ? BackupKind.DAMAGED
                : BackupKind.BEFORE_MIGRATION;
        int version = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int sequence = m.group(5) == null ? 1 : Integer.parseInt(m.group(5));
        if (sequence < 1) {
            return Optional.empty();
        }
        return Optional.of(new BackupName(kind, made, sequence, version));
    }
}
