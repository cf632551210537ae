package care.tandem.interop.pdf;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.print.DocFlavor;
import javax.print.StreamPrintService;
import javax.print.StreamPrintServiceFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfPrintingTest {

    @Test
    void withoutAPrinterNothingIsOfferedAndPrintingIsRefusedWithAnExplanation(@TempDir Path dir) {
        Path pdf = twoPages(dir);
        PdfPrinting printing = new PdfPrinting(() -> null);

        assertFalse(printing.available());
        ProblemException e = assertThrows(ProblemException.class, () -> printing.print(pdf));

        assertEquals(Problem.NO_PRINTER, e.problem());
        assertEquals("No printer is set up on this computer. Save the PDF and print it from another computer.",
                new Texts(Locale.ENGLISH).problem(e));
        assertEquals("No hay ninguna impresora configurada en esta computadora. Guarde el PDF e imprímalo desde otra "
                + "computadora.", new Texts(new Locale("es")).problem(e));
    }

    @Test
    void askingTheOperatingSystemForAPrinterWorksWithoutADisplay() {
        assertDoesNotThrow(() -> new PdfPrinting().available());
    }

    @Test
    void everyPageGoesToThePrinterAndNothingOfTheFileName(@TempDir Path dir) {
        ByteArrayOutputStream postScript = new ByteArrayOutputStream();
        StreamPrintService printer = StreamPrintServiceFactory.lookupStreamPrintServiceFactories(
                DocFlavor.SERVICE_FORMATTED.PAGEABLE, "application/postscript")[0].getPrintService(postScript);
        PdfPrinting printing = new PdfPrinting(() -> printer);

        Path pdf = twoPages(dir);

        assertTrue(printing.available());
        printing.print(pdf);

        String ps = postScript.toString(StandardCharsets.ISO_8859_1);
        assertTrue(ps.startsWith("%!PS"), "PostScript");
        assertEquals(2, ps.lines().filter(l -> l.startsWith("%%Page:")).count(), "both pages printed");
        assertFalse(ps.contains("Ruiz"), "nothing of the file's name reaches the printer");
    }

    @Test
    void aFileThatCannotBeReadIsAStorageProblem(@TempDir Path dir) {
        StreamPrintService printer = StreamPrintServiceFactory.lookupStreamPrintServiceFactories(
                DocFlavor.SERVICE_FORMATTED.PAGEABLE, "application/postscript")[0]
                .getPrintService(new ByteArrayOutputStream());

        ProblemException e = assertThrows(ProblemException.class,
                () -> new PdfPrinting(() -> printer).print(dir.resolve("missing.pdf")));

        assertEquals(Problem.STORAGE_FAILED, e.problem());
    }

    /** A PDF of two pages, its file named after a patient. */
    private static Path twoPages(Path dir) {
        List<PdfBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            blocks.add(new PdfBlock.Paragraph("Line " + i));
        }
        Path file = dir.resolve("note Ana Ruiz.pdf");
        PdfLayout.save(new PdfDocument(List.of(new PdfCopy("", "Page {0} of {1}", blocks))), file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertEquals(2, doc.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
