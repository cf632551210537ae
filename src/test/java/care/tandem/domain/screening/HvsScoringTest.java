package care.tandem.domain.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hunger Vital Sign scoring as published: Hager ER, Quigg AM, Black MM, et al. Development and validity of a 2-item
 * screen to identify families at risk for food insecurity. Pediatrics 2010;126(1):26-32 — at risk when either
 * statement is "Often true" or "Sometimes true" (DOMAIN.md §4). "Don't know/refused" is a declined answer.
 */
class HvsScoringTest {
    private static final Instrument HVS = BundledLibrary.instrument("hvs");
    private static final String Q1 = "88122-7";
    private static final String Q2 = "88123-5";
    private static final String NEVER = "LA28398-8";

    @ParameterizedTest(name = "{0} answered {1}: {2}")
    @CsvSource({
            "88122-7, LA28397-0, POSITIVE",
            "88122-7, LA6729-3,  POSITIVE",
            "88122-7, LA28398-8, NEGATIVE",
            "88123-5, LA28397-0, POSITIVE",
            "88123-5, LA6729-3,  POSITIVE",
            "88123-5, LA28398-8, NEGATIVE"})
    void eitherStatementOftenOrSometimesTrueIsAtRisk(String item, String answer, Outcome outcome) {
        String other = item.equals(Q1) ? Q2 : Q1;
        Score s = Scorer.score(HVS, List.of(Answer.choice(item, answer), Answer.choice(other, NEVER)));
        assertEquals(outcome, s.outcome());
        assertEquals(outcome, s.domain("food").orElseThrow().outcome());
        assertTrue(s.complete());
        assertNull(s.total());
        assertFalse(s.needsAlert());
    }

    @Test
    void dontKnowOrRefusedIsADeclinedAnswerAndLeavesTheScreenIncomplete() {
        Score s = Scorer.score(HVS, List.of(Answer.choice(Q1, "LA15775-2"), Answer.choice(Q2, NEVER)));
        assertEquals(List.of(Q1), s.declined());
        assertEquals(List.of(Q1), s.missing());
        assertEquals(Outcome.INCOMPLETE, s.outcome());
        assertFalse(s.complete());
    }

    @Test
    void refusedOneStatementButSometimesTrueOnTheOtherIsStillAtRisk() {
        Score s = Scorer.score(HVS, List.of(Answer.choice(Q1, "LA15775-2"), Answer.choice(Q2, "LA6729-3")));
        assertEquals(Outcome.POSITIVE, s.outcome());
        assertEquals(List.of(Q1), s.declined());
    }

    @ParameterizedTest(name = "only the first statement, {0}: {1}")
    @CsvSource({"LA28397-0, POSITIVE", "LA28398-8, INCOMPLETE"})
    void anUnfinishedScreenIsPositiveOnlyWhenAlreadyAtRisk(String answer, Outcome outcome) {
        Score s = Scorer.score(HVS, List.of(Answer.choice(Q1, answer)));
        assertEquals(outcome, s.outcome());
        assertEquals(List.of(Q2), s.missing());
    }
}
