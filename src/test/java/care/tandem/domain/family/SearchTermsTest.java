package care.tandem.domain.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTermsTest {

    private static final Pattern SINGLE_TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    private static final Family GARCIA = family(
            child("Sofía", "García López", LocalDate.of(2024, 3, 5), "", "91234567A"),
            caregiver("María José", "López", LocalDate.of(1996, 11, 20), "+1 (555) 123-4567", ""));

    private static final Family OBRIEN = family(
            child("Liam", "O'Brien", LocalDate.of(2023, 1, 2), "", ""),
            caregiver("Zoë", "Núñez", null, "555.987.6543", ""));

    @Test
    void indexHoldsNamesDatesPhonesAndMediCalIdOnceEach() {
        assertEquals(List.of(
                        "sofia", "garcia", "lopez", "d20240305", "m91234567a",
                        "maria", "jose", "d19961120",
                        "p15551234567", "p5551234567", "p1234567", "p4567"),
                SearchTerms.indexTerms(GARCIA));
    }

    @ParameterizedTest(name = "\"{0}\" finds the García López family")
    @ValueSource(strings = {
            "Maria", "maria", "MARÍA", "mar", "m", "sofia", "Sofía García",
            "lopez", "garcia", "García-López", "garcia lopez sofia", "maria jose lopez",
            "(555) 123-4567", "555-123-4567", "5551234567", "15551234567", "+1 555 123 4567",
            "123-4567", "4567", "555", "lopez 4567",
            "3/5/2024", "03/05/2024", "3-5-2024", "03-05-2024", "2024-03-05", "11/20/1996",
            "garcia 3/5/2024", "91234567A", "91234567a", "91234567", "9123", "912 sofia",
    })
    void findsTheFamilyByWhatTheClinicianTypes(String input) {
        assertTrue(matches(GARCIA, input), () -> "query " + SearchTerms.query(input));
    }

    @ParameterizedTest(name = "\"{0}\" does not find the García López family")
    @ValueSource(strings = {
            "pedro", "maria pedro", "lopezz", "garcia 9876", "4/5/2024", "2024-03-06",
            "5559876543", "91234567B", "liam",
    })
    void doesNotFindTheFamilyForSomethingElse(String input) {
        assertFalse(matches(GARCIA, input), () -> "query " + SearchTerms.query(input));
    }

    @ParameterizedTest(name = "\"{0}\" finds the O''Brien family")
    @ValueSource(strings = {"o'brien", "brien liam", "o brien", "nunez", "Núñez", "zoe", "987-6543", "6543"})
    void apostrophesAndAccentsDoNotGetInTheWay(String input) {
        assertTrue(matches(OBRIEN, input), () -> "query " + SearchTerms.query(input));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"3/5/2024", "03/05/2024", "3-5-2024", "03-05-2024", "2024-03-05", "2024-3-5"})
    void aFullDateInAnyAcceptedFormatBecomesOneDateTerm(String input) {
        assertEquals(List.of(List.of("d20240305")), SearchTerms.query(input));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"03/05", "3/", "2024-03", "2024-03-", "2024-", "3/5/24", "3-5-24", "03-05-202",
            "3/5/20244", "02/30/2024", "13/05/2024", "2024-13-01", "05-12"})
    void partialTwoDigitYearOrImpossibleDatesAreIgnoredRatherThanMisread(String input) {
        assertEquals(List.of(), SearchTerms.query(input));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ",,,", "!!", "12", "-", "(5)", "+1", "' - .", ", 12 ,"})
    void inputWithNothingSearchableGivesNoGroups(String input) {
        assertEquals(List.of(), SearchTerms.query(input));
    }

    @Test
    void digitsArePhoneOrMediCalDigits() {
        assertEquals(List.of(List.of("p555", "m555"), List.of("p1234567", "m1234567")),
                SearchTerms.query("(555) 123-4567"));
        assertEquals(List.of(List.of("p55512", "m55512")), SearchTerms.query("555-12"));
    }

    @Test
    void aTokenMixingDigitsAndLettersIsAnIdOrNameWords() {
        assertEquals(List.of(List.of("m91234567a", "91234567a")), SearchTerms.query("91234567A"));
        assertEquals(List.of(List.of("mab12", "ab"), List.of("mab12", "12")), SearchTerms.query("ab-12"));
    }

    @Test
    void everyNameWordIsItsOwnGroupAndOneLetterWordsAreKept() {
        assertEquals(List.of(List.of("maria"), List.of("g")), SearchTerms.query("María g"));
        assertEquals(List.of(List.of("garcia"), List.of("lopez")), SearchTerms.query("García-López, garcia"));
    }

    @Test
    void everyTermIsOneLowerCaseTokenTheFtsTokenizerKeepsWhole() {
        Stream<String> indexed = Stream.of(GARCIA, OBRIEN).flatMap(f -> SearchTerms.indexTerms(f).stream());
        Stream<String> queried = Stream.of("(555) 123-4567", "García-López", "91234567A", "3/5/2024", "O'Brien x-1")
                .flatMap(q -> SearchTerms.query(q).stream())
                .flatMap(List::stream);
        Stream.concat(indexed, queried).forEach(term -> {
            assertTrue(SINGLE_TOKEN.matcher(term).matches(), term);
            assertEquals(term.toLowerCase(Locale.ROOT), term);
        });
    }

    /** What the FTS5 prefix query does: every group has a term that begins some index term. */
    private static boolean matches(Family family, String input) {
        List<String> index = SearchTerms.indexTerms(family);
        List<List<String>> query = SearchTerms.query(input);
        return !query.isEmpty() && query.stream().allMatch(group ->
                group.stream().anyMatch(term -> index.stream().anyMatch(indexed -> indexed.startsWith(term))));
    }

    private static Family family(Member... members) {
        return new Family(UUID.randomUUID(), List.of(members), false, "", "", false, null);
    }

    static Member child(String given, String family, LocalDate birth, String phone, String mediCal) {
        return new Member(UUID.randomUUID(), MemberKind.CHILD, given, family, birth, Sex.FEMALE, "es", false,
                null, phone, ContactPreferences.NONE, false, false, mediCal, "");
    }

    static Member caregiver(String given, String family, LocalDate birth, String phone, String mediCal) {
        return new Member(UUID.randomUUID(), MemberKind.CAREGIVER, given, family, birth, Sex.FEMALE, "es", false,
                Relationship.MOTHER, phone, ContactPreferences.NONE, true, false, mediCal, "");
    }
}
