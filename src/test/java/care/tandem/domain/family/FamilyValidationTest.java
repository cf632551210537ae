package care.tandem.domain.family;

import static care.tandem.domain.family.SearchTermsTest.caregiver;
import static care.tandem.domain.family.SearchTermsTest.child;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.tandem.domain.family.ValidationProblem.Field;
import care.tandem.domain.family.ValidationProblem.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FamilyValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private static final Member CHILD = child("Sofía", "García", LocalDate.of(2024, 3, 5), "", "91234567A");
    private static final Member MOTHER = caregiver("María", "López", LocalDate.of(1996, 11, 20), "(555) 123-4567", "");

    @Test
    void aCompleteFamilyHasNoProblems() {
        List<ValidationProblem> problems = FamilyValidation.validate(family(CHILD, MOTHER), TODAY);
        assertEquals(List.of(), problems);
        assertFalse(FamilyValidation.hasErrors(problems));
    }

    @Test
    void aFamilyNeedsAChildAndACaregiver() {
        assertEquals(List.of(familyError(FamilyValidation.NEEDS_CHILD)),
                FamilyValidation.validate(family(MOTHER), TODAY));
        assertEquals(List.of(familyError(FamilyValidation.NEEDS_CAREGIVER)),
                FamilyValidation.validate(family(CHILD), TODAY));
        assertEquals(List.of(familyError(FamilyValidation.NEEDS_CHILD), familyError(FamilyValidation.NEEDS_CAREGIVER)),
                FamilyValidation.validate(family(), TODAY));
    }

    @Test
    void problemsPointAtTheMemberAndFieldInMemberOrder() {
        Member nameless = child("", " ", LocalDate.of(2024, 3, 5), "", "");
        Member noRelationship = withRelationship(MOTHER, null);
        List<ValidationProblem> problems = FamilyValidation.validate(family(nameless, noRelationship), TODAY);
        assertEquals(List.of(
                new ValidationProblem(nameless.id(), Field.GIVEN_NAME, Severity.ERROR, FamilyValidation.NAME_REQUIRED),
                new ValidationProblem(nameless.id(), Field.FAMILY_NAME, Severity.ERROR, FamilyValidation.NAME_REQUIRED),
                new ValidationProblem(noRelationship.id(), Field.RELATIONSHIP, Severity.ERROR,
                        FamilyValidation.RELATIONSHIP_REQUIRED)),
                problems);
        assertTrue(FamilyValidation.hasErrors(problems));
    }

    @Test
    void namesAreRequired() {
        assertEquals(Optional.of(Field.GIVEN_NAME),
                FamilyValidation.givenName(child("", "García", null, "", "")).map(ValidationProblem::field));
        assertEquals(Optional.of(Field.FAMILY_NAME),
                FamilyValidation.familyName(child("Sofía", "", null, "", "")).map(ValidationProblem::field));
        assertEquals(Optional.empty(), FamilyValidation.givenName(CHILD));
        assertEquals(Optional.empty(), FamilyValidation.familyName(CHILD));
    }

    @ParameterizedTest(name = "child born {0}: {1}")
    @CsvSource(nullValues = "none", value = {
            "2025-06-15, none",
            "2024-03-05, none",
            "2004-06-16, none",
            "2025-06-16, validation.birthDate.future",
            "1899-12-31, validation.birthDate.implausible",
            "2004-06-15, validation.birthDate.childOver21",
            "1990-01-01, validation.birthDate.childOver21",
    })
    void aChildsBirthDateIsRealAndWithinTheDyadicBenefitAge(LocalDate birth, String expectedKey) {
        Member member = child("Sofía", "García", birth, "", "");
        assertEquals(Optional.ofNullable(expectedKey),
                FamilyValidation.birthDate(member, TODAY).map(ValidationProblem::messageKey));
    }

    @Test
    void aChildOver21IsOnlyAWarningSoTheFamilyCanStillBeSaved() {
        Member older = child("Ana", "García", LocalDate.of(2000, 1, 1), "", "");
        List<ValidationProblem> problems = FamilyValidation.validate(family(older, MOTHER), TODAY);
        assertEquals(List.of(new ValidationProblem(older.id(), Field.BIRTH_DATE, Severity.WARNING,
                FamilyValidation.CHILD_OVER_21)), problems);
        assertFalse(FamilyValidation.hasErrors(problems));
    }

    @Test
    void aChildWithoutABirthDateIsAWarningAndACaregiverWithoutOneIsFine() {
        Member noDate = child("Sofía", "García", null, "", "");
        assertEquals(Optional.of(new ValidationProblem(noDate.id(), Field.BIRTH_DATE, Severity.WARNING,
                        FamilyValidation.BIRTH_DATE_REQUIRED)),
                FamilyValidation.birthDate(noDate, TODAY));
        assertEquals(Optional.empty(), FamilyValidation.birthDate(caregiver("María", "López", null, "", ""), TODAY));
    }

    @Test
    void aCaregiverOver21IsFineAndInTheFutureIsNot() {
        assertEquals(Optional.empty(), FamilyValidation.birthDate(MOTHER, TODAY));
        assertEquals(Optional.of(FamilyValidation.BIRTH_DATE_FUTURE),
                FamilyValidation.birthDate(caregiver("María", "López", TODAY.plusDays(1), "", ""), TODAY)
                        .map(ValidationProblem::messageKey));
    }

    @Test
    void aCaregiverNeedsARelationshipAndAChildDoesNot() {
        assertEquals(Optional.of(new ValidationProblem(MOTHER.id(), Field.RELATIONSHIP, Severity.ERROR,
                        FamilyValidation.RELATIONSHIP_REQUIRED)),
                FamilyValidation.relationship(withRelationship(MOTHER, null)));
        assertEquals(Optional.empty(), FamilyValidation.relationship(MOTHER));
        assertEquals(Optional.empty(), FamilyValidation.relationship(CHILD));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "(555) 123-4567", "555-123-4567", "555.123.4567", "5551234567", "1 555 123 4567",
            "1-555-123-4567", "+1 (555) 123-4567", "+52 55 1234 5678", "+44 20 7946 0958", "+12345678"})
    void phoneIsOptionalAndAcceptedInUsualWritings(String phone) {
        assertEquals(Optional.empty(), FamilyValidation.phone(caregiver("María", "López", null, phone, "")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"555-1234", "555 123 45678", "2 555 123 4567", "(555) 123-4567 x2", "555+1234567",
            "+1234567", "+1234567890123456", "555/123/4567", "call mom", "555-123-4567 +", "٥٥٥١٢٣٤٥٦٧"})
    void aMistypedPhoneIsAnError(String phone) {
        Member member = caregiver("María", "López", null, phone, "");
        assertEquals(Optional.of(new ValidationProblem(member.id(), Field.PHONE, Severity.ERROR,
                FamilyValidation.PHONE_INVALID)), FamilyValidation.phone(member));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "91234567A", "91234567a", "00000000Z"})
    void aMediCalIdInCinFormatOrNoneIsFine(String id) {
        assertEquals(Optional.empty(), FamilyValidation.mediCalId(child("Sofía", "García", null, "", id)));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"9123456A", "912345678", "A91234567", "91234567AB", "9123 4567A", "91234567-A"})
    void aMediCalIdInAnotherFormatIsOnlyAWarning(String id) {
        Member member = child("Sofía", "García", null, "", id);
        assertEquals(Optional.of(new ValidationProblem(member.id(), Field.MEDI_CAL_ID, Severity.WARNING,
                FamilyValidation.MEDI_CAL_ID_FORMAT)), FamilyValidation.mediCalId(member));
    }

    @Test
    void hasErrorsIgnoresWarnings() {
        ValidationProblem warning = new ValidationProblem(null, Field.MEDI_CAL_ID, Severity.WARNING, "k");
        ValidationProblem error = new ValidationProblem(null, Field.PHONE, Severity.ERROR, "k");
        assertFalse(FamilyValidation.hasErrors(List.of()));
        assertFalse(FamilyValidation.hasErrors(List.of(warning)));
        assertTrue(FamilyValidation.hasErrors(List.of(warning, error)));
    }

    @Test
    void familyLevelProblemsHaveNoMember() {
        assertNull(FamilyValidation.validate(family(CHILD), TODAY).get(0).memberId());
    }

    @Test
    void messageKeysAreDistinctDottedKeysInTheValidationNamespace() {
        assertEquals(FamilyValidation.MESSAGE_KEYS.size(), FamilyValidation.MESSAGE_KEYS.stream().distinct().count());
        FamilyValidation.MESSAGE_KEYS.forEach(key -> assertTrue(key.matches("validation\\.[a-zA-Z]+\\.[a-zA-Z0-9]+"), key));
    }

    private static ValidationProblem familyError(String key) {
        return new ValidationProblem(null, Field.MEMBERS, Severity.ERROR, key);
    }

    private static Family family(Member... members) {
        return new Family(UUID.randomUUID(), List.of(members), false, "", "", false, null);
    }

    private static Member withRelationship(Member m, Relationship relationship) {
        return new Member(m.id(), m.kind(), m.givenName(), m.familyName(), m.birthDate(), m.sex(),
                m.preferredLanguage(), m.interpreterNeeded(), relationship, m.phone(), m.contact(),
                m.mayConsent(), m.restricted(), m.mediCalId(), m.notes());
    }
}
