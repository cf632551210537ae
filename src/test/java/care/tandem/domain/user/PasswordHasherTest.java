package care.tandem.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    // Few iterations keep the suite fast; the production count is checked once below.
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void aHashRecordsSchemeIterationsSaltAndKey() {
        String encoded = hasher.hash("correct horse".toCharArray());
        assertTrue(encoded.matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}="), encoded);
    }

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String encoded = hasher.hash("correct horse".toCharArray());
        assertTrue(hasher.verify("correct horse".toCharArray(), encoded));
        assertFalse(hasher.verify("correct horsE".toCharArray(), encoded));
        assertFalse(hasher.verify("".toCharArray(), encoded));
    }

    @Test
    void accentedAndEmptyPasswordsRoundTrip() {
        assertTrue(hasher.verify("contraseña ñandú".toCharArray(), hasher.hash("contraseña ñandú".toCharArray())));
        assertTrue(hasher.verify(new char[0], hasher.hash(new char[0])));
    }

    @Test
    void theSamePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void aHashMadeWithOtherIterationsStillVerifies() {
        String older = new PasswordHasher(500).hash("pw".toCharArray());
        assertTrue(hasher.verify("pw".toCharArray(), older));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
            "x",
            "pbkdf2-sha256$1000$c2FsdA==",
            "pbkdf2-sha256$1000$c2FsdA==$a2V5$extra",
            "bcrypt$1000$c2FsdA==$a2V5",
            "pbkdf2-sha256$abc$c2FsdA==$a2V5",
            "pbkdf2-sha256$0$c2FsdA==$a2V5",
            "pbkdf2-sha256$-5$c2FsdA==$a2V5",
            "pbkdf2-sha256$999999999999$c2FsdA==$a2V5",
            "pbkdf2-sha256$2000000000$c2FsdA==$a2V5",
            "pbkdf2-sha256$1000$not base64!$a2V5",
            "pbkdf2-sha256$1000$c2FsdA==$%%%",
            "pbkdf2-sha256$1000$$a2V5",
            "pbkdf2-sha256$1000$c2FsdA==$",
    })
    void aMalformedHashNeverVerifiesAndNeverThrows(String encoded) {
        assertFalse(hasher.verify("pw".toCharArray(), encoded));
        assertTrue(hasher.needsRehash(encoded));
    }

    @Test
    void aNullPasswordDoesNotVerify() {
        assertFalse(hasher.verify(null, hasher.hash("pw".toCharArray())));
    }

    @Test
    void aHashNeedsRehashWhenMadeWithFewerIterationsThanNow() {
        assertTrue(hasher.needsRehash(new PasswordHasher(999).hash("pw".toCharArray())));
        assertFalse(hasher.needsRehash(hasher.hash("pw".toCharArray())));
        assertFalse(hasher.needsRehash(new PasswordHasher(2_000).hash("pw".toCharArray())));
    }

    @Test
    void theDefaultFollowsOwaspGuidance() {
        assertEquals(210_000, PasswordHasher.DEFAULT_ITERATIONS);
        PasswordHasher standard = new PasswordHasher();
        String encoded = standard.hash("pw".toCharArray());
        assertTrue(encoded.startsWith("pbkdf2-sha256$210000$"), encoded);
        assertTrue(standard.verify("pw".toCharArray(), encoded));
    }

    @Test
    void anIterationCountBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
    }
}
