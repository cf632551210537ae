package care.tandem.domain.screening;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One instrument text in the languages it is published in ("en", "es"). Never machine-translated: a language
 * is present only when the instrument file carries that wording.
 */
public record LocalText(Map<String, String> byLanguage) {

    public LocalText {
        byLanguage = Map.copyOf(new TreeMap<>(byLanguage));
    }

    public static LocalText english(String text) {
        return new LocalText(Map.of("en", text));
    }

    public boolean has(String language) {
        return byLanguage.containsKey(language);
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }

    /**
     * The text in this language, or the English text when the file has none in it (or, for an imported form with
     * no English at all, the text in its own language).
     */
    public String in(String language) {
        String t = byLanguage.get(language);
        if (t != null) {
            return t;
        }
        t = byLanguage.get("en");
        return t != null ? t : byLanguage.values().stream().findFirst().orElse("");
    }
}
