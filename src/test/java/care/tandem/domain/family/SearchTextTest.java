package care.tandem.domain.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class SearchTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(quoteCharacter = '"', value = {
            "María, maria",
            "Núñez, nunez",
            "JOSÉ, jose",
            "Çelik, celik",
            "Zoë O'Brien, zoe o'brien",
            "İpek, ipek",
            "maria, maria",
    })
    void normalizeDropsAccentsAndCase(String text, String expected) {
        assertEquals(expected, SearchText.normalize(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void normalizeOfNothingIsEmpty(String text) {
        assertEquals("", SearchText.normalize(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "García-López|garcia lopez",
            "O'Brien|o brien",
            "  María   José |maria jose",
            "de la Cruz, Ana|de la cruz ana",
            "91234567A|91234567a",
            "--- ...|\"\"",
            "\"\"|\"\"",
    })
    void wordsSplitOnAnythingNotALetterOrDigit(String text, String expected) {
        List<String> expectedWords = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(expectedWords, SearchText.words(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "(555) 123-4567|5551234567",
            "+1 555.123.4567|15551234567",
            "no digits|''",
            "٥٥٥١٢٣٤|5551234",
    })
    void digitsKeepsDecimalDigitsAsAscii(String text, String expected) {
        assertEquals(expected, SearchText.digits(text));
    }
}
