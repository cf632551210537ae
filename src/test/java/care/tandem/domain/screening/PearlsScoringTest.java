package care.tandem.domain.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PEARLS scoring as published by ACEs Aware (BARC; "ACE Screening Clinical Workflows, ACEs and Toxic Stress Risk
 * Assessment Algorithm", April 2020): only the Part 1 ACE count is scored; toxic-stress risk tier 0 low, 1-3 low
 * without and intermediate with an ACE-associated health condition, 4 or more high (⚠️ DOMAIN.md §6.1). Medi-Cal
 * billing follows the count alone: G9919 at 4 or more, G9920 at 0-3 (DOMAIN.md §6.2).
 */
class PearlsScoringTest {
    private static final Instrument PEARLS = BundledLibrary.instrument("pearls");

    @ParameterizedTest(name = "{0} ACEs, AAHC {1}: tier {2}, {3}, billed {4}")
    @CsvSource(nullValues = "unanswered", value = {
            "0,  unanswered, low,          NEGATIVE, G9920",
            "0,  LA33-6,     low,          NEGATIVE, G9920",
            "1,  LA32-8,     low,          NEGATIVE, G9920",
            "1,  LA33-6,     intermediate, NEGATIVE, G9920",
            "3,  LA32-8,     low,          NEGATIVE, G9920",
            "3,  LA33-6,     intermediate, NEGATIVE, G9920",
            "4,  LA32-8,     high,         POSITIVE, G9919",
            "4,  unanswered, high,         POSITIVE, G9919",
            "10, LA33-6,     high,         POSITIVE, G9919"})
    void theTierFollowsTheCountAndConditionWhileBillingFollowsTheCountAlone(int aces, String aahc, String tier,
                                                                            Outcome outcome, String billing) {
        List<Answer> answers = new ArrayList<>(List.of(Answer.value("pearls-aces", aces)));
        if (aahc != null) {
            answers.add(Answer.choice("pearls-aahc", aahc));
        }
        Score s = Scorer.score(PEARLS, answers);
        assertEquals(aces, s.total());
        assertEquals(tier, s.band());
        assertEquals(outcome, s.outcome());
        assertEquals(billing, AceRisk.billingCode(s.total()));
        assertTrue(s.complete());
    }

    @Test
    void oneToThreeAcesWithTheConditionQuestionUnansweredHaveNoTierYet() {
        Score s = Scorer.score(PEARLS, List.of(Answer.value("pearls-aces", 2)));
        assertNull(s.band());
        assertEquals(Outcome.NEGATIVE, s.outcome());
    }

    @Test
    void thePart2CountDoesNotChangeTheAceScoreOrTier() {
        Score s = Scorer.score(PEARLS, List.of(Answer.value("pearls-aces", 3), Answer.value("pearls-part2", 9),
                Answer.choice("pearls-aahc", "LA32-8")));
        assertEquals(3, s.total());
        assertEquals("low", s.band());
        assertEquals(Outcome.NEGATIVE, s.outcome());
    }

    @Test
    void withoutTheAceCountTheScreenIsIncomplete() {
        Score s = Scorer.score(PEARLS, List.of(Answer.choice("pearls-aahc", "LA33-6")));
        assertEquals(Outcome.INCOMPLETE, s.outcome());
        assertEquals(List.of("pearls-aces"), s.missing());
        assertFalse(s.complete());
        assertNull(s.total());
        assertNull(s.band());
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({"pearls-aces, 11", "pearls-aces, -1", "pearls-part2, 10"})
    void aCountOutsideThePrintedRangeIsRefused(String item, int value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scorer.score(PEARLS, List.of(Answer.value(item, value))));
        assertTrue(e.getMessage().contains(item), e.getMessage());
    }
}
