package care.tandem.interop.pdf;

import care.tandem.domain.problem.ProblemException;
import care.tandem.files.AtomicFiles;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prints a {@link PdfDocument} as a PDF on US Letter paper: each copy from a new page, running onto more pages when
 * long, with its footer and page count on every page. The text is set in Liberation Sans (shipped inside PDFBox),
 * embedded as a subset so the document prints the same anywhere; names may hold any letter the font has (Spanish
 * accents, Vietnamese tones), and a character it lacks prints as "?" rather than failing the document. The file
 * carries no metadata (no title, no names).
 */
public final class PdfLayout {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle PAPER = PDRectangle.LETTER;
    private static final float MARGIN = 54;
    private static final float FOOTER_SIZE = 8;
    private static final float TITLE_SIZE = 18;
    private static final float HEADING_SIZE = 13;
    private static final float BODY_SIZE = 11;
    private static final float LABEL_SIZE = 10;
    private static final float LABEL_WIDTH = 170;
    private static final float LEADING = 1.35f;
    private static final float NOTICE_PADDING = 6;
    private static final float CELL_GAP = 10;
    private static final float BODY_LINE = BODY_SIZE * LEADING;
    /** A one-line heading with the space above and below it. */
    private static final float HEADING_HEIGHT = HEADING_SIZE * LEADING + 14;
    private static volatile byte[] fontBytes;

    private PdfLayout() {
    }

    /** The document as the bytes of a PDF file. */
    public static byte[] render(PdfDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the document as a PDF to {@code file} atomically: a temporary file beside it, moved over it when complete,
     * so a failure leaves no half-written file and whatever was under that name as it was.
     *
     * @throws ProblemException DISK_FULL or STORAGE_FAILED (with the folder) when the file cannot be written
     */
    public static void save(PdfDocument document, Path file) {
        Objects.requireNonNull(document, "document");
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(document, out);
            }
        });
    }

    /** Writes the document as a PDF to {@code out} (left open). */
    public static void write(PdfDocument document, OutputStream out) throws IOException {
        Objects.requireNonNull(document, "document");
        try (PDDocument doc = new PDDocument()) {
            PDFont font = PDType0Font.load(doc, new ByteArrayInputStream(fontBytes()), true);
            Typesetter t = new Typesetter(doc, font);
            for (PdfCopy copy : document.copies()) {
                t.print(copy);
            }
            if (doc.getNumberOfPages() == 0) {
                doc.addPage(new PDPage(PAPER));
            }
            doc.save(out);
        }
    }

    private static byte[] fontBytes() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = PdfLayout.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("font missing: " + FONT);
                }
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }

    /** Lays out the blocks of the copies page by page. */
    private static final class Typesetter {
        private final PDDocument doc;
        private final PDFont font;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private final float width = PAPER.getWidth() - 2 * MARGIN;
        private float bottom;
        private PDPageContentStream content;
        private float y;
        /** The header of the table being laid out, printed again at the top of each page it runs onto. */
        private List<Cell> tableHeader;

        Typesetter(PDDocument doc, PDFont font) {
            this.doc = doc;
            this.font = font;
        }

        void print(PdfCopy copy) throws IOException {
            List<String> footer = List.of(copy.footer().split("\n", -1));
            bottom = MARGIN + 2 * FOOTER_SIZE + (footer.size() - 1) * FOOTER_SIZE * LEADING;
            List<PDPage> pages = new ArrayList<>();
            newPage(pages);
            List<PdfBlock> blocks = copy.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                PdfBlock b = blocks.get(i);
                float next = i + 1 < blocks.size() ? start(blocks.get(i + 1)) : 0;
                if (b instanceof PdfBlock.Title x) {
                    lines(pages, x.text(), TITLE_SIZE, true, MARGIN, width, 2, 10);
                } else if (b instanceof PdfBlock.Heading x) {
                    keepWithNext(pages, HEADING_HEIGHT + next);
                    lines(pages, x.text(), HEADING_SIZE, true, MARGIN, width, 10, 4);
                } else if (b instanceof PdfBlock.Paragraph x) {
                    lines(pages, x.text(), BODY_SIZE, false, MARGIN, width, 0, 6);
                } else if (b instanceof PdfBlock.Field x) {
                    field(pages, x);
                } else if (b instanceof PdfBlock.Notice x) {
                    notice(pages, x, next);
                } else if (b instanceof PdfBlock.Table x) {
                    table(pages, x);
                }
            }
            content.close();
            content = null;
            for (int i = 0; i < pages.size(); i++) {
                footer(pages.get(i), footer, copy.pageLabel(), i + 1, pages.size());
            }
        }

        private void newPage(List<PDPage> pages) throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAPER);
            doc.addPage(page);
            pages.add(page);
            content = new PDPageContentStream(doc, page);
            y = PAPER.getHeight() - MARGIN;
            if (tableHeader != null) {
                tableHeaderRow(pages);
            }
        }

        /**
         * The height that must follow a heading or notice on its page: a line of text, or a heading and its first
         * line, so that neither stands alone at the foot of a page.
         */
        private static float start(PdfBlock next) {
            return next instanceof PdfBlock.Heading ? HEADING_HEIGHT + BODY_LINE : BODY_LINE;
        }

        /** Starts a new page unless {@code height} fits on this one. */
        private void keepWithNext(List<PDPage> pages, float height) throws IOException {
            if (y - height < bottom) {
                newPage(pages);
            }
        }

        /** Wrapped text; a block that does not fit goes on, line by line, on the next page. */
        private void lines(List<PDPage> pages, String text, float size, boolean bold, float x, float w,
                           float before, float after) throws IOException {
            float leading = size * LEADING;
            y -= before;
            for (String line : wrap(text, size, w)) {
                if (y - leading < bottom) {
                    newPage(pages);
                }
                y -= leading;
                show(line, x, y + (leading - size) / 2, size, bold);
            }
            y -= after;
        }

        /** A label and its value side by side. */
        private void field(List<PDPage> pages, PdfBlock.Field f) throws IOException {
            row(pages, List.of(new Cell(f.label(), MARGIN, LABEL_WIDTH - CELL_GAP, LABEL_SIZE, true),
                    new Cell(f.value(), MARGIN + LABEL_WIDTH, width - LABEL_WIDTH, BODY_SIZE, false)));
            y -= 3;
        }

        /** A header row with a rule under it, then the rows; the header comes again on each page the rows run onto. */
        private void table(List<PDPage> pages, PdfBlock.Table t) throws IOException {
            float total = 0;
            for (float w : t.widths()) {
                total += w;
            }
            List<Float> xs = new ArrayList<>();
            List<Float> ws = new ArrayList<>();
            float x = MARGIN;
            for (float w : t.widths()) {
                float columnWidth = width * w / total;
                xs.add(x);
                ws.add(columnWidth - CELL_GAP);
                x += columnWidth;
            }
            List<Cell> header = new ArrayList<>();
            for (int c = 0; c < t.header().size(); c++) {
                header.add(new Cell(t.header().get(c), xs.get(c), ws.get(c), LABEL_SIZE, true));
            }
            y -= 6;
            keepWithNext(pages, 3 * BODY_LINE);
            tableHeader = header;
            try {
                tableHeaderRow(pages);
                for (List<String> cells : t.rows()) {
                    List<Cell> row = new ArrayList<>();
                    for (int c = 0; c < cells.size(); c++) {
                        row.add(new Cell(cells.get(c), xs.get(c), ws.get(c), BODY_SIZE, false));
                    }
                    row(pages, row);
                    y -= 2;
                }
            } finally {
                tableHeader = null;
            }
            y -= 6;
        }

        private void tableHeaderRow(List<PDPage> pages) throws IOException {
            row(pages, tableHeader);
            content.setLineWidth(0.75f);
            content.moveTo(MARGIN, y - 2);
            content.lineTo(MARGIN + width, y - 2);
            content.stroke();
            y -= 5;
        }

        /**
         * Cells side by side, each wrapped to its width; the row is kept on one page when it fits on one, else it goes
         * on, line by line, on the next.
         */
        private void row(List<PDPage> pages, List<Cell> cells) throws IOException {
            List<List<String>> lines = new ArrayList<>();
            int rows = 0;
            for (Cell c : cells) {
                List<String> wrapped = wrap(c.text(), c.size(), c.width());
                lines.add(wrapped);
                rows = Math.max(rows, wrapped.size());
            }
            float leading = BODY_LINE;
            if (y - rows * leading < bottom && rows * leading < PAPER.getHeight() - MARGIN - bottom) {
                newPage(pages);
            }
            for (int i = 0; i < rows; i++) {
                if (y - leading < bottom) {
                    newPage(pages);
                }
                y -= leading;
                float base = y + (leading - BODY_SIZE) / 2;
                for (int c = 0; c < cells.size(); c++) {
                    if (i < lines.get(c).size()) {
                        Cell cell = cells.get(c);
                        show(lines.get(c).get(i), cell.x(), base, cell.size(), cell.bold());
                    }
                }
            }
        }

        /** Text set at {@code x}, wrapped to {@code width}. */
        private record Cell(String text, float x, float width, float size, boolean bold) {
        }

        /** A boxed warning, kept on one page with the start of what follows it. */
        private void notice(List<PDPage> pages, PdfBlock.Notice n, float next) throws IOException {
            float size = BODY_SIZE + 1;
            float leading = size * LEADING;
            List<String> lines = wrap(n.text(), size, width - 2 * NOTICE_PADDING);
            float height = lines.size() * leading + 2 * NOTICE_PADDING;
            y -= 6;
            keepWithNext(pages, height + 10 + next);
            content.setLineWidth(1.5f);
            content.addRect(MARGIN, y - height, width, height);
            content.stroke();
            float top = y - NOTICE_PADDING;
            for (String line : lines) {
                top -= leading;
                show(line, MARGIN + NOTICE_PADDING, top + (leading - size) / 2, size, true);
            }
            y -= height + 10;
        }

        /** The footer's lines at the foot of the page, the last one lowest, with the page count beside it. */
        private void footer(PDPage page, List<String> lines, String pageLabel, int number, int count)
                throws IOException {
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true)) {
                content = s;
                String right = printable(pageLabel.replace("{0}", String.valueOf(number))
                        .replace("{1}", String.valueOf(count)));
                for (int i = 0; i < lines.size(); i++) {
                    float baseline = MARGIN + (lines.size() - 1 - i) * FOOTER_SIZE * LEADING;
                    show(fit(lines.get(i), FOOTER_SIZE, width * 0.7f), MARGIN, baseline, FOOTER_SIZE, false);
                }
                if (!right.isBlank()) {
                    show(right, MARGIN + width - textWidth(right, FOOTER_SIZE), MARGIN, FOOTER_SIZE, false);
                }
            } finally {
                content = null;
            }
        }

        private void show(String text, float x, float baseline, float size, boolean bold) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font, size);
            if (bold) {
                // Liberation Sans Bold is not shipped with PDFBox: a thin outline drawn over the letters stands in.
                content.setRenderingMode(RenderingMode.FILL_STROKE);
                content.setLineWidth(size * 0.035f);
            } else {
                content.setRenderingMode(RenderingMode.FILL);
            }
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        }

        /** The text broken into lines no wider than {@code w}: at spaces, or inside a word too long for a line. */
        private List<String> wrap(String text, float size, float w) throws IOException {
            List<String> out = new ArrayList<>();
            for (String paragraph : printable(text).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (textWidth(candidate, size) <= w) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (line.length() > 0) {
                        out.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (textWidth(rest, size) > w) {
                        int cut = longestPrefix(rest, size, w);
                        out.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                out.add(line.toString());
            }
            return out;
        }

        private int longestPrefix(String word, float size, float w) throws IOException {
            int cut = Character.charCount(word.codePointAt(0));
            while (cut < word.length()) {
                int next = cut + Character.charCount(word.codePointAt(cut));
                if (textWidth(word.substring(0, next), size) > w) {
                    break;
                }
                cut = next;
            }
            return cut;
        }

        /** One line, shortened with an ellipsis when too wide. */
        private String fit(String text, float size, float w) throws IOException {
            String line = printable(text).replace('\n', ' ');
            if (textWidth(line, size) <= w) {
                return line;
            }
            String end = printable("…");
            int cut = longestPrefix(line, size, w - textWidth(end, size));
            return line.substring(0, cut).stripTrailing() + end;
        }

        private float textWidth(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /**
         * The text as the font can print it: composed (NFC), tabs and other control characters as spaces, line breaks
         * kept, and any character without a glyph in the font as "?".
         */
        private String printable(String text) {
            String composed = Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC);
            StringBuilder out = new StringBuilder(composed.length());
            composed.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    out.append('\n');
                } else if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    out.append(' ');
                } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean hasGlyph(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
