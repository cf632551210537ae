package care.tandem.domain.family;

import java.time.Instant;
import java.util.UUID;

/** Who made and last changed a synced record, where, and when (wall time and hybrid logical clock). */
public record RecordStamp(Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy,
                          UUID deviceId, String hlc, long revision) {
}
