package care.tandem.domain.note;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A note template an administrator can edit: its sections in order, and the visit kinds it is offered first for.
 * Seeded in English (care/tandem/note/templates.json); a clinic's edits are kept.
 *
 * @param seedKey the key of the seeded template it was made from, or null for one the clinic added
 */
public record NoteTemplate(UUID id, String name, Set<VisitKind> kinds, List<TemplateSection> sections, String seedKey,
                           boolean active, long revision) {

    public NoteTemplate {
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "");
        kinds = Collections.unmodifiableSet(kinds == null || kinds.isEmpty() ? EnumSet.noneOf(VisitKind.class)
                : EnumSet.copyOf(kinds));
        sections = List.copyOf(sections);
    }

    /** What is wrong with it as an administrator saved it (a name; at least one section; unique, non-blank keys). */
    public Optional<String> problem() {
        if (name.isBlank()) {
            return Optional.of("name");
        }
        if (sections.isEmpty()) {
            return Optional.of("sections");
        }
        Set<String> keys = new HashSet<>();
        for (TemplateSection s : sections) {
            if (s.key().isBlank() || !keys.add(s.key()) || s.heading().isBlank()) {
                return Optional.of("section " + s.key());
            }
        }
        return Optional.empty();
    }
}
