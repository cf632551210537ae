package care.tandem.files;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * The clinic key: AES-256, derived from the clinic's sync passphrase with PBKDF2-HMAC-SHA256 (600,000 iterations,
 * OWASP's 2023 figure for this function), salted with the clinic id so that one passphrase gives different keys in
 * different clinics. Every file that leaves a data folder (sync packages, backups) is sealed with it
 * ({@link SealedFile}). The passphrase itself is never stored; the clinic keeps only {@link #check()}, which tells
 * a wrong passphrase from a right one without revealing the key. ADR 0011.
 */
public final class ClinicKey {
    /** The documented passphrase of demo clinics (README), used when none is given on a demo folder. */
    public static final String DEMO_PASSPHRASE = "tandem-demo-passphrase";
    /** A new clinic passphrase must be at least this long. */
    public static final int MIN_LENGTH = 10;
    static final int ITERATIONS = 600_000;
    private static final byte[] CHECK_LABEL = "tandem clinic key check v1".getBytes(StandardCharsets.US_ASCII);

    private final UUID clinicId;
    private final byte[] key;

    private ClinicKey(UUID clinicId, byte[] key) {
        this.clinicId = clinicId;
        this.key = key;
    }

    /**
     * Derives the key of {@code clinicId} from a passphrase (about half a second, on purpose). The caller may wipe
     * the passphrase afterwards.
     *
     * @throws ProblemException PASSPHRASE_NEEDED when the passphrase is empty
     */
    public static ClinicKey derive(char[] passphrase, UUID clinicId) {
        if (passphrase == null || passphrase.length == 0) {
            throw new ProblemException(Problem.PASSPHRASE_NEEDED);
        }
        byte[] salt = ("tandem-clinic:" + clinicId).getBytes(StandardCharsets.US_ASCII);
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, ITERATIONS, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new ClinicKey(clinicId, raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    public UUID clinicId() {
        return clinicId;
    }

    /**
     * A short public fingerprint of the key (HMAC-SHA256 of a fixed label, first 16 bytes, Base64): stored by the
     * clinic and written into every sealed file's header, so a wrong passphrase is told apart from a tampered file.
     */
    public String check() {
        return Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac(CHECK_LABEL), 16));
    }

    /** Whether this key has the given fingerprint (compared in constant time). */
    public boolean matches(String check) {
        return check != null && MessageDigest.isEqual(check().getBytes(StandardCharsets.US_ASCII),
                check.getBytes(StandardCharsets.US_ASCII));
    }

    /** The AES key for {@link SealedFile}. */
    SecretKeySpec aes() {
        return new SecretKeySpec(key, "AES");
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ClinicKey[" + clinicId + "]";
    }
}
