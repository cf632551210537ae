package care.tandem.domain.user;

import java.util.Optional;

/** Decides whether a new password is acceptable, naming the problem as a message key if not. */
public final class PasswordPolicy {

    public static final String BLANK = "password.blank";
    public static final String TOO_SHORT = "password.tooShort";
    public static final int MIN_LENGTH = 8;

    private PasswordPolicy() {
    }

    /**
     * The message key of what is wrong with {@code password}, or empty if it may be used.
     * Length counts characters as people see them (code points), so an accented letter counts once.
     */
    public static Optional<String> problem(char[] password) {
        if (password == null || isBlank(password)) {
            return Optional.of(BLANK);
        }
        if (Character.codePointCount(password, 0, password.length) < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        return Optional.empty();
    }

    private static boolean isBlank(char[] password) {
        for (char c : password) {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
