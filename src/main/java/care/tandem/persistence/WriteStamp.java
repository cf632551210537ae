package care.tandem.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * Who is writing, from which device, and when (wall time for people, hybrid-logical-clock stamp for
 * merging): stamped on every row a write creates or changes.
 *
 * @param userId null only for writes made before any user exists (first start)
 */
public record WriteStamp(UUID userId, UUID deviceId, Instant at, String hlc) {

    String user() {
        return userId == null ? null : userId.toString();
    }

    String device() {
        return deviceId.toString();
    }

    String time() {
        return at.toString();
    }
}
