package care.tandem.ui.setup;

import care.tandem.AppContext;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.i18n.Texts;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import care.tandem.testing.FakeDialogs;
import care.tandem.testing.SyncRunner;
import care.tandem.service.SignInResult;
import care.tandem.ui.common.BackgroundRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetUpViewModelTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<User> signedIn = new ArrayList<>();
    private final List<String> sentToSignIn = new ArrayList<>();
    private AppContext app;
    private SetUpViewModel vm;

    @BeforeEach
    void openNewFolder() {
        app = TestApp.open(dir, MutableClock.at("2026-01-05T14:00:00Z"));
        vm = setUpWith(new SyncRunner());
    }

    private SetUpViewModel setUpWith(BackgroundRunner runner) {
        return new SetUpViewModel(app.accounts(), runner, dialogs, Locale.ENGLISH, Texts::new, signedIn::add,
                sentToSignIn::add);
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
        assertTrue(sentToSignIn.isEmpty());
    }

    @Test
    void aSignInThatFailsAfterTheClinicIsCreatedLeadsToSignInAndNeverSetsUpAgain() {
        vm = setUpWith(new SignInAfterSetUp(null, new ProblemException(Problem.DATABASE_BUSY)));
        fill("long enough", "long enough");
        vm.createClinic();

        assertFalse(app.accounts().needsSetUp(), "the clinic was created");
        assertTrue(signedIn.isEmpty());
        assertEquals(List.of("alopez"), sentToSignIn, "on to the sign-in window, user name filled in");
        assertEquals(1, dialogs.problems.size());
        assertEquals(Problem.DATABASE_BUSY, ((ProblemException) dialogs.problems.get(0)).problem());
        assertFalse(vm.busyProperty().get());

        vm.createClinic();
        assertEquals(1, dialogs.problems.size(), "no second set-up, so no NOT_ALLOWED");
        assertEquals(List.of("alopez", "alopez"), sentToSignIn);
    }

    @Test
    void aSignInRefusedAfterTheClinicIsCreatedLeadsToSignIn() {
        vm = setUpWith(new SignInAfterSetUp(new SignInResult.Rejected(4), null));
        fill("long enough", "long enough");
        vm.createClinic();

        assertFalse(app.accounts().needsSetUp());
        assertTrue(signedIn.isEmpty());
        assertEquals(List.of("alopez"), sentToSignIn);
        assertTrue(dialogs.problems.isEmpty());
    }


    @Test
    void fieldMessagesFollowTheChosenLanguage() {
        vm.passwordProperty().set("abc");
        vm.languageProperty().set(new Locale("es"));

        assertFalse(vm.passwordErrorProperty().get().isEmpty());
        assertFalse(vm.passwordErrorProperty().get().equals("Use at least 8 characters."));
    }

    /** Runs work at once; the second write (the sign-in after set-up) ends with the given result or failure. */
    private static final class SignInAfterSetUp implements BackgroundRunner {
        private final SignInResult result;
        private final Exception failure;
        private int writes;

        SignInAfterSetUp(SignInResult result, Exception failure) {
            this.result = result;
            this.failure = failure;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            if (++writes != 2) {
                SyncRunner.run(work, onSuccess, onFailure);
            } else if (failure != null) {
                onFailure.accept(failure);
            } else {
                onSuccess.accept((T) result);
            }
        }

        @Override
        public <T> void read(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            SyncRunner.run(work, onSuccess, onFailure);
        }
    }

    private void fill(String password, String repeat) {
        vm.clinicNameProperty().set(" Sunrise Clinic ");
        vm.displayNameProperty().set("Ana López");
        vm.usernameProperty().set("alopez");
        vm.passwordProperty().set(password);
        vm.repeatProperty().set(repeat);
    }
}
