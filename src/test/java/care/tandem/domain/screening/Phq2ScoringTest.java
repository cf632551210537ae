package care.tandem.domain.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static care.tandem.domain.screening.BundledLibrary.points;
import static care.tandem.domain.screening.BundledLibrary.totalling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PHQ-2 scoring as published: Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a
 * two-item depression screener. Med Care 2003;41:1284-1292 — items 1-2 of the PHQ-9, total 0-6, positive at 3; a
 * positive PHQ-2 leads to the full PHQ-9 (DOMAIN.md §2.4).
 */
class Phq2ScoringTest {
    private static final Instrument PHQ2 = BundledLibrary.instrument("phq2");
    private static final List<String> ITEMS = List.of("44250-9", "44255-8");

    @ParameterizedTest(name = "total {0}: {1}")
    @CsvSource({"0, NEGATIVE", "2, NEGATIVE", "3, POSITIVE", "6, POSITIVE"})
    void thePhq2IsPositiveFromThree(int total, Outcome outcome) {
        Score s = Scorer.score(PHQ2, totalling(PHQ2, ITEMS, total));
        assertEquals(total, s.total());
        assertEquals(outcome, s.outcome());
        assertNull(s.band());
        assertTrue(s.complete());
        assertFalse(s.needsAlert());
    }

    @Test
    void aPositivePhq2LeadsToThePhq9() {
        assertEquals("phq9", PHQ2.rules().followUp());
        assertEquals("55758-7", PHQ2.rules().totalCode());
    }

    @ParameterizedTest(name = "first item only, {0} points: {1}")
    @CsvSource({"3, POSITIVE", "2, INCOMPLETE", "0, INCOMPLETE"})
    void oneAnswerReachingThreeIsAlreadyPositiveOtherwiseIncomplete(int points, Outcome outcome) {
        Score s = Scorer.score(PHQ2, List.of(points(PHQ2, "44250-9", points)));
        assertEquals(outcome, s.outcome());
        assertNull(s.total());
        assertEquals(List.of("44255-8"), s.missing());
    }

    @Test
    void aDeclinedItemIsDeclinedAndMissingWithNoTotal() {
        Score s = Scorer.score(PHQ2, List.of(points(PHQ2, "44250-9", 1), Answer.declined("44255-8")));
        assertEquals(List.of("44255-8"), s.declined());
        assertEquals(List.of("44255-8"), s.missing());
        assertNull(s.total());
        assertEquals(Outcome.INCOMPLETE, s.outcome());
    }
}
