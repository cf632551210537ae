package care.tandem.ui.screening;

import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Outcome;
import care.tandem.i18n.Texts;

import java.util.Locale;

/**
 * Names of instruments, bands, outcomes and domains in the user's language, from the shared screening keys
 * ({@code instrument.<id>.name}, {@code band.<instrument>.<band>}, {@code outcome.<OUTCOME>}, {@code domain.<id>});
 * where a key is not in the bundle, the instrument's own title or the id in plain words.
 */
final class EntryTexts {

    private EntryTexts() {
    }

    static String instrumentName(Texts texts, Instrument ins) {
        return first(texts, ins.title().in("en"), "instrument." + ins.id() + ".name");
    }

    static String band(Texts texts, String instrumentId, String band) {
        if (band == null) {
            return "";
        }
        return first(texts, words(band), "band." + instrumentId + "." + band, "band." + band);
    }

    static String outcome(Texts texts, Outcome outcome) {
        return texts.get("screening.entry.outcome." + outcome.name());
    }

    static String domain(Texts texts, String domainId) {
        return words(first(texts, words(domainId), "domain." + domainId, "domain." + domainId + ".name"));
    }

    static String first(Texts texts, String fallback, String... keys) {
        for (String key : keys) {
            if (texts.bundle().containsKey(key)) {
                return texts.get(key);
            }
        }
        return fallback;
    }

    /** "possible-depression" → "Possible depression". */
    static String words(String id) {
        String s = id.replace('-', ' ').replace('_', ' ');
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
