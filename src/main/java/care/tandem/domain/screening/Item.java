package care.tandem.domain.screening;

import java.util.List;
import java.util.Optional;

/**
 * One question of an instrument, identified by its LOINC item code (or, for score-entry instruments whose
 * items have no verified LOINC code, a Tandem code such as {@code epds-10}).
 *
 * @param number the printed question number, 1-based
 * @param intro  the words the form prints before this item's section (the AHC's PHQ-2 time frame), or null
 * @param min    the lowest value of an INTEGER item (null otherwise)
 * @param max    the highest value of an INTEGER item (null otherwise)
 */
public record Item(String code, int number, LocalText intro, LocalText text, ItemKind kind, List<AnswerOption> options,
                   Integer min, Integer max) {

    public Item {
        options = List.copyOf(options);
    }

    public Optional<AnswerOption> option(String answerCode) {
        return options.stream().filter(o -> o.code().equals(answerCode)).findFirst();
    }
}
