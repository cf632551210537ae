package care.tandem.domain.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static care.tandem.domain.screening.BundledLibrary.position;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EPDS scoring as published: Cox JL, Holden JM, Sagovsky R. Detection of postnatal depression: development of the
 * 10-item Edinburgh Postnatal Depression Scale. Br J Psychiatry 1987;150:782-786 — items scored 0-3, items 1, 2 and 4
 * from the top answer down, items 3 and 5-10 reversed (3, 2, 1, 0); 13 or more likely depression, 10 or more for
 * greater sensitivity; item 10 (self-harm) at 1 or more needs immediate assessment (DOMAIN.md §1, §E). The clinician
 * enters the position of the printed answer (score entry), so these tests enter positions, not points.
 */
class EpdsScoringTest {
    private static final Instrument EPDS = BundledLibrary.instrument("epds");

    @ParameterizedTest(name = "positions {0}: total {1}, {2}, {3}")
    @CsvSource({
            "1 1 4 1 4 4 4 4 4 4, 0,  below-threshold,     NEGATIVE",
            "1 1 1 1 1 1 4 4 4 4, 9,  below-threshold,     NEGATIVE",
            "2 1 1 1 1 1 4 4 4 4, 10, possible-depression, POSITIVE",
            "2 2 1 1 1 1 4 4 3 4, 12, possible-depression, POSITIVE",
            "2 2 1 2 1 1 4 4 3 4, 13, likely-depression,   POSITIVE",
            "4 4 1 4 1 1 1 1 1 1, 30, likely-depression,   POSITIVE"})
    void enteredPositionsScoreWithTheReversedItemsAndFallInTheirBand(String positions, int total, String band,
                                                                      Outcome outcome) {
        Score s = Scorer.score(EPDS, atPositions(positions));
        assertEquals(total, s.total());
        assertEquals(band, s.band());
        assertEquals(outcome, s.outcome());
        assertTrue(s.complete());
    }

    @ParameterizedTest(name = "item 10 at position {0} ({1} points): critical = {2}")
    @CsvSource({"1, 3, true", "2, 2, true", "3, 1, true", "4, 0, false"})
    void item10IsCriticalAtEveryPrintedAnswerButTheLastThroughItsReversal(int position, int points,
                                                                           boolean critical) {
        Score s = Scorer.score(EPDS, atPositions("1 1 4 1 4 4 4 4 4 " + position));
        assertEquals(points, s.total());
        assertEquals(Outcome.NEGATIVE, s.outcome());
        assertEquals(critical ? List.of("epds-10") : List.of(), s.critical());
        assertEquals(critical, s.needsAlert());
    }

    @Test
    void aDeclinedItem10IsFlaggedToAskDirectly() {
        List<Answer> answers = new ArrayList<>(atPositions("1 1 4 1 4 4 4 4 4 4").subList(0, 9));
        answers.add(Answer.declined("epds-10"));
        Score s = Scorer.score(EPDS, answers);
        assertEquals(List.of("epds-10"), s.askDirectly());
        assertEquals(List.of("epds-10"), s.declined());
        assertEquals(List.of("epds-10"), s.missing());
        assertTrue(s.critical().isEmpty());
        assertNull(s.total());
        assertEquals(Outcome.INCOMPLETE, s.outcome());
    }

    @Test
    void nineItemsAlreadyAtTenArePositiveWithoutATotal() {
        Score s = Scorer.score(EPDS, atPositions("2 1 1 1 1 1 4 4 4 4").subList(0, 9));
        assertEquals(Outcome.POSITIVE, s.outcome());
        assertNull(s.total());
        assertNull(s.band());
        assertFalse(s.complete());
        assertEquals(List.of("epds-10"), s.missing());
    }

    @Test
    void nineItemsBelowTenAreIncompleteNotNegative() {
        Score s = Scorer.score(EPDS, atPositions("1 1 1 1 1 1 4 4 4 4").subList(0, 9));
        assertEquals(Outcome.INCOMPLETE, s.outcome());
        assertEquals(List.of("epds-10"), s.missing());
    }

    /** One answer per item, item n at the n-th position given (1 = first printed answer). */
    private static List<Answer> atPositions(String positions) {
        String[] p = positions.trim().split("\\s+");
        List<Answer> answers = new ArrayList<>();
        for (int n = 1; n <= p.length; n++) {
            answers.add(position(EPDS, "epds-" + n, Integer.parseInt(p[n - 1])));
        }
        return answers;
    }
}
