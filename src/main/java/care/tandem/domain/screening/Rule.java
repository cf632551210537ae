package care.tandem.domain.screening;

import java.util.List;
import java.util.Set;

/** One published positive rule of a screening domain; a domain is positive when any of its rules is. */
public sealed interface Rule {

    /** The items the rule reads. */
    List<String> items();

    /** Positive when the points of the items add up to at least {@code threshold} (PHQ-9 ≥ 10, AHC safety ≥ 11). */
    record SumAtLeast(List<String> items, int threshold) implements Rule {
        public SumAtLeast {
            items = List.copyOf(items);
        }
    }

    /** Positive when any of the items has one of these answers (Hunger Vital Sign: often or sometimes true). */
    record AnswerIn(List<String> items, Set<String> answers) implements Rule {
        public AnswerIn {
            items = List.copyOf(items);
            answers = Set.copyOf(answers);
        }
    }

    /** Positive when a whole-number item reaches {@code threshold} (PEARLS ACE count ≥ 4). */
    record ValueAtLeast(List<String> items, int threshold) implements Rule {
        public ValueAtLeast {
            items = List.copyOf(items);
        }
    }

    /** Answers recorded, no published positive rule (AHC physical activity): never positive or negative. */
    record NotScored(List<String> items) implements Rule {
        public NotScored {
            items = List.copyOf(items);
        }
    }
}
