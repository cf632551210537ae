package care.tandem.ui.common;

import care.tandem.i18n.Texts;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Remembers the language last chosen for Tandem's screens (only that: nothing else goes into the
 * preferences). With no choice yet, Spanish if the computer's language is Spanish, else English.
 */
public interface LanguageChoice {

    /** The remembered language, if any. */
    Optional<Locale> remembered();

    void remember(Locale language);

    /** The language to start in. */
    default Locale current() {
        return remembered().orElseGet(() -> fromSystem(Locale.getDefault()));
    }

    /** Spanish for a Spanish-speaking system, English for any other. */
    static Locale fromSystem(Locale system) {
        return "es".equals(system.getLanguage()) ? Texts.LANGUAGES.get(1) : Texts.LANGUAGES.get(0);
    }

    /** One of Tandem's languages for a language tag, or empty. */
    static Optional<Locale> known(String tag) {
        return Texts.LANGUAGES.stream().filter(l -> l.getLanguage().equals(tag)).findFirst();
    }

    /** The production store: java.util.prefs, user node of this package, key "language". */
    static LanguageChoice preferences() {
        Preferences node = Preferences.userNodeForPackage(LanguageChoice.class);
        return new LanguageChoice() {
            @Override
            public Optional<Locale> remembered() {
                try {
                    return known(node.get("language", ""));
                } catch (RuntimeException unreadable) {
                    return Optional.empty();
                }
            }

            @Override
            public void remember(Locale language) {
                // No flush(): it writes on the calling (FX) thread; java.util.prefs stores the change in the
                // background and again at exit.
                try {
                    node.put("language", language.getLanguage());
                } catch (RuntimeException unwritable) {
                    // Not remembering the language is harmless: the next start asks the system again.
                }
            }
        };
    }

    /** A store in memory only (tests, and a first window that must not touch preferences). */
    static LanguageChoice inMemory(Locale start) {
        return new LanguageChoice() {
            private Locale chosen = start;

            @Override
            public Optional<Locale> remembered() {
                return Optional.ofNullable(chosen);
            }

            @Override
            public void remember(Locale language) {
                chosen = language;
            }
        };
    }
}
