package care.tandem.service;

import care.tandem.domain.user.User;

import java.time.Instant;

/** The outcome of a sign-in or unlock attempt. */
public sealed interface SignInResult {
    /** Signed in. */
    record Success(User user) implements SignInResult {
    }

    /** Wrong user name or password; {@code remainingAttempts} before the account locks. */
    record Rejected(int remainingAttempts) implements SignInResult {
    }

    /** Too many failures: no sign-in until {@code until}. */
    record LockedOut(Instant until) implements SignInResult {
    }
}
