package care.tandem.ui.common;

import care.tandem.i18n.Texts;

import java.util.Locale;

/**
 * The locale for numbers, dates and times on screen: the language the screens speak, with the computer's
 * country when it speaks that language too (so "2:15 PM" in the US, "14:15" in Mexico), else the United
 * States, where Tandem's clinics are.
 */
public final class FormatLocale {
    private FormatLocale() {
    }

    public static Locale of(Texts texts) {
        return of(texts.locale(), Locale.getDefault());
    }

    static Locale of(Locale language, Locale system) {
        String lang = language.getLanguage().isEmpty() ? "en" : language.getLanguage();
        String country = lang.equals(system.getLanguage()) && !system.getCountry().isEmpty()
                ? system.getCountry() : "US";
        return new Locale(lang, country);
    }
}
