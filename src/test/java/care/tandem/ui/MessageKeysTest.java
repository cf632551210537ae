package care.tandem.ui;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.user.PasswordPolicy;
import care.tandem.domain.user.Role;
import care.tandem.i18n.Texts;
import care.tandem.ui.help.HelpWindow;
import care.tandem.ui.main.Section;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text key the sources use exists in English and Spanish, and the two bundles have the same keys.
 * Keys are found by scanning the sources: {@code %key} in every FXML; {@code texts.get("…")},
 * {@code bundle.getString("…")}, {@code title("…")} and {@code newStage(…, "…", …)} in every Java file; in
 * the ui package, any string literal shaped like a key of a family the bundle knows (such as
 * {@code "setup.username.required"}); and keys built from enums (roles, problems, sections, languages).
 */
class MessageKeysTest {
    private static final Path MAIN_JAVA = Path.of("src", "main", "java");
    private static final Path MAIN_RESOURCES = Path.of("src", "main", "resources");
    private static final Path BUNDLES = MAIN_RESOURCES.resolve(Path.of("care", "tandem", "i18n"));
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z][\\w.\\-]*)\"");
    private static final Pattern CODE_KEY = Pattern.compile(
            "(?:\\btexts\\(\\)|\\btexts|\\bbundle\\(\\)|\\bbundle|\\bt)\\s*\\.\\s*(?:get|getString)\\(\\s*\"([^\"]+)\"");
    private static final Pattern TITLE_KEY = Pattern.compile("\\btitle\\(\\s*\"([^\"]+)\"");
    private static final Pattern STAGE_KEY = Pattern.compile("newStage\\([^;\"]*\"([^\"]+)\"");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_]+)+)\"");

    private static Properties english;
    private static Properties spanish;

    @BeforeAll
    static void readBundles() throws IOException {
        english = load(BUNDLES.resolve("messages.properties"));
        spanish = load(BUNDLES.resolve("messages_es.properties"));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void englishAndSpanishHaveTheSameKeys() {
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(spanish.stringPropertyNames());
        Set<String> onlySpanish = new TreeSet<>(spanish.stringPropertyNames());
        onlySpanish.removeAll(english.stringPropertyNames());

        assertTrue(onlyEnglish.isEmpty() && onlySpanish.isEmpty(),
                "missing in messages_es.properties: " + onlyEnglish + "; missing in messages.properties: " + onlySpanish);
    }

    @Test
    void everyKeyInTheSourcesExistsInBothLanguages() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Path fxml : files(MAIN_RESOURCES, ".fxml")) {
            collect(used, fxml, FXML_KEY);
        }
        Set<String> families = keyFamilies();
        for (Path java : files(MAIN_JAVA, ".java")) {
            collect(used, java, CODE_KEY);
            collect(used, java, TITLE_KEY);
            collect(used, java, STAGE_KEY);
            if (java.startsWith(MAIN_JAVA.resolve(Path.of("care", "tandem", "ui")))) {
                Map<String, Set<String>> literals = new TreeMap<>();
                collect(literals, java, KEY_LITERAL);
                literals.forEach((key, where) -> {
                    if (families.contains(key.substring(0, key.indexOf('.')))) {
                        used.computeIfAbsent(key, k -> new TreeSet<>()).addAll(where);
                    }
                });
            }
        }
        for (Role r : Role.values()) {
            used.computeIfAbsent("role." + r.name(), k -> new TreeSet<>()).add("Role");
        }
        for (Problem p : Problem.values()) {
            used.computeIfAbsent(p.messageKey(), k -> new TreeSet<>()).add("Problem");
        }
        for (Section s : Section.values()) {
            for (String key : List.of(s.titleKey(), s.purposeKey(), s.comingKey())) {
                used.computeIfAbsent(key, k -> new TreeSet<>()).add("Section");
            }
        }
        Texts.LANGUAGES.forEach(l -> used.computeIfAbsent("language." + l.getLanguage(), k -> new TreeSet<>())
                .add("Texts.LANGUAGES"));
        HelpWindow.KEYS.forEach(pair -> {
            for (String key : pair) {
                used.computeIfAbsent(key, k -> new TreeSet<>()).add("HelpWindow.KEYS");
            }
        });
        for (String key : List.of(PasswordPolicy.BLANK, PasswordPolicy.TOO_SHORT, "demo.band")) {
            used.computeIfAbsent(key, k -> new TreeSet<>()).add("PasswordPolicy/Windows");
        }
        for (String prefix : List.of("signin.rejected", "lock.rejected")) {
            for (String plural : List.of(".one", ".other")) {
                used.computeIfAbsent(prefix + plural, k -> new TreeSet<>()).add("SignInMessages");
            }
        }

        List<String> missing = new ArrayList<>();
        used.forEach((key, where) -> {
            if (!english.containsKey(key)) {
                missing.add(key + " (messages.properties; used in " + where + ")");
            }
            if (!spanish.containsKey(key)) {
                missing.add(key + " (messages_es.properties; used in " + where + ")");
            }
        });
        assertTrue(used.size() > 100, "the scan found the keys: " + used.size());
        assertTrue(missing.isEmpty(), "missing keys:\n  " + String.join("\n  ", missing));
    }

    @Test
    void spanishTextsAreNotLeftInEnglish() {
        List<String> same = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            long words = Pattern.compile("\\p{L}{3,}").matcher(en).results().count();
            if (words >= 3 && en.equals(spanish.getProperty(key))) {
                same.add(key);
            }
        }
        assertEquals(List.of(), same, "these Spanish texts are still the English ones");
    }

    // The first parts of the bundle's keys ("setup", "signin", ...): a literal starting with one is a key.
    private static Set<String> keyFamilies() {
        Set<String> families = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            families.add(key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')));
        }
        return families;
    }

    private static void collect(Map<String, Set<String>> used, Path file, Pattern pattern) throws IOException {
        Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
            String key = m.group(1);
            if (!key.endsWith(".")) {
                used.computeIfAbsent(key, k -> new TreeSet<>()).add(file.getFileName().toString());
            }
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
