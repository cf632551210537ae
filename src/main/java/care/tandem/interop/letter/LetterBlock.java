package care.tandem.interop.letter;

import java.util.Objects;

/** One block of a letter copy, from the top of the page down; long text wraps. */
public sealed interface LetterBlock {

    /** The text of the block, for tests and for the plain-text check of what a copy says. */
    String text();

    /** The large title of a copy. */
    record Title(String text) implements LetterBlock {
        public Title {
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /** A section heading. */
    record Heading(String text) implements LetterBlock {
        public Heading {
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /** Running text; a line break in it starts a new line. */
    record Paragraph(String text) implements LetterBlock {
        public Paragraph {
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /** A label and its value side by side, as in a form. */
    record Field(String label, String value) implements LetterBlock {
        public Field {
            label = Objects.requireNonNullElse(label, "");
            value = Objects.requireNonNullElse(value, "");
        }

        @Override
        public String text() {
            return label + ": " + value;
        }
    }

    /** A warning in a box, such as "PRIVATE — do not give to the family". */
    record Notice(String text) implements LetterBlock {
        public Notice {
            text = Objects.requireNonNullElse(text, "");
        }
    }
}
