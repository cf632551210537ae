package care.tandem.service;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Referral;

import java.nio.file.Path;
import java.time.LocalDate;

/** The referral letter PDF: a clinic copy and, on its own page, a family copy in the family's language. */
final class ReferralLetters {

    /**
     * What a letter is made from.
     *
     * @param recipient   the caregiver the family copy is for, or null for no family copy
     * @param destination the directory entry, or null when the destination was named in the reason only
     */
    record Input(Referral referral, Family family, Member subject, Member recipient, Destination destination,
                 String clinicName, String referrerName, LocalDate date) {
    }

    /** Writes the letter to {@code file} atomically. */
    void write(Input in, Path file) {
        throw new UnsupportedOperationException("referral letter: being built");
    }
}
