package care.tandem.interop.pdf;

import java.util.List;
import java.util.Objects;

/**
 * One copy of a document (a letter's clinic copy, its family copy, a visit note), printed from a new page.
 *
 * @param footer    printed at the foot of each of its pages, such as "Family copy"; a line break in it starts another
 *                  line, and the lines stand one under the next with the last at the foot
 * @param pageLabel the page count at the foot, with {0} the page and {1} the pages of this copy ("Page {0} of {1}")
 */
public record PdfCopy(String footer, String pageLabel, List<PdfBlock> blocks) {

    public PdfCopy {
        footer = Objects.requireNonNullElse(footer, "");
        pageLabel = Objects.requireNonNullElse(pageLabel, "");
        blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
    }
}
