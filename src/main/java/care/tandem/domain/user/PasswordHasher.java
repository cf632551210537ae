package care.tandem.domain.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns passwords into salted PBKDF2-HMAC-SHA256 hashes for storage, and checks a password
 * against a stored hash.
 *
 * <p>Stored form: {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}, so that the
 * iteration count can be raised later and old hashes upgraded at the next sign-in
 * ({@link #needsRehash}).
 */
public final class PasswordHasher {

    /**
     * 210,000 iterations of PBKDF2-HMAC-SHA256: the OWASP Password Storage Cheat Sheet
     * recommendation as of 2023
     * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html).
     */
    public static final int DEFAULT_ITERATIONS = 210_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    // A stored hash is data; a huge count in a damaged or hostile row must not hang sign-in.
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** A hasher with another iteration count; tests use a small one to stay fast. */
    public PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
    }

    /** A new salted hash of {@code password}, in the stored form. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, iterations, KEY_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(key);
    }

    /** True if {@code password} produced {@code encoded}; false for a wrong password or a malformed hash. */
    public boolean verify(char[] password, String encoded) {
        if (password == null) {
            return false;
        }
        Parsed parsed = parse(encoded);
        if (parsed == null) {
            return false;
        }
        byte[] candidate = derive(password, parsed.salt, parsed.iterations, parsed.key.length);
        return MessageDigest.isEqual(candidate, parsed.key);
    }

    /** True if {@code encoded} is malformed or weaker than what {@link #hash} makes now. */
    public boolean needsRehash(String encoded) {
        Parsed parsed = parse(encoded);
        return parsed == null
                || parsed.iterations < iterations
                || parsed.salt.length < SALT_BYTES
                || parsed.key.length != KEY_BYTES;
    }

    private record Parsed(int iterations, byte[] salt, byte[] key) {
    }

    private static Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] key = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0
                    || key.length == 0 || key.length > 64) {
                return null;
            }
            return new Parsed(iterations, salt, key);
        } catch (IllegalArgumentException malformed) {
            // NumberFormatException is an IllegalArgumentException too.
            return null;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime must provide PBKDF2WithHmacSHA256; its absence is a broken JDK.
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
