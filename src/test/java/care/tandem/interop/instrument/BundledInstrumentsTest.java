package care.tandem.interop.instrument;

import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.LocalText;
import care.tandem.domain.screening.ScreeningDomain;
import care.tandem.interop.fhir.FhirJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instruments shipped in {@code care/tandem/instruments/}: all eight load and pass their checks, each offers
 * exactly the languages its publisher's wording exists in, the licensed instruments (EPDS, PEARLS) carry no
 * licensed wording, and the checks refuse broken instrument files with a message naming the problem.
 */
class BundledInstrumentsTest {
    private static final InstrumentReader READER = new InstrumentReader(new FhirJson());
    private static final InstrumentLibrary LIBRARY = READER.bundled();

    @Test
    void aSectionsWordsComeBeforeItsQuestionsAndOnlyThere() {
        Instrument ahc = LIBRARY.get("ahc-hrsn");
        assertEquals("Over the past 2 weeks, how often have you been bothered by any of the following problems?",
                ahc.item("44250-9").orElseThrow().intro().in("en"));
        assertEquals(ahc.item("44250-9").orElseThrow().intro(), ahc.item("44255-8").orElseThrow().intro());
        assertNull(ahc.item("93038-8").orElseThrow().intro());
        assertTrue(LIBRARY.get("phq9").items().stream().allMatch(it -> it.intro() == null));
        assertTrue(LIBRARY.get("phq9").stem().in("es").startsWith("Durante las últimas 2 semanas"));
    }

    @Test
    void allEightInstrumentsOfTheIndexLoad() {
        assertEquals(List.of("phq2", "phq9", "gad2", "gad7", "hvs", "ahc-hrsn", "epds", "pearls"),
                LIBRARY.all().stream().map(Instrument::id).toList());
    }

    @ParameterizedTest(name = "{0}: verified [{1}], unverified [{2}]")
    @CsvSource({
            "phq2,     en es, ''",
            "phq9,     en es, ''",
            "gad2,     en,    es",
            "gad7,     en,    es",
            "hvs,      en,    ''",
            "ahc-hrsn, en,    ''",
            "epds,     en,    ''",
            "pearls,   en,    ''"})
    void eachInstrumentOffersOnlyTheLanguagesItsWordingExistsIn(String id, String verified, String unverified) {
        Instrument i = LIBRARY.get(id);
        assertEquals(words(verified), i.languages());
        assertEquals(words(unverified), i.unverifiedLanguages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"phq2", "phq9", "gad2", "gad7", "hvs", "ahc-hrsn", "epds", "pearls"})
    void spanishTextsExistExactlyWhereSpanishIsListed(String id) {
        Instrument i = LIBRARY.get(id);
        boolean spanish = i.languages().contains("es") || i.unverifiedLanguages().contains("es");
        List<LocalText> texts = new ArrayList<>(List.of(i.title()));
        if (i.stem() != null) {
            texts.add(i.stem());
        }
        for (Item item : i.items()) {
            texts.add(item.text());
            item.options().forEach(o -> texts.add(o.display()));
        }
        for (LocalText t : texts) {
            assertTrue(t.has("en"), () -> id + ": a text without English: " + t);
            assertEquals(spanish, t.has("es"), () -> id + ": Spanish presence differs for " + t);
        }
    }

    @Test
    void thePhq2IsItems1And2OfThePhq9InBothLanguagesWithTheSameCodes() {
        Instrument phq2 = LIBRARY.get("phq2");
        Instrument phq9 = LIBRARY.get("phq9");
        assertEquals(List.of("44250-9", "44255-8"), phq2.items().stream().map(Item::code).toList());
        for (int k = 0; k < 2; k++) {
            Item a = phq2.items().get(k);
            Item b = phq9.items().get(k);
            assertEquals(b.code(), a.code());
            assertEquals(b.text(), a.text());
            assertEquals(b.options(), a.options());
        }
        assertEquals(phq9.stem(), phq2.stem());
        assertEquals("Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes "
                + "problemas?", phq2.stem().in("es"));
    }

    @Test
    void theGad2IsItems1And2OfTheGad7AndTheGad7HasNoDifficultyItem() {
        Instrument gad2 = LIBRARY.get("gad2");
        Instrument gad7 = LIBRARY.get("gad7");
        assertEquals(List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"),
                gad7.items().stream().map(Item::code).toList());
        assertEquals(gad7.items().subList(0, 2), gad2.items());
        assertEquals("Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta",
                gad7.items().get(0).text().in("es"));
        assertEquals("No ha sido capaz de parar o controlar su preocupación", gad7.items().get(1).text().in("es"));
    }

    @ParameterizedTest(name = "{0}: panel {1}, total {2}")
    @CsvSource(nullValues = "none", value = {
            "phq2,     55757-9, 55758-7",
            "phq9,     44249-1, 44261-6",
            "gad2,     none,    none",
            "gad7,     69737-5, 70274-6",
            "hvs,      88121-9, none",
            "ahc-hrsn, 96777-8, none",
            "epds,     71354-5, 99046-5",
            "pearls,   none,    none"})
    void eachInstrumentCarriesItsLoincPanelAndTotalCodes(String id, String panel, String total) {
        Instrument i = LIBRARY.get(id);
        assertEquals("urn:tandem:instrument:" + id, i.url());
        assertEquals("1.0.0", i.version());
        assertEquals(panel, i.panelCode());
        assertEquals(total, i.rules().totalCode());
        if (panel != null) {
            assertTrue(i.rules().panelCodes().contains(panel));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"phq2", "phq9", "gad2", "gad7", "hvs", "ahc-hrsn"})
    void publicInstrumentsAreCodedWithLoincItemsAndAnswers(String id) {
        Instrument i = LIBRARY.get(id);
        for (Item item : i.items()) {
            assertTrue(item.code().matches("\\d{4,6}-\\d"), () -> id + " item " + item.code());
            for (AnswerOption o : item.options()) {
                assertTrue(o.code().matches("LA\\d+-\\d"), () -> id + " " + item.code() + " answer " + o.code());
            }
        }
    }

    @ParameterizedTest(name = "{0}: copyright names {1}")
    @CsvSource(delimiter = '|', value = {
            "phq2     | Pfizer Inc",
            "phq9     | Pfizer Inc",
            "gad2     | Pfizer Inc",
            "gad7     | Pfizer Inc",
            "hvs      | Hager ER, Quigg AM, Black MM",
            "ahc-hrsn | Centers for Medicare & Medicaid Services",
            "ahc-hrsn | Billioux A, Verlander K, Anthony S, Alley D",
            "ahc-hrsn | adapted from the HITS tool",
            "epds     | © Royal College of Psychiatrists",
            "epds     | the questionnaire wording is not included",
            "pearls   | © 2016–2024 Regents of the University of California",
            "pearls   | the questionnaire wording is not included"})
    void eachQuestionnaireCarriesItsPublishersStatement(String id, String expected) {
        assertTrue(LIBRARY.get(id).copyright().in("en").contains(expected), LIBRARY.get(id).copyright().in("en"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"phq2", "phq9", "gad2", "gad7", "hvs", "ahc-hrsn", "epds", "pearls"})
    void everyRulesFileNamesItsPublishedSource(String id) {
        String source = LIBRARY.get(id).rules().source();
        assertTrue(source.matches(".*DOMAIN\\.md §\\d.*"), source);
        assertTrue(source.matches(".*(19|20)\\d\\d.*") || source.contains("ACEs Aware"), source);
    }

    @Test
    void theEpdsCarriesTopicsAndPrintedPositionsOnlyWithReverseScoring() {
        Instrument epds = LIBRARY.get("epds");
        assertTrue(epds.scoreEntry());
        assertEquals(10, epds.items().size());
        for (int n = 1; n <= 10; n++) {
            Item item = epds.items().get(n - 1);
            assertEquals("epds-" + n, item.code());
            assertTrue(item.text().in("en").matches("[A-Z][A-Za-z -]{3,40} \\(topic\\)"), item.text().in("en"));
            List<String> displays = item.options().stream().map(o -> o.display().in("en")).toList();
            assertEquals(List.of("Option 1 (first printed answer)", "Option 2 (second printed answer)",
                    "Option 3 (third printed answer)", "Option 4 (fourth printed answer)"), displays);
            assertEquals(List.of("epds-" + n + "-1", "epds-" + n + "-2", "epds-" + n + "-3", "epds-" + n + "-4"),
                    item.options().stream().map(AnswerOption::code).toList());
            List<Integer> points = item.options().stream().map(AnswerOption::points).toList();
            assertEquals(Set.of(1, 2, 4).contains(n) ? List.of(0, 1, 2, 3) : List.of(3, 2, 1, 0), points,
                    "points of item " + n);
        }
        assertEquals(Set.of("epds-3", "epds-5", "epds-6", "epds-7", "epds-8", "epds-9", "epds-10"),
                epds.rules().reverse());
        assertTrue(epds.rules().source().contains("99046-5") && epds.rules().source().contains("⚠️"));
    }

    @Test
    void pearlsCarriesCountsAndTheConditionQuestionOnly() {
        Instrument pearls = LIBRARY.get("pearls");
        assertTrue(pearls.scoreEntry());
        assertEquals(List.of("pearls-aces", "pearls-part2", "pearls-aahc"),
                pearls.items().stream().map(Item::code).toList());
        Item aces = pearls.item("pearls-aces").orElseThrow();
        assertEquals(ItemKind.INTEGER, aces.kind());
        assertEquals(0, aces.min());
        assertEquals(10, aces.max());
        Item part2 = pearls.item("pearls-part2").orElseThrow();
        assertEquals(ItemKind.INTEGER, part2.kind());
        assertEquals(9, part2.max());
        assertEquals(List.of("LA33-6", "LA32-8"),
                pearls.item("pearls-aahc").orElseThrow().options().stream().map(AnswerOption::code).toList());
        assertNotNull(pearls.rules().tier());
        assertTrue(pearls.rules().source().contains("⚠️") && pearls.rules().source().contains("§6.1"));
        assertTrue(pearls.rules().source().contains("billing follows the count alone"), pearls.rules().source());
    }

    @Test
    void theHungerVitalSignKeepsTheOfficialHouseholdWording() {
        Instrument hvs = LIBRARY.get("hvs");
        assertEquals("Within the past 12 months we worried whether our food would run out before we got money to buy "
                + "more.", hvs.item("88122-7").orElseThrow().text().in("en"));
        assertEquals(List.of("LA28397-0", "LA6729-3", "LA28398-8", "LA15775-2"),
                hvs.item("88123-5").orElseThrow().options().stream().map(AnswerOption::code).toList());
        assertEquals(Set.of("LA15775-2"), hvs.rules().declineCodes());
        assertEquals(Set.of("88124-3"), hvs.rules().derivedCodes());
        assertEquals(Set.of("http://hl7.org/fhir/us/core/Questionnaire/hunger-vital-sign-example",
                "http://hl7.org/fhir/us/sdoh-clinicalcare/Questionnaire/SDOHCC-QuestionnaireHungerVitalSign",
                "http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-hunger-vital-signs"),
                hvs.rules().canonicals());
        assertNull(hvs.rules().totalCode());
        assertTrue(hvs.rules().totalItems().isEmpty());
    }

    @Test
    void theAhcHasTenCoreItemsAPrivateSafetyDomainAndTheSupplementalDomains() {
        Instrument ahc = LIBRARY.get("ahc-hrsn");
        assertEquals(List.of("71802-3", "96778-6", "88122-7", "88123-5", "93030-5", "96779-4", "95618-5", "95617-7",
                "95616-9", "95615-1"), List.copyOf(ahc.requiredItems()));
        assertEquals(26, ahc.items().size());
        assertEquals(ItemKind.MULTI_CHOICE, ahc.item("96778-6").orElseThrow().kind());
        assertEquals(Set.of("95618-5", "95617-7", "95616-9", "95615-1"), ahc.privateItems());
        assertEquals(List.of("housing", "housing-quality", "food", "transportation", "utilities", "safety",
                        "financial-strain", "employment", "family-community-support", "education",
                        "physical-activity", "substance-use", "mental-health", "disabilities"),
                ahc.rules().domains().stream().map(ScreeningDomain::id).toList());
        assertEquals(Set.of("housing", "housing-quality", "food", "transportation", "utilities", "safety"),
                ahc.rules().domains().stream().filter(ScreeningDomain::core).map(ScreeningDomain::id)
                        .collect(Collectors.toSet()));
        assertFalse(ahc.item("77594-0").isPresent());
        assertFalse(ahc.item("97027-7").isPresent());
        assertEquals(List.of(1, 2, 3, 4, 5), ahc.item("95615-1").orElseThrow().options().stream()
                .map(AnswerOption::points).toList());
        assertEquals(List.of(0, 1, 2, 3), ahc.item("44255-8").orElseThrow().options().stream()
                .map(AnswerOption::points).toList());
    }

    // ---------------------------------------------------------------- the checks refuse broken files

    @Test
    void aWellFormedMiniatureInstrumentPassesTheChecks() {
        Instrument i = read(mini(POINTS, POINTS, true, true), rules(DOMAIN_OK, BANDS_OK, CRITICAL_OK, "[]", SPANISH));
        assertEquals(List.of("1001-1", "1002-2"), i.items().stream().map(Item::code).toList());
        assertEquals("Uno", i.items().get(0).text().in("es"));
        assertEquals(Set.of("en", "es"), i.languages());
    }

    @Test
    void rulesNamingAnItemTheQuestionnaireDoesNotHaveAreRefused() {
        String domain = """
                [{"id": "d", "core": true, "rules": [{"kind": "sum-at-least", "threshold": 3,
                  "items": ["1001-1", "9999-9"]}]}]""";
        assertRefused("mini.rules.json: names item 9999-9, which the Questionnaire does not have",
                mini(POINTS, POINTS, true, true), rules(domain, BANDS_OK, CRITICAL_OK, "[]", SPANISH));
    }

    @Test
    void aSummedItemWithoutPointsIsRefused() {
        assertRefused("mini.questionnaire.json: item 1001-1 is summed but an answer has no points (ordinalValue)",
                mini(null, POINTS, true, true), rules(DOMAIN_OK, BANDS_OK, CRITICAL_OK, "[]", SPANISH));
    }

    @Test
    void aReverseScoredItemWhosePointsRiseIsRefused() {
        assertRefused("mini.questionnaire.json: item 1001-1 is reverse-scored but its points do not fall",
                mini(POINTS, POINTS, true, true), rules(DOMAIN_OK, BANDS_OK, CRITICAL_OK, "[\"1001-1\"]", SPANISH));
    }

    @Test
    void anItemWhosePointsFallWithoutBeingMarkedReverseIsRefused() {
        assertRefused("mini.questionnaire.json: item 1002-2 is not reverse-scored but its points do not rise",
                mini(POINTS, new int[]{3, 2, 1, 0}, true, true),
                rules(DOMAIN_OK, BANDS_OK, "[]", "[]", SPANISH));
    }

    @Test
    void bandsWithAGapAreRefused() {
        String bands = """
                [{"id": "low", "min": 0, "max": 2}, {"id": "high", "min": 4, "max": 6}]""";
        assertRefused("mini.rules.json: band high should start at 3",
                mini(POINTS, POINTS, true, true), rules(DOMAIN_OK, bands, CRITICAL_OK, "[]", SPANISH));
    }

    @Test
    void bandsThatStopShortOfTheHighestTotalAreRefused() {
        String bands = """
                [{"id": "low", "min": 0, "max": 2}, {"id": "high", "min": 3, "max": 5}]""";
        assertRefused("mini.rules.json: the bands end at 5 but the total reaches 6",
                mini(POINTS, POINTS, true, true), rules(DOMAIN_OK, bands, CRITICAL_OK, "[]", SPANISH));
    }

    @Test
    void aMissingSpanishTextIsRefusedWhenSpanishIsListed() {
        assertRefused("mini.questionnaire.json: item 1002-2 has no text in language es",
                mini(POINTS, POINTS, true, false), rules(DOMAIN_OK, BANDS_OK, CRITICAL_OK, "[]", SPANISH));
    }

    @Test
    void aMissingSpanishTextIsRefusedWhenSpanishIsListedAsUnverified() {
        assertRefused("mini.questionnaire.json: item 1002-2 has no text in language es",
                mini(POINTS, POINTS, true, false),
                rules(DOMAIN_OK, BANDS_OK, CRITICAL_OK, "[]", "{\"en\": \"verified\", \"es\": \"unverified\"}"));
    }

    @Test
    void aCriticalRuleThatCanNeverFireIsRefused() {
        String critical = """
                [{"item": "1002-2", "minPoints": 4, "askDirectlyIfDeclined": true}]""";
        assertRefused("mini.rules.json: critical item 1002-2 can never reach 4 points",
                mini(POINTS, POINTS, true, true), rules(DOMAIN_OK, BANDS_OK, critical, "[]", SPANISH));
    }

    @Test
    void anAnswerRuleNamingAnAnswerTheItemsDoNotOfferIsRefused() {
        String domain = """
                [{"id": "d", "core": true, "rules": [{"kind": "answer-in", "items": ["1001-1"],
                  "answers": ["LA9999-9"]}]}]""";
        assertRefused("mini.rules.json: answer LA9999-9 is not an option of [1001-1]",
                mini(POINTS, POINTS, true, true), rules(domain, BANDS_OK, CRITICAL_OK, "[]", SPANISH));
    }

    @Test
    void rulesWithoutVerifiedEnglishAreRefused() {
        assertRefused("mini.rules.json: English must be listed as verified",
                mini(POINTS, POINTS, true, true),
                rules(DOMAIN_OK, BANDS_OK, CRITICAL_OK, "[]", "{\"en\": \"unverified\"}"));
    }

    @Test
    void aQuestionnaireThatIsNotFhirIsRefused() {
        assertRefused("mini.questionnaire.json: it is not JSON",
                "{\"resourceType\": \"Questionnaire\", ", rules(DOMAIN_OK, BANDS_OK, CRITICAL_OK, "[]", SPANISH));
    }

    // ---------------------------------------------------------------- miniature instrument files

    private static final int[] POINTS = {0, 1, 2, 3};
    private static final String SPANISH = "{\"en\": \"verified\", \"es\": \"verified\"}";
    private static final String DOMAIN_OK = """
            [{"id": "d", "core": true, "rules": [{"kind": "sum-at-least", "threshold": 3,
              "items": ["1001-1", "1002-2"]}]}]""";
    private static final String BANDS_OK = """
            [{"id": "low", "min": 0, "max": 2}, {"id": "high", "min": 3, "max": 6}]""";
    private static final String CRITICAL_OK = """
            [{"item": "1002-2", "minPoints": 1, "askDirectlyIfDeclined": true}]""";

    private static Instrument read(String questionnaire, String rules) {
        return READER.read("mini.questionnaire.json", questionnaire, "mini.rules.json",
                READER.parseRules("mini.rules.json", rules));
    }

    private static void assertRefused(String expectedMessageStart, String questionnaire, String rules) {
        InstrumentFileException e = assertThrows(InstrumentFileException.class, () -> read(questionnaire, rules));
        assertTrue(e.getMessage().startsWith(expectedMessageStart), e.getMessage());
    }

    private static String rules(String domains, String bands, String critical, String reverse, String languages) {
        return """
                {"instrument": "mini", "questionnaire": "mini.questionnaire.json", "source": "test (DOMAIN.md §0)",
                 "languages": %s, "total": {"code": "1000-0", "items": ["1001-1", "1002-2"]},
                 "bands": %s, "domains": %s, "critical": %s, "reverse": %s}"""
                .formatted(languages, bands, domains, critical, reverse);
    }

    private static String mini(int[] points1, int[] points2, boolean spanish1, boolean spanish2) {
        return """
                {"resourceType": "Questionnaire", "url": "urn:tandem:instrument:mini", "version": "1.0.0",
                 "status": "active", "title": "Mini", %s
                 "item": [%s, %s]}"""
                .formatted(es("_title", "Mini-es") + ",", item("1001-1", "One", spanish1 ? "Uno" : null, points1),
                        item("1002-2", "Two", spanish2 ? "Dos" : null, points2));
    }

    private static String item(String code, String en, String es, int[] points) {
        List<String> options = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            String ordinal = points == null ? "" : """
                    , "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue",
                      "valueDecimal": %d}]""".formatted(points[k]);
            options.add("""
                    {"valueCoding": {"system": "http://loinc.org", "code": "LA%d-%d", "display": "Answer %d"%s}%s}"""
                    .formatted(k + 1, k + 1, k, es == null ? "" : ", " + es("_display", "Respuesta " + k), ordinal));
        }
        return """
                {"linkId": "%s", "code": [{"system": "http://loinc.org", "code": "%s"}], "text": "%s"%s,
                 "type": "choice", "answerOption": [%s]}"""
                .formatted(code, code, en, es == null ? "" : ", " + es("_text", es), String.join(", ", options));
    }

    private static String es(String element, String text) {
        return """
                "%s": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/translation",
                  "extension": [{"url": "lang", "valueCode": "es"}, {"url": "content", "valueString": "%s"}]}]}"""
                .formatted(element, text);
    }

    private static Set<String> words(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
