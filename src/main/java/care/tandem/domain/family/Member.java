package care.tandem.domain.family;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One person of a household: a child, or a caregiver with a relationship to the children.
 * Optional text fields are empty strings rather than null; {@code birthDate}, {@code sex} and
 * {@code relationship} may be null when unknown (relationship is null for children).
 *
 * @param preferredLanguage BCP 47 tag such as "en" or "es"
 * @param mayConsent        for a caregiver: may consent for the children
 * @param restricted        for a caregiver: must not receive information (protective order)
 */
public record Member(
        UUID id,
        MemberKind kind,
        String givenName,
        String familyName,
        LocalDate birthDate,
        Sex sex,
        String preferredLanguage,
        boolean interpreterNeeded,
        Relationship relationship,
        String phone,
        ContactPreferences contact,
        boolean mayConsent,
        boolean restricted,
        String mediCalId,
        String notes) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        givenName = Objects.requireNonNullElse(givenName, "").strip();
        familyName = Objects.requireNonNullElse(familyName, "").strip();
        preferredLanguage = Objects.requireNonNullElse(preferredLanguage, "en").strip();
        phone = Objects.requireNonNullElse(phone, "").strip();
        contact = Objects.requireNonNullElse(contact, ContactPreferences.NONE);
        mediCalId = Objects.requireNonNullElse(mediCalId, "").strip();
        notes = Objects.requireNonNullElse(notes, "");
    }

    /** A new, empty child record with a fresh id. */
    public static Member newChild() {
        return new Member(UUID.randomUUID(), MemberKind.CHILD, "", "", null, null, "en", false,
                null, "", ContactPreferences.NONE, false, false, "", "");
    }

    /** A new, empty caregiver record with a fresh id. */
    public static Member newCaregiver(Relationship relationship) {
        return new Member(UUID.randomUUID(), MemberKind.CAREGIVER, "", "", null, null, "en", false,
                relationship, "", ContactPreferences.NONE, false, false, "", "");
    }

    /** "Given Family", as clinicians read it. */
    public String fullName() {
        return (givenName + " " + familyName).strip();
    }

    public boolean isChild() {
        return kind == MemberKind.CHILD;
    }
}
