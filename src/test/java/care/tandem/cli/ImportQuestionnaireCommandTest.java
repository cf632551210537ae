package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.testing.FhirCorpus;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tandem import-questionnaire FILE} and {@code tandem score FILE --questionnaire Q.json} on the FHIR corpus:
 * what is printed, what is stored, the exit status for files that are refused, and the published PHQ-9 totals.
 */
class ImportQuestionnaireCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path data;
    private Path passphrase;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() throws IOException {
        data = dir.resolve("data");
        passphrase = Files.writeString(dir.resolve("passphrase.txt"), "a long enough clinic passphrase\n");
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = CommandLineFactory.create(d -> {
            throw new AssertionError("must not open the window");
        }, MutableClock.at("2026-11-23T16:00:00Z"));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int importFile(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("--data-dir", data.toString(), "import-questionnaire",
                file.toString(), "--passphrase-file", passphrase.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Path questionnaire(String name) throws IOException {
        return Files.writeString(dir.resolve(name), FhirCorpus.questionnaire(name));
    }

    private Path response(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/fhir-corpus/responses/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "uscore-Questionnaire-phq-9-example.json|Imported \"PHQ-9 Example\" as a new version of phq9 (version import-2), recognised by its url.",
            "lforms-phq9.json|Imported \"PHQ-9 quick depression assessment panel\" as a new version of phq9 (version import-2), recognised by its LOINC panel code.",
            "rkonfhir-GAD-7.json|Imported \"Generalized Anxiety Disorder - 7\" as a new version of gad7 (version import-2), recognised by its title and its scored questions.",
            "uscore-Questionnaire-hunger-vital-sign-example.json|Imported \"Hunger Vital Sign Example\" as a new version of hvs (version import-2), recognised by its url.",
            "uscore-Questionnaire-ahc-hrsn-screening-example.json|Imported \"AHC HRSN Screening\" as a new version of ahc-hrsn (version import-2), recognised by its url.",
            "uscore-Questionnaire-AUDIT-C.json|Imported \"Alcohol Use Disorder Identification Test - Consumption [AUDIT-C]\" as a new instrument, audit-c (version import-1)."})
    void importingSaysWhatItAddedAndExitsZero(String file, String firstLine) throws IOException {
        assertEquals(0, importFile(questionnaire(file)), err.toString());
        String line = out.toString().lines().filter(l -> l.startsWith("Imported")).findFirst().orElse(out.toString());
        assertTrue(line.matches(".*\\(version import-2-[0-9a-f]{6}\\).*|.*\\(version import-1-[0-9a-f]{6}\\).*"), line);
        assertEquals(firstLine, withoutFingerprint(line));
    }

    /** A version label without the fingerprint of the file and marks that ends it ("import-2-1a2b3c"). */
    static String withoutFingerprint(String text) {
        return text.replaceAll("(import-\\d+|\\d+\\.\\d+\\.\\d+)-[0-9a-f]{6}", "$1");
    }

    @Test
    void whatCannotBeHonouredIsPrintedAndTheImportIsStored() throws IOException {
        assertEquals(0, importFile(questionnaire("uscore-Questionnaire-prapare-example.json"),
                "--critical", "/93039-6/76501-6"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.contains("Not honoured (3):"), out.toString());
        assertTrue(lines.contains("  - item /93042-0/56799-0 is of type string, which Tandem cannot ask: it is left out"));
        assertTrue(lines.contains("  - item /93041-2/63586-2 is of type decimal, which Tandem cannot ask: it is left out"));
        assertTrue(lines.contains("Critical items (an urgent alert when answered above the first option): /93039-6/76501-6"));
        assertTrue(lines.contains("New screens use this version."));
        try (AppContext app = TestApp.open(data, MutableClock.at("2026-11-23T16:00:00Z"))) {
            assertTrue(app.instruments().library().find("prapare-example").isPresent());
        }
    }

    @Test
    void aNewVersionWaitsUnlessMadeCurrentAndAFileWithoutUrlGetsOne() throws IOException {
        assertEquals(0, importFile(questionnaire("lforms-phq9.json")));
        assertTrue(out.toString().contains("New screens keep using phq9 version 1.0.0 until an administrator makes this "
                + "one current"), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("The file had no url: Tandem gave it urn:uuid:.*\\.")));
        assertEquals(0, importFile(questionnaire("uscore-Questionnaire-phq-9-example.json"), "--make-current"));
        assertTrue(out.toString().contains("New screens use this version."), out.toString());
        try (AppContext app = TestApp.open(data, MutableClock.at("2026-11-23T16:00:00Z"))) {
            assertEquals("import-3", withoutFingerprint(app.instruments().library().get("phq9").version()));
        }
    }

    @Test
    void aDryRunStoresNothing() throws IOException {
        assertEquals(0, importFile(questionnaire("uscore-Questionnaire-AUDIT-C.json"), "--dry-run"));
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("(Dry run: nothing stored.) Imported")),
                out.toString());
        try (AppContext app = TestApp.open(data, MutableClock.at("2026-11-23T16:00:00Z"))) {
            assertFalse(app.instruments().library().find("audit-c").isPresent());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "patient.json|{\"resourceType\": \"Patient\", \"id\": \"x\"}|it is a Patient, not a Questionnaire",
            "notes.json|these are not JSON|it is not JSON",
            "r5.json|{\"resourceType\": \"Questionnaire\", \"status\": \"active\", \"item\": [{\"linkId\": \"a\", \"type\": \"coding\"}]}|it is FHIR R5 (item type coding)"})
    void aFileThatIsNotAQuestionnaireIsRefusedWithExitTwo(String name, String content, String reason) throws IOException {
        assertEquals(2, importFile(Files.writeString(dir.resolve(name), content)));
        assertFalse(out.toString().contains("Imported"), out.toString());
        assertTrue(err.toString().contains(reason), err.toString());
        assertTrue(err.toString().contains("nothing was imported"), err.toString());
    }

    @Test
    void aMarkTheFileCannotCarryIsRefusedWithExitTwo() throws IOException {
        assertEquals(2, importFile(questionnaire("uscore-Questionnaire-prapare-example.json"), "--positive-at", "3"));
        assertTrue(err.toString().contains("--positive-at needs a total"), err.toString());
        assertEquals(2, importFile(dir.resolve("missing.json")));
        assertTrue(err.toString().contains("there is no such file"), err.toString());
    }

    // ---- tandem score FILE --questionnaire Q.json ----

    private JsonNode score(String responseFile, String questionnaireFile) throws IOException {
        int code = run("score", response(responseFile).toString(), "--questionnaire",
                questionnaire(questionnaireFile).toString());
        assertEquals(0, code, err.toString());
        return JSON.readTree(out.toString());
    }

    @Test
    void phq9ResponsesScoreToTheirPublishedTotals() throws IOException {
        JsonNode us = score("uscore-QuestionnaireResponse-phq-9-example.json", "uscore-Questionnaire-phq-9-example.json");
        assertEquals(12, us.path("total").asInt(), "US Core: 44261-6 = 12 in the response itself");
        assertEquals("moderate", us.path("band").asText());
        assertTrue(us.path("positive").asBoolean());
        assertEquals("[\"/44261-6\"]", us.path("ignored").toString(), "the file's own total is not scored");

        JsonNode sdc = score("sdc-questionnaireresponse-sdc-profile-example-PHQ9.json",
                "sdc-questionnaire-sdc-profile-example-PHQ9.json");
        assertEquals(10, sdc.path("total").asInt());
        assertEquals("[\"H1/T1/Q9\"]", sdc.path("critical").toString(), "item 9 answered 'Several days'");

        JsonNode spezi = score("spezi-PHQ9_response_spezi.json", "sdc-questionnaire-sdc-profile-example-PHQ9.json");
        assertEquals(27, spezi.path("total").asInt());
        assertEquals("severe", spezi.path("band").asText());
    }

    @Test
    void otherCorpusResponsesScoreAgainstTheirQuestionnaires() throws IOException {
        JsonNode hvs = score("uscore-QuestionnaireResponse-hunger-vital-sign-example.json",
                "uscore-Questionnaire-hunger-vital-sign-example.json");
        assertTrue(hvs.path("positive").asBoolean());
        JsonNode sdoh = score("sdohcc-QuestionnaireResponse-SDOHCC-QuestionnaireResponseHungerVitalSignExample.json",
                "sdohcc-Questionnaire-SDOHCC-QuestionnaireHungerVitalSign.json");
        assertTrue(sdoh.path("positive").asBoolean());
        JsonNode audit = score("uscore-QuestionnaireResponse-AUDIT-C.json", "uscore-Questionnaire-AUDIT-C.json");
        assertTrue(audit.path("complete").asBoolean());
        assertEquals("[\"/68517-2\",\"/75626-2\"]", audit.path("ignored").toString());
        JsonNode prapare = score("uscore-QuestionnaireResponse-PRAPARE-example.json",
                "uscore-Questionnaire-prapare-example.json");
        assertTrue(prapare.path("complete").asBoolean());
        assertEquals("[\"/93042-0/56799-0\",\"/93041-2/63586-2\"]", prapare.path("ignored").toString());
        JsonNode sdohPrapare = score("sdohcc-QuestionnaireResponse-SDOHCC-QuestionnaireResponsePRAPAREExample.json",
                "sdohcc-Questionnaire-SDOHCC-QuestionnairePRAPARE.json");
        assertTrue(sdohPrapare.path("complete").asBoolean());
    }

    @Test
    void aResponseToAnotherQuestionnaireOrAnEmptyOneIsRefused() throws IOException {
        assertEquals(2, run("score", response("uscore-QuestionnaireResponse-phq-9-example.json").toString(),
                "--questionnaire", questionnaire("uscore-Questionnaire-AUDIT-C.json").toString()));
        assertTrue(err.toString().contains("the response is for Questionnaire http://hl7.org/fhir/us/core/Questionnaire/"
                + "phq-9-example, not http://hl7.org/fhir/us/core/Questionnaire/AUDIT-C"), err.toString());
        assertEquals(2, run("score", response("uscore-QuestionnaireResponse-AHC-HRSN-screening-example.json").toString(),
                "--questionnaire", questionnaire("uscore-Questionnaire-ahc-hrsn-screening-example.json").toString()));
        assertTrue(err.toString().contains("the Questionnaire has no questions Tandem can ask"), err.toString());
    }
}
