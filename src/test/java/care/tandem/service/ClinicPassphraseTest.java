package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.user.Role;
import care.tandem.files.ClinicKey;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clinic's sync passphrase: set once, checked after, never stored. */
class ClinicPassphraseTest {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T16:00:00Z");

    @Test
    void theFirstPassphraseBecomesTheClinicsAndLaterOnesAreChecked(@TempDir Path dir) {
        try (AppContext app = TestApp.signedIn(dir, CLOCK)) {
            assertFalse(app.clinic().hasPassphrase());
            ClinicService.Unlocked first = app.clinic().unlock("a long clinic phrase".toCharArray());
            assertTrue(first.newlySet());
            assertTrue(app.clinic().hasPassphrase());
            ClinicService.Unlocked again = app.clinic().unlock("a long clinic phrase".toCharArray());
            assertFalse(again.newlySet());
            assertEquals(first.key().check(), again.key().check());
            assertEquals(app.clinic().info().clinicId(), again.key().clinicId());
            ProblemException wrong = assertThrows(ProblemException.class,
                    () -> app.clinic().unlock("another long phrase".toCharArray()));
            assertEquals(Problem.PASSPHRASE_WRONG, wrong.problem());
        }
    }

    @Test
    void aShortFirstPassphraseIsRefusedAndNothingIsSet(@TempDir Path dir) {
        try (AppContext app = TestApp.signedIn(dir, CLOCK)) {
            assertEquals(Problem.PASSPHRASE_TOO_SHORT, assertThrows(ProblemException.class,
                    () -> app.clinic().unlock("short".toCharArray())).problem());
            assertEquals(Problem.PASSPHRASE_NEEDED, assertThrows(ProblemException.class,
                    () -> app.clinic().unlock(new char[0])).problem());
            assertFalse(app.clinic().hasPassphrase());
        }
    }

    @Test
    void onlyAnAdministratorSetsItAndOnlyOnce(@TempDir Path dir) {
        try (AppContext app = TestApp.signedIn(dir, CLOCK)) {
            app.accounts().createUser("Cleo Clinician", "cleo", Role.CLINICIAN, null, "cleo password".toCharArray());
            app.accounts().signOut();
            app.accounts().signIn("cleo", "cleo password".toCharArray());
            assertEquals(Problem.NOT_ALLOWED, assertThrows(ProblemException.class,
                    () -> app.clinic().setPassphrase("a long clinic phrase".toCharArray())).problem());
            app.accounts().signOut();
            app.accounts().signIn(TestApp.ADMIN, TestApp.PASSWORD.toCharArray());
            ClinicKey key = app.clinic().setPassphrase("a long clinic phrase".toCharArray());
            assertTrue(key.matches(app.clinic().unlock("a long clinic phrase".toCharArray()).key().check()));
            assertEquals(Problem.PASSPHRASE_ALREADY_SET, assertThrows(ProblemException.class,
                    () -> app.clinic().setPassphrase("another long phrase".toCharArray())).problem());
        }
    }

    @Test
    void theSameWordsGiveDifferentKeysInDifferentClinics(@TempDir Path a, @TempDir Path b) {
        try (AppContext one = TestApp.signedIn(a, CLOCK); AppContext two = TestApp.signedIn(b, CLOCK)) {
            String k1 = one.clinic().unlock("a long clinic phrase".toCharArray()).key().check();
            String k2 = two.clinic().unlock("a long clinic phrase".toCharArray()).key().check();
            assertFalse(k1.equals(k2));
        }
    }
}
