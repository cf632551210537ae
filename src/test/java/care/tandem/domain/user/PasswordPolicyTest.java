package care.tandem.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(quoteCharacter = '"', nullValues = "ok", value = {
            "\"\", password.blank",
            "\"        \", password.blank",
            "\"\t \u00a0 \", password.blank",
            "abc, password.tooShort",
            "1234567, password.tooShort",
            "\"  abc  \", password.tooShort",
            "12345678, ok",
            "contraseña, ok",
            "\"ab cd ef\", ok",
    })
    void aPasswordNeedsEightCharactersThatAreNotAllSpaces(String password, String expectedKey) {
        assertEquals(Optional.ofNullable(expectedKey), PasswordPolicy.problem(password.toCharArray()));
    }

    @Test
    void anAbsentPasswordIsBlank() {
        assertEquals(Optional.of(PasswordPolicy.BLANK), PasswordPolicy.problem(null));
    }
}
