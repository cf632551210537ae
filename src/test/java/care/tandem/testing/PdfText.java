package care.tandem.testing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of a PDF file as PDFBox extracts it, page by page, for tests that check what a document says. */
public final class PdfText {
    private PdfText() {
    }

    /** The text of each page, in order. */
    public static List<String> pages(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every run of spaces and line breaks as one space, so a check does not depend on where lines wrap. */
    public static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** The text of all the pages. */
    public static String all(Path pdf) {
        return String.join("", pages(pdf));
    }
}
