package care.tandem.ui.backup;

import care.tandem.AppContext;
import care.tandem.files.ClinicKey;
import care.tandem.i18n.Texts;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.MutableClock;
import care.tandem.testing.SyncRunner;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupsViewModelTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    private final FakeDialogs dialogs = new FakeDialogs();
    private final Texts texts = new Texts(Locale.ENGLISH);
    private final List<String> restored = new ArrayList<>();
    @TempDir
    Path dir;
    private AppContext app;
    private BackupsViewModel vm;

    @BeforeEach
    void open() {
        try (AppContext demo = TestApp.open(dir.resolve("data"), clock)) {
            demo.demo().addFamilies(8, 2L, n -> { }, () -> false);
        }
        app = TestApp.open(dir.resolve("data"), clock);
        app.accounts().signIn("admin", "admin-demo".toCharArray());
        vm = new BackupsViewModel(app.backups(), app.clinic(), new SyncRunner(), dialogs, texts, clock,
                restored::add);
        vm.load();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void withNoBackupTheTabSaysSoAndBackUpNowAddsACheckedOne() {
        assertTrue(vm.rows().isEmpty());
        assertEquals("No backup yet. Choose \"Back up now\".", vm.statusProperty().get());
        assertTrue(vm.staleProperty().get());

        vm.backupNow();

        assertEquals(1, vm.rows().size());
        BackupsViewModel.Row row = vm.rows().get(0);
        assertEquals("Backup", row.kind());
        assertEquals("✓ Checked", row.checked());
        assertTrue(vm.messageProperty().get().startsWith("Backed up: "), vm.messageProperty().get());
        assertFalse(vm.staleProperty().get());
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
    }

    @Test
    void aBackupTwoDaysOldIsShownAsAWarning() {
        vm.backupNow();
        clock.advance(Duration.ofHours(49));
        vm.load();
        assertTrue(vm.staleProperty().get());
        assertTrue(vm.statusProperty().get().contains("more than two days old"), vm.statusProperty().get());
    }

    @Test
    void backingUpToAFolderNeedsTheClinicPassphraseWhichAnAdministratorSetsHere() throws Exception {
        Path usb = dir.resolve("usb");
        assertFalse(vm.hasPassphraseProperty().get());
        vm.backupTo(usb);
        assertEquals(texts.get("backups.passphrase.setFirst"), vm.messageProperty().get());

        vm.passphraseProperty().set("river stone lantern");
        vm.passphraseRepeatProperty().set("river stone lanterns");
        vm.setPassphrase();
        assertEquals(texts.get("backups.passphrase.mismatch"), vm.messageProperty().get());
        vm.passphraseRepeatProperty().set("river stone lantern");
        vm.setPassphrase();
        assertTrue(vm.hasPassphraseProperty().get());
        assertTrue(app.clinic().hasPassphrase());
        assertEquals("", vm.passphraseProperty().get(), "not left in the field");

        vm.backupTo(usb);
        assertEquals(texts.get("backups.passphrase.needed"), vm.messageProperty().get());
        vm.passphraseProperty().set("river stone lantern");
        vm.backupTo(usb);

        assertTrue(vm.messageProperty().get().startsWith("Wrote the encrypted backup tandem-"), vm.messageProperty().get());
        try (var files = Files.list(usb)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".tandem-backup")).count());
        }
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
    }

    @Test
    void aRestoreShowsTheComparisonAndNeedsTheAdministratorsPassword() {
        vm.backupNow();
        vm.selectedProperty().set(vm.rows().get(0));
        vm.prepareSelected();

        assertNotNull(vm.preparedProperty().get());
        BackupsViewModel.CompareRow families = vm.comparison().stream()
                .filter(r -> r.what().equals("Families")).findFirst().orElseThrow();
        assertEquals("8", families.backup());
        assertEquals("8", families.here());

        vm.restore();
        assertEquals(texts.get("backups.restore.passwordNeeded"), vm.messageProperty().get());
        vm.adminPasswordProperty().set("not it");
        vm.restore();
        assertTrue(vm.messageProperty().get().startsWith("That is not your password. Nothing was replaced."),
                vm.messageProperty().get());
        assertFalse(app.backups().closed());
        assertTrue(restored.isEmpty());

        vm.adminPasswordProperty().set("admin-demo");
        vm.restore();

        assertEquals(List.of("backups.restore.confirm.message"), dialogs.questions.subList(1, 2));
        assertEquals(1, restored.size());
        assertTrue(restored.get(0).startsWith("Restored the backup made"), restored.get(0));
        assertTrue(app.backups().closed());
        assertNull(vm.preparedProperty().get());
    }

    @Test
    void cancellingTheComparisonReplacesNothingAndLeavesNoReadyCopy() throws Exception {
        vm.backupNow();
        vm.selectedProperty().set(vm.rows().get(0));
        vm.prepareSelected();
        vm.cancelRestore();

        assertNull(vm.preparedProperty().get());
        assertTrue(vm.comparison().isEmpty());
        try (var files = Files.list(dir.resolve("data"))) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }

    @Test
    void anEncryptedBackupWithoutThePassphraseAsksForIt() {
        Path sealed = app.backups().backupTo(dir.resolve("usb"), app.clinic().unlock(
                ClinicKey.DEMO_PASSPHRASE.toCharArray()).key());
        vm.prepare(sealed);
        assertEquals(texts.get("backups.restore.needsPassphrase"), vm.messageProperty().get());
        assertTrue(vm.errorProperty().get());

        vm.passphraseProperty().set(ClinicKey.DEMO_PASSPHRASE);
        vm.prepare(sealed);
        assertNotNull(vm.preparedProperty().get());
        assertTrue(vm.preparedProperty().get().sealed());
        vm.cancelRestore();
    }

    @Test
    void aClinicianIsRefused() {
        app.accounts().signOut();
        app.accounts().signIn("clinician", "clinician-demo".toCharArray());
        vm.backupNow();
        assertEquals(1, dialogs.problems.size());
        assertEquals(care.tandem.domain.problem.Problem.NOT_ALLOWED,
                ((care.tandem.domain.problem.ProblemException) dialogs.problems.get(0)).problem());
        assertFalse(vm.busyProperty().get());
    }
}
