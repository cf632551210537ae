package care.tandem.interop.fhir.export;

import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.family.Family;
import care.tandem.domain.note.Note;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything Tandem holds about one family, as the FHIR export maps it: its people, visits, screens (with answers),
 * referrals (with their history), notes (with their PDFs) and the codes accepted for its visits.
 */
public record FamilyRecords(Family family, List<Visit> visits, List<Screening> screenings, List<Referral> referrals,
                            List<SignedNote> notes, List<Code> codes) {

    public FamilyRecords {
        Objects.requireNonNull(family, "family");
        visits = List.copyOf(visits);
        screenings = List.copyOf(screenings);
        referrals = List.copyOf(referrals);
        notes = List.copyOf(notes);
        codes = List.copyOf(codes);
    }

    /**
     * A signed note (signed, awaiting its co-signature, or co-signed) with its PDFs.
     *
     * @param pdf             the note without its confidential part (the copy a family may be handed)
     * @param confidentialPdf the complete note, confidential part included; null when it has none
     */
    public record SignedNote(Note note, byte[] pdf, byte[] confidentialPdf) {
        public SignedNote {
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(pdf, "pdf");
        }
    }

    /** A code accepted for a visit, and when it was removed (null while it stands). */
    public record Code(AcceptedCode code, Instant removedAt) {
        public Code {
            Objects.requireNonNull(code, "code");
        }
    }
}
