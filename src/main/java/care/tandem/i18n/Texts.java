package care.tandem.i18n;

import care.tandem.domain.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The visible text of Tandem in one language, from {@code care/tandem/i18n/messages*.properties}, for the
 * window and the command line alike. Arguments replace {@code {0}}, {@code {1}}, ... literally (no
 * MessageFormat, so an apostrophe in a message needs no escaping).
 */
public final class Texts {
    public static final String BUNDLE = "care.tandem.i18n.messages";
    /** The languages Tandem's own screens are written in. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, new Locale("es"));

    private final ResourceBundle bundle;

    public Texts(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text for {@code key} with its arguments filled in; the key itself if it is missing (a test catches that). */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** What went wrong and what to do, for a problem raised anywhere in Tandem. */
    public String problem(ProblemException e) {
        return get(e.problem().messageKey(), e.args().toArray());
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return bundle.getLocale();
    }
}
