package care.tandem.interop.pdf;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfLayoutTest {

    @Test
    void eachCopyBeginsOnItsOwnLetterSizedPage() throws IOException {
        PdfDocument letter = new PdfDocument(List.of(
                copy("Clinic copy", new PdfBlock.Title("Referral"), new PdfBlock.Field("Need", "Food")),
                copy("Family copy", new PdfBlock.Title("Where to get help"),
                        new PdfBlock.Paragraph("If you have questions, call the clinic."))));

        try (PDDocument doc = Loader.loadPDF(PdfLayout.render(letter))) {
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
        List<PdfBlock> blocks = new ArrayList<>();
        blocks.add(new PdfBlock.Title("A long letter"));
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sentence.append("word").append(i).append(' ');
        }
        for (int i = 0; i < 30; i++) {
            blocks.add(new PdfBlock.Paragraph("Paragraph " + i + ": " + sentence));
        }
        blocks.add(new PdfBlock.Field("A label long enough to need two lines of its own", sentence.toString()));
        blocks.add(new PdfBlock.Paragraph("x".repeat(300)));
        blocks.add(new PdfBlock.Paragraph("The last line."));

        try (PDDocument doc = Loader.loadPDF(PdfLayout.render(new PdfDocument(List.of(
                copy("Clinic copy", blocks.toArray(PdfBlock[]::new))))))) {
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
        PdfDocument letter = new PdfDocument(List.of(copy("Copia para la familia",
                new PdfBlock.Paragraph("Hola, María José Ñúñez:"),
                new PdfBlock.Field("Child", "Nguyễn Thị Hương"),
                new PdfBlock.Field("Caregiver", "王小明 \uD83D\uDE00"),
                new PdfBlock.Paragraph("Tab\there, a control\u0007character and a decomposed e\u0301."))));

        try (PDDocument doc = Loader.loadPDF(PdfLayout.render(letter))) {
            String text = page(doc, 1);
            assertTrue(text.contains("Hola, María José Ñúñez:"), text);
            assertTrue(text.contains("Nguyễn Thị Hương"), text);
            assertTrue(text.contains("??? ?"), "Chinese characters and an emoji the font lacks: " + text);
            assertTrue(text.contains("Tab here, a control character and a decomposed é."), text);
        }
    }

    @Test
    void theFontIsEmbeddedAndTheFileCarriesNoMetadata() throws IOException {
        PdfDocument letter = new PdfDocument(List.of(copy("Clinic copy", new PdfBlock.Notice("PRIVATE"),
                new PdfBlock.Heading("Tandem Demo Clinic"))));

        try (PDDocument doc = Loader.loadPDF(PdfLayout.render(letter))) {
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

    @Test
    void aTableWrapsItsCellsAndRepeatsItsHeaderOnEveryPageItRunsOnto() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rows.add(List.of("C" + i, i % 2 == 0 ? "HD" : "", "A description long enough to need more than one line in "
                    + "its narrow column, number " + i, "HCPCS"));
        }
        PdfBlock.Table table = new PdfBlock.Table(List.of("Code", "Modifier", "Description", "System"),
                List.of(1.2f, 1f, 5f, 1.5f), rows);

        try (PDDocument doc = Loader.loadPDF(PdfLayout.render(new PdfDocument(List.of(copy("Superbill", table)))))) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 3, "pages: " + pages);
            for (int p = 1; p <= pages; p++) {
                assertTrue(page(doc, p).startsWith("Code Modifier Description System"), page(doc, p));
            }
            String all = new PDFTextStripper().getText(doc);
            for (int i = 0; i < 80; i++) {
                assertTrue(all.contains("C" + i + " "), "row " + i + " is printed");
                assertTrue(all.contains("number " + i + "\n"), "row " + i + " is printed whole");
            }
            assertTrue(all.lines().allMatch(l -> l.length() < 120), "no line runs off the page");
        }
    }

    @Test
    void aNoticeAndAHeadingAreNeverLeftAtTheFootOfAPageWithoutWhatFollowsThem() throws IOException {
        for (int filler = 20; filler < 45; filler++) {
            List<PdfBlock> blocks = new ArrayList<>();
            for (int i = 0; i < filler; i++) {
                blocks.add(new PdfBlock.Paragraph("Filler " + i));
            }
            blocks.add(new PdfBlock.Notice("Confidential: not for the family"));
            blocks.add(new PdfBlock.Heading("Safety"));
            blocks.add(new PdfBlock.Paragraph("HITS total 12"));

            try (PDDocument doc = Loader.loadPDF(PdfLayout.render(new PdfDocument(List.of(copy("", blocks.toArray(
                    PdfBlock[]::new))))))) {
                for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                    String text = page(doc, p);
                    if (text.contains("Confidential: not for the family") || text.contains("Safety")) {
                        assertTrue(text.contains("Confidential: not for the family\nSafety\nHITS total 12"),
                                "after " + filler + " lines, page " + p + ":\n" + text);
                    }
                }
            }
        }
    }

    @Test
    void aTableNeedsACellForEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new PdfBlock.Table(List.of("Code", "Label"),
                List.of(1f, 2f), List.of(List.of("96127"))));
        assertThrows(IllegalArgumentException.class, () -> new PdfBlock.Table(List.of("Code", "Label"),
                List.of(1f), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new PdfBlock.Table(List.of("Code"),
                List.of(0f), List.of()));
    }

    @Test
    void aFooterOfTwoLinesPrintsBothOnEveryPageBelowTheText() throws IOException {
        List<PdfBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            blocks.add(new PdfBlock.Paragraph("Line " + i));
        }
        PdfCopy copy = new PdfCopy("Not for the family\nSigned content SHA-256: 1a2b3c4d…", "Page {0} of {1}", blocks);

        try (PDDocument doc = Loader.loadPDF(PdfLayout.render(new PdfDocument(List.of(copy))))) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 2, "pages: " + pages);
            for (int p = 1; p <= pages; p++) {
                List<String> lines = page(doc, p).lines().toList();
                int n = lines.size();
                assertEquals("Not for the family", lines.get(n - 2), page(doc, p));
                assertTrue(lines.get(n - 1).startsWith("Signed content SHA-256: 1a2b3c4d…"), lines.get(n - 1));
                assertTrue(lines.get(n - 1).endsWith("Page " + p + " of " + pages), lines.get(n - 1));
                assertTrue(lines.get(n - 3).startsWith("Line "), "the text stops above the footer: " + lines.get(n - 3));
            }
        }
    }

    @Test
    void saveWritesTheWholeFileAndReplacesAnOlderOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("note.pdf");
        Files.writeString(file, "an older note");

        PdfLayout.save(new PdfDocument(List.of(copy("Clinic copy", new PdfBlock.Title("Visit note")))), file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertTrue(page(doc, 1).contains("Visit note"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no .part file left beside it");
        }
    }

    @Test
    void saveIntoAFolderThatCannotBeMadeIsAStorageProblemAndWritesNothing(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        Path file = notAFolder.resolve("note.pdf");

        ProblemException e = assertThrows(ProblemException.class,
                () -> PdfLayout.save(new PdfDocument(List.of(copy("Clinic copy"))), file));

        assertEquals(Problem.STORAGE_FAILED, e.problem());
        assertFalse(Files.exists(file));
    }

    private static PdfCopy copy(String footer, PdfBlock... blocks) {
        return new PdfCopy(footer, "Page {0} of {1}", List.of(blocks));
    }

    private static String page(PDDocument doc, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(doc);
    }
}
