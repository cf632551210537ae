package care.tandem.interop.pdf;

import java.util.List;
import java.util.Objects;

/**
 * A document as the words to print, already in the reader's language: one or more copies, each beginning on a page of
 * its own. It holds no formatting beyond the kind of each block, so the words are made (and tested) apart from the
 * PDF.
 */
public record PdfDocument(List<PdfCopy> copies) {

    public PdfDocument {
        copies = List.copyOf(Objects.requireNonNull(copies, "copies"));
    }
}
