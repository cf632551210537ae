package care.tandem.interop.letter;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LetterPdfTest {

    @Test
    void eachCopyBeginsOnItsOwnLetterSizedPage() throws IOException {
        LetterDocument letter = new LetterDocument(List.of(
                copy("Clinic copy", new LetterBlock.Title("Referral"), new LetterBlock.Field("Need", "Food")),
                copy("Family copy", new LetterBlock.Title("Where to get help"),
                        new LetterBlock.Paragraph("If you have questions, call the clinic."))));

        try (PDDocument doc = Loader.loadPDF(LetterPdf.render(letter))) {
            assertEquals(2, doc.getNumberOfPages());
            assertEquals(PDRectangle.LETTER.getWidth(), doc.getPage(0).getMediaBox().getWidth());
            assertEquals(PDRectangle.LETTER.getHeight(), doc.getPage(0).getMediaBox().getHeight());
            String first = page(doc, 1);
            String second = page(doc, 2);
            assertTrue(first.contains("Referral") && first.contains("Need Food"), first);
            assertTrue(first.contains("Clinic copy") && first.contains("Page 1 of 1"), first);
            assertFalse(first.contains("Where to get help"), first);
            assertTrue(second.contains("Where to get help") && second.contains("call the clinic"), second);
            assertTrue(second.contains("Family copy"), second);
            assertFalse(second.contains("Need Food"), second);
        }
    }

    @Test
    void longTextWrapsWithinTheMarginsAndRunsOntoMorePages() throws IOException {
        List<LetterBlock> blocks = new ArrayList<>();
        blocks.add(new LetterBlock.Title("A long letter"));
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sentence.append("word").append(i).append(' ');
        }
        for (int i = 0; i < 30; i++) {
            blocks.add(new LetterBlock.Paragraph("Paragraph " + i + ": " + sentence));
        }
        blocks.add(new LetterBlock.Field("A label long enough to need two lines of its own", sentence.toString()));
        blocks.add(new LetterBlock.Paragraph("x".repeat(300)));
        blocks.add(new LetterBlock.Paragraph("The last line."));

        try (PDDocument doc = Loader.loadPDF(LetterPdf.render(new LetterDocument(List.of(
                copy("Clinic copy", blocks.toArray(LetterBlock[]::new))))))) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 3, "pages: " + pages);
            String all = new PDFTextStripper().getText(doc);
            assertTrue(all.contains("Paragraph 0: word0 word1"), all);
            assertTrue(all.contains("Paragraph 29: word0"), all);
            assertTrue(all.contains("The last line."), all);
            assertEquals(300, all.chars().filter(ch -> ch == 'x').count(),
                    "a word too long for a line is cut, not lost");
            assertTrue(all.lines().allMatch(l -> l.length() < 120), "no line runs off the page");
            assertTrue(page(doc, pages).contains("Page " + pages + " of " + pages), page(doc, pages));
            assertTrue(page(doc, 1).contains("Page 1 of " + pages), page(doc, 1));
        }
    }

    @Test
    void namesInAnyScriptPrintAndCharactersTheFontLacksBecomeQuestionMarks() throws IOException {
        LetterDocument letter = new LetterDocument(List.of(copy("Copia para la familia",
                new LetterBlock.Paragraph("Hola, María José Ñúñez:"),
                new LetterBlock.Field("Child", "Nguyễn Thị Hương"),
                new LetterBlock.Field("Caregiver", "王小明 \uD83D\uDE00"),
                new LetterBlock.Paragraph("Tab\there, a control\u0007character and a decomposed e\u0301."))));

        try (PDDocument doc = Loader.loadPDF(LetterPdf.render(letter))) {
            String text = page(doc, 1);
            assertTrue(text.contains("Hola, María José Ñúñez:"), text);
            assertTrue(text.contains("Nguyễn Thị Hương"), text);
            assertTrue(text.contains("??? ?"), "Chinese characters and an emoji the font lacks: " + text);
            assertTrue(text.contains("Tab here, a control character and a decomposed é."), text);
        }
    }

    @Test
    void theFontIsEmbeddedAndTheFileCarriesNoMetadata() throws IOException {
        LetterDocument letter = new LetterDocument(List.of(copy("Clinic copy", new LetterBlock.Notice("PRIVATE"),
                new LetterBlock.Heading("Tandem Demo Clinic"))));

        try (PDDocument doc = Loader.loadPDF(LetterPdf.render(letter))) {
            PDPage page = doc.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertFalse(fonts.isEmpty());
            assertTrue(fonts.stream().allMatch(PDFont::isEmbedded), "embedded fonts only");
            assertTrue(fonts.stream().allMatch(f -> f.getName().contains("LiberationSans")), fonts.toString());
            assertNull(doc.getDocumentInformation().getTitle());
            assertNull(doc.getDocumentInformation().getAuthor());
            assertTrue(page(doc, 1).contains("PRIVATE"));
        }
    }

    private static LetterCopy copy(String footer, LetterBlock... blocks) {
        return new LetterCopy(footer, "Page {0} of {1}", List.of(blocks));
    }

    private static String page(PDDocument doc, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(doc);
    }
}
