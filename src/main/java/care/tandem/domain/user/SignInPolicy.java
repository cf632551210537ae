package care.tandem.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Locks an account for a while after repeated wrong passwords, to slow down guessing on a
 * shared clinic laptop.
 */
public final class SignInPolicy {

    /**
     * What is remembered about a user's recent sign-in failures.
     *
     * @param failedAttempts wrong passwords since the last success or lock-out
     * @param lockedUntil    when the current lock-out ends, or null if none was imposed
     */
    public record SignInState(int failedAttempts, Instant lockedUntil) {

        /** No failures and no lock-out. */
        public static final SignInState CLEAR = new SignInState(0, null);

        public SignInState {
            if (failedAttempts < 0) {
                throw new IllegalArgumentException("failedAttempts must not be negative: " + failedAttempts);
            }
        }
    }

    private final int maxAttempts;
    private final Duration lockout;

    public SignInPolicy(int maxAttempts, Duration lockout) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(lockout, "lockout");
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout must be positive: " + lockout);
        }
        this.maxAttempts = maxAttempts;
        this.lockout = lockout;
    }

    /** Five attempts, then fifteen minutes locked. */
    public static SignInPolicy standard() {
        return new SignInPolicy(5, Duration.ofMinutes(15));
    }

    /** The state after a wrong password at {@code now}; the last allowed failure starts a lock-out. */
    public SignInState afterFailure(SignInState state, Instant now) {
        Objects.requireNonNull(now, "now");
        if (isLockedOut(state, now)) {
            // While locked the password is not even checked, so a failure then is not an attempt.
            return state;
        }
        int failed = state.failedAttempts() + 1;
        if (failed >= maxAttempts) {
            return new SignInState(0, now.plus(lockout));
        }
        return new SignInState(failed, null);
    }

    public SignInState afterSuccess() {
        return SignInState.CLEAR;
    }

    public boolean isLockedOut(SignInState state, Instant now) {
        return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    /** Wrong passwords still allowed before a lock-out. */
    public int remainingAttempts(SignInState state) {
        return Math.max(0, maxAttempts - state.failedAttempts());
    }
}
