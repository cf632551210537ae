package care.tandem.domain.screening;

import java.util.List;

/**
 * The answer to one item: the option code(s) chosen, a whole number, or a recorded decline or deferral.
 */
public record Answer(String item, List<String> codes, Integer value, AnswerState state) {

    public Answer {
        codes = List.copyOf(codes);
    }

    public static Answer choice(String item, String code) {
        return new Answer(item, List.of(code), null, AnswerState.ANSWERED);
    }

    public static Answer choices(String item, List<String> codes) {
        return new Answer(item, codes, null, AnswerState.ANSWERED);
    }

    public static Answer value(String item, int value) {
        return new Answer(item, List.of(), value, AnswerState.ANSWERED);
    }

    public static Answer declined(String item) {
        return new Answer(item, List.of(), null, AnswerState.DECLINED);
    }

    public static Answer deferred(String item) {
        return new Answer(item, List.of(), null, AnswerState.DEFERRED);
    }

    public boolean answered() {
        return state == AnswerState.ANSWERED;
    }
}
