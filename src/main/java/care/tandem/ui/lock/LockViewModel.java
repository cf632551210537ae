package care.tandem.ui.lock;

import care.tandem.i18n.Texts;
import care.tandem.service.AccountService;
import care.tandem.service.SignInResult;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.signin.SignInMessages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The idle lock: locks after a number of minutes without key or mouse input in any Tandem window (or at
 * once on Ctrl+L), records the lock, and unlocks with the signed-in user's password. Time comes from an
 * injected monotonic clock and is checked by {@link #checkIdle()}, which the window calls on a timer, so
 * tests move time by hand instead of sleeping.
 */
public final class LockViewModel {
    private static final long MINUTE_MS = 60_000L;

    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final IntegerProperty idleMinutes;

    private final AccountService accounts;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final Clock clock;
    private final LongSupplier monotonicMillis;
    private long lastInput;

    /**
     * @param monotonicMillis a clock that only moves forward (production: {@code System.nanoTime()/1e6}),
     *                        so a change of the computer's time neither locks nor unlocks anything
     */
    public LockViewModel(AccountService accounts, BackgroundRunner runner, DialogService dialogs, Texts texts,
                         Clock clock, LongSupplier monotonicMillis, int idleMinutes) {
        this.accounts = accounts;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        this.clock = clock;
        this.monotonicMillis = monotonicMillis;
        this.idleMinutes = new SimpleIntegerProperty(idleMinutes);
        this.lastInput = monotonicMillis.getAsLong();
    }

    /** Someone pressed a key, moved or clicked the mouse in a Tandem window. */
    public void input() {
        if (!locked.get()) {
            lastInput = monotonicMillis.getAsLong();
        }
    }

    /** Locks if no input came for the idle minutes. */
    public void checkIdle() {
        if (!locked.get() && monotonicMillis.getAsLong() - lastInput >= idleMinutes.get() * MINUTE_MS) {
            lock();
        }
    }

    /** Locks now (Ctrl+L, the Lock button, or idle time) and records it in the audit log. */
    public void lock() {
        if (locked.get()) {
            return;
        }
        password.set("");
        message.set("");
        locked.set(true);
        runner.write(() -> {
            accounts.recordLock();
            return null;
        }, done -> { }, dialogs::showProblem);
    }

    /** Tries the typed password; a success uncovers every window as it was. */
    public void unlock() {
        if (!locked.get() || busy.get()) {
            return;
        }
        if (password.get() == null || password.get().isEmpty()) {
            message.set(texts.get("signin.passwordRequired"));
            return;
        }
        char[] secret = password.get().toCharArray();
        password.set("");
        busy.set(true);
        runner.write(() -> accounts.unlock(secret), result -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            if (result instanceof SignInResult.Success) {
                message.set("");
                lastInput = monotonicMillis.getAsLong();
                locked.set(false);
            } else {
                message.set(SignInMessages.describeUnlock(result, texts, clock.getZone(), clock.instant()));
            }
        }, failure -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /**
     * Whether Sign out on the lock cover may go ahead. With other windows open (a family being edited,
     * Settings) it asks first, default No, in words that name no one: whoever stands at a locked laptop may
     * not be the person who left the work there, so the windows stay covered while asking.
     */
    public boolean confirmSignOut(boolean otherWindowsOpen) {
        return !otherWindowsOpen || dialogs.confirm("lock.signOut.title", "lock.signOut.message");
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean isLocked() {
        return locked.get();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Minutes without input before the lock; an administrator changes it in Settings. */
    public IntegerProperty idleMinutesProperty() {
        return idleMinutes;
    }
}
