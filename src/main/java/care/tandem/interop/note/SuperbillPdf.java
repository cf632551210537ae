package care.tandem.interop.note;

import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import care.tandem.interop.pdf.PdfBlock;
import care.tandem.interop.pdf.PdfCopy;
import care.tandem.interop.pdf.PdfDocument;
import care.tandem.interop.pdf.PdfLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static care.tandem.interop.pdf.PdfBlock.field;

/**
 * The superbill for a visit as a PDF: clinic, child, date of service, rendering clinician and a table of the accepted
 * codes, with a line saying that codes marked "verify with your plan" were checked by the clinic.
 *
 * <p>Confidential codes (Z63.0, Z91.41x) are printed only with {@code includeConfidential}. Without it they are absent
 * and nothing says that any code was left out, for the reason given in {@link NotePdf}: a superbill may be handed to
 * the family. With it, a box at the top and the foot of every page say the superbill is not for the family.
 */
public final class SuperbillPdf {
    private SuperbillPdf() {
    }

    /**
     * Writes the superbill to {@code file} atomically (a failure leaves no file and no half-written one under that
     * name).
     *
     * @param includeConfidential print the codes marked confidential
     * @throws ProblemException DISK_FULL or STORAGE_FAILED when the file cannot be written
     */
    public static void write(SuperbillDocument bill, Path file, boolean includeConfidential) {
        PdfLayout.save(layout(bill, includeConfidential), file);
    }

    private static PdfDocument layout(SuperbillDocument bill, boolean includeConfidential) {
        Texts t = new Texts(bill.language());
        List<SuperbillDocument.Code> codes = bill.codes().stream()
                .filter(c -> includeConfidential || !c.confidential()).toList();
        boolean confidential = codes.stream().anyMatch(SuperbillDocument.Code::confidential);
        List<PdfBlock> b = new ArrayList<>();
        if (!bill.clinicName().isBlank()) {
            b.add(new PdfBlock.Heading(bill.clinicName()));
        }
        b.add(new PdfBlock.Title(t.get("pdf.superbill.title")));
        if (confidential) {
            b.add(new PdfBlock.Notice(t.get("pdf.superbill.confidentialIncluded")));
        }
        field(b, t.get("pdf.superbill.child"), bill.childName());
        field(b, t.get("pdf.superbill.birthDate"), bill.childBirthDate());
        field(b, t.get("pdf.superbill.mediCalId"), bill.mediCalId());
        field(b, t.get("pdf.superbill.visitDate"), bill.visitDate());
        field(b, t.get("pdf.superbill.clinician"), bill.renderingClinician());
        b.add(new PdfBlock.Heading(t.get("pdf.superbill.codes")));
        if (codes.isEmpty()) {
            b.add(new PdfBlock.Paragraph(t.get("pdf.superbill.none")));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (SuperbillDocument.Code c : codes) {
                String label = c.verifyWithPlan() ? c.label() + "\n" + t.get("pdf.superbill.verify") : c.label();
                rows.add(List.of(c.code(), c.modifier(), label, c.system()));
            }
            b.add(new PdfBlock.Table(List.of(t.get("pdf.superbill.code"), t.get("pdf.superbill.modifier"),
                    t.get("pdf.superbill.label"), t.get("pdf.superbill.system")), List.of(1.3f, 1.2f, 5f, 1.5f), rows));
            if (codes.stream().anyMatch(SuperbillDocument.Code::verifyWithPlan)) {
                b.add(new PdfBlock.Paragraph(t.get("pdf.superbill.verified")));
            }
        }
        String footer = confidential ? t.get("pdf.superbill.confidentialIncluded") : "";
        return new PdfDocument(List.of(new PdfCopy(footer, t.get("pdf.page"), b)));
    }
}
