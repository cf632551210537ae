package care.tandem.domain.family;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds text the way search compares it: without accents, in lower case, split into words. */
public final class SearchText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    // Letters and numbers of any script, the same token characters as SQLite's unicode61 tokenizer.
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** Without diacritics and in lower case: "Núñez" becomes "nunez". Null becomes "". */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The normalized words of {@code text}: "García-López" gives [garcia, lopez]. */
    public static List<String> words(String text) {
        return Arrays.stream(NOT_WORD.split(normalize(text)))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    /** Only the decimal digits of {@code text}, as ASCII: "(555) 123-4567" gives "5551234567". */
    public static String digits(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(text.length());
        text.codePoints()
                .filter(Character::isDigit)
                .forEach(cp -> digits.append(Character.digit(cp, 10)));
        return digits.toString();
    }
}
