package care.tandem.ui.settings;

import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.FhirCorpus;
import care.tandem.testing.MutableClock;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Instruments tab of Settings without the toolkit: list, preview, marks, import, make current, refusals. */
class InstrumentsViewModelTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext app;
    private InstrumentsViewModel vm;

    @BeforeEach
    void open() {
        app = TestApp.signedIn(dir.resolve("data"), MutableClock.at("2026-01-05T14:00:00Z"));
        vm = new InstrumentsViewModel(app::instruments, new SyncRunner(), dialogs, new Texts(Locale.ENGLISH));
        vm.load();
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), FhirCorpus.questionnaire(name));
    }

    /** Without the fingerprint that ends an imported version label. */
    private static String plain(String text) {
        return text.replaceAll("(import-\\d+)-[0-9a-f]{6}", "$1");
    }

    @Test
    void theBundledInstrumentsAreListedAsCurrent() {
        assertEquals(8, vm.rows().size());
        InstrumentsViewModel.Row phq9 = vm.rows().stream().filter(r -> r.instrument().equals("phq9")).findFirst()
                .orElseThrow();
        assertEquals(new InstrumentsViewModel.Row("phq9", "1.0.0", "Patient Health Questionnaire-9 (PHQ-9)", "en, es",
                "Bundled", "Current", true, true), phq9);
        vm.selected().set(phq9);
        assertFalse(vm.canMakeCurrent().get());
    }

    @Test
    void aPreviewShowsWhatWillBeAddedAndWhatCannotBeHonouredBeforeAnythingIsStored() throws IOException {
        vm.preview(file("uscore-Questionnaire-phq-9-example.json"));
        assertEquals(List.of(
                "Will be added as a new version of phq9: \"PHQ-9 Example\" (version import-2), recognised by its url. "
                        + "The current version stays in use until you make this one current.",
                "Languages: en",
                "10 questions Tandem will ask; a total of 9 items.",
                "Tandem honours everything in this file."), vm.preview().stream().map(InstrumentsViewModelTest::plain)
                .toList());
        assertTrue(vm.canImport().get());
        assertTrue(vm.hasUnsavedChanges());
        // Item 9 is critical by the bundled PHQ-9 and cannot be un-ticked; the others can be ticked.
        InstrumentsViewModel.CriticalChoice item9 = vm.criticalChoices().stream()
                .filter(c -> c.linkId().equals("/44260-8")).findFirst().orElseThrow();
        assertTrue(item9.chosen().get());
        assertTrue(item9.fixed());
        assertEquals(9, vm.criticalChoices().size());
        assertEquals(8, app.instruments().versions().size(), "nothing stored by a preview");
    }

    @Test
    void theClinicsMarksAreImportedAndTheNewVersionCanBeMadeCurrent() throws IOException {
        vm.preview(file("uscore-Questionnaire-phq-9-example.json"));
        vm.criticalChoices().stream().filter(c -> c.linkId().equals("/44255-8")).findFirst().orElseThrow()
                .chosen().set(true);
        vm.positiveAt().set("12");
        vm.checkAgain();
        assertTrue(vm.canImport().get());
        vm.importFile();
        assertEquals("Imported phq9 version import-2.", plain(vm.message().get()));
        assertFalse(vm.hasUnsavedChanges());
        assertEquals(9, vm.rows().size());
        InstrumentsViewModel.Row imported = vm.rows().stream().filter(r -> plain(r.version()).equals("import-2")).findFirst()
                .orElseThrow();
        assertEquals("Imported version", imported.source());
        vm.selected().set(imported);
        assertTrue(vm.canMakeCurrent().get());
        vm.makeCurrent();
        assertEquals(List.of("settings.instruments.current.message"), dialogs.questions);
        assertEquals("New screens with phq9 now use version import-2.", plain(vm.message().get()));
        var phq9 = app.screening().instruments().get("phq9");
        assertEquals("import-2", plain(phq9.version()));
        assertEquals(2, phq9.rules().critical().size(), "item 9 and the clinic's mark");
        assertEquals(12, ((care.tandem.domain.screening.Rule.SumAtLeast) phq9.rules().domains().get(0).rules().get(0))
                .threshold());
    }

    @Test
    void aRefusedFileIsExplainedOnTheTab() throws IOException {
        vm.preview(Files.writeString(dir.resolve("patient.json"), "{\"resourceType\": \"Patient\"}"));
        assertTrue(vm.error().get());
        assertEquals("This file cannot be imported as a questionnaire: it is a Patient, not a Questionnaire. Choose a "
                + "FHIR R4 Questionnaire in JSON; nothing was imported.", vm.message().get());
        assertFalse(vm.canImport().get());
        assertTrue(dialogs.problems.isEmpty());
        vm.preview(file("uscore-Questionnaire-prapare-example.json"));
        vm.positiveAt().set("4");
        vm.checkAgain();
        assertTrue(vm.message().get().contains("--positive-at needs a total"), vm.message().get());
    }

    @Test
    void aVersionThatCannotBeCurrentSaysWhy() throws IOException {
        vm.preview(file("uscore-Questionnaire-ahc-hrsn-screening-example.json"));
        vm.importFile();
        InstrumentsViewModel.Row stub = vm.rows().stream().filter(r -> r.instrument().equals("ahc-hrsn")
                && !r.current()).findFirst().orElseThrow();
        assertEquals("Cannot be current: it has no questions Tandem can ask", stub.status());
        vm.selected().set(stub);
        assertFalse(vm.canMakeCurrent().get());
    }
}
