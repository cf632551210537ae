package care.tandem.interop.note;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A visit note to print, as plain data: every value already in the reader's words (dates formatted, kinds and places
 * named in {@code language}); the fixed words of the page (labels, "Page 1 of 3") come from the bundle in
 * {@code language}.
 *
 * @param language     the language of the fixed words
 * @param clinicName   the clinic header; blank for none
 * @param title        such as "Dyadic behavioral health visit note"
 * @param sections     the note's sections in order
 * @param confidential the confidential part; {@link Confidential#NONE} when the note has none
 * @param addenda      in the order they were signed
 * @param contentHash  the SHA-256 of the signed content in hex, shortened in the footer; blank for a draft
 */
public record NoteDocument(Locale language, String clinicName, String title, Child child, Visit visit,
                           List<Section> sections, Confidential confidential, Signing signing, List<Addendum> addenda,
                           String contentHash) {

    public NoteDocument {
        Objects.requireNonNull(language, "language");
        clinicName = Objects.requireNonNullElse(clinicName, "");
        title = Objects.requireNonNullElse(title, "");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(visit, "visit");
        sections = List.copyOf(sections);
        confidential = Objects.requireNonNullElse(confidential, Confidential.NONE);
        Objects.requireNonNull(signing, "signing");
        addenda = List.copyOf(addenda);
        contentHash = Objects.requireNonNullElse(contentHash, "");
    }

    /** The child the note is about; {@code birthDate} is blank when unknown. */
    public record Child(String name, String birthDate) {
        public Child {
            name = Objects.requireNonNullElse(name, "");
            birthDate = Objects.requireNonNullElse(birthDate, "");
        }
    }

    /**
     * The visit; a blank value (or null minutes) is left off the page.
     *
     * @param kind      the visit kind in words, such as "Dyadic behavioral health visit"
     * @param place     the place in words, such as "In the clinic"
     * @param minutes   minutes spent, or null when not recorded
     * @param clinician the clinician who saw the family
     */
    public record Visit(String date, String kind, String place, Integer minutes, String clinician) {
        public Visit {
            date = Objects.requireNonNullElse(date, "");
            kind = Objects.requireNonNullElse(kind, "");
            place = Objects.requireNonNullElse(place, "");
            clinician = Objects.requireNonNullElse(clinician, "");
        }
    }

    /** A heading and its text; a line break in the text starts a new line, an empty line a new paragraph. */
    public record Section(String heading, String text) {
        public Section {
            heading = Objects.requireNonNullElse(heading, "");
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /**
     * The confidential part (safety answers and other sensitive caregiver content), printed only when asked for.
     *
     * @param heading such as "Confidential: not for the family"
     */
    public record Confidential(String heading, List<Section> sections) {
        /** A note without a confidential part. */
        public static final Confidential NONE = new Confidential("", List.of());

        public Confidential {
            heading = Objects.requireNonNullElse(heading, "");
            sections = List.copyOf(sections);
        }

        public boolean isEmpty() {
            return sections.isEmpty();
        }
    }

    /**
     * Who signed and when.
     *
     * @param by   the signer's name
     * @param role such as "Associate clinical social worker"; blank to leave it off
     * @param at   date and time in words
     */
    public record Signature(String by, String role, String at) {
        public Signature {
            by = Objects.requireNonNullElse(by, "");
            role = Objects.requireNonNullElse(role, "");
            at = Objects.requireNonNullElse(at, "");
        }
    }

    /**
     * Where the note stands: a draft (no author), signed, signed and awaiting the supervisor's co-signature, or
     * co-signed (with the supervisor's attestation). Made with the factory methods, which allow only these four.
     */
    public record Signing(Signature author, boolean awaitingCoSignature, Signature coSigner, String attestation) {

        public Signing {
            attestation = Objects.requireNonNullElse(attestation, "");
            if (author == null && (awaitingCoSignature || coSigner != null)) {
                throw new IllegalArgumentException("a note is co-signed only after its author signs");
            }
            if (awaitingCoSignature && coSigner != null) {
                throw new IllegalArgumentException("a co-signed note no longer awaits its co-signature");
            }
        }

        public static Signing draft() {
            return new Signing(null, false, null, "");
        }

        public static Signing signed(Signature author) {
            return new Signing(Objects.requireNonNull(author, "author"), false, null, "");
        }

        public static Signing awaitingCoSignature(Signature author) {
            return new Signing(Objects.requireNonNull(author, "author"), true, null, "");
        }

        public static Signing coSigned(Signature author, Signature coSigner, String attestation) {
            return new Signing(Objects.requireNonNull(author, "author"), false,
                    Objects.requireNonNull(coSigner, "coSigner"), attestation);
        }

        public boolean isDraft() {
            return author == null;
        }
    }

    /** Text added after signing, itself signed. */
    public record Addendum(String text, Signature signature) {
        public Addendum {
            text = Objects.requireNonNullElse(text, "");
            Objects.requireNonNull(signature, "signature");
        }
    }
}
