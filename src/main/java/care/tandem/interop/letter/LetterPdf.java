package care.tandem.interop.letter;

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
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prints a {@link LetterDocument} as a PDF on US Letter paper: each copy from a new page, running onto more pages when
 * long, with its footer and page count on every page. The text is set in Liberation Sans (shipped inside PDFBox),
 * embedded as a subset so the letter prints the same anywhere; names may hold any letter the font has, and a character
 * it lacks prints as "?" rather than failing the letter. The document carries no metadata (no title, no names).
 */
public final class LetterPdf {
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
    private static volatile byte[] fontBytes;

    private LetterPdf() {
    }

    /** The letter as the bytes of a PDF file. */
    public static byte[] render(LetterDocument letter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(letter, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the letter as a PDF to {@code out} (left open). */
    public static void write(LetterDocument letter, OutputStream out) throws IOException {
        Objects.requireNonNull(letter, "letter");
        try (PDDocument doc = new PDDocument()) {
            PDFont font = PDType0Font.load(doc, new ByteArrayInputStream(fontBytes()), true);
            Typesetter t = new Typesetter(doc, font);
            for (LetterCopy copy : letter.copies()) {
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
            try (InputStream in = LetterPdf.class.getResourceAsStream(FONT)) {
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
        private final float bottom = MARGIN + 2 * FOOTER_SIZE;
        private PDPageContentStream content;
        private float y;

        Typesetter(PDDocument doc, PDFont font) {
            this.doc = doc;
            this.font = font;
        }

        void print(LetterCopy copy) throws IOException {
            List<PDPage> pages = new ArrayList<>();
            newPage(pages);
            for (LetterBlock b : copy.blocks()) {
                if (b instanceof LetterBlock.Title x) {
                    lines(pages, x.text(), TITLE_SIZE, true, MARGIN, width, 2, 10);
                } else if (b instanceof LetterBlock.Heading x) {
                    lines(pages, x.text(), HEADING_SIZE, true, MARGIN, width, 10, 4);
                } else if (b instanceof LetterBlock.Paragraph x) {
                    lines(pages, x.text(), BODY_SIZE, false, MARGIN, width, 0, 6);
                } else if (b instanceof LetterBlock.Field x) {
                    field(pages, x);
                } else if (b instanceof LetterBlock.Notice x) {
                    notice(pages, x);
                }
            }
            content.close();
            content = null;
            for (int i = 0; i < pages.size(); i++) {
                footer(pages.get(i), copy, i + 1, pages.size());
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

        /** A label and its value; the row is kept on one page when it fits on one. */
        private void field(List<PDPage> pages, LetterBlock.Field f) throws IOException {
            float valueX = MARGIN + LABEL_WIDTH;
            float valueWidth = width - LABEL_WIDTH;
            List<String> label = wrap(f.label(), LABEL_SIZE, LABEL_WIDTH - 10);
            List<String> value = wrap(f.value(), BODY_SIZE, valueWidth);
            float leading = BODY_SIZE * LEADING;
            int rows = Math.max(label.size(), value.size());
            if (y - rows * leading < bottom && rows * leading < PAPER.getHeight() - MARGIN - bottom) {
                newPage(pages);
            }
            for (int i = 0; i < rows; i++) {
                if (y - leading < bottom) {
                    newPage(pages);
                }
                y -= leading;
                float base = y + (leading - BODY_SIZE) / 2;
                if (i < label.size()) {
                    show(label.get(i), MARGIN, base, LABEL_SIZE, true);
                }
                if (i < value.size()) {
                    show(value.get(i), valueX, base, BODY_SIZE, false);
                }
            }
            y -= 3;
        }

        /** A boxed warning, kept on one page. */
        private void notice(List<PDPage> pages, LetterBlock.Notice n) throws IOException {
            float size = BODY_SIZE + 1;
            float leading = size * LEADING;
            List<String> lines = wrap(n.text(), size, width - 2 * NOTICE_PADDING);
            float height = lines.size() * leading + 2 * NOTICE_PADDING;
            y -= 6;
            if (y - height < bottom) {
                newPage(pages);
            }
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

        private void footer(PDPage page, LetterCopy copy, int number, int count) throws IOException {
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true)) {
                content = s;
                String left = fit(copy.footer(), FOOTER_SIZE, width * 0.7f);
                String right = printable(copy.pageLabel().replace("{0}", String.valueOf(number))
                        .replace("{1}", String.valueOf(count)));
                show(left, MARGIN, MARGIN, FOOTER_SIZE, false);
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
