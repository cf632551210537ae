package care.tandem.ui.family;

import care.tandem.domain.family.ContactPreferences;
import care.tandem.i18n.Texts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FamilyFormatTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private static FamilyFormat format(String language) {
        return new FamilyFormat(new Texts(Locale.forLanguageTag(language)), CLOCK);
    }

    @ParameterizedTest(name = "born {0}: {1} / {2}")
    @CsvSource({
            "2025-06-10, 5 d, 5 d",
            "2025-05-01, 6 wk, 6 sem",
            "2025-02-10, 4 mo, 4 m",
            "2023-03-01, 2 y 3 mo, 2 a 3 m",
            "2023-06-15, 2 y, 2 a",
            "2015-01-01, 10 y, 10 a"})
    void ages_are_written_the_way_clinicians_write_them(LocalDate born, String english, String spanish) {
        assertEquals(english, format("en").age(born));
        assertEquals(spanish, format("es").age(born));
    }

    @Test
    void safe_contact_preferences_are_spelled_out() {
        assertEquals("OK to call · No texts · No messages",
                format("en").contact(new ContactPreferences(true, false, false)));
        assertEquals("Se puede llamar · No enviar textos · No dejar mensajes",
                format("es").contact(new ContactPreferences(true, false, false)));
    }

    @Test
    void languages_are_named_in_the_screen_language() {
        assertEquals("Spanish", format("en").language("es"));
        assertEquals("Vietnamita", format("es").language("vi"));
        assertEquals("Other", format("en").language(FamilyFormat.OTHER_LANGUAGE));
        assertEquals("Portuguese", format("en").language("pt"));
    }
}
