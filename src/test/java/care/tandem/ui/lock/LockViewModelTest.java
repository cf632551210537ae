package care.tandem.ui.lock;

import care.tandem.AppContext;
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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockViewModelTest {
    private static final long MINUTE = 60_000L;

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-01-05T14:00:00Z");
    private final AtomicLong millis = new AtomicLong(1_000_000L);
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext app;
    private LockViewModel lock;

    @BeforeEach
    void signIn() {
        app = TestApp.signedIn(dir, clock);
        lock = new LockViewModel(app.accounts(), new SyncRunner(), dialogs, new Texts(Locale.ENGLISH), clock,
                millis::get, 5);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void pass(long ms) {
        millis.addAndGet(ms);
        clock.advance(Duration.ofMillis(ms));
    }

    @Test
    void locksOnceTheIdleMinutesPassWithoutInput() {
        pass(4 * MINUTE + 59_000);
        lock.checkIdle();
        assertFalse(lock.isLocked());

        pass(1_000);
        lock.checkIdle();
        assertTrue(lock.isLocked());
        assertTrue(dialogs.problems.isEmpty(), "the lock was recorded without a problem");
    }

    @Test
    void inputStartsTheIdleTimeAgain() {
        pass(4 * MINUTE);
        lock.input();
        pass(4 * MINUTE);
        lock.checkIdle();
        assertFalse(lock.isLocked());

        pass(MINUTE);
        lock.checkIdle();
        assertTrue(lock.isLocked());
    }

    @Test
    void anAdministratorsNewIdleMinutesApplyAtOnce() {
        lock.idleMinutesProperty().set(1);
        pass(MINUTE);
        lock.checkIdle();
        assertTrue(lock.isLocked());
    }

    @Test
    void rightPasswordUnlocksAndIdleTimeStartsAfresh() {
        lock.lock();
        lock.passwordProperty().set(TestApp.PASSWORD);
        lock.unlock();

        assertFalse(lock.isLocked());
        assertEquals("", lock.passwordProperty().get());
        lock.checkIdle();
        assertFalse(lock.isLocked());
    }

    @Test
    void inputWhileLockedDoesNotCountAsUse() {
        lock.lock();
        pass(10 * MINUTE);
        lock.input();
        lock.passwordProperty().set(TestApp.PASSWORD);
        lock.unlock();
        lock.checkIdle();
        assertFalse(lock.isLocked());
    }

    @Test
    void wrongPasswordKeepsTheLockAndSaysHowManyTriesAreLeft() {
        lock.lock();
        lock.passwordProperty().set("not my password");
        lock.unlock();

        assertTrue(lock.isLocked());
        assertEquals("That password is not right. 4 tries left before unlocking pauses for a while.",
                lock.messageProperty().get());
        assertEquals("", lock.passwordProperty().get());
    }

    @Test
    void tooManyWrongPasswordsSayUntilWhen() {
        lock.lock();
        for (int i = 0; i < 5; i++) {
            lock.passwordProperty().set("not my password");
            lock.unlock();
        }

        assertTrue(lock.isLocked());
        assertTrue(lock.messageProperty().get().contains("paused until 2:15"), lock.messageProperty().get());
    }

    @Test
    void emptyPasswordIsNotTried() {
        lock.lock();
        lock.unlock();

        assertTrue(lock.isLocked());
        assertEquals("Enter your password.", lock.messageProperty().get());
    }

    @Test
    void signingOutWithNoOtherWindowOpenAsksNothing() {
        lock.lock();

        assertTrue(lock.confirmSignOut(false));
        assertTrue(dialogs.questions.isEmpty());
    }

    @Test
    void signingOutWithOtherWindowsOpenAsksFirstAndNoKeepsThem() {
        lock.lock();
        dialogs.answer = false;

        assertFalse(lock.confirmSignOut(true));
        assertEquals(java.util.List.of("lock.signOut.message"), dialogs.questions);
        assertEquals("Sign out now? Anything not saved in the open windows will be lost.",
                new Texts(Locale.ENGLISH).get(dialogs.questions.get(0)), "the question names no one");
        assertTrue(lock.isLocked());

        dialogs.answer = true;
        assertTrue(lock.confirmSignOut(true));
    }
}
