package care.tandem.domain.user;

import java.util.Optional;

/** Decides whether a user name is acceptable, naming the problem as a message key if not. */
public final class UsernamePolicy {

    public static final String REQUIRED = "setup.username.required";
    public static final String NO_SPACES = "setup.username.noSpaces";

    private UsernamePolicy() {
    }

    /** The message key of what is wrong with {@code username} (surrounding spaces ignored), or empty. */
    public static Optional<String> problem(String username) {
        if (username == null || username.isBlank()) {
            return Optional.of(REQUIRED);
        }
        return username.strip().codePoints().anyMatch(Character::isWhitespace)
                ? Optional.of(NO_SPACES) : Optional.empty();
    }
}
