package care.tandem.interop.pdf;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Prints a PDF file on this computer's printer through the operating system (the default printer, else the first one
 * set up), without a dialog. The print job is named "Tandem", never after the file, so the printer's queue shows no
 * patient's name.
 */
public final class PdfPrinting {
    private static final String JOB_NAME = "Tandem";

    /** Finds the printer to print on. */
    @FunctionalInterface
    public interface Printers {
        /** The printer to use, or null when none is set up. */
        PrintService find();
    }

    private final Printers printers;

    /** Printing on the printers the operating system knows. */
    public PdfPrinting() {
        this(PdfPrinting::systemPrinter);
    }

    public PdfPrinting(Printers printers) {
        this.printers = Objects.requireNonNull(printers, "printers");
    }

    /** Whether this computer has a printer to print on. */
    public boolean available() {
        return printers.find() != null;
    }

    /**
     * Sends every page of {@code pdf} to the printer; blocks until the operating system has the job, so call it off the
     * FX thread.
     *
     * @throws ProblemException NO_PRINTER when no printer is set up; STORAGE_FAILED when the file cannot be read;
     *                          PRINT_FAILED when the printer refuses the job
     */
    public void print(Path pdf) {
        PrintService printer = printers.find();
        if (printer == null) {
            throw new ProblemException(Problem.NO_PRINTER);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(printer);
            job.setJobName(JOB_NAME);
            job.setPageable(new PDFPageable(doc));
            job.print();
        } catch (IOException e) {
            throw new ProblemException(Problem.STORAGE_FAILED, e, pdf.toAbsolutePath().getParent());
        } catch (PrinterException e) {
            throw new ProblemException(Problem.PRINT_FAILED, e);
        }
    }

    private static PrintService systemPrinter() {
        PrintService printer = PrintServiceLookup.lookupDefaultPrintService();
        if (printer != null) {
            return printer;
        }
        PrintService[] all = PrintServiceLookup.lookupPrintServices(null, null);
        return all.length == 0 ? null : all[0];
    }
}
