package care.tandem.ui.setup;

import care.tandem.AppContext;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetUpViewModelTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<User> signedIn = new ArrayList<>();
    private AppContext app;
    private SetUpViewModel vm;

    @BeforeEach
    void openNewFolder() {
        app = TestApp.open(dir, MutableClock.at("2026-01-05T14:00:00Z"));
        vm = new SetUpViewModel(app.accounts(), new SyncRunner(), dialogs, Locale.ENGLISH, Texts::new, signedIn::add);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aShortPasswordIsExplainedWhileTyping() {
        vm.passwordProperty().set("abc");

        assertEquals("Use at least 8 characters.", vm.passwordErrorProperty().get());
        assertEquals("", vm.clinicNameErrorProperty().get(), "untouched fields wait for a first try");

        vm.passwordProperty().set("abcdefgh");
        assertEquals("", vm.passwordErrorProperty().get());
    }

    @Test
    void aFirstTryNamesEveryMissingField() {
        vm.createClinic();

        assertEquals("Enter the clinic's name.", vm.clinicNameErrorProperty().get());
        assertEquals("Enter your name.", vm.displayNameErrorProperty().get());
        assertEquals("Enter a user name.", vm.usernameErrorProperty().get());
        assertEquals("Enter a password.", vm.passwordErrorProperty().get());
        assertTrue(signedIn.isEmpty());
        assertTrue(app.accounts().needsSetUp());
    }

    @Test
    void differentRepeatedPasswordIsRefused() {
        fill("long enough 1", "long enough 2");
        vm.createClinic();

        assertEquals("The two passwords are not the same.", vm.repeatErrorProperty().get());
        assertTrue(app.accounts().needsSetUp());
    }

    @Test
    void aCompleteFormCreatesTheClinicAndSignsTheAdministratorIn() {
        fill("long enough", "long enough");
        vm.createClinic();

        assertEquals(1, signedIn.size());
        assertEquals(Role.ADMINISTRATOR, signedIn.get(0).role());
        assertFalse(app.accounts().needsSetUp());
        assertEquals("Sunrise Clinic", app.clinic().info().clinicName());
        assertEquals("", vm.passwordProperty().get());
        assertTrue(dialogs.problems.isEmpty());
    }

    @Test
    void fieldMessagesFollowTheChosenLanguage() {
        vm.passwordProperty().set("abc");
        vm.languageProperty().set(new Locale("es"));

        assertFalse(vm.passwordErrorProperty().get().isEmpty());
        assertFalse(vm.passwordErrorProperty().get().equals("Use at least 8 characters."));
    }

    private void fill(String password, String repeat) {
        vm.clinicNameProperty().set(" Sunrise Clinic ");
        vm.displayNameProperty().set("Ana López");
        vm.usernameProperty().set("alopez");
        vm.passwordProperty().set(password);
        vm.repeatProperty().set(repeat);
    }
}
