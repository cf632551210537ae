package care.tandem.cli;

import care.tandem.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tandem score FILE} on real responses written by others (the FHIR corpus, copied into the test resources)
 * and on responses built here: one JSON object on stdout, or exit status 2 and one line on stderr.
 */
class ScoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOINC = "http://loinc.org";
    private static final List<String> PHQ9 = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
            "44258-2", "44252-5", "44253-3", "44260-8");
    /** PHQ/GAD answers by points: Not at all, Several days, More than half the days, Nearly every day. */
    private static final List<String> POINTS = List.of("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int score(Path file) {
        CommandLine cli = CommandLineFactory.create(d -> {
            throw new AssertionError("score must not open the window");
        }, MutableClock.at("2026-11-23T16:00:00Z"));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("score", file.toString());
    }

    /** Copies a corpus file into the temporary folder, as a caller's file would be. */
    private Path corpus(String path) throws IOException {
        Path target = dir.resolve(Path.of(path).getFileName().toString());
        try (InputStream in = ScoreCommandTest.class.getResourceAsStream("/fhir-corpus/" + path)) {
            if (in == null) {
                throw new IllegalStateException("test corpus file missing: " + path);
            }
            Files.copy(in, target);
        }
        return target;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private JsonNode printed() throws IOException {
        String text = out.toString();
        assertTrue(text.endsWith(System.lineSeparator()) && text.strip().lines().count() == 1,
                "exactly one line on stdout: " + text);
        assertEquals("", err.toString());
        return JSON.readTree(text);
    }

    private void assertRefused(int status, String... reasonParts) {
        assertEquals(2, status, "exit status; stdout: " + out + " stderr: " + err);
        assertEquals("", out.toString(), "nothing on stdout");
        String line = err.toString();
        assertEquals(1, line.lines().count(), "one line on stderr: " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
        for (String part : reasonParts) {
            assertTrue(line.contains(part), "stderr should say '" + part + "': " + line);
        }
    }

    // ---- responses built here ----

    private static String coding(String code) {
        return "{\"valueCoding\": {\"system\": \"" + LOINC + "\", \"code\": \"" + code + "\"}}";
    }

    private static String item(String linkId, String... answers) {
        return "{\"linkId\": \"" + linkId + "\", \"answer\": [" + String.join(", ", answers) + "]}";
    }

    private static String response(String canonical, List<String> items) {
        return "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\""
                + (canonical == null ? "" : ", \"questionnaire\": \"" + canonical + "\"")
                + ", \"item\": [" + String.join(", ", items) + "]}";
    }

    /** A PHQ-9 response (no canonical) with these points for items 1..n; fewer points leave the rest unanswered. */
    private static String phq9(int... points) {
        List<String> items = new ArrayList<>();
        items.add(item("/44249-1/44250-9", coding(POINTS.get(points[0]))));
        for (int i = 1; i < points.length; i++) {
            items.add(item("/" + PHQ9.get(i), coding(POINTS.get(points[i]))));
        }
        // The panel code 44249-1 in the first link id says it is the PHQ-9, whatever is answered.
        return response(null, items);
    }

    // ---- the corpus ----

    @Test
    void theUsCorePhq9ExampleScoresTwelveModeratePositiveWithNothingCriticalOrMissing() throws IOException {
        int status = score(corpus("responses/uscore-QuestionnaireResponse-phq-9-example.json"));

        assertEquals(0, status, err.toString());
        assertEquals("{\"instrument\":\"phq9\",\"complete\":true,\"total\":12,\"band\":\"moderate\",\"positive\":true,"
                + "\"critical\":[],\"missing\":[]}" + System.lineSeparator(), out.toString());
        assertEquals("", err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"responses/uscore-QuestionnaireResponse-hunger-vital-sign-example.json",
            "responses/sdohcc-QuestionnaireResponse-SDOHCC-QuestionnaireResponseHungerVitalSignExample.json"})
    void theHungerVitalSignExamplesArePositive(String path) throws IOException {
        assertEquals(0, score(corpus(path)), err.toString());

        JsonNode r = printed();
        assertEquals("hvs", r.get("instrument").asText());
        assertTrue(r.get("complete").asBoolean());
        assertTrue(r.get("total").isNull());
        assertTrue(r.get("positive").asBoolean());
        assertEquals(0, r.get("missing").size());
        assertFalse(r.has("domains"), "domains are printed for the AHC HRSN only");
    }

    @Test
    void theUsCoreAhcExampleIsPositiveForHousingQualityOnlyAndSafetyScoresFour() throws IOException {
        assertEquals(0, score(corpus("responses/uscore-QuestionnaireResponse-AHC-HRSN-screening-example.json")),
                err.toString());

        JsonNode r = printed();
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("instrument", "complete", "total", "band", "positive", "critical", "missing", "domains"),
                keys);
        assertEquals("ahc-hrsn", r.get("instrument").asText());
        assertTrue(r.get("complete").asBoolean());
        assertTrue(r.get("total").isNull());
        assertTrue(r.get("positive").asBoolean(), "any core domain positive");
        assertEquals(0, r.get("missing").size(), "the safety total 95614-4 is never missing");
        Map<String, String> domains = new LinkedHashMap<>();
        r.get("domains").fields().forEachRemaining(f -> domains.put(f.getKey(), f.getValue().toString()));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("housing", "{\"positive\":false}");
        expected.put("housing-quality", "{\"positive\":true}");
        expected.put("food", "{\"positive\":false}");
        expected.put("transportation", "{\"positive\":false}");
        expected.put("utilities", "{\"positive\":false}");
        expected.put("safety", "{\"positive\":false,\"score\":4}");
        for (String supplemental : List.of("financial-strain", "employment", "family-community-support", "education",
                "physical-activity", "substance-use", "mental-health", "disabilities")) {
            expected.put(supplemental, "{\"positive\":null}");
        }
        assertEquals(expected, domains, "unasked supplemental domains are null, never negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"responses/uscore-QuestionnaireResponse-PRAPARE-example.json",
            "responses/sdohcc-QuestionnaireResponse-SDOHCC-QuestionnaireResponsePRAPAREExample.json"})
    void prapareIsRefusedNotScoredAsAPartialAhc(String path) throws IOException {
        assertRefused(score(corpus(path)), "not an instrument Tandem knows", "56051-6");
    }

    @Test
    void auditCIsRefusedNamingTheItemsTandemDoesNotKnow() throws IOException {
        assertRefused(score(corpus("responses/uscore-QuestionnaireResponse-AUDIT-C.json")),
                "not an instrument Tandem knows", "68519-8, 68520-6, 75626-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"responses/sdc-questionnaireresponse-sdc-profile-example-PHQ9.json",
            "responses/spezi-PHQ9_response_spezi.json"})
    void aPhq9WhoseLinkIdsAreNotLoincIsRefusedSayingSo(String path) throws IOException {
        assertRefused(score(corpus(path)), "items not LOINC-coded", "H1/T1/Q1");
    }

    // ---- responses built here ----

    @Test
    void anAhcInNestedGroupsIsRecognisedByItsPanelCode() throws IOException {
        String json = response(null, List.of(
                "{\"linkId\": \"/96777-8\", \"item\": ["
                        + item("/96777-8/71802-3", coding("LA31995-6")) + ", "
                        + item("/96777-8/96778-6", coding("LA9-3")) + ", "
                        + item("/96777-8/88122-7", coding("LA28398-8")) + ", "
                        + item("/96777-8/88123-5", coding("LA28398-8")) + ", "
                        + item("/96777-8/93030-5", coding("LA32-8")) + ", "
                        + item("/96777-8/96779-4", coding("LA32-8")) + "]}"));

        assertEquals(0, score(file("nested.json", json)), err.toString());

        JsonNode r = printed();
        assertEquals("ahc-hrsn", r.get("instrument").asText());
        assertFalse(r.get("complete").asBoolean(), "the safety items were not asked");
        assertTrue(r.get("positive").asBoolean(), "housing is positive whatever is missing");
        assertTrue(r.at("/domains/housing/positive").asBoolean());
        assertTrue(r.at("/domains/safety/positive").isNull(), "unanswered safety is not negative");
        assertFalse(r.at("/domains/safety").has("score"));
        assertEquals(List.of("95618-5", "95617-7", "95616-9", "95615-1"), texts(r.get("missing")));
    }

    @Test
    void anIncompletePhq9BelowTheThresholdHasNoTotalListsWhatIsMissingAndIsNotNegative() throws IOException {
        assertEquals(0, score(file("partial.json", phq9(1, 1, 1, 1, 1, 1, 1))), err.toString());

        JsonNode r = printed();
        assertEquals("phq9", r.get("instrument").asText());
        assertFalse(r.get("complete").asBoolean());
        assertTrue(r.get("total").isNull());
        assertTrue(r.get("band").isNull());
        assertTrue(r.get("positive").isNull(), "an incomplete screen is never shown as negative");
        assertEquals(List.of("44253-3", "44260-8"), texts(r.get("missing")));
    }

    @Test
    void anIncompletePhq9WhoseAnswersReachTenIsAlreadyPositive() throws IOException {
        assertEquals(0, score(file("partial.json", phq9(3, 3, 3, 1))), err.toString());

        JsonNode r = printed();
        assertFalse(r.get("complete").asBoolean());
        assertTrue(r.get("total").isNull());
        assertTrue(r.get("positive").asBoolean());
        assertEquals(List.of("44251-7", "44258-2", "44252-5", "44253-3", "44260-8"), texts(r.get("missing")));
    }

    @Test
    void item9AboveZeroIsCriticalWhateverTheTotal() throws IOException {
        assertEquals(0, score(file("critical.json", phq9(0, 0, 0, 0, 0, 0, 0, 0, 1))), err.toString());

        JsonNode r = printed();
        assertEquals(1, r.get("total").asInt());
        assertEquals("minimal", r.get("band").asText());
        assertFalse(r.get("positive").asBoolean(), "positive is the threshold rule, independent of critical items");
        assertEquals(List.of("44260-8"), texts(r.get("critical")));
    }

    @Test
    void items1And2OfThePhqAloneAreThePhq2() throws IOException {
        String json = response(null, List.of(item("/44250-9", coding("LA6570-1")), item("/44255-8", coding("LA6569-3"))));

        assertEquals(0, score(file("phq2.json", json)), err.toString());

        JsonNode r = printed();
        assertEquals("phq2", r.get("instrument").asText());
        assertTrue(r.get("complete").asBoolean());
        assertEquals(3, r.get("total").asInt());
        assertTrue(r.get("positive").asBoolean(), "PHQ-2 positive at 3");
    }

    @Test
    void aGad7WithMoreDaysThanNotForItem2ScoresItAsTwo() throws IOException {
        // LA18938-3 "More days than not" is what some GAD-7 forms use for item 2; it is worth 2 like LA6570-1.
        String json = response(null, List.of(
                item("/69737-5/69725-0", coding("LA6569-3")),
                item("/69737-5/68509-9", coding("LA18938-3")),
                item("/69737-5/69733-4", coding("LA6569-3")),
                item("/69737-5/69734-2", coding("LA6568-5")),
                item("/69737-5/69735-9", coding("LA6570-1")),
                item("/69737-5/69689-8", coding("LA6569-3")),
                item("/69737-5/69736-7", coding("LA6568-5"))));

        assertEquals(0, score(file("gad7.json", json)), err.toString());

        JsonNode r = printed();
        assertEquals("gad7", r.get("instrument").asText());
        assertEquals(7, r.get("total").asInt());
        assertEquals("mild", r.get("band").asText());
        assertFalse(r.get("positive").asBoolean());
    }

    @Test
    void theTotalAndDifficultyItemsAreNeitherRequiredNorRefused() throws IOException {
        List<String> items = new ArrayList<>();
        for (String code : PHQ9) {
            items.add(item("/" + code, coding("LA6568-5")));
        }
        items.add(item("/44261-6", "{\"valueInteger\": 0}"));
        String json = response("http://loinc.org/q/44249-1", items);

        assertEquals(0, score(file("phq9.json", json)), err.toString());

        JsonNode r = printed();
        assertTrue(r.get("complete").asBoolean(), "the difficulty item 69722-7 is not needed");
        assertEquals(0, r.get("total").asInt());
        assertFalse(r.get("positive").asBoolean());
    }

    // ---- refusals ----

    @Test
    void anItemTheRecognisedInstrumentLacksIsRefusedByItsLinkId() throws IOException {
        String json = response("http://hl7.org/fhir/us/core/Questionnaire/phq-9-example",
                List.of(item("/44250-9", coding("LA6568-5")), item("/88122-7", coding("LA28398-8"))));

        assertRefused(score(file("mixed.json", json)), "items not LOINC-coded or not of phq9: /88122-7");
    }

    @Test
    void anAnswerCodeTheItemLacksIsRefusedNamingTheCodeAndItem() throws IOException {
        String json = response(null, List.of(item("/44250-9", coding("LA9999-9")), item("/44255-8", coding("LA6568-5"))));

        assertRefused(score(file("badcode.json", json)), "LA9999-9", "44250-9");
    }

    @Test
    void twoAnswersToASingleChoiceItemAreRefused() throws IOException {
        String json = response(null, List.of(item("/44250-9", coding("LA6568-5"), coding("LA6569-3")),
                item("/44255-8", coding("LA6568-5"))));

        assertRefused(score(file("two.json", json)), "44250-9", "takes one answer");
    }

    @Test
    void aFileThatIsNotJsonIsRefused() throws IOException {
        assertRefused(score(file("notes.json", "PHQ-9 total 12, moderate\n")), "it is not JSON");
    }

    @Test
    void aPatientIsRefusedAsNotAQuestionnaireResponse() throws IOException {
        assertRefused(score(corpus("other/sdohcc-Patient-pat-53234.json")),
                "it is a Patient, not a QuestionnaireResponse");
    }

    @Test
    void aMissingFileIsRefused() {
        assertRefused(score(dir.resolve("nowhere.json")), "no such file");
    }

    @Test
    void aResponseWithoutAnswersIsRefused() throws IOException {
        assertRefused(score(file("empty.json", response(null, List.of()))), "no answers");
    }

    @Test
    void theRefusalNamesNeitherTheFileNorItsContent() throws IOException {
        Path file = file("maria-lopez-phq9.json", "{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Lopez\"}]}");

        assertRefused(score(file), "Patient");
        assertFalse(err.toString().contains("maria") || err.toString().contains("Lopez"), err.toString());
    }

    @Test
    void scoringNeedsNoDataFolderAndHapiPrintsNothingToTheStandardStreams() throws IOException {
        Path json = corpus("responses/uscore-QuestionnaireResponse-phq-9-example.json");
        Path notAFolder = dir.resolve("no-data-folder-here");
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            CommandLine cli = CommandLineFactory.create(d -> 1, MutableClock.at("2026-11-23T16:00:00Z"));
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            status = cli.execute("--data-dir", notAFolder.toString(), "score", json.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }

        assertEquals(0, status, err.toString());
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        assertEquals("phq9", printed().get("instrument").asText());
        assertFalse(Files.exists(notAFolder), "no data folder is created or opened");
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
