package care.tandem.domain.note;

import java.util.Objects;

/**
 * A section of a note template.
 *
 * @param key    stable within the template (notes keep it, so text survives a heading's rewording)
 * @param prompt what to write here, shown to the clinician while the section is empty
 */
public record TemplateSection(String key, String heading, String prompt, SectionFill fill) {

    public TemplateSection {
        Objects.requireNonNull(key, "key");
        heading = Objects.requireNonNullElse(heading, "");
        prompt = Objects.requireNonNullElse(prompt, "");
        fill = Objects.requireNonNullElse(fill, SectionFill.NONE);
    }
}
