package care.tandem.interop.instrument;

import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.LocalText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The summing FHIRPath patterns Tandem recognises, and expressions that only look like sums. */
class SumExpressionsTest {
    private static final List<Item> ITEMS = List.of(item("a", 1), item("b", 2), item("c", 3));
    private static final Map<String, String> LINKS = Map.of("/a", "a", "/b", "b", "/c", "c", "/x", "x");
    private static final String POINTS = "%%questionnaire.item.where(linkId = '%s').answerOption.where(valueCoding.code"
            + "=%%resource.item.where(linkId = '%s').answer.valueCoding.code).extension.where(url=%%scoreExt).valueDecimal";

    private static Item item(String code, int n) {
        return new Item(code, n, null, LocalText.english(code), ItemKind.CHOICE, List.of(
                new AnswerOption(code + "0", LocalText.english("no"), 0),
                new AnswerOption(code + "1", LocalText.english("yes"), 1)), null, null);
    }

    private static List<String> sum(String expression, Map<String, String> variables) {
        return SumExpressions.summedItems(expression, ITEMS, LINKS, variables);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%resource.answers().value.ordinal().sum()", "%resource.answers().value.weight().sum()",
            "%resource.repeat(item).answer.value.ordinal().sum()", "  %resource.item.answer.ordinal().sum() "})
    void thePointsOfEveryAnswer(String expression) {
        assertEquals(List.of("a", "b", "c"), sum(expression, Map.of()));
    }

    @Test
    void lhcFormsVariablesWithGuards() {
        Map<String, String> vars = Map.of("q1", POINTS.formatted("/a", "/a"), "q2", POINTS.formatted("/b", "/b"),
                "q3", POINTS.formatted("/c", "/c"), "any", "%q1.exists() or %q2.exists()");
        assertEquals(List.of("a", "b", "c"), sum("iif(%any, iif(%q1.exists(), %q1, 0) + iif(%q2.exists(), %q2, 0)"
                + " + iif(%q3.exists(), %q3, 0), {})", vars));
    }

    @Test
    void directTermsWithLinkIdsThatHaveDashesAndSlashes() {
        assertEquals(List.of("a", "c"), sum("%resource.item.where(linkId='/a').answer.value.ordinal() + "
                + "%resource.item.where(linkId = '/c').answer.value.weight()", Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "%resource.item.where(linkId='/a').answer.value.ordinal() * 2 + %resource.item.where(linkId='/b').answer.value.ordinal()",
            "%resource.item.where(linkId='/a').answer.value.ordinal() - 1 + %resource.item.where(linkId='/b').answer.value.ordinal()",
            "%resource.item.where(linkId='/a').answer.value.ordinal() + 1",
            "%resource.item.where(linkId='/a').answer.value.ordinal()",
            "%resource.item.where(linkId='/a').answer.value.code + %resource.item.where(linkId='/b').answer.value.code",
            "%resource.item.where(linkId='/x').answer.value.ordinal() + %resource.item.where(linkId='/b').answer.value.ordinal()",
            "iif(%answeredEitherQ, iif(%riskStatus, %atRiskCoding, %noRiskCoding), {})",
            "%resource.item.count() * 2"})
    void whatOnlyLooksLikeASumIsNotOne(String expression) {
        assertNull(sum(expression, Map.of()));
    }

    @Test
    void aVariableDoingArithmeticIsNotATermOfPoints() {
        Map<String, String> vars = Map.of("q1", POINTS.formatted("/a", "/a") + " * 2", "q2", POINTS.formatted("/b", "/b"));
        assertNull(sum("%q1 + %q2", vars));
    }
}
