package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import static care.tandem.testing.TestApp.ADMIN;
import static care.tandem.testing.TestApp.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountServiceTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");
    private AppContext app;
    private AccountService accounts;

    @BeforeEach
    void open() {
        app = TestApp.open(dir, clock);
        accounts = app.accounts();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aNewFolderNeedsSetUpAndGetsItsClinicAndAdministrator() {
        assertTrue(accounts.needsSetUp());
        User admin = accounts.setUp("Valley Pediatrics", "Ada Admin", ADMIN, PASSWORD.toCharArray());
        assertFalse(accounts.needsSetUp());
        assertEquals(Role.ADMINISTRATOR, admin.role());
        assertEquals("Valley Pediatrics", app.clinic().info().clinicName());
    }

    @Test
    void theClinicAndDeviceHaveIdsFromTheFirstStartThatSurviveARestart() {
        ClinicInfo first = app.clinic().info();
        assertNotEquals(first.clinicId(), first.deviceId());
        app.close();
        app = TestApp.open(dir, clock);
        assertEquals(first.clinicId(), app.clinic().info().clinicId());
        assertEquals(first.deviceId(), app.clinic().info().deviceId());
    }

    @Test
    void setUpCannotRunTwice() {
        accounts.setUp("Clinic", "Ada", ADMIN, PASSWORD.toCharArray());
        ProblemException e = assertThrows(ProblemException.class,
                () -> accounts.setUp("Other", "Eve", "eve", PASSWORD.toCharArray()));
        assertEquals(Problem.NOT_ALLOWED, e.problem());
    }

    @Test
    void aShortPasswordIsRefusedAtSetUp() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> accounts.setUp("Clinic", "Ada", ADMIN, "short".toCharArray()));
        assertEquals(Problem.BAD_ARGUMENT, e.problem());
        assertTrue(accounts.needsSetUp());
    }

    @Test
    void aUserNameWithSpacesIsRefusedWhateverTheCaller() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> accounts.setUp("Clinic", "Ada", "ada lovelace", PASSWORD.toCharArray()));
        assertEquals(Problem.BAD_ARGUMENT, e.problem());
        assertTrue(accounts.needsSetUp());
    }

    @Test
    void theRightPasswordSignsInAndTheWrongOneSaysHowManyTriesAreLeft() {
        accounts.setUp("Clinic", "Ada", ADMIN, PASSWORD.toCharArray());
        assertEquals(new SignInResult.Rejected(4), accounts.signIn(ADMIN, "wrong password".toCharArray()));
        assertTrue(app.session().user().isEmpty());
        SignInResult ok = accounts.signIn("ADMIN", PASSWORD.toCharArray());
        assertInstanceOf(SignInResult.Success.class, ok);
        assertEquals(ADMIN, app.session().require().username());
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPasswordUntilTheLockOutEnds() {
        accounts.setUp("Clinic", "Ada", ADMIN, PASSWORD.toCharArray());
        SignInResult last = null;
        for (int i = 0; i < 5; i++) {
            last = accounts.signIn(ADMIN, "wrong password".toCharArray());
        }
        assertInstanceOf(SignInResult.LockedOut.class, last);
        assertInstanceOf(SignInResult.LockedOut.class, accounts.signIn(ADMIN, PASSWORD.toCharArray()));
        clock.advance(Duration.ofMinutes(16));
        assertInstanceOf(SignInResult.Success.class, accounts.signIn(ADMIN, PASSWORD.toCharArray()));
    }

    @Test
    void anUnknownUserNameIsAnsweredLikeAWrongPassword() {
        accounts.setUp("Clinic", "Ada", ADMIN, PASSWORD.toCharArray());
        assertInstanceOf(SignInResult.Rejected.class, accounts.signIn("nobody", PASSWORD.toCharArray()));
    }

    @Test
    void passwordsAreStoredAsSaltedSlowHashes() throws SQLException {
        accounts.setUp("Clinic", "Ada", ADMIN, PASSWORD.toCharArray());
        String hash = sql("SELECT password_hash FROM app_user");
        assertTrue(hash.startsWith("pbkdf2-sha256$"), hash);
        assertFalse(hash.contains(PASSWORD));
    }

    @Test
    void onlyAnAdministratorCreatesUsersAndAnAssociateNeedsASupervisor() {
        accounts.setUp("Clinic", "Ada", ADMIN, PASSWORD.toCharArray());
        accounts.signIn(ADMIN, PASSWORD.toCharArray());
        User supervisor = accounts.createUser("Dr. Sam", "sam", Role.SUPERVISOR, null, PASSWORD.toCharArray());
        assertThrows(ProblemException.class,
                () -> accounts.createUser("Jo", "jo", Role.ASSOCIATE, null, PASSWORD.toCharArray()));
        User trainee = accounts.createUser("Jo", "jo", Role.ASSOCIATE, supervisor.id(), PASSWORD.toCharArray());
        assertEquals(supervisor.id(), trainee.supervisorId());
        ProblemException taken = assertThrows(ProblemException.class,
                () -> accounts.createUser("Other Jo", "JO", Role.CLINICIAN, null, PASSWORD.toCharArray()));
        assertEquals(Problem.USERNAME_TAKEN, taken.problem());
        accounts.signOut();
        accounts.signIn("sam", PASSWORD.toCharArray());
        ProblemException notAdmin = assertThrows(ProblemException.class,
                () -> accounts.createUser("X", "x", Role.CLINICIAN, null, PASSWORD.toCharArray()));
        assertEquals(Problem.NOT_ALLOWED, notAdmin.problem());
    }

    @Test
    void lockingAndUnlockingKeepTheSessionAndAreAudited() throws SQLException {
        accounts.setUp("Clinic", "Ada", ADMIN, PASSWORD.toCharArray());
        accounts.signIn(ADMIN, PASSWORD.toCharArray());
        accounts.recordLock();
        assertInstanceOf(SignInResult.Rejected.class, accounts.unlock("wrong password".toCharArray()));
        assertInstanceOf(SignInResult.Success.class, accounts.unlock(PASSWORD.toCharArray()));
        assertEquals(ADMIN, app.session().require().username());
        accounts.signOut();
        assertEquals("SETUP,SIGN_IN,LOCK,SIGN_IN_FAILED,UNLOCK,SIGN_OUT",
                sql("SELECT group_concat(action) FROM (SELECT action FROM audit_event ORDER BY seq)"));
    }

    private String sql(String query) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tandem.db"));
             ResultSet rs = c.createStatement().executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
