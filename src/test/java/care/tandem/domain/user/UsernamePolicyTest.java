package care.tandem.domain.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UsernamePolicyTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aUserNameIsRequired(String name) {
        assertEquals(Optional.of(UsernamePolicy.REQUIRED), UsernamePolicy.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana lopez", "ana\tlopez", " a b "})
    void aUserNameHasNoSpacesInside(String name) {
        assertEquals(Optional.of(UsernamePolicy.NO_SPACES), UsernamePolicy.problem(name));
    }

    @ParameterizedTest
    @CsvSource({"alopez", "'  alopez  '", "ana.lopez", "maría_josé"})
    void ordinaryUserNamesAreAccepted(String name) {
        assertEquals(Optional.empty(), UsernamePolicy.problem(name));
    }
}
