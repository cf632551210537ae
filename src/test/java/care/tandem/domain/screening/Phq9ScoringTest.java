package care.tandem.domain.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static care.tandem.domain.screening.BundledLibrary.totalling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PHQ-9 scoring as published: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity
 * measure. J Gen Intern Med 2001;16:606-613 — total of items 1-9 (0-27), bands 0-4 / 5-9 / 10-14 / 15-19 / 20-27,
 * positive at 10; item 9 (44260-8) needs same-day follow-up at any answer above "Not at all" (DOMAIN.md §2.3).
 */
class Phq9ScoringTest {
    private static final Instrument PHQ9 = BundledLibrary.instrument("phq9");
    private static final List<String> ITEMS = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
            "44258-2", "44252-5", "44253-3", "44260-8");
    private static final String ITEM9 = "44260-8";

    @ParameterizedTest(name = "total {0} is {1}, {2}")
    @CsvSource({
            "0,  minimal,           NEGATIVE",
            "4,  minimal,           NEGATIVE",
            "5,  mild,              NEGATIVE",
            "9,  mild,              NEGATIVE",
            "10, moderate,          POSITIVE",
            "14, moderate,          POSITIVE",
            "15, moderately-severe, POSITIVE",
            "19, moderately-severe, POSITIVE",
            "20, severe,            POSITIVE",
            "27, severe,            POSITIVE"})
    void theTotalFallsInItsPublishedBandAndIsPositiveFromTen(int total, String band, Outcome outcome) {
        Score s = Scorer.score(PHQ9, totalling(PHQ9, ITEMS, total));
        assertEquals(total, s.total());
        assertEquals(band, s.band());
        assertEquals(outcome, s.outcome());
        assertEquals(outcome, s.domain("depression").orElseThrow().outcome());
        assertTrue(s.complete());
        assertTrue(s.missing().isEmpty());
    }

    @ParameterizedTest(name = "item 9 answered {0} ({1} points): critical = {2}")
    @CsvSource({
            "LA6568-5, 0, false",
            "LA6569-3, 1, true",
            "LA6570-1, 2, true",
            "LA6571-9, 3, true"})
    void item9IsCriticalAtAnyAnswerAboveNotAtAllWhateverTheTotal(String code, int points, boolean critical) {
        List<Answer> answers = new ArrayList<>(totalling(PHQ9, ITEMS.subList(0, 8), 0));
        answers.add(Answer.choice(ITEM9, code));
        Score s = Scorer.score(PHQ9, answers);
        assertEquals(points, s.total());
        assertEquals(Outcome.NEGATIVE, s.outcome());
        assertEquals(critical ? List.of(ITEM9) : List.of(), s.critical());
        assertEquals(critical, s.needsAlert());
        assertTrue(s.askDirectly().isEmpty());
    }

    @Test
    void anUnfinishedScreenThatAlreadyReachesTenIsPositiveWithoutATotal() {
        Score s = Scorer.score(PHQ9, totalling(PHQ9, ITEMS.subList(0, 8), 10));
        assertEquals(Outcome.POSITIVE, s.outcome());
        assertNull(s.total());
        assertNull(s.band());
        assertFalse(s.complete());
        assertEquals(List.of(ITEM9), s.missing());
    }

    @Test
    void anUnfinishedScreenBelowTenIsIncompleteNeverNegative() {
        Score s = Scorer.score(PHQ9, totalling(PHQ9, ITEMS.subList(0, 7), 9));
        assertEquals(Outcome.INCOMPLETE, s.outcome());
        assertNull(s.total());
        assertEquals(List.of("44253-3", ITEM9), s.missing());
    }

    @Test
    void anEmptyScreenListsEveryItemAsMissing() {
        Score s = Scorer.score(PHQ9, List.of());
        assertEquals(Outcome.INCOMPLETE, s.outcome());
        assertEquals(ITEMS, s.missing());
        assertFalse(s.needsAlert());
    }

    @Test
    void aDeclinedItem9IsMissingDeclinedAndFlaggedToAskDirectly() {
        List<Answer> answers = new ArrayList<>(totalling(PHQ9, ITEMS.subList(0, 8), 4));
        answers.add(Answer.declined(ITEM9));
        Score s = Scorer.score(PHQ9, answers);
        assertEquals(List.of(ITEM9), s.declined());
        assertEquals(List.of(ITEM9), s.missing());
        assertEquals(List.of(ITEM9), s.askDirectly());
        assertTrue(s.critical().isEmpty());
        assertTrue(s.needsAlert());
        assertNull(s.total());
        assertEquals(Outcome.INCOMPLETE, s.outcome());
    }

    @Test
    void aDeclinedOrdinaryItemLeavesNoTotalAndNoAlert() {
        List<Answer> answers = new ArrayList<>(totalling(PHQ9, List.of("44250-9", "44259-0", "44254-1", "44251-7",
                "44258-2", "44252-5", "44253-3", ITEM9), 2));
        answers.add(Answer.declined("44255-8"));
        Score s = Scorer.score(PHQ9, answers);
        assertEquals(List.of("44255-8"), s.declined());
        assertEquals(List.of("44255-8"), s.missing());
        assertNull(s.total());
        assertFalse(s.needsAlert());
    }

    @Test
    void theDifficultyItemIsNeitherScoredNorRequired() {
        List<Answer> answers = new ArrayList<>(totalling(PHQ9, ITEMS, 6));
        answers.add(Answer.choice("69722-7", "LA6574-3"));
        Score s = Scorer.score(PHQ9, answers);
        assertEquals(6, s.total());
        assertTrue(s.complete());
        assertTrue(Scorer.score(PHQ9, totalling(PHQ9, ITEMS, 6)).missing().isEmpty());
    }

    @Test
    void anAnswerCodeTheItemDoesNotOfferIsRefusedNamingTheItem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scorer.score(PHQ9, List.of(Answer.choice("44250-9", "LA28397-0"))));
        assertTrue(e.getMessage().contains("44250-9"), e.getMessage());
    }
}
