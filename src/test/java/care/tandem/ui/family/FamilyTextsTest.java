package care.tandem.ui.family;

import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;
import care.tandem.i18n.Texts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text the family screens show exists in English and in Spanish. */
class FamilyTextsTest {
    private static final List<String> FXML = List.of(FamilyViews.SCREEN, FamilyViews.EDITOR, FamilyViews.MERGE);
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9.]+)\"");

    private static Set<String> familyKeys(Locale locale) {
        ResourceBundle bundle = new Texts(locale).bundle();
        Set<String> keys = new TreeSet<>();
        bundle.keySet().stream().filter(k -> k.startsWith("family.")).forEach(keys::add);
        return keys;
    }

    @Test
    void english_and_spanish_have_the_same_family_keys() {
        Set<String> english = familyKeys(Locale.ENGLISH);
        assertTrue(english.size() > 50);
        assertEquals(english, familyKeys(Locale.forLanguageTag("es")));
    }

    @Test
    void every_key_the_views_and_choices_use_exists_in_both_languages() throws IOException {
        List<String> used = new ArrayList<>();
        for (String fxml : FXML) {
            try (InputStream in = FamilyViews.class.getResourceAsStream(fxml)) {
                Matcher m = FXML_KEY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (Relationship r : Relationship.values()) {
            used.add("family.relationship." + r.name());
        }
        for (Sex s : Sex.values()) {
            used.add("family.sex." + s.name());
        }
        FamilyFormat.LANGUAGES.forEach(code -> used.add("family.language." + code));
        used.add(MemberForm.BIRTH_DATE_UNREADABLE);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
            ResourceBundle bundle = new Texts(locale).bundle();
            for (String key : used) {
                assertTrue(bundle.containsKey(key), () -> key + " missing for " + locale);
            }
        }
    }
}
