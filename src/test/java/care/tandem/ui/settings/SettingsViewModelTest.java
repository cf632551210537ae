package care.tandem.ui.settings;

import care.tandem.AppContext;
import care.tandem.domain.user.Role;
import care.tandem.i18n.Texts;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsViewModelTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicInteger appliedMinutes = new AtomicInteger();
    private AppContext app;
    private SettingsViewModel vm;

    @BeforeEach
    void open() {
        app = TestApp.signedIn(dir, MutableClock.at("2026-01-05T14:00:00Z"));
        vm = new SettingsViewModel(app.accounts(), app.clinic(), app.screening(), app.notes(), app.billing(),
                new SyncRunner(), dialogs, new Texts(Locale.ENGLISH), appliedMinutes::set);
        vm.load();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void loadsTheIdleMinutesAndTheUsers() {
        assertEquals(5, vm.idleMinutesProperty().get());
        assertEquals(1, vm.users().size());
        assertEquals(new SettingsViewModel.UserRow("Ada Admin", TestApp.ADMIN, "Administrator"), vm.users().get(0));
    }

    @Test
    void savedIdleMinutesAreStoredAndAppliedAtOnce() {
        vm.idleMinutesProperty().set(12);
        vm.saveIdleMinutes();

        assertEquals(12, app.clinic().idleLockMinutes());
        assertEquals(12, appliedMinutes.get());
        assertEquals("Saved: Tandem locks after 12 minutes without use.", vm.idleMessageProperty().get());
    }

    @Test
    void addsAClinicianAndListsThem() {
        addUser("Dr. Bo Chen", "bchen", Role.CLINICIAN, "long enough");

        assertTrue(dialogs.problems.isEmpty(), () -> dialogs.problems.toString());
        assertEquals(2, vm.users().size());
        assertEquals("Added Dr. Bo Chen. Tell them their user name and password in person.", vm.messageProperty().get());
        assertEquals("", vm.passwordProperty().get());
        assertEquals(1, vm.supervisors().size(), "a clinician may supervise associates");
    }

    @Test
    void anAssociateNeedsASupervisor() {
        vm.roleProperty().set(Role.ASSOCIATE);
        vm.supervisorProperty().set(null);
        addUser("Jo Park", "jpark", Role.ASSOCIATE, "long enough");

        assertEquals("An associate needs a supervisor: choose one.", vm.messageProperty().get());
        assertEquals(1, vm.users().size());

        addUser("Dr. Bo Chen", "bchen", Role.CLINICIAN, "long enough");
        vm.supervisorProperty().set(vm.supervisors().get(0));
        addUser("Jo Park", "jpark", Role.ASSOCIATE, "long enough");
        assertEquals(3, vm.users().size());
    }

    @Test
    void aTakenUserNameIsExplained() {
        addUser("Another Ada", TestApp.ADMIN, Role.CLINICIAN, "long enough");

        assertEquals(1, dialogs.problems.size());
        assertEquals(1, vm.users().size());
    }

    @Test
    void aRefusedAddKeepsEverythingTypedThePasswordToo() {
        addUser("Another Ada", TestApp.ADMIN, Role.CLINICIAN, "long enough");

        assertEquals(1, dialogs.problems.size());
        assertEquals("Another Ada", vm.displayNameProperty().get());
        assertEquals(TestApp.ADMIN, vm.usernameProperty().get());
        assertEquals("long enough", vm.passwordProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void theAddedLineOfAnEarlierAddIsGoneOnceTheNextAddIsRefused() {
        addUser("Dr. Bo Chen", "bchen", Role.CLINICIAN, "long enough");
        assertTrue(vm.messageProperty().get().startsWith("Added Dr. Bo Chen"));

        addUser("Dr. Bo Chen again", "bchen", Role.CLINICIAN, "long enough");

        assertEquals(1, dialogs.problems.size());
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void anEmptyAddUserFormClosesWithoutAsking() {
        assertTrue(vm.mayClose());
        assertTrue(dialogs.questions.isEmpty());
    }

    @Test
    void closingWithAHalfTypedNewUserAsksAndNoKeepsIt() {
        vm.displayNameProperty().set("Dr. Half Typed");
        dialogs.answer = false;

        assertFalse(vm.mayClose());
        assertEquals(List.of("settings.users.discard.message"), dialogs.questions);
        assertEquals("Dr. Half Typed", vm.displayNameProperty().get());

        dialogs.answer = true;
        assertTrue(vm.mayClose());
    }

    @Test
    void closingWithAnUnsavedTemplateCodeOrFqhcSettingAsksOnceAndNoKeepsThem() {
        vm.templates().name().set("Half-renamed template");
        vm.codes().edit(vm.codes().codes().get(0));
        vm.codes().labelEs().set("A medio escribir");
        vm.fqhc().fqhc().set(true);
        dialogs.answer = false;

        assertFalse(vm.mayClose());
        assertEquals(List.of("settings.discard.message"), dialogs.questions);
        assertEquals("Half-renamed template", vm.templates().name().get());

        vm.templates().save();
        vm.codes().save();
        vm.fqhc().save();
        assertTrue(vm.mayClose());
        assertEquals(1, dialogs.questions.size(), "nothing unsaved is left to ask about");
    }

    @Test
    void closingWithOnlyAPasswordTypedAsksToo() {
        vm.passwordProperty().set("secret so far");
        dialogs.answer = false;

        assertFalse(vm.mayClose());
    }

    @Test
    void aUserNameWithASpaceIsRefusedBeforeSaving() {
        addUser("Dr. Bo Chen", "bo chen", Role.CLINICIAN, "long enough");

        assertEquals("A user name cannot contain spaces.", vm.messageProperty().get());
        assertEquals(1, vm.users().size());
    }

    @Test
    void aShortPasswordIsRefusedBeforeSaving() {
        addUser("Dr. Bo Chen", "bchen", Role.CLINICIAN, "short");

        assertEquals("Use at least 8 characters.", vm.messageProperty().get());
        assertEquals(1, vm.users().size());
    }

    private void addUser(String name, String username, Role role, String password) {
        vm.displayNameProperty().set(name);
        vm.usernameProperty().set(username);
        vm.roleProperty().set(role);
        vm.passwordProperty().set(password);
        vm.addUser();
    }
}
