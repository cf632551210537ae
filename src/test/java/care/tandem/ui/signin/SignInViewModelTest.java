package care.tandem.ui.signin;

import care.tandem.AppContext;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInViewModelTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<User> signedIn = new ArrayList<>();
    private AppContext app;
    private SignInViewModel vm;

    @BeforeEach
    void openFolderWithAdministrator() {
        app = TestApp.open(dir, clock);
        app.accounts().setUp("Test Clinic", "Ada Admin", TestApp.ADMIN, TestApp.PASSWORD.toCharArray());
        vm = new SignInViewModel(app.accounts(), new SyncRunner(), dialogs, Locale.ENGLISH, Texts::new, clock,
                signedIn::add);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void attempt(String user, String password) {
        vm.usernameProperty().set(user);
        vm.passwordProperty().set(password);
        vm.signIn();
    }

    @Test
    void rightPasswordSignsInAndEmptiesThePasswordField() {
        attempt(TestApp.ADMIN, TestApp.PASSWORD);

        assertEquals(1, signedIn.size());
        assertEquals("Ada Admin", signedIn.get(0).displayName());
        assertEquals("", vm.passwordProperty().get());
        assertEquals("", vm.messageProperty().get());
        assertTrue(app.session().user().isPresent());
    }

    @Test
    void wrongPasswordSaysHowManyTriesAreLeft() {
        attempt(TestApp.ADMIN, "wrong password");

        assertTrue(signedIn.isEmpty());
        assertEquals("The user name or password is not right. 4 tries left before signing in pauses for a while.",
                vm.messageProperty().get());
        assertEquals("", vm.passwordProperty().get());
    }

    @Test
    void lastTryLeftIsSaidInTheSingular() {
        for (int i = 0; i < 3; i++) {
            attempt(TestApp.ADMIN, "wrong password");
        }
        attempt(TestApp.ADMIN, "wrong again");

        assertTrue(vm.messageProperty().get().contains("One more wrong try"), vm.messageProperty().get());
    }

    @Test
    void tooManyWrongPasswordsSayUntilWhenSigningInIsPaused() {
        for (int i = 0; i < 5; i++) {
            attempt(TestApp.ADMIN, "wrong password");
        }

        String message = vm.messageProperty().get();
        assertTrue(message.startsWith("Too many wrong passwords. Signing in is paused until 2:15"), message);

        clock.advance(Duration.ofMinutes(5));
        attempt(TestApp.ADMIN, TestApp.PASSWORD);
        assertTrue(signedIn.isEmpty(), "the right password does not sign in during the pause");
        assertTrue(vm.messageProperty().get().contains("2:15"), vm.messageProperty().get());

        clock.advance(Duration.ofMinutes(11));
        attempt(TestApp.ADMIN, TestApp.PASSWORD);
        assertEquals(1, signedIn.size());
    }

    @Test
    void unknownUserIsAnsweredLikeAWrongPassword() {
        attempt("nobody", "whatever it is");

        assertTrue(vm.messageProperty().get().startsWith("The user name or password is not right."));
    }

    @Test
    void emptyFieldsAreNamedWithoutTryingToSignIn() {
        attempt("  ", "x");
        assertEquals("Enter your user name.", vm.messageProperty().get());

        attempt(TestApp.ADMIN, "");
        assertEquals("Enter your password.", vm.messageProperty().get());
        assertTrue(signedIn.isEmpty());
    }

    @Test
    void messagesFollowTheChosenLanguage() {
        vm.languageProperty().set(new Locale("es"));
        attempt(TestApp.ADMIN, "wrong password");

        assertTrue(vm.messageProperty().get().startsWith("El nombre de usuario o la contraseña no son correctos."),
                vm.messageProperty().get());
    }
}
