package care.tandem.interop.letter;

import java.util.List;
import java.util.Objects;

/**
 * A letter as the words to print, already in the reader's language: one or more copies, each beginning on a page of
 * its own. It holds no formatting beyond the kind of each block, so the words are made (and tested) apart from the
 * PDF.
 */
public record LetterDocument(List<LetterCopy> copies) {

    public LetterDocument {
        copies = List.copyOf(Objects.requireNonNull(copies, "copies"));
    }
}
