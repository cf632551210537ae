package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertKind;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.ImportedQuestionnaire;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.screening.ImportMarks;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imported Questionnaires on a real SQLite database: stored and read back into the instrument library, versions and
 * which one is current, translations, and screens given and scored through {@link ScreeningService} like bundled
 * ones, urgent alerts included.
 */
class InstrumentServiceTest {
    private static final String[] POINTS = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");
    private AppContext app;
    private InstrumentService instruments;
    private ScreeningService screening;
    private Family family;
    private Member mother;
    private Member child;

    @BeforeEach
    void setUp() {
        app = TestApp.signedIn(dir, clock);
        instruments = app.instruments();
        screening = app.screening();
        child = TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20));
        mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "5105550100");
        family = app.families().save(TestApp.family(child, mother));
    }

    @AfterEach
    void close() {
        app.close();
    }

    static String corpus(String name) {
        return care.tandem.testing.FhirCorpus.questionnaire(name);
    }

    private Screening start(String instrument, String language) {
        Visit v = screening.visitToday(family.id(), child.id(), List.of(mother.id()));
        return screening.start(v.id(), mother.id(), mother.id(), instrument, language, AdministrationMode.CLINICIAN);
    }

    @Test
    void everyCorpusFileImportsIntoOneClinicAndIsStored() {
        for (String file : care.tandem.testing.FhirCorpus.QUESTIONNAIRES) {
            instruments.importText(corpus(file), ImportMarks.none());
        }
        List<InstrumentService.Version> versions = instruments.versions();
        // 8 bundled + 12 imported versions.
        assertEquals(20, versions.size(), versions.toString());
        assertEquals(12, versions.stream().filter(v -> !v.bundled()).count());
        assertEquals(4, versions.stream().filter(v -> v.instrument().equals("phq9")).count(),
                "bundled PHQ-9 and the US Core, LHC-Forms and SDC files");
        assertEquals(5, versions.stream().filter(v -> v.instrument().equals("hvs")).count());
        // The bundled version stays current for every instrument Tandem had.
        for (String id : List.of("phq9", "gad7", "hvs", "ahc-hrsn")) {
            InstrumentService.Version current = versions.stream().filter(v -> v.instrument().equals(id) && v.current())
                    .findFirst().orElseThrow();
            assertTrue(current.bundled(), id);
        }
        // The AHC stub has nothing to ask: kept, never current.
        InstrumentService.Version ahc = versions.stream().filter(v -> v.instrument().equals("ahc-hrsn") && !v.bundled())
                .findFirst().orElseThrow();
        assertFalse(ahc.canBeCurrent());
        // New instruments are current at once and can be given.
        assertTrue(instruments.library().find("audit-c").isPresent());
        // Both PRAPARE files carry panel 93025-5: the second is a version of the first.
        assertTrue(screening.instruments().find("sdohcc-questionnaireprapare").isPresent());
        assertEquals(2, versions.stream().filter(v -> v.instrument().equals("sdohcc-questionnaireprapare")).count());
        // A second laptop (a fresh read of the same database) builds the same library.
        app.close();
        app = TestApp.open(dir, clock);
        assertEquals(versions.stream().map(v -> v.instrument() + " " + v.version()).toList(),
                app.instruments().versions().stream().map(v -> v.instrument() + " " + v.version()).toList());
    }

    @Test
    void importingIsForAdministratorsAndAuditedAndTheFileIsKeptAsItCame() {
        String text = corpus("uscore-Questionnaire-AUDIT-C.json");
        ImportedQuestionnaire q = instruments.importText(text, ImportMarks.none());
        assertEquals(text, q.questionnaireJson());
        assertEquals("NEW", q.kind());
        ProblemException refused = assertThrows(ProblemException.class,
                () -> instruments.importText("{\"resourceType\": \"Patient\"}", ImportMarks.none()));
        assertEquals(Problem.QUESTIONNAIRE_REFUSED, refused.problem());
        app.accounts().signOut();
        assertThrows(ProblemException.class, () -> instruments.importText(text, ImportMarks.none()));
    }

    @Test
    void anImportedPhq9MadeCurrentIsGivenAndItsItem9RaisesTheUrgentAlert() {
        ImportedQuestionnaire q = instruments.importText(corpus("uscore-Questionnaire-phq-9-example.json"),
                ImportMarks.none());
        assertEquals("phq9", q.instrument());
        assertEquals("1.0.0", screening.instruments().get("phq9").version(), "the bundled one stays current");
        Screening before = start("phq9", "en");
        instruments.makeCurrent("phq9", q.version());
        Instrument current = screening.instruments().get("phq9");
        assertEquals(q.version(), current.version());
        assertEquals("http://hl7.org/fhir/us/core/Questionnaire/phq-9-example", current.url());

        Screening s = start("phq9", "en");
        assertEquals(q.version(), s.instrumentVersion());
        List<String> items = current.rules().totalItems();
        List<Alert> raised = new java.util.ArrayList<>();
        int[] points = {1, 1, 1, 1, 1, 1, 0, 0, 2};
        for (int k = 0; k < 9; k++) {
            raised.addAll(screening.answer(s.id(), Answer.choice(items.get(k), POINTS[points[k]])).raised());
        }
        assertEquals(1, raised.size());
        assertEquals("44260-8", raised.get(0).item());
        assertEquals(AlertKind.CRITICAL, raised.get(0).kind());
        Screening done = screening.finish(s.id()).screening();
        assertEquals(8, done.score().total());
        assertEquals("mild", done.score().band());
        assertEquals(Outcome.NEGATIVE, done.score().outcome());
        // The screen begun before keeps the bundled version, and is scored by it.
        screening.answer(before.id(), Answer.choice("44260-8", POINTS[1]));
        assertEquals("1.0.0", screening.open(before.id()).instrumentVersion());
        assertEquals(List.of("44260-8"), screening.open(before.id()).score().critical());
    }

    @Test
    void aVersionLackingTheCriticalItemCanNeverBecomeCurrent() {
        var tree = care.tandem.testing.FhirCorpus.tree("uscore-Questionnaire-phq-9-example.json");
        var items = (com.fasterxml.jackson.databind.node.ArrayNode) tree.path("item");
        for (int k = items.size() - 1; k >= 0; k--) {
            if (items.get(k).path("linkId").asText().equals("/44260-8")) {
                items.remove(k);
            }
        }
        ImportedQuestionnaire q = instruments.importText(tree.toString(), ImportMarks.none());
        assertEquals(List.of("44260-8"), q.losesCritical());
        ProblemException e = assertThrows(ProblemException.class, () -> instruments.makeCurrent("phq9", q.version()));
        assertEquals(Problem.INSTRUMENT_VERSION_REFUSED, e.problem());
        // Even a setting written by hand (or synced from an older laptop) cannot make it current.
        assertEquals("1.0.0", screening.instruments().get("phq9").version());
    }

    @Test
    void anImportedPrapareIsGivenAndScoredAndTheClinicsCriticalMarkRaisesAnAlert() {
        ImportedQuestionnaire q = instruments.importText(corpus("sdohcc-Questionnaire-SDOHCC-QuestionnairePRAPARE.json"),
                new ImportMarks(List.of("/93039-6/76501-6"), null));
        Instrument prapare = screening.instruments().get(q.instrument());
        Screening s = start(q.instrument(), "en");
        List<Alert> raised = new java.util.ArrayList<>();
        for (Item i : prapare.items()) {
            Answer a = i.kind() == ItemKind.INTEGER ? Answer.value(i.code(), 4)
                    : i.code().equals("76501-6") ? Answer.choice(i.code(), "LA33-6")
                    : Answer.choice(i.code(), i.options().get(0).code());
            raised.addAll(screening.answer(s.id(), a).raised());
        }
        assertEquals(List.of("76501-6"), raised.stream().map(Alert::item).toList());
        Screening done = screening.finish(s.id()).screening();
        assertEquals(ScreeningStatus.COMPLETED, done.status());
        assertTrue(done.score().complete());
        assertEquals(Outcome.NOT_SCORED, done.score().outcome(), "PRAPARE has no positive rule");
        assertEquals(List.of("76501-6"), done.score().critical());
    }

    @Test
    void anImportedAuditCIsGivenAndScoredWithTheClinicsThreshold() {
        // AUDIT-C's two coded items carry points; the clinic adds a threshold after its own review.
        ImportMarks marks = new ImportMarks(List.of(), null);
        ImportedQuestionnaire q = instruments.importText(corpus("uscore-Questionnaire-AUDIT-C.json"), marks);
        Screening s = start(q.instrument(), "en");
        Instrument audit = screening.instruments().get(q.instrument());
        for (Item i : audit.items()) {
            screening.answer(s.id(), Answer.choice(i.code(), i.options().get(2).code()));
        }
        Screening done = screening.finish(s.id()).screening();
        assertTrue(done.score().complete());
        assertEquals(Outcome.NOT_SCORED, done.score().outcome());
    }

    @Test
    void aSpanishTranslationAddsItsLanguageToTheCurrentVersion() {
        assertFalse(screening.languages("hvs").contains("es"));
        ImportedQuestionnaire q = instruments.importText(
                care.tandem.testing.FhirCorpus.spanishHvs(), ImportMarks.none());
        assertEquals("TRANSLATION", q.kind());
        assertTrue(screening.languages("hvs").contains("es"));
        Instrument hvs = screening.instruments().get("hvs");
        assertEquals("1.0.0", hvs.version(), "still the bundled version, now with Spanish wording");
        assertEquals("A menudo es cierto", hvs.item("88122-7").orElseThrow().option("LA28397-0").orElseThrow()
                .display().in("es"));
        Screening s = start("hvs", "es");
        assertEquals("es", s.language());
        screening.answer(s.id(), Answer.choice("88122-7", "LA28397-0"));
        assertEquals(Outcome.POSITIVE, screening.open(s.id()).score().outcome());
        InstrumentService.Version listed = instruments.versions().stream()
                .filter(v -> v.instrument().equals("hvs") && v.current()).findFirst().orElseThrow();
        assertTrue(listed.languages().contains("es"));
    }

    @Test
    void twoLaptopsMakeOneLabelForOneFileAndMarksAndDifferentLabelsOtherwise() {
        String phq9 = corpus("uscore-Questionnaire-phq-9-example.json");
        ImportedQuestionnaire here = instruments.importText(phq9, ImportMarks.none());
        try (AppContext other = TestApp.signedIn(dir.resolve("other"), clock)) {
            ImportedQuestionnaire same = other.instruments().importText(phq9, ImportMarks.none());
            assertEquals(here.version(), same.version());
            ImportedQuestionnaire marked = other.instruments().importText(phq9,
                    new ImportMarks(List.of("/44250-9"), null));
            assertFalse(here.version().equals(marked.version()));
        }
        try (AppContext third = TestApp.signedIn(dir.resolve("third"), clock)) {
            ImportedQuestionnaire another = third.instruments().importText(corpus("lforms-phq9.json"),
                    ImportMarks.none());
            assertTrue(here.version().startsWith("import-2-") && another.version().startsWith("import-2-"));
            assertFalse(here.version().equals(another.version()), "different files, different labels");
        }
    }

    @Test
    void theSameFileTwiceIsTwoVersionsOfOneInstrument() {
        ImportedQuestionnaire a = instruments.importText(corpus("uscore-Questionnaire-AUDIT-C.json"), ImportMarks.none());
        ImportedQuestionnaire b = instruments.importText(corpus("uscore-Questionnaire-AUDIT-C.json"), ImportMarks.none());
        assertEquals(a.instrument(), b.instrument());
        assertEquals("VERSION", b.kind());
        assertFalse(a.version().equals(b.version()));
        assertEquals(a.version(), screening.instruments().get(a.instrument()).version(), "the first stays current");
        instruments.makeCurrent(b.instrument(), b.version());
        assertEquals(b.version(), screening.instruments().get(a.instrument()).version());
        UUID unused = UUID.randomUUID();
        assertFalse(unused.equals(a.id()));
    }
}
