package care.tandem.domain.family;

import care.tandem.domain.family.ValidationProblem.Field;
import care.tandem.domain.family.ValidationProblem.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules a family record must meet before it is saved: per-field checks for inline validation
 * in the form, and {@link #validate} for the whole household.
 */
public final class FamilyValidation {

    public static final String NAME_REQUIRED = "validation.name.required";
    public static final String BIRTH_DATE_REQUIRED = "validation.birthDate.required";
    public static final String BIRTH_DATE_FUTURE = "validation.birthDate.future";
    public static final String BIRTH_DATE_IMPLAUSIBLE = "validation.birthDate.implausible";
    public static final String CHILD_OVER_21 = "validation.birthDate.childOver21";
    public static final String RELATIONSHIP_REQUIRED = "validation.relationship.required";
    public static final String PHONE_INVALID = "validation.phone.invalid";
    public static final String MEDI_CAL_ID_FORMAT = "validation.mediCalId.format";
    public static final String NEEDS_CHILD = "validation.family.needsChild";
    public static final String NEEDS_CAREGIVER = "validation.family.needsCaregiver";

    /** Every message key this class can produce, for the bundle-completeness test. */
    public static final List<String> MESSAGE_KEYS = List.of(NAME_REQUIRED, BIRTH_DATE_REQUIRED,
            BIRTH_DATE_FUTURE, BIRTH_DATE_IMPLAUSIBLE, CHILD_OVER_21, RELATIONSHIP_REQUIRED,
            PHONE_INVALID, MEDI_CAL_ID_FORMAT, NEEDS_CHILD, NEEDS_CAREGIVER);

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    // The Medi-Cal dyadic services benefit covers members under 21.
    private static final int DYADIC_AGE_LIMIT = 21;
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9 ()+\\-.]+");
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+[0-9 ()\\-.]+");
    // The Client Index Number printed on a Medi-Cal Benefits Identification Card.
    private static final Pattern MEDI_CAL_CIN = Pattern.compile("[0-9]{8}[A-Za-z]");

    private FamilyValidation() {
    }

    /** Every problem with {@code family} on {@code today}, members in order, then the household. */
    public static List<ValidationProblem> validate(Family family, LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<ValidationProblem> problems = new ArrayList<>();
        for (Member member : family.members()) {
            Stream.of(givenName(member), familyName(member), birthDate(member, today),
                            relationship(member), phone(member), mediCalId(member))
                    .flatMap(Optional::stream)
                    .forEach(problems::add);
        }
        if (family.children().isEmpty()) {
            problems.add(new ValidationProblem(null, Field.MEMBERS, Severity.ERROR, NEEDS_CHILD));
        }
        if (family.caregivers().isEmpty()) {
            problems.add(new ValidationProblem(null, Field.MEMBERS, Severity.ERROR, NEEDS_CAREGIVER));
        }
        return List.copyOf(problems);
    }

    public static boolean hasErrors(List<ValidationProblem> problems) {
        return problems.stream().anyMatch(ValidationProblem::isError);
    }

    public static Optional<ValidationProblem> givenName(Member member) {
        return member.givenName().isBlank()
                ? error(member, Field.GIVEN_NAME, NAME_REQUIRED)
                : Optional.empty();
    }

    public static Optional<ValidationProblem> familyName(Member member) {
        return member.familyName().isBlank()
                ? error(member, Field.FAMILY_NAME, NAME_REQUIRED)
                : Optional.empty();
    }

    /**
     * A child's missing birth date is a warning, not a block (UX.md: names are all a new family needs),
     * since age decides which screenings are due; a caregiver's is optional. When given, a birth date is
     * neither in the future nor before 1900.
     */
    public static Optional<ValidationProblem> birthDate(Member member, LocalDate today) {
        LocalDate birth = member.birthDate();
        if (birth == null) {
            return member.isChild()
                    ? Optional.of(new ValidationProblem(member.id(), Field.BIRTH_DATE, Severity.WARNING, BIRTH_DATE_REQUIRED))
                    : Optional.empty();
        }
        if (birth.isAfter(today)) {
            return error(member, Field.BIRTH_DATE, BIRTH_DATE_FUTURE);
        }
        if (birth.isBefore(EARLIEST_BIRTH_DATE)) {
            return error(member, Field.BIRTH_DATE, BIRTH_DATE_IMPLAUSIBLE);
        }
        if (member.isChild() && ChildAge.between(birth, today).years() >= DYADIC_AGE_LIMIT) {
            // Still saved: the clinic may see an older sibling, just not under the dyadic benefit.
            return Optional.of(new ValidationProblem(member.id(), Field.BIRTH_DATE, Severity.WARNING, CHILD_OVER_21));
        }
        return Optional.empty();
    }

    public static Optional<ValidationProblem> relationship(Member member) {
        return !member.isChild() && member.relationship() == null
                ? error(member, Field.RELATIONSHIP, RELATIONSHIP_REQUIRED)
                : Optional.empty();
    }

    /**
     * Optional; when given, a US number of 10 digits (11 with a leading 1) or an international
     * number starting with + and 8 to 15 digits (the E.164 maximum), with only ()+-. and spaces between.
     */
    public static Optional<ValidationProblem> phone(Member member) {
        String phone = member.phone();
        if (phone.isBlank() || isValidPhone(phone)) {
            return Optional.empty();
        }
        return error(member, Field.PHONE, PHONE_INVALID);
    }

    /**
     * Optional; when given, expected as a CIN (8 digits then a letter). Only a warning, since
     * older and out-of-county ids are written other ways.
     */
    public static Optional<ValidationProblem> mediCalId(Member member) {
        String id = member.mediCalId();
        if (id.isBlank() || MEDI_CAL_CIN.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ValidationProblem(member.id(), Field.MEDI_CAL_ID, Severity.WARNING, MEDI_CAL_ID_FORMAT));
    }

    private static boolean isValidPhone(String phone) {
        if (!PHONE_CHARACTERS.matcher(phone).matches()) {
            return false;
        }
        int digits = SearchText.digits(phone).length();
        if (phone.startsWith("+")) {
            return INTERNATIONAL_PHONE.matcher(phone).matches() && digits >= 8 && digits <= 15;
        }
        if (phone.indexOf('+') >= 0) {
            return false;
        }
        return digits == 10 || (digits == 11 && SearchText.digits(phone).startsWith("1"));
    }

    private static Optional<ValidationProblem> error(Member member, Field field, String key) {
        return Optional.of(new ValidationProblem(member.id(), field, Severity.ERROR, key));
    }
}
