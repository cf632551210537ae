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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GAD-7 scoring as published: Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized
 * anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092-1097 — total 0-21, bands 0-4 minimal, 5-9 mild, 10-14
 * moderate, 15-21 severe, positive at 10; no critical item; LOINC's form codes item 2's 2-point answer LA18938-3
 * (DOMAIN.md §2.5).
 */
class Gad7ScoringTest {
    private static final Instrument GAD7 = BundledLibrary.instrument("gad7");
    private static final List<String> ITEMS = List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9",
            "69689-8", "69736-7");

    @ParameterizedTest(name = "total {0} is {1}, {2}")
    @CsvSource({
            "0,  minimal,  NEGATIVE",
            "4,  minimal,  NEGATIVE",
            "5,  mild,     NEGATIVE",
            "9,  mild,     NEGATIVE",
            "10, moderate, POSITIVE",
            "14, moderate, POSITIVE",
            "15, severe,   POSITIVE",
            "21, severe,   POSITIVE"})
    void theTotalFallsInItsPublishedBandAndIsPositiveFromTen(int total, String band, Outcome outcome) {
        Score s = Scorer.score(GAD7, totalling(GAD7, ITEMS, total));
        assertEquals(total, s.total());
        assertEquals(band, s.band());
        assertEquals(outcome, s.outcome());
        assertTrue(s.complete());
    }

    @Test
    void theGad7HasNoCriticalItemEvenAtTheHighestTotal() {
        Score s = Scorer.score(GAD7, totalling(GAD7, ITEMS, 21));
        assertTrue(s.critical().isEmpty());
        assertFalse(s.needsAlert());
    }

    @Test
    void loincsMoreDaysThanNotCodeForItem2ScoresTwo() {
        List<Answer> answers = new ArrayList<>(totalling(GAD7, List.of("69725-0", "69733-4", "69734-2", "69735-9",
                "69689-8", "69736-7"), 0));
        answers.add(Answer.choice("68509-9", "LA18938-3"));
        Score s = Scorer.score(GAD7, answers);
        assertEquals(2, s.total());
        assertEquals("minimal", s.band());
    }

    @Test
    void anUnfinishedScreenReachingTenIsPositiveAndOneBelowIsIncomplete() {
        Score reached = Scorer.score(GAD7, totalling(GAD7, ITEMS.subList(0, 4), 10));
        assertEquals(Outcome.POSITIVE, reached.outcome());
        assertNull(reached.total());
        assertEquals(ITEMS.subList(4, 7), reached.missing());
        Score below = Scorer.score(GAD7, totalling(GAD7, ITEMS.subList(0, 6), 9));
        assertEquals(Outcome.INCOMPLETE, below.outcome());
        assertEquals(List.of("69736-7"), below.missing());
    }

    @Test
    void aDeclinedItemIsDeclinedAndMissingWithNoTotal() {
        List<Answer> answers = new ArrayList<>(totalling(GAD7, ITEMS.subList(0, 6), 3));
        answers.add(Answer.declined("69736-7"));
        Score s = Scorer.score(GAD7, answers);
        assertEquals(List.of("69736-7"), s.declined());
        assertEquals(List.of("69736-7"), s.missing());
        assertNull(s.total());
        assertFalse(s.needsAlert());
    }
}
