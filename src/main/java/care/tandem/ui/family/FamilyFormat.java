package care.tandem.ui.family;

import care.tandem.domain.family.ChildAge;
import care.tandem.domain.family.ContactPreferences;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;
import care.tandem.i18n.Texts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Family facts as the screens write them, in the user's language: ages the way clinicians write them
 * ("6 wk", "2 y 3 mo"), dates as MM/DD/YYYY, languages, relationships and safe-contact preferences.
 */
public final class FamilyFormat {
    /** BCP 47 "uncoded languages": a language not in the list. */
    public static final String OTHER_LANGUAGE = "mis";
    /** The languages offered in the form (California's most requested), {@link #OTHER_LANGUAGE} last. */
    public static final List<String> LANGUAGES = List.of("en", "es", "vi", "zh", "tl", "ko", "hy", "ru", "fa", "ar",
            OTHER_LANGUAGE);
    static final String SEPARATOR = " · ";
    private static final char NBSP = '\u00A0';
    private static final String NO_BREAK = String.valueOf(NBSP);

    private final Texts texts;
    private final Clock clock;

    public FamilyFormat(Texts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    public Texts texts() {
        return texts;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** "6 wk", "4 mo", "2 y 3 mo" (Spanish "6 sem", "4 m", "2 a 3 m"); empty for an unknown or future date. */
    public String age(LocalDate birth) {
        if (birth == null || birth.isAfter(today())) {
            return "";
        }
        ChildAge age = ChildAge.between(birth, today());
        return switch (age.unit()) {
            case DAYS -> texts.get("family.age.days", age.major());
            case WEEKS -> texts.get("family.age.weeks", age.major());
            case MONTHS -> texts.get("family.age.months", age.major());
            case YEARS_MONTHS -> age.minor() == 0
                    ? texts.get("family.age.years", age.major())
                    : texts.get("family.age.yearsMonths", age.major(), age.minor());
            case YEARS -> texts.get("family.age.years", age.major());
        };
    }

    /** MM/DD/YYYY, as the clinic's forms write it; empty when unknown. */
    public String date(LocalDate date) {
        return date == null ? "" : DateInput.format(date);
    }

    /** The language's name: "Spanish", or "Español" on the Spanish screen. */
    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String key = "family.language." + code;
        String name = texts.get(key);
        if (!name.equals(key)) {
            return name;
        }
        String display = Locale.forLanguageTag(code).getDisplayLanguage(texts.locale());
        return display.isBlank() ? texts.get("family.language." + OTHER_LANGUAGE) : display;
    }

    public String relationship(Relationship relationship) {
        return relationship == null ? "" : texts.get("family.relationship." + relationship.name());
    }

    public String sex(Sex sex) {
        return sex == null ? "" : texts.get("family.sex." + sex.name());
    }

    /** "OK to call · No texts · No messages". */
    public String contact(ContactPreferences c) {
        return String.join(SEPARATOR,
                texts.get(c.okToCall() ? "family.contact.call.yes" : "family.contact.call.no"),
                texts.get(c.okToText() ? "family.contact.text.yes" : "family.contact.text.no"),
                texts.get(c.okToLeaveMessage() ? "family.contact.message.yes" : "family.contact.message.no"));
    }

    /** A child as the list shows it: "Sofía García · 6 wk". */
    public String childLine(Member child) {
        String age = age(child.birthDate());
        // No-break spaces keep "2 y 3 mo" on one line when a long household wraps.
        return age.isEmpty() ? displayName(child) : displayName(child) + NO_BREAK + "·" + NO_BREAK + age.replace(' ', NBSP);
    }

    /** A caregiver as the list shows it: "María García (Mother, Spanish, interpreter)". */
    public String caregiverLine(Member caregiver) {
        StringBuilder facts = new StringBuilder(relationship(caregiver.relationship()));
        String language = language(caregiver.preferredLanguage());
        if (!language.isEmpty()) {
            facts.append(facts.length() == 0 ? "" : ", ").append(language);
        }
        if (caregiver.interpreterNeeded()) {
            facts.append(", ").append(texts.get("family.interpreter.short"));
        }
        return facts.length() == 0 ? displayName(caregiver) : displayName(caregiver) + " (" + facts + ")";
    }

    /** All children of a family for a list row. */
    public String childrenLine(Family family) {
        return family.children().stream().map(this::childLine).collect(Collectors.joining(", "));
    }

    /** All caregivers of a family for a list row. */
    public String caregiversLine(Family family) {
        return family.caregivers().stream().map(this::caregiverLine).collect(Collectors.joining(", "));
    }

    /** A member's name, or "(no name)" for a member saved without one. */
    public String displayName(Member member) {
        String name = member.fullName();
        return name.isEmpty() ? texts.get("family.noName") : name;
    }

    /** "García López family": the first child's family name, else the first member's. */
    public String familyTitle(Family family) {
        String surname = surname(family);
        return surname.isEmpty() ? texts.get("family.noName") : texts.get("family.title", surname);
    }

    /** The family name a household is known by: the first child's, else the first member's; may be empty. */
    public String surname(Family family) {
        return family.members().stream().map(Member::familyName).filter(n -> !n.isBlank()).findFirst().orElse("");
    }
}
