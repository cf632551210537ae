package care.tandem.domain.note;

import java.util.Objects;

/** One section of a note, in the template's order: its heading and what the clinician wrote (or kept) under it. */
public record NoteSection(String key, String heading, SectionFill fill, String text) {

    public NoteSection {
        Objects.requireNonNull(key, "key");
        heading = Objects.requireNonNullElse(heading, "");
        fill = Objects.requireNonNullElse(fill, SectionFill.NONE);
        text = Objects.requireNonNullElse(text, "");
    }

    public NoteSection withText(String newText) {
        return new NoteSection(key, heading, fill, newText);
    }
}
