package care.tandem.domain.note;

import java.util.Objects;
import java.util.UUID;

/** A later entry to a signed note, signed by its author when written; never changed (V004 triggers). */
public record Addendum(UUID id, UUID noteId, String text, Signature signature) {

    public Addendum {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signature, "signature");
        text = Objects.requireNonNullElse(text, "");
    }
}
