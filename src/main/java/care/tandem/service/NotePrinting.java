package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.billing.Superbill;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.note.Addendum;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.note.NoteSection;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.Signature;
import care.tandem.domain.screening.Visit;
import care.tandem.i18n.Texts;
import care.tandem.interop.note.NoteDocument;
import care.tandem.interop.note.NotePdf;
import care.tandem.interop.note.SuperbillDocument;
import care.tandem.interop.note.SuperbillPdf;
import care.tandem.interop.pdf.PdfPrinting;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The visit's papers: the note PDF (clinic header, sections, signatures, addenda) and the superbill of the accepted
 * codes, each with or without the confidential part; printing a saved PDF through the operating system. Every paper
 * written is audited as a print. The note is the clinic's record, in English like its text.
 */
public final class NotePrinting {
    private static final Locale RECORD = Locale.US;
    private static final String NOTE = "note";
    private static final String VISIT = "visit";

    private final Database db;
    private final NoteService notes;
    private final BillingService billing;
    private final FamilyService families;
    private final AccountService accounts;
    private final ClinicService clinic;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;
    private final PdfPrinting printing;
    private final java.time.ZoneId zone;

    public NotePrinting(Database db, NoteService notes, BillingService billing, FamilyService families,
                        AccountService accounts, ClinicService clinic, AuditRepository audit, Stamps stamps,
                        Session session, PdfPrinting printing) {
        this.db = db;
        this.notes = notes;
        this.billing = billing;
        this.families = families;
        this.accounts = accounts;
        this.clinic = clinic;
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
        this.printing = printing;
        this.zone = stamps.clock().getZone();
    }

    /**
     * Writes the note as a PDF, atomically; without {@code includeConfidential} the confidential part (private results,
     * the mandated report) is left out, so the copy may be handed to the family.
     */
    public void notePdf(UUID noteId, Path file, boolean includeConfidential) {
        Note n = notes.open(noteId);
        NotePdf.write(document(n), file, includeConfidential);
        audited(NOTE, noteId, includeConfidential);
    }

    /** Writes the superbill of the visit's accepted codes, atomically; confidential codes only when asked. */
    public void superbillPdf(UUID visitId, Path file, boolean includeConfidential) {
        Superbill bill = billing.superbill(visitId);
        SuperbillPdf.write(superbill(bill), file, includeConfidential);
        audited(VISIT, visitId, includeConfidential);
    }

    /** True when the operating system has a printer set up. */
    public boolean printerAvailable() {
        return printing.available();
    }

    /** Sends a saved PDF to the printer (blocks until it is spooled). */
    public void print(Path pdf) {
        printing.print(pdf);
    }

    private void audited(String kind, UUID id, boolean includeConfidential) {
        UUID user = session.require().id();
        db.write(c -> {
            audit.append(c, stamps.now(user), AuditAction.PRINT, kind, id,
                    includeConfidential ? "with confidential part" : "without confidential part");
            return null;
        });
    }

    NoteDocument document(Note n) {
        Visit v = notes.visit(n.visitId());
        Family f = families.find(n.familyId()).orElseThrow();
        Member child = f.members().stream().filter(m -> m.id().equals(v.childId())).findFirst().orElseThrow();
        String clinician = accounts.users().stream().filter(u -> u.id().equals(v.clinicianId())).findFirst()
                .map(u -> u.displayName()).orElse("");
        return document(n, v, child, clinician, clinic.info().clinicName());
    }

    /** The note as its PDF shows it, from records already read (the FHIR export reads them itself, with no session). */
    NoteDocument document(Note n, Visit v, Member child, String clinician, String clinicName) {
        Texts t = new Texts(RECORD);
        NoteContent c = n.content();
        List<NoteDocument.Section> sections = new ArrayList<>();
        if (!c.concerns().isEmpty() || !c.concernText().isBlank()) {
            List<String> concerns = new ArrayList<>(c.concerns().stream()
                    .map((PresentingConcern p) -> t.get("visits.concern." + p.name())).toList());
            if (!c.concernText().isBlank()) {
                concerns.add(c.concernText());
            }
            sections.add(new NoteDocument.Section(t.get("visits.note.concerns"), String.join("; ", concerns)));
        }
        if (!v.childScreens().isEmpty()) {
            sections.add(new NoteDocument.Section(t.get("visits.note.childScreens"), v.childScreens().stream()
                    .map(s -> t.get("visits.childScreen." + s.name())).collect(Collectors.joining("; "))));
        }
        for (NoteSection s : c.sections()) {
            sections.add(new NoteDocument.Section(s.heading(), s.text()));
        }
        List<NoteDocument.Section> confidential = new ArrayList<>();
        if (!c.confidential().isBlank()) {
            confidential.add(new NoteDocument.Section(t.get("visits.note.confidential"), c.confidential()));
        }
        if (c.mandatedReport() != null) {
            confidential.add(new NoteDocument.Section(t.get("visits.note.report.heading"),
                    t.get("pdf.note.report", time(c.mandatedReport().madeAt()), c.mandatedReport().agency(),
                            c.mandatedReport().reference())));
        }
        NoteDocument.Visit visit = new NoteDocument.Visit(date(v.date()), t.get("visits.kind." + v.kind().name()),
                t.get("visits.place." + v.place().name()), v.minutes(), clinician);
        List<NoteDocument.Addendum> addenda = n.addenda().stream()
                .map((Addendum a) -> new NoteDocument.Addendum(a.text(), signature(a.signature(), ""))).toList();
        return new NoteDocument(RECORD, clinicName, t.get("pdf.note.documentTitle"),
                new NoteDocument.Child(child.fullName(), date(child.birthDate())), visit, sections,
                confidential.isEmpty() ? NoteDocument.Confidential.NONE
                        : new NoteDocument.Confidential(t.get("visits.note.confidential"), confidential),
                signing(n), addenda, n.contentHash() == null ? "" : n.contentHash());
    }

    private NoteDocument.Signing signing(Note n) {
        if (n.signature() == null || n.status() == NoteStatus.DRAFT || n.status() == NoteStatus.RETURNED) {
            return NoteDocument.Signing.draft();
        }
        NoteDocument.Signature author = signature(n.signature(), "");
        if (n.status() == NoteStatus.AWAITING_COSIGN) {
            return NoteDocument.Signing.awaitingCoSignature(author);
        }
        if (n.status() == NoteStatus.COSIGNED && n.cosignature() != null) {
            return NoteDocument.Signing.coSigned(author, signature(n.cosignature(), ""), n.attestation());
        }
        return NoteDocument.Signing.signed(author);
    }

    private NoteDocument.Signature signature(Signature s, String role) {
        return new NoteDocument.Signature(s.name(), role, time(s.at()));
    }

    private SuperbillDocument superbill(Superbill b) {
        List<SuperbillDocument.Code> codes = b.codes().stream().map((AcceptedCode a) -> new SuperbillDocument.Code(
                a.code(), a.modifier(), a.label(), a.system().name().replace('_', '-'), a.confidential(),
                a.verification().verifyWithPlan())).toList();
        return new SuperbillDocument(RECORD, b.clinicName(), b.childName(), date(b.childBirthDate()), b.mediCalId(),
                date(b.visitDate()), b.clinician(), codes);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(RECORD).format(d);
    }

    private String time(java.time.Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(RECORD)
                .withZone(zone).format(at);
    }
}
