package care.tandem.domain.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A value that lost to another written at the same time on another laptop, kept for a person to resolve (ADR 0009).
 * Values are JSON text (a string in quotes, a number, {@code null}); for a record with a lifecycle ({@code field}
 * {@code *}) a JSON object of the fields that differ.
 *
 * @param keptBy  who wrote the value the record holds (a user id, or null)
 * @param otherBy who wrote the value that lost
 */
public record SyncConflict(UUID id, String entity, String entityId, String field, String keptValue, String keptHlc,
                           String keptBy, String otherValue, String otherHlc, String otherBy, boolean open,
                           String resolution, String resolvedBy, Instant resolvedAt, Instant createdAt) {

    /** The field of a conflict about a whole record with a lifecycle (a screen, referral or note). */
    public static final String WHOLE_RECORD = "*";

    /** When the kept value was written (from its stamp). */
    public Instant keptAt() {
        return Instant.ofEpochMilli(Hlc.parse(keptHlc).millis());
    }

    /** When the value that lost was written. */
    public Instant otherAt() {
        return Instant.ofEpochMilli(Hlc.parse(otherHlc).millis());
    }

    public boolean wholeRecord() {
        return WHOLE_RECORD.equals(field);
    }
}
