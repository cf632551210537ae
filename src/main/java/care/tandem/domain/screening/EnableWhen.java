package care.tandem.domain.screening;

import java.util.List;
import java.util.Map;

/**
 * When an item of an imported Questionnaire is asked (FHIR {@code enableWhen}): all or any of its conditions hold.
 * An item whose conditions do not hold is not required; an answer it has is still scored, so a critical answer is
 * never dropped because an earlier answer changed.
 *
 * @param all true for {@code enableBehavior = all} (the FHIR default with one condition), false for {@code any}
 */
public record EnableWhen(boolean all, List<Condition> conditions) {

    public EnableWhen {
        conditions = List.copyOf(conditions);
    }

    /** The comparison of one condition. */
    public enum Operator {
        EXISTS, EQUALS, NOT_EQUALS, GREATER, LESS, GREATER_OR_EQUAL, LESS_OR_EQUAL
    }

    /**
     * One condition on an earlier item.
     *
     * @param item   the item code the condition reads
     * @param code   the answer code compared (coded items), or null
     * @param number the number compared (whole-number items), or null
     * @param exists for {@link Operator#EXISTS}: whether the item must be answered (true) or not (false)
     */
    public record Condition(String item, Operator operator, String code, Integer number, boolean exists) {

        boolean holds(Map<String, Answer> answers) {
            Answer a = answers.get(item);
            boolean answered = a != null && a.answered();
            if (operator == Operator.EXISTS) {
                return answered == exists;
            }
            if (!answered) {
                // FHIR: a condition on an unanswered question is false, except "not equal", which holds.
                return operator == Operator.NOT_EQUALS;
            }
            if (code != null) {
                boolean has = a.codes().contains(code);
                return operator == Operator.EQUALS ? has : operator == Operator.NOT_EQUALS && !has;
            }
            if (number == null || a.value() == null) {
                return false;
            }
            int c = Integer.compare(a.value(), number);
            return switch (operator) {
                case EQUALS -> c == 0;
                case NOT_EQUALS -> c != 0;
                case GREATER -> c > 0;
                case LESS -> c < 0;
                case GREATER_OR_EQUAL -> c >= 0;
                case LESS_OR_EQUAL -> c <= 0;
                case EXISTS -> true;
            };
        }
    }

    /** Whether the item is asked, given the answers so far (keyed by item code). */
    public boolean holds(Map<String, Answer> answers) {
        if (conditions.isEmpty()) {
            return true;
        }
        return all ? conditions.stream().allMatch(c -> c.holds(answers))
                : conditions.stream().anyMatch(c -> c.holds(answers));
    }
}
