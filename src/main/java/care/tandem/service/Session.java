package care.tandem.service;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Who is signed in on this window right now; services stamp and audit their writes with it. */
public final class Session {
    private final AtomicReference<User> current = new AtomicReference<>();

    public Optional<User> user() {
        return Optional.ofNullable(current.get());
    }

    /** The signed-in user, or NOT_SIGNED_IN. */
    public User require() {
        User u = current.get();
        if (u == null) {
            throw new ProblemException(Problem.NOT_SIGNED_IN);
        }
        return u;
    }

    /** The signed-in user if they hold {@code role}, or NOT_ALLOWED. */
    public User requireRole(Role role) {
        User u = require();
        if (u.role() != role) {
            throw new ProblemException(Problem.NOT_ALLOWED);
        }
        return u;
    }

    void start(User user) {
        current.set(user);
    }

    void end() {
        current.set(null);
    }
}
