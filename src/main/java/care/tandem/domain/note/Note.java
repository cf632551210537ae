package care.tandem.domain.note;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The note of a visit (one current note per visit), documenting the child and the caregivers together. The current
 * state is kept here; the steps of its life are the append-only {@link NoteEvent}s, and later entries the
 * {@link Addendum}s.
 *
 * @param signature    the author's signature, or null while not signed
 * @param contentHash  the hash stored at signing ({@link NoteHash}), or null while not signed
 * @param cosignature  the supervisor's co-signature, or null
 * @param attestation  what the supervisor attested when co-signing, else empty
 * @param returnComment the supervisor's comment when they last returned it, else empty
 * @param addenda      oldest first (empty in lists)
 * @param events       oldest first (empty in lists)
 */
public record Note(UUID id, UUID visitId, UUID familyId, UUID templateId, NoteStatus status, NoteContent content,
                   UUID authorId, String authorName, Signature signature, String contentHash, Signature cosignature,
                   String attestation, String returnComment, List<Addendum> addenda, List<NoteEvent> events,
                   Instant createdAt, Instant updatedAt, long revision) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(content, "content");
        authorName = Objects.requireNonNullElse(authorName, "");
        attestation = Objects.requireNonNullElse(attestation, "");
        returnComment = Objects.requireNonNullElse(returnComment, "");
        addenda = addenda == null ? List.of() : List.copyOf(addenda);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * Whether the content is what was signed: true for an unsigned note, else whether the stored hash matches the
     * content now. False means the content was changed outside Tandem.
     */
    public boolean intact() {
        return contentHash == null || contentHash.equals(NoteHash.of(content));
    }
}
