package care.tandem.interop.instrument;

import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.CriticalRule;
import care.tandem.domain.screening.ImportMarks;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Scorer;
import care.tandem.interop.fhir.FhirJson;
import care.tandem.testing.FhirCorpus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Importing FHIR R4 Questionnaires written by others (every file of the FHIR corpus, copied into the test resources)
 * and files built here: what each becomes, what Tandem says it cannot honour, and what it refuses.
 */
class QuestionnaireImporterTest {
    static final List<String> CORPUS = FhirCorpus.QUESTIONNAIRES;
    private static final FhirJson FHIR = new FhirJson();
    private static final InstrumentLibrary BUNDLED = new InstrumentReader(FHIR).bundled();
    private static final QuestionnaireImporter IMPORTER = new QuestionnaireImporter(FHIR);
    private static final ObjectMapper JSON = new ObjectMapper();

    static String corpus(String name) {
        return FhirCorpus.questionnaire(name);
    }

    private static QuestionnaireImporter.Plan plan(String text) {
        return IMPORTER.plan(text, BUNDLED, List.of(), ImportMarks.none());
    }

    static Stream<String> corpusFiles() {
        return CORPUS.stream();
    }

    @Test
    void theListCoversEveryCorpusQuestionnaire() throws Exception {
        var url = QuestionnaireImporterTest.class.getResource("/fhir-corpus/questionnaires/");
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(url.toURI()))) {
            assertEquals(Set.copyOf(CORPUS), files.map(p -> p.getFileName().toString()).collect(
                    java.util.stream.Collectors.toSet()));
        }
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void everyCorpusQuestionnaireImports(String file) {
        QuestionnaireImporter.Plan p = plan(corpus(file));
        assertNotNull(p.id());
        assertNotNull(p.url());
        assertFalse(p.languages().isEmpty());
        if (p.instrument() != null) {
            assertFalse(p.instrument().items().isEmpty(), file);
            // What it builds is scoreable: an empty screen scores without error and is never negative.
            Score empty = Scorer.score(p.instrument(), List.of());
            assertFalse(empty.outcome() == Outcome.NEGATIVE, file);
            // The rules written for storage read back into the same rules.
            Instrument again = IMPORTER.rebuild(corpus(file), p.url(), p.id(), p.version(), p.rules());
            assertEquals(p.instrument().rules(), again.rules(), file);
            assertEquals(p.instrument().items(), again.items(), file);
        } else {
            assertNotNull(p.unusable(), file);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "uscore-Questionnaire-phq-9-example.json, phq9, url",
            "lforms-phq9.json, phq9, panel",
            "sdc-questionnaire-sdc-profile-example-PHQ9.json, phq9, title",
            "rkonfhir-GAD-7.json, gad7, title",
            "uscore-Questionnaire-hunger-vital-sign-example.json, hvs, url",
            "sdohcc-Questionnaire-SDOHCC-QuestionnaireHungerVitalSign.json, hvs, url",
            "sdc-questionnaire-sdc-profile-example-hunger-vital-signs.json, hvs, url",
            "lforms-fhir-app-hunger-vital-signs.json, hvs, panel",
            "uscore-Questionnaire-ahc-hrsn-screening-example.json, ahc-hrsn, url"})
    void aFormTandemHasIsANewVersionOfIt(String file, String instrument, String how) {
        QuestionnaireImporter.Plan p = plan(corpus(file));
        assertEquals(QuestionnaireImporter.Kind.VERSION, p.kind(), file);
        assertEquals(instrument, p.versionOf());
        assertEquals(instrument, p.id());
        assertEquals(how, p.recognisedBy());
        assertFalse(BUNDLED.get(instrument).version().equals(p.version()), "a version label of its own");
        assertTrue(p.version().matches("(import-2|2\\.3\\.0|0\\.0\\.1)-[0-9a-f]{6}"), p.version());
        assertEquals(p.version(), plan(corpus(file)).version(), "the same file and marks make the same label");
    }

    @ParameterizedTest
    @CsvSource({"uscore-Questionnaire-AUDIT-C.json, audit-c", "uscore-Questionnaire-prapare-example.json, prapare-example",
            "sdohcc-Questionnaire-SDOHCC-QuestionnairePRAPARE.json, sdohcc-questionnaireprapare"})
    void aFormTandemDoesNotHaveIsANewInstrument(String file, String id) {
        QuestionnaireImporter.Plan p = plan(corpus(file));
        assertEquals(QuestionnaireImporter.Kind.NEW, p.kind());
        assertEquals(id, p.id());
        assertNull(p.versionOf());
    }

    @Test
    void aVersionOfTheBundledPhq9KeepsItsPublishedRulesAndItsCriticalItem() {
        for (String file : List.of("uscore-Questionnaire-phq-9-example.json", "lforms-phq9.json",
                "sdc-questionnaire-sdc-profile-example-PHQ9.json")) {
            Instrument phq9 = plan(corpus(file)).instrument();
            assertEquals(9, phq9.rules().totalItems().size(), file);
            assertEquals(BUNDLED.get("phq9").rules().bands(), phq9.rules().bands(), file);
            assertEquals(1, phq9.rules().critical().size(), file);
            assertTrue(phq9.rules().critical().get(0).askDirectlyIfDeclined());
            assertTrue(phq9.rules().canonicals().contains("urn:tandem:instrument:phq9"));
        }
        // The SDC form's items are not LOINC-coded: its 9th question is item 9.
        Instrument sdc = plan(corpus("sdc-questionnaire-sdc-profile-example-PHQ9.json")).instrument();
        assertEquals("H1/T1/Q9", sdc.rules().critical().get(0).item());
    }

    @Test
    void whatCannotBeHonouredIsListedForAUsCorePrapare() {
        QuestionnaireImporter.Plan p = plan(corpus("uscore-Questionnaire-prapare-example.json"));
        assertEquals(List.of(
                "item /93042-0/56799-0 is of type string, which Tandem cannot ask: it is left out",
                "item /93041-2/63586-2 is of type decimal, which Tandem cannot ask: it is left out",
                "it has no positive rule: its screens are recorded and totalled where it has a total, never called "
                        + "positive (an administrator can set one with --positive-at)"), p.notHonoured());
        assertEquals(19, p.instrument().items().size());
    }

    @Test
    void whatCannotBeHonouredIsListedForLhcFormsPhq9() {
        QuestionnaireImporter.Plan p = plan(corpus("lforms-phq9.json"));
        assertEquals(List.of("extension questionnaire-minOccurs is ignored (8 places)",
                "extension sdc-questionnaire-observationLinkPeriod is ignored (11 places)"), p.notHonoured());
        assertTrue(p.urlGenerated(), "the LHC-Forms PHQ-9 has no url");
    }

    @Test
    void aNonSummingExpressionIsListedAndTheSdohCcExtractionMapToo() {
        QuestionnaireImporter.Plan p = plan(corpus("sdohcc-Questionnaire-SDOHCC-QuestionnaireHungerVitalSign.json"));
        // The HVS risk item is computed by the published rule, so its expression costs nothing.
        assertEquals(List.of("extension sdc-questionnaire-targetStructureMap is ignored (the Questionnaire)"),
                p.notHonoured());
        assertTrue(p.notAsked().contains("/88124-3"));
        ObjectNode q = (ObjectNode) tree("uscore-Questionnaire-AUDIT-C.json");
        ObjectNode total = (ObjectNode) q.withArray("item").get(3);
        total.putArray("extension").addObject().put("url", QuestionnaireImporter.CALCULATED)
                .putObject("valueExpression").put("language", "text/fhirpath")
                .put("expression", "%resource.item.count() * 2");
        assertTrue(plan(q.toString()).notHonoured().contains("item /75626-2 is calculated by an expression that "
                + "is not a sum of points Tandem recognises: Tandem does not compute it"));
    }

    @Test
    void aCalculatedExpressionThatSumsMakesTheTotal() {
        // The SDC PHQ-9's %resource.answers().value.ordinal().sum(), without the bundled rules to lean on.
        ObjectNode q = (ObjectNode) tree("sdc-questionnaire-sdc-profile-example-PHQ9.json");
        q.put("title", "Mood questions").put("url", "http://example.org/Questionnaire/mood");
        QuestionnaireImporter.Plan p = plan(q.toString());
        assertEquals(QuestionnaireImporter.Kind.NEW, p.kind());
        assertEquals(9, p.instrument().rules().totalItems().size());
        assertEquals("44261-6", p.instrument().rules().totalCode());
        // LHC-Forms' iif(%q1_value.exists(), %q1_value, 0) + ... through variables, without its panel code.
        ObjectNode l = (ObjectNode) tree("lforms-phq9.json");
        l.remove("code");
        l.put("title", "Mood questions");
        Instrument lf = plan(l.toString()).instrument();
        assertEquals(List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
                "44260-8"), lf.rules().totalItems());
        // A new instrument with PHQ-9 item 9 has it critical by default.
        assertEquals(List.of(new CriticalRule("44260-8", 1, true)), lf.rules().critical());
        Score s = Scorer.score(lf, List.of(Answer.choice("44260-8", "LA6569-3")));
        assertEquals(List.of("44260-8"), s.critical());
    }

    @Test
    void theClinicsMarksAddCriticalItemsAndAThreshold() {
        String prapare = corpus("uscore-Questionnaire-prapare-example.json");
        QuestionnaireImporter.Plan p = IMPORTER.plan(prapare, BUNDLED, List.of(),
                new ImportMarks(List.of("/93039-6/76501-6"), null));
        assertEquals(List.of(new CriticalRule("76501-6", 1, true)), p.instrument().rules().critical());
        QuestionnaireRefused noPoints = assertThrows(QuestionnaireRefused.class, () -> IMPORTER.plan(prapare, BUNDLED,
                List.of(), new ImportMarks(List.of("/93039-6/93026-3"), null)));
        assertTrue(noPoints.reason().contains("carry no points"), noPoints.reason());
        assertThrows(QuestionnaireRefused.class, () -> IMPORTER.plan(prapare, BUNDLED, List.of(),
                new ImportMarks(List.of("/no-such-item"), null)));
        QuestionnaireRefused noTotal = assertThrows(QuestionnaireRefused.class, () -> IMPORTER.plan(prapare, BUNDLED,
                List.of(), new ImportMarks(List.of(), 3)));
        assertTrue(noTotal.reason().contains("needs a total"));

        ObjectNode gad = (ObjectNode) tree("rkonfhir-GAD-7.json");
        gad.put("title", "Worry scale");
        QuestionnaireImporter.Plan worry = IMPORTER.plan(gad.toString(), BUNDLED, List.of(), new ImportMarks(List.of(), 8));
        assertEquals(QuestionnaireImporter.Kind.NEW, worry.kind());
        List<Answer> answers = worry.instrument().items().stream()
                .map(i -> Answer.choice(i.code(), i.options().get(1).code())).toList();
        assertEquals(7, Scorer.score(worry.instrument(), answers).total());
        assertEquals(Outcome.NEGATIVE, Scorer.score(worry.instrument(), answers).outcome());
        List<Answer> more = worry.instrument().items().stream()
                .map(i -> Answer.choice(i.code(), i.options().get(2).code())).toList();
        assertEquals(Outcome.POSITIVE, Scorer.score(worry.instrument(), more).outcome());
    }

    @Test
    void aFileWithNoUrlGetsOne() {
        QuestionnaireImporter.Plan p = plan(corpus("lforms-phq9.json"));
        assertTrue(p.urlGenerated());
        assertTrue(p.url().matches("urn:uuid:[0-9a-f-]{36}"), p.url());
        assertFalse(plan(corpus("uscore-Questionnaire-AUDIT-C.json")).urlGenerated());
    }

    @Test
    void aSpanishFileOfTheSameItemsIsATranslationThatAddsItsLanguage() {
        String es = spanishHvs();
        QuestionnaireImporter.Plan p = plan(es);
        assertEquals(QuestionnaireImporter.Kind.TRANSLATION, p.kind());
        assertEquals("hvs", p.versionOf());
        assertEquals(Set.of("es"), p.languages());
        Instrument merged = BUNDLED.get("hvs").withTranslation(p.instrument(), p.languages());
        assertTrue(merged.languages().contains("es"));
        assertEquals("Dentro de los últimos 12 meses, nos preocupaba que la comida se acabara antes de tener dinero "
                + "para comprar más.", merged.item("88122-7").orElseThrow().text().in("es"));
        assertEquals("A menudo es cierto", merged.item("88122-7").orElseThrow().option("LA28397-0").orElseThrow()
                .display().in("es"));
        // The bundled English and the rules stay.
        assertEquals(BUNDLED.get("hvs").item("88122-7").orElseThrow().text().in("en"),
                merged.item("88122-7").orElseThrow().text().in("en"));
        assertEquals(BUNDLED.get("hvs").rules(), merged.rules());
    }

    @Test
    void translationExtensionsAddALanguageToANewInstrument() {
        ObjectNode q = (ObjectNode) tree("uscore-Questionnaire-AUDIT-C.json");
        for (var item : q.withArray("item")) {
            ObjectNode i = (ObjectNode) item;
            translate(i, "_text", "es: " + i.path("text").asText());
            for (var o : i.withArray("answerOption")) {
                ObjectNode coding = (ObjectNode) o.path("valueCoding");
                translate(coding, "_display", "es: " + coding.path("display").asText());
            }
            for (var child : i.withArray("item")) {
                translate((ObjectNode) child, "_text", "es: " + child.path("text").asText());
            }
        }
        translate(q, "_title", "Prueba AUDIT-C");
        QuestionnaireImporter.Plan p = plan(q.toString());
        assertEquals(List.of("en", "es"), List.copyOf(p.languages()));
        assertEquals("Prueba AUDIT-C", p.instrument().title().in("es"));
    }

    private static void translate(ObjectNode node, String field, String text) {
        ArrayNode ext = node.putObject(field).putArray("extension");
        ObjectNode t = ext.addObject().put("url", "http://hl7.org/fhir/StructureDefinition/translation");
        ArrayNode parts = t.putArray("extension");
        parts.addObject().put("url", "lang").put("valueCode", "es");
        parts.addObject().put("url", "content").put("valueString", text);
    }

    @Test
    void enableWhenDecidesWhatIsRequired() {
        ObjectNode q = (ObjectNode) tree("uscore-Questionnaire-prapare-example.json");
        q.put("url", "http://example.org/Questionnaire/prapare-with-conditions");
        ObjectNode housing = (ObjectNode) q.withArray("item").get(0).withArray("item").get(1).withArray("item").get(2);
        assertEquals("/93042-0/93033-9", housing.path("linkId").asText());
        ObjectNode when = housing.putArray("enableWhen").addObject().put("question", "/93042-0/71802-3")
                .put("operator", "=");
        when.putObject("answerCoding").put("system", "http://loinc.org").put("code", "LA30190-5");
        QuestionnaireImporter.Plan p = plan(q.toString());
        assertTrue(p.notHonoured().stream().noneMatch(n -> n.contains("enableWhen")), p.notHonoured().toString());
        Instrument in = p.instrument();
        List<String> allButWorried = in.items().stream().map(i -> i.code()).filter(c -> !c.equals("93033-9")).toList();
        List<Answer> answers = new java.util.ArrayList<>();
        for (String c : allButWorried) {
            var item = in.item(c).orElseThrow();
            answers.add(item.kind() == care.tandem.domain.screening.ItemKind.INTEGER ? Answer.value(c, 3)
                    : Answer.choice(c, item.options().get(item.code().equals("71802-3") ? 2 : 0).code()));
        }
        assertTrue(Scorer.score(in, answers).missing().isEmpty(), "not asked, so not missing");
        answers.removeIf(a -> a.item().equals("71802-3"));
        answers.add(Answer.choice("71802-3", "LA30190-5"));
        assertEquals(List.of("93033-9"), Scorer.score(in, answers).missing());

        // An operator on an answer type Tandem cannot compare is listed, and the item is always asked.
        when.remove("answerCoding");
        when.put("answerString", "x");
        assertTrue(plan(q.toString()).notHonoured().stream().anyMatch(n -> n.contains("enableWhen Tandem cannot check")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all|it is not JSON",
            "[1, 2]|it is not a FHIR resource (a JSON object)",
            "{\"name\": \"x\"}|it has no FHIR resourceType",
            "{\"resourceType\": \"Patient\", \"id\": \"p\"}|it is a Patient, not a Questionnaire",
            "{\"resourceType\": \"Questionnaire\", \"item\": []}|it has no status (draft, active, retired), which every R4 Questionnaire has",
            "{\"resourceType\": \"Questionnaire\", \"status\": \"active\", \"item\": [{\"linkId\": \"a\", \"type\": \"coding\", \"text\": \"A\"}]}|it is FHIR R5 (item type coding); Tandem imports FHIR R4 Questionnaires",
            "{\"resourceType\": \"Questionnaire\", \"status\": \"active\", \"item\": [{\"linkId\": \"a\", \"type\": \"choice\", \"answerConstraint\": \"optionsOnly\"}]}|it is FHIR R5 (answerConstraint); Tandem imports FHIR R4 Questionnaires",
            "{\"resourceType\": \"Questionnaire\", \"status\": \"active\", \"modifierExtension\": [{\"url\": \"http://example.org/x\", \"valueBoolean\": true}]}|it has a modifierExtension, which changes what the form means and which Tandem cannot read",
            "{\"resourceType\": \"Questionnaire\", \"status\": \"active\", \"item\": [{\"linkId\": \"a\", \"type\": \"display\"}, {\"linkId\": \"a\", \"type\": \"display\"}]}|linkId a appears twice",
            "{\"resourceType\": \"Questionnaire\", \"status\": \"active\", \"item\": [{\"type\": \"display\"}]}|an item has no linkId, which every R4 Questionnaire item has"})
    void aFileThatIsNotAnR4QuestionnaireIsRefusedWithTheReason(String text, String reason) {
        QuestionnaireRefused e = assertThrows(QuestionnaireRefused.class, () -> plan(text));
        assertEquals(reason, e.reason());
    }

    @Test
    void aClinicsLicensedEpdsIsAVersionOfTheScoreEntryEpdsWithItsReversalAndItem10() throws IOException {
        // The clinic's licensed file: the printed wording, its own linkIds and answer codes, the EPDS LOINC panel.
        ObjectNode q = (ObjectNode) JSON.readTree(QuestionnaireImporterTest.class
                .getResourceAsStream("/care/tandem/instruments/epds.questionnaire.json"));
        q.put("url", "http://example.org/clinic/Questionnaire/epds").put("title", "Edinburgh Postnatal Depression Scale");
        q.remove("id");
        int n = 0;
        for (var item : q.withArray("item")) {
            ObjectNode i = (ObjectNode) item;
            if (!i.path("type").asText().equals("choice")) {
                continue;
            }
            n++;
            i.put("linkId", "q" + n).put("text", "Licensed wording of question " + n);
            int k = 0;
            for (var o : i.withArray("answerOption")) {
                ((ObjectNode) o.path("valueCoding")).put("system", "http://example.org/clinic/epds")
                        .put("code", "q" + n + "a" + k).put("display", "Licensed answer " + k++);
            }
        }
        QuestionnaireImporter.Plan p = plan(q.toString());
        assertEquals(QuestionnaireImporter.Kind.VERSION, p.kind());
        assertEquals("epds", p.versionOf());
        assertEquals("panel", p.recognisedBy());
        Instrument epds = p.instrument();
        assertFalse(epds.scoreEntry(), "the clinic's licensed wording is given as written");
        assertEquals(List.of(new CriticalRule("q10", 1, true)), epds.rules().critical());
        assertTrue(epds.rules().reverse().containsAll(List.of("q3", "q5", "q10")));
        assertEquals(10, epds.rules().totalItems().size());
        // Item 10's first printed answer scores 3 (reversed): critical.
        Score s = Scorer.score(epds, List.of(Answer.choice("q10", "q10a0")));
        assertEquals(List.of("q10"), s.critical());
    }

    @Test
    void aVersionLackingTheCriticalItemSaysSo() {
        ObjectNode q = (ObjectNode) tree("uscore-Questionnaire-phq-9-example.json");
        ArrayNode items = q.withArray("item");
        for (int k = items.size() - 1; k >= 0; k--) {
            if (items.get(k).path("linkId").asText().equals("/44260-8")) {
                items.remove(k);
            }
        }
        QuestionnaireImporter.Plan p = plan(q.toString());
        assertEquals(List.of("44260-8"), p.losesCritical());
        assertTrue(p.notHonoured().contains("critical item 44260-8 of phq9 is not in this file: this version can never "
                + "become current"), p.notHonoured().toString());
    }

    static com.fasterxml.jackson.databind.JsonNode tree(String file) {
        return FhirCorpus.tree(file);
    }

    static String spanishHvs() {
        return FhirCorpus.spanishHvs();
    }
}
