package care.tandem.interop.fhir;

import care.tandem.interop.fhir.ResponseReader.Code;
import care.tandem.interop.fhir.ResponseReader.Response;
import care.tandem.interop.fhir.ResponseReader.ResponseItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading QuestionnaireResponses written by others: link ids, nested groups, coded and numeric answers. */
class ResponseReaderTest {
    private static final FhirJson FHIR = new FhirJson();
    private final ResponseReader reader = new ResponseReader(FHIR);

    static String corpus(String path) throws IOException {
        try (InputStream in = ResponseReaderTest.class.getResourceAsStream("/fhir-corpus/" + path)) {
            if (in == null) {
                throw new IllegalStateException("test corpus file missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/44250-9, 44250-9",
            "44250-9, 44250-9",
            "/93025-5/93043-8/56051-6, 56051-6",
            "/96777-8/71802-3, 71802-3",
            "H1/T1/Q1, Q1",
            "/88122-7/, 88122-7"})
    void theItemCodeIsTheLinkIdOrItsLastSegment(String linkId, String code) {
        assertEquals(code, ResponseReader.itemCode(linkId));
    }

    @Test
    void theUsCorePhq9GivesTheCanonicalEachItemCodeAndItsAnswer() throws IOException {
        Response r = reader.read(corpus("responses/uscore-QuestionnaireResponse-phq-9-example.json"));

        assertEquals("http://hl7.org/fhir/us/core/Questionnaire/phq-9-example", r.canonical());
        assertEquals(List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
                "44260-8", "44261-6", "69722-7"), List.copyOf(r.itemCodes()));
        ResponseItem first = r.items().get(0);
        assertEquals("/44250-9", first.linkId());
        assertEquals(List.of(new Code("http://loinc.org", "LA6570-1")), first.coded());
        assertTrue(first.loinc());
        ResponseItem total = r.items().get(9);
        assertEquals(0, new BigDecimal(12).compareTo(total.numbers().get(0)));
        assertTrue(total.coded().isEmpty());
    }

    @Test
    void groupCodesAreCollectedAsPathCodesButOnlyAnsweredItemsAreItems() throws IOException {
        Response r = reader.read(corpus("responses/uscore-QuestionnaireResponse-PRAPARE-example.json"));

        assertTrue(r.pathCodes().containsAll(Set.of("93025-5", "93043-8", "56051-6", "93042-0")), r.pathCodes().toString());
        assertFalse(r.itemCodes().contains("93025-5"));
        assertFalse(r.itemCodes().contains("93043-8"));
        assertTrue(r.itemCodes().contains("56051-6"));
        ResponseItem address = r.items().stream().filter(i -> i.code().equals("56799-0")).findFirst().orElseThrow();
        assertEquals(List.of("string"), address.otherTypes());
        ResponseItem household = r.items().stream().filter(i -> i.code().equals("63512-8")).findFirst().orElseThrow();
        assertEquals(List.of(BigDecimal.valueOf(6)), household.numbers());
    }

    @Test
    void itemsNestedUnderAnAnswerAreReadToo() {
        Response r = reader.read("""
                {"resourceType": "QuestionnaireResponse", "status": "completed", "item": [
                  {"linkId": "/96777-8", "item": [
                    {"linkId": "/96777-8/71802-3", "answer": [
                      {"valueCoding": {"code": "LA31993-1"},
                       "item": [{"linkId": "/96777-8/71802-3/96778-6",
                                 "answer": [{"valueCoding": {"system": "http://loinc.org", "code": "LA32001-2"}},
                                            {"valueCoding": {"system": "http://loinc.org", "code": "LA31996-4"}}]}]}]}]}]}
                """);

        assertNull(r.canonical());
        assertEquals(Set.of("96777-8", "71802-3", "96778-6"), r.pathCodes());
        assertEquals(List.of("71802-3", "96778-6"), List.copyOf(r.itemCodes()));
        ResponseItem housing = r.items().get(0);
        assertTrue(housing.coded().get(0).loinc(), "a coding without a system is taken as LOINC");
        assertEquals(List.of("LA32001-2", "LA31996-4"), r.items().get(1).coded().stream().map(Code::code).toList());
    }

    @Test
    void integerAndDecimalAnswersAreNumbersAndOtherSystemsAreNotLoinc() {
        Response r = reader.read("""
                {"resourceType": "QuestionnaireResponse", "status": "completed", "item": [
                  {"linkId": "a/b/Q1", "answer": [{"valueInteger": 3}]},
                  {"linkId": "/44250-9", "answer": [{"valueDecimal": 2.5}]},
                  {"linkId": "/44255-8", "answer": [{"valueCoding": {"system": "http://snomed.info/sct", "code": "1"}}]},
                  {"linkId": "/44259-0", "answer": [{"valueBoolean": true}]}]}
                """);

        ResponseItem q1 = r.items().get(0);
        assertEquals("Q1", q1.code());
        assertFalse(q1.loinc());
        assertEquals(List.of(BigDecimal.valueOf(3)), q1.numbers());
        assertEquals(new BigDecimal("2.5"), r.items().get(1).numbers().get(0));
        assertFalse(r.items().get(2).coded().get(0).loinc());
        assertEquals(List.of("boolean"), r.items().get(3).otherTypes());
    }

    @Test
    void anotherResourceTypeIsRefusedSayingWhatItIs() throws IOException {
        String patient = corpus("other/sdohcc-Patient-pat-53234.json");

        FhirFileException e = assertThrows(FhirFileException.class, () -> reader.read(patient));

        assertEquals("it is a Patient, not a QuestionnaireResponse", e.getMessage());
    }

    @Test
    void textThatIsNotJsonIsRefusedAsNotJson() {
        FhirFileException e = assertThrows(FhirFileException.class, () -> reader.read("PHQ-9: 12, moderate"));

        assertEquals("it is not JSON", e.getMessage());
    }
}
