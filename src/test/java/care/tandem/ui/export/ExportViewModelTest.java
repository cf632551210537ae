package care.tandem.ui.export;

import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Export dialog's decisions, with a real export service and executors the test runs by hand. */
class ExportViewModelTest {
    private final Texts texts = new Texts(Locale.ENGLISH);
    private final List<Runnable> queued = new ArrayList<>();
    @TempDir
    Path dir;
    private AppContext app;

    @BeforeEach
    void demo() {
        app = TestApp.open(dir.resolve("data"), MutableClock.at("2026-11-23T16:00:00Z"));
        app.demo().addFamilies(20, 4L, n -> { }, () -> false);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private ExportViewModel model(boolean mayIncludePrivate) {
        return new ExportViewModel(app.fhirExport(), app.csvExport(), queued::add, Runnable::run, texts, mayIncludePrivate);
    }

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    @Test
    void anExportRunsOnTheWorkerAndSaysWhatItWrote() throws IOException {
        ExportViewModel vm = model(true);
        Path out = dir.resolve("out");
        vm.format().set(ExportViewModel.Format.NDJSON);
        vm.folder().set(out.toString());
        vm.export();
        assertTrue(vm.running().get());
        assertFalse(Files.exists(out), "nothing runs on the caller's thread");
        runQueued();
        assertFalse(vm.running().get());
        assertTrue(vm.finished().get());
        assertEquals(1.0, vm.progress().get());
        assertTrue(vm.status().get().startsWith("Done: 20 families"), vm.status().get());
        assertTrue(Files.exists(out.resolve("Patient.ndjson")));
        assertEquals("", vm.message().get());
    }

    @Test
    void cancelStopsTheExportAndLeavesNothing() throws IOException {
        ExportViewModel vm = model(true);
        Path out = dir.resolve("out");
        vm.folder().set(out.toString());
        vm.export();
        assertTrue(vm.cancel());
        runQueued();
        assertFalse(vm.running().get());
        assertFalse(vm.finished().get());
        assertEquals("The export was cancelled. Nothing was written.", vm.status().get());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("data")), files.toList());
        }
        assertFalse(vm.cancel(), "nothing left to cancel: Cancel closes the dialog");
    }

    @Test
    void aFolderThatIsMissingOrNotEmptyIsRefusedWithWhatToDo() throws IOException {
        ExportViewModel vm = model(true);
        vm.export();
        assertEquals("Choose or type the folder to export to.", vm.message().get());
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("x.txt"), "x");
        vm.folder().set(full.toString());
        vm.export();
        assertTrue(vm.message().get().startsWith("The folder " + full + " is not empty."), vm.message().get());
        assertTrue(queued.isEmpty());
        assertFalse(vm.running().get());
    }

    @Test
    void includePrivateIsOfferedOnlyForCsvAndOnlyToUsersWhoMaySeePrivateResults() {
        ExportViewModel clinician = model(true);
        assertFalse(clinician.includePrivateShown().get());
        clinician.format().set(ExportViewModel.Format.CSV);
        assertTrue(clinician.includePrivateShown().get());
        clinician.includePrivate().set(true);
        clinician.format().set(ExportViewModel.Format.FHIR);
        assertFalse(clinician.includePrivate().get(), "leaving CSV clears the choice");
        ExportViewModel admin = model(false);
        admin.format().set(ExportViewModel.Format.CSV);
        assertFalse(admin.includePrivateShown().get());
    }

    @Test
    void csvGoesToTheCsvExportLeavingPrivateContentOutForWhoMayNotSeeIt() throws IOException {
        ExportViewModel vm = model(false);
        Path out = dir.resolve("csv");
        vm.format().set(ExportViewModel.Format.CSV);
        vm.includePrivate().set(true);
        vm.folder().set(out.toString());
        vm.export();
        runQueued();
        assertTrue(vm.finished().get(), vm.message().get());
        assertTrue(vm.status().get().startsWith("Done: "), vm.status().get());
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".csv")));
        }
    }
}
