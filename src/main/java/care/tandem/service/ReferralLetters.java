package care.tandem.service;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.files.AtomicFiles;
import care.tandem.i18n.Texts;
import care.tandem.interop.pdf.PdfBlock;
import care.tandem.interop.pdf.PdfCopy;
import care.tandem.interop.pdf.PdfDocument;
import care.tandem.interop.pdf.PdfLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static care.tandem.interop.pdf.PdfBlock.field;

/** The referral letter PDF: a clinic copy and, on its own page, a family copy in the family's language. */
final class ReferralLetters {
    /** The clinic copy is the clinic's record, in English. */
    private static final Locale CLINIC = Locale.US;
    private static final Locale SPANISH = new Locale("es", "US");

    /**
     * What a letter is made from.
     *
     * @param recipient   the caregiver the family copy is for, or null for no family copy
     * @param destination the directory entry, or null when the destination was named in the reason only
     */
    record Input(Referral referral, Family family, Member subject, Member recipient, Destination destination,
                 String clinicName, String referrerName, LocalDate date) {
    }

    /** Prints a letter's words to a file: the PDF, or in a test one that fails half-way. */
    interface Printer {
        void print(PdfDocument letter, Path file) throws IOException;
    }

    private final Printer printer;

    ReferralLetters() {
        this((letter, file) -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                PdfLayout.write(letter, out);
            }
        });
    }

    ReferralLetters(Printer printer) {
        this.printer = Objects.requireNonNull(printer, "printer");
    }

    /**
     * Writes the letter to {@code file} atomically: a temporary file beside it, moved over it when complete, so a
     * failure leaves the file that was there as it was.
     *
     * @throws ProblemException DISK_FULL or STORAGE_FAILED when the file cannot be written
     */
    void write(Input in, Path file) {
        PdfDocument letter = letter(in);
        AtomicFiles.write(file, tmp -> printer.print(letter, tmp));
    }

    /**
     * The words of the letter: the clinic copy, and the family copy when there is a recipient and the referral is not
     * private.
     */
    PdfDocument letter(Input in) {
        List<PdfCopy> copies = new ArrayList<>();
        copies.add(clinicCopy(in));
        if (in.recipient() != null && !in.referral().privateReferral()) {
            copies.add(familyCopy(in));
        }
        return new PdfDocument(copies);
    }

    /** The clinic's record of the referral, with everything the clinic knows, private details included. */
    private static PdfCopy clinicCopy(Input in) {
        Texts t = new Texts(CLINIC);
        Referral r = in.referral();
        List<PdfBlock> b = new ArrayList<>();
        if (!in.clinicName().isBlank()) {
            b.add(new PdfBlock.Heading(in.clinicName()));
        }
        b.add(new PdfBlock.Title(t.get("letter.clinic.title")));
        if (r.privateReferral()) {
            b.add(new PdfBlock.Notice(t.get("letter.clinic.private")));
        }
        field(b, t.get("letter.field.date"), date(in.date(), CLINIC));
        List<Member> children = in.subject().isChild() ? List.of(in.subject()) : in.family().children();
        for (Member child : children) {
            field(b, t.get("letter.field.child"), child.birthDate() == null ? child.fullName()
                    : t.get("letter.value.born", child.fullName(), date(child.birthDate(), CLINIC)));
        }
        field(b, t.get("letter.field.for"),
                t.get("letter.value.person", in.subject().fullName(), who(t, in.subject())));
        if (r.kind() == ReferralKind.WARM_HANDOFF) {
            field(b, t.get("letter.field.kind"), t.get("referral.kind." + r.kind().name()));
        }
        field(b, t.get("letter.field.need"), t.get("referral.need." + r.need().name()));
        field(b, t.get("letter.field.destination"), r.destinationName().isBlank()
                ? t.get("letter.value.noDestination") : r.destinationName());
        Destination d = in.destination();
        if (d != null) {
            field(b, t.get("letter.field.phone"), d.phone());
            field(b, t.get("letter.field.text"), d.text());
            field(b, t.get("letter.field.web"), d.web());
            field(b, t.get("letter.field.hours"), d.hours());
            field(b, t.get("letter.field.languages"), d.languages());
        }
        field(b, t.get("letter.field.reason"), r.reason());
        field(b, t.get("letter.field.urgency"), t.get("referral.urgency." + r.urgency().name()));
        field(b, t.get("letter.field.referredBy"), in.referrerName());
        field(b, t.get("letter.field.consent"), r.consentToShare() ? t.get("letter.value.yes")
                : t.get("letter.value.no"));
        String status = t.get("referral.status." + r.status().name());
        field(b, t.get("letter.field.status"), r.statusReason().isBlank() ? status
                : t.get("letter.value.statusWithReason", status, r.statusReason()));
        field(b, t.get("letter.field.followUp"), r.followUpDate() == null ? t.get("letter.value.none")
                : date(r.followUpDate(), CLINIC));
        return new PdfCopy(t.get("letter.clinic.footer"), t.get("letter.page"), b);
    }

    /**
     * The copy handed to the caregiver, in their language: where to go, how to reach it and what to do next. It holds
     * nothing confidential: no reason (it may hold clinical words), no screen, no status notes, no other member of the
     * family, no Medi-Cal number or restriction.
     */
    private static PdfCopy familyCopy(Input in) {
        Locale locale = language(in.recipient());
        Texts t = new Texts(locale);
        Referral r = in.referral();
        Destination d = in.destination();
        List<PdfBlock> b = new ArrayList<>();
        if (!in.clinicName().isBlank()) {
            b.add(new PdfBlock.Heading(in.clinicName()));
        }
        b.add(new PdfBlock.Title(t.get("letter.family.title")));
        b.add(new PdfBlock.Paragraph(date(in.date(), locale)));
        b.add(new PdfBlock.Paragraph(t.get("letter.family.greeting", in.recipient().fullName())));
        b.add(new PdfBlock.Paragraph(t.get("letter.family.intro",
                in.clinicName().isBlank() ? t.get("letter.family.theClinic") : in.clinicName())));
        b.add(new PdfBlock.Heading(t.get("letter.family.place")));
        String name = d != null ? d.name() : r.destinationName();
        if (!name.isBlank()) {
            b.add(new PdfBlock.Paragraph(name));
        }
        if (d != null) {
            field(b, t.get("letter.field.phone"), d.phone());
            field(b, t.get("letter.field.text"), d.text());
            field(b, t.get("letter.field.web"), d.web());
            field(b, t.get("letter.field.hours"), d.hours());
        }
        if (d == null || (d.phone().isBlank() && d.text().isBlank() && d.web().isBlank())) {
            b.add(new PdfBlock.Paragraph(t.get("letter.family.askClinic")));
        }
        b.add(new PdfBlock.Heading(t.get("letter.family.nextSteps")));
        b.add(new PdfBlock.Paragraph(t.get("letter.next." + r.need().name())));
        b.add(new PdfBlock.Paragraph(t.get("letter.family.questions")));
        return new PdfCopy(t.get("letter.family.footer"), t.get("letter.page"), b);
    }

    /** Spanish for a caregiver who prefers it ("es", "es-MX", ...), else English. */
    static Locale language(Member recipient) {
        String tag = recipient.preferredLanguage().toLowerCase(Locale.ROOT);
        return tag.equals("es") || tag.startsWith("es-") || tag.startsWith("es_") ? SPANISH : CLINIC;
    }

    private static String who(Texts t, Member m) {
        if (m.isChild()) {
            return t.get("letter.value.child");
        }
        return m.relationship() == null ? t.get("letter.value.caregiver")
                : t.get("family.relationship." + m.relationship().name());
    }

    private static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }
}
