package care.tandem.interop.letter;

import java.util.List;
import java.util.Objects;

/**
 * One copy of a letter (the clinic's, the family's), printed from a new page.
 *
 * @param footer    printed at the foot of each of its pages, such as "Family copy"
 * @param pageLabel the page count at the foot, with {0} the page and {1} the pages of this copy ("Page {0} of {1}")
 */
public record LetterCopy(String footer, String pageLabel, List<LetterBlock> blocks) {

    public LetterCopy {
        footer = Objects.requireNonNullElse(footer, "");
        pageLabel = Objects.requireNonNullElse(pageLabel, "");
        blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
    }
}
