package care.tandem.ui.main;

import care.tandem.AppContext;
import care.tandem.i18n.Texts;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.ui.lock.LockViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainWindowViewModelTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
    private final AtomicInteger signedOut = new AtomicInteger();
    private final AtomicInteger quit = new AtomicInteger();
    private AppContext app;
    private LockViewModel lock;

    @AfterEach
    void close() {
        app.close();
    }

    private MainWindowViewModel window(Locale language) {
        app = TestApp.signedIn(dir, clock);
        FakeDialogs dialogs = new FakeDialogs();
        Texts texts = new Texts(language);
        lock = new LockViewModel(app.accounts(), new SyncRunner(), dialogs, texts, clock, () -> 0L, 5);
        return new MainWindowViewModel(new MainWindowViewModel.Setup(texts, app.session().require(), "Test Clinic",
                app.dataDir(), false, app.accounts(), app.families(), new SyncRunner(), dialogs, lock,
                signedOut::incrementAndGet, quit::incrementAndGet));
    }

    @Test
    void titleNamesTheOpenSectionAndNeverAPatient() {
        MainWindowViewModel vm = window(Locale.ENGLISH);
        assertEquals("Tandem — Families", vm.titleProperty().get());

        vm.select(Section.REFERRALS);
        assertEquals("Tandem — Referrals", vm.titleProperty().get());
    }

    @Test
    void sectionsDoNotChangeWhileLocked() {
        MainWindowViewModel vm = window(Locale.ENGLISH);
        lock.lock();
        vm.select(Section.REPORTS);
        assertEquals(Section.FAMILIES, vm.sectionProperty().get());
    }

    @Test
    void familyCountIsWrittenWithGroupingAndPlural() {
        MainWindowViewModel vm = window(Locale.ENGLISH);
        assertEquals("12,345 families", vm.familyCountText(12_345));
        assertEquals("1 family", vm.familyCountText(1));
        assertEquals("0 families", vm.familyCountText(0));

        app.families().save(TestApp.family(
                TestApp.child("Ana", "Ruiz", java.time.LocalDate.of(2025, 9, 1)),
                TestApp.caregiver("Rosa", "Ruiz", care.tandem.domain.family.Relationship.MOTHER, "5551234567")));
        vm.refreshFamilyCount();
        assertEquals("1 family", vm.familyCountProperty().get());
    }

    @Test
    void spanishWindowSpeaksSpanish() {
        MainWindowViewModel vm = window(new Locale("es"));
        assertEquals("Tandem — Familias", vm.titleProperty().get());
        assertEquals("Administrador", vm.roleText());
        assertEquals("1 familia", vm.familyCountText(1));
    }

    @Test
    void statusBarShowsTheFolderByItsLastName() {
        MainWindowViewModel vm = window(Locale.ENGLISH);
        assertEquals(dir.getFileName().toString(), vm.dataFolderName());
        assertEquals("Signed in: Ada Admin, Administrator", vm.signedInText());
        assertTrue(vm.isAdministrator());
    }

    @Test
    void signOutIsAuditedThenHandsBackToSignIn() {
        MainWindowViewModel vm = window(Locale.ENGLISH);
        vm.signOut();

        assertEquals(1, signedOut.get());
        assertFalse(app.session().user().isPresent());
    }

    @Test
    void quitSignsOutFirst() {
        MainWindowViewModel vm = window(Locale.ENGLISH);
        vm.quit();

        assertEquals(1, quit.get());
        assertFalse(app.session().user().isPresent());
    }
}
