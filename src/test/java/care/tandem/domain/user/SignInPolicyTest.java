package care.tandem.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.tandem.domain.user.SignInPolicy.SignInState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    private static final Instant NOW = Instant.parse("2025-06-15T09:00:00Z");
    private final SignInPolicy policy = SignInPolicy.standard();

    @Test
    void eachFailureUsesUpAnAttempt() {
        SignInState state = SignInState.CLEAR;
        assertEquals(5, policy.remainingAttempts(state));
        for (int failures = 1; failures <= 4; failures++) {
            state = policy.afterFailure(state, NOW);
            assertEquals(new SignInState(failures, null), state);
            assertEquals(5 - failures, policy.remainingAttempts(state));
            assertFalse(policy.isLockedOut(state, NOW));
        }
    }

    @Test
    void theFifthFailureLocksForFifteenMinutesAndResetsTheCount() {
        SignInState state = failTimes(5, NOW);
        assertEquals(new SignInState(0, NOW.plus(Duration.ofMinutes(15))), state);
        assertTrue(policy.isLockedOut(state, NOW));
        assertTrue(policy.isLockedOut(state, NOW.plus(Duration.ofMinutes(15)).minusMillis(1)));
        assertFalse(policy.isLockedOut(state, NOW.plus(Duration.ofMinutes(15))));
    }

    @Test
    void failuresDuringALockOutDoNotExtendIt() {
        SignInState locked = failTimes(5, NOW);
        assertEquals(locked, policy.afterFailure(locked, NOW.plusSeconds(60)));
    }

    @Test
    void afterTheLockOutEndsTheUserGetsAFullSetOfAttempts() {
        Instant later = NOW.plus(Duration.ofMinutes(16));
        SignInState state = policy.afterFailure(failTimes(5, NOW), later);
        assertEquals(new SignInState(1, null), state);
        assertEquals(4, policy.remainingAttempts(state));
    }

    @Test
    void successClearsFailures() {
        SignInState state = policy.afterSuccess();
        assertEquals(0, state.failedAttempts());
        assertNull(state.lockedUntil());
        assertEquals(5, policy.remainingAttempts(state));
    }

    @Test
    void aCustomPolicyLocksAtItsOwnLimit() {
        SignInPolicy strict = new SignInPolicy(2, Duration.ofMinutes(1));
        SignInState state = strict.afterFailure(strict.afterFailure(SignInState.CLEAR, NOW), NOW);
        assertTrue(strict.isLockedOut(state, NOW.plusSeconds(59)));
        assertFalse(strict.isLockedOut(state, NOW.plusSeconds(60)));
    }

    @Test
    void nonsensicalSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SignInPolicy(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new SignInPolicy(3, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SignInState(-1, null));
    }

    private SignInState failTimes(int times, Instant at) {
        SignInState state = SignInState.CLEAR;
        for (int i = 0; i < times; i++) {
            state = policy.afterFailure(state, at);
        }
        return state;
    }
}
