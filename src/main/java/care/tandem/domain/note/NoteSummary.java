package care.tandem.domain.note;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A note in a list (a family's notes, recent notes, drafts, the co-sign queue): no content. */
public record NoteSummary(UUID id, UUID visitId, UUID familyId, String childName, LocalDate visitDate,
                          VisitKind visitKind, NoteStatus status, UUID authorId, String authorName,
                          Instant updatedAt) {

    public NoteSummary {
        Objects.requireNonNull(id, "id");
        childName = Objects.requireNonNullElse(childName, "");
        authorName = Objects.requireNonNullElse(authorName, "");
    }
}
