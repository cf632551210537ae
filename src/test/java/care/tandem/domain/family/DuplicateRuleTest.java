package care.tandem.domain.family;

import static care.tandem.domain.family.SearchTermsTest.caregiver;
import static care.tandem.domain.family.SearchTermsTest.child;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DuplicateRuleTest {

    private static final LocalDate BIRTH = LocalDate.of(2024, 3, 5);

    @ParameterizedTest(name = "{0} {1} vs {2} {3}: {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Sofía|García López|Sofia|garcia lopez|true",
            "Sofía|García López|SOFIA|García-López|true",
            "Sofía|García López|Sofía|García|true",
            "Sofía|García López|Sofía|López|true",
            "Sofía|García|Sofía|García López|true",
            "María José|Núñez|Maria Jose|Nunez|true",
            "Liam|O'Brien|Liam|OBrien|true",
            "Ana Lucía|de la Cruz|Analucia|Delacruz|true",
            "María José|Núñez|María|Núñez|false",
            "Sofía|García López|Sofía|Pérez|false",
            "Sofía|García López|Sofía|García Pérez|false",
            "Sofía|García López|Sofia|López García|false",
            "Sofía|García|Ana|García|false",
            "Sofía|García|Sofía|Garcías|false",
            "\"\"|García|\"\"|García|false",
            "Sofía|\"\"|Sofía|\"\"|false",
    })
    void sameNamesAndBirthDateMeanTheSamePerson(String givenA, String familyA, String givenB, String familyB,
                                                boolean expected) {
        Member a = child(givenA, familyA, BIRTH, "", "");
        Member b = child(givenB, familyB, BIRTH, "", "");
        assertEquals(expected, DuplicateRule.samePerson(a, b));
        assertEquals(expected, DuplicateRule.samePerson(b, a), "symmetric");
    }

    @Test
    void aDifferentOrUnknownBirthDateIsNeverTheSamePerson() {
        Member sofia = child("Sofía", "García", BIRTH, "", "");
        assertFalse(DuplicateRule.samePerson(sofia, child("Sofía", "García", BIRTH.plusDays(1), "", "")));
        assertFalse(DuplicateRule.samePerson(sofia, child("Sofía", "García", null, "", "")));
        assertFalse(DuplicateRule.samePerson(child("Sofía", "García", null, "", ""), child("Sofía", "García", null, "", "")));
    }

    @Test
    void aCaregiverEnteredTwiceIsTheSamePerson() {
        assertTrue(DuplicateRule.samePerson(
                caregiver("María", "López", LocalDate.of(1996, 11, 20), "", ""),
                caregiver("Maria", "Lopez", LocalDate.of(1996, 11, 20), "555", "")));
    }
}
