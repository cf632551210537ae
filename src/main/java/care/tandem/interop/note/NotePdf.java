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
 * The visit note as a PDF: clinic header, title, child and visit, the sections, the signatures (or "Draft — not
 * signed"), the addenda, and on every page the signed content's hash and the page count.
 *
 * <p>The confidential part is printed only with {@code includeConfidential}. Without it the part is absent, not
 * greyed, and nothing on the page says that anything was left out: a copy printed without it may be handed to the
 * family, and a line such as "Confidential section withheld" would itself tell them that the note holds something
 * confidential (ARCHITECTURE.md, safety and privacy rules: a mark shown only when there is something to hide reveals
 * it). A copy printed with it says so in a box at the top and on the foot of every page, so a loose page is not
 * mistaken for one the family may have.
 */
public final class NotePdf {
    /** Hex digits of the hash shown: enough to compare two copies by eye. */
    static final int HASH_SHOWN = 16;

    private NotePdf() {
    }

    /**
     * Writes the note to {@code file} atomically (a failure leaves no file and no half-written one under that name).
     *
     * @param includeConfidential print the confidential part (for the clinic's record)
     * @throws ProblemException DISK_FULL or STORAGE_FAILED when the file cannot be written
     */
    public static void write(NoteDocument note, Path file, boolean includeConfidential) {
        PdfLayout.save(layout(note, includeConfidential), file);
    }

    /** The note's PDF as bytes, for a document that carries it (the FHIR export's DocumentReference). */
    public static byte[] render(NoteDocument note, boolean includeConfidential) {
        return PdfLayout.render(layout(note, includeConfidential));
    }

    private static PdfDocument layout(NoteDocument note, boolean includeConfidential) {
        Texts t = new Texts(note.language());
        boolean confidential = includeConfidential && !note.confidential().isEmpty();
        List<PdfBlock> b = new ArrayList<>();
        if (!note.clinicName().isBlank()) {
            b.add(new PdfBlock.Heading(note.clinicName()));
        }
        b.add(new PdfBlock.Title(note.title()));
        if (note.signing().isDraft()) {
            b.add(new PdfBlock.Notice(t.get("pdf.note.draft")));
        }
        if (confidential) {
            b.add(new PdfBlock.Notice(t.get("pdf.note.confidentialIncluded")));
        }
        NoteDocument.Child child = note.child();
        field(b, t.get("pdf.note.child"), child.birthDate().isBlank() ? child.name()
                : t.get("pdf.note.born", child.name(), child.birthDate()));
        NoteDocument.Visit visit = note.visit();
        field(b, t.get("pdf.note.visitDate"), visit.date());
        field(b, t.get("pdf.note.visitKind"), visit.kind());
        field(b, t.get("pdf.note.place"), visit.place());
        if (visit.minutes() != null) {
            field(b, t.get("pdf.note.minutes"), t.get("pdf.note.minutesValue", visit.minutes()));
        }
        field(b, t.get("pdf.note.clinician"), visit.clinician());
        sections(b, note.sections());
        if (confidential) {
            String heading = note.confidential().heading();
            b.add(new PdfBlock.Notice(heading.isBlank() ? t.get("pdf.note.confidentialIncluded") : heading));
            sections(b, note.confidential().sections());
        }
        signatures(b, t, note.signing());
        for (int i = 0; i < note.addenda().size(); i++) {
            NoteDocument.Addendum a = note.addenda().get(i);
            b.add(new PdfBlock.Heading(t.get("pdf.note.addendum", i + 1)));
            b.add(new PdfBlock.Paragraph(a.text()));
            field(b, t.get("pdf.note.signedBy"), signature(t, a.signature()));
        }
        List<String> footer = new ArrayList<>();
        if (confidential) {
            footer.add(t.get("pdf.note.confidentialIncluded"));
        }
        if (note.signing().isDraft()) {
            footer.add(t.get("pdf.note.draft"));
        } else if (!note.contentHash().isBlank()) {
            footer.add(t.get("pdf.note.hash", shortHash(note.contentHash())));
        }
        return new PdfDocument(List.of(new PdfCopy(String.join("\n", footer), t.get("pdf.page"), b)));
    }

    private static void sections(List<PdfBlock> b, List<NoteDocument.Section> sections) {
        for (NoteDocument.Section s : sections) {
            b.add(new PdfBlock.Heading(s.heading()));
            b.add(new PdfBlock.Paragraph(s.text()));
        }
    }

    private static void signatures(List<PdfBlock> b, Texts t, NoteDocument.Signing signing) {
        b.add(new PdfBlock.Heading(t.get("pdf.note.signatures")));
        if (signing.isDraft()) {
            b.add(new PdfBlock.Paragraph(t.get("pdf.note.draft")));
            return;
        }
        field(b, t.get("pdf.note.signedBy"), signature(t, signing.author()));
        if (signing.awaitingCoSignature()) {
            field(b, t.get("pdf.note.coSignature"), t.get("pdf.note.awaitingCoSignature"));
        }
        if (signing.coSigner() != null) {
            field(b, t.get("pdf.note.coSignedBy"), signature(t, signing.coSigner()));
            field(b, t.get("pdf.note.attestation"), signing.attestation());
        }
    }

    private static String signature(Texts t, NoteDocument.Signature s) {
        return s.role().isBlank() ? t.get("pdf.note.signatureNoRole", s.by(), s.at())
                : t.get("pdf.note.signature", s.by(), s.role(), s.at());
    }

    /** The first hex digits of the hash and an ellipsis. */
    static String shortHash(String hash) {
        return hash.length() <= HASH_SHOWN ? hash : hash.substring(0, HASH_SHOWN) + "…";
    }
}
