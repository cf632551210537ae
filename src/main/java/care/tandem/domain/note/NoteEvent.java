package care.tandem.domain.note;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One append-only step in a note's life: created, signed, co-signed (with the attestation), returned (with the
 * supervisor's comment), an addendum added.
 *
 * @param status      the status after this step
 * @param comment     the attestation or the return comment, else empty
 * @param contentHash for a signature, the hash of the content signed, else empty
 */
public record NoteEvent(UUID id, UUID noteId, Kind kind, NoteStatus status, UUID by, String byName, Instant at,
                        String comment, String contentHash) {

    public enum Kind { CREATED, SIGNED, COSIGNED, RETURNED, ADDENDUM }

    public NoteEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        byName = Objects.requireNonNullElse(byName, "");
        comment = Objects.requireNonNullElse(comment, "");
        contentHash = Objects.requireNonNullElse(contentHash, "");
    }
}
