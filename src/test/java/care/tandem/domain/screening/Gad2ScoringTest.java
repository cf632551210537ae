package care.tandem.domain.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static care.tandem.domain.screening.BundledLibrary.points;
import static care.tandem.domain.screening.BundledLibrary.totalling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GAD-2 scoring as published: Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary
 * care. Ann Intern Med 2007;146:317-325 — items 1-2 of the GAD-7, total 0-6, positive at 3, leading to the GAD-7
 * (DOMAIN.md §2.5; GAD-2 LOINC panel and total codes unverified, so none).
 */
class Gad2ScoringTest {
    private static final Instrument GAD2 = BundledLibrary.instrument("gad2");
    private static final List<String> ITEMS = List.of("69725-0", "68509-9");

    @ParameterizedTest(name = "total {0}: {1}")
    @CsvSource({"0, NEGATIVE", "2, NEGATIVE", "3, POSITIVE", "6, POSITIVE"})
    void theGad2IsPositiveFromThree(int total, Outcome outcome) {
        Score s = Scorer.score(GAD2, totalling(GAD2, ITEMS, total));
        assertEquals(total, s.total());
        assertEquals(outcome, s.outcome());
        assertNull(s.band());
        assertTrue(s.complete());
    }

    @Test
    void aPositiveGad2LeadsToTheGad7AndHasNoTotalCode() {
        assertEquals("gad7", GAD2.rules().followUp());
        assertNull(GAD2.rules().totalCode());
        assertEquals(ITEMS, GAD2.rules().totalItems());
    }

    @Test
    void loincsMoreDaysThanNotCodeScoresTwoAndReachesThreeWithOneMore() {
        Score s = Scorer.score(GAD2, List.of(points(GAD2, "69725-0", 1), Answer.choice("68509-9", "LA18938-3")));
        assertEquals(3, s.total());
        assertEquals(Outcome.POSITIVE, s.outcome());
    }

    @ParameterizedTest(name = "item 1 only at {0} points: {1}")
    @CsvSource({"3, POSITIVE", "2, INCOMPLETE"})
    void anUnfinishedGad2IsPositiveOnlyWhenItAlreadyReachesThree(int points, Outcome outcome) {
        Score s = Scorer.score(GAD2, List.of(points(GAD2, "69725-0", points)));
        assertEquals(outcome, s.outcome());
        assertEquals(List.of("68509-9"), s.missing());
        assertNull(s.total());
    }
}
