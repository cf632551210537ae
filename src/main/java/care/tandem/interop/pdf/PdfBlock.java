package care.tandem.interop.pdf;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One block of a copy, from the top of the page down; long text wraps. */
public sealed interface PdfBlock {

    /** The text of the block, for tests and for the plain-text check of what a copy says. */
    String text();

    /** The large title of a copy. */
    record Title(String text) implements PdfBlock {
        public Title {
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /** A section heading. */
    record Heading(String text) implements PdfBlock {
        public Heading {
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /** Running text; a line break in it starts a new line. */
    record Paragraph(String text) implements PdfBlock {
        public Paragraph {
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /** Adds a {@link Field} to {@code blocks}, or nothing when there is no value to show (null or blank). */
    static void field(List<PdfBlock> blocks, String label, String value) {
        if (value != null && !value.isBlank()) {
            blocks.add(new Field(label, value));
        }
    }

    /** A label and its value side by side, as in a form. */
    record Field(String label, String value) implements PdfBlock {
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
    record Notice(String text) implements PdfBlock {
        public Notice {
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /**
     * A table: a header row and rows of cells, each cell wrapping within its column. A row is kept on one page; a table
     * that runs onto another page repeats its header there.
     *
     * @param widths the share of the line each column takes (any positive numbers: 2, 1, 5 ...), one per header cell
     */
    record Table(List<String> header, List<Float> widths, List<List<String>> rows) implements PdfBlock {
        public Table {
            header = List.copyOf(header);
            widths = List.copyOf(widths);
            rows = rows.stream().map(List::copyOf).toList();
            int columns = header.size();
            if (widths.size() != columns || rows.stream().anyMatch(r -> r.size() != columns)) {
                throw new IllegalArgumentException("a table needs one width and, in every row, one cell per column");
            }
            if (widths.stream().anyMatch(w -> !(w > 0))) {
                throw new IllegalArgumentException("column widths must be positive");
            }
        }

        @Override
        public String text() {
            return Stream.concat(Stream.of(header), rows.stream()).map(r -> String.join(" ", r))
                    .collect(Collectors.joining("\n"));
        }
    }
}
