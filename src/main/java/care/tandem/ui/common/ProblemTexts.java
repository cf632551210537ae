package care.tandem.ui.common;

import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;

/**
 * What a person reads about a failure: a {@link ProblemException}'s own message, with any argument that
 * names a message (such as {@code password.tooShort}) put into words; anything else gets a general
 * "something went wrong" text, because an unexpected exception's message may hold data.
 */
public final class ProblemTexts {
    private ProblemTexts() {
    }

    public static String describe(Throwable failure, Texts texts) {
        if (failure instanceof ProblemException problem) {
            Object[] args = problem.args().stream().map(a -> argument(a, texts)).toArray();
            return texts.get(problem.problem().messageKey(), args);
        }
        return texts.get("error.generic");
    }

    private static Object argument(Object arg, Texts texts) {
        if (arg instanceof String s) {
            if (texts.bundle().containsKey(s)) {
                return stripFullStop(texts.get(s));
            }
            if (texts.bundle().containsKey("problem.arg." + s)) {
                return texts.get("problem.arg." + s);
            }
        }
        return arg;
    }

    private static String stripFullStop(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
