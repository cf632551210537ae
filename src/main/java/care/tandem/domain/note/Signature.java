package care.tandem.domain.note;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Who signed (with their display name, for showing) and when. */
public record Signature(UUID userId, String name, Instant at) {

    public Signature {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        name = Objects.requireNonNullElse(name, "");
    }
}
