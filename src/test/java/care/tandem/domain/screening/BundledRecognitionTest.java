package care.tandem.domain.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link InstrumentLibrary#recognise} over the bundled instruments: a response is recognised by its Questionnaire
 * canonical (Tandem's or a known other form's, DOMAIN.md §2-§4), else by a LOINC panel code in its link ids, else by
 * the smallest instrument holding every answered item (PHQ-2 = PHQ-9 items 1-2, §2.4; GAD-2 = GAD-7 items 1-2, §2.5).
 */
class BundledRecognitionTest {
    private static final InstrumentLibrary LIBRARY = BundledLibrary.library();
    private static final List<String> PHQ9_ITEMS = List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
            "44258-2", "44252-5", "44253-3", "44260-8");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "urn:tandem:instrument:gad7|1.0.0, gad7",
            "urn:tandem:instrument:ahc-hrsn, ahc-hrsn",
            "http://hl7.org/fhir/us/core/Questionnaire/phq-9-example, phq9",
            "http://hl7.org/fhir/us/core/Questionnaire/hunger-vital-sign-example, hvs",
            "http://hl7.org/fhir/us/sdoh-clinicalcare/Questionnaire/SDOHCC-QuestionnaireHungerVitalSign|2.3.0, hvs",
            "http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-hunger-vital-signs, hvs",
            "http://hl7.org/fhir/us/core/Questionnaire/ahc-hrsn-screening-example, ahc-hrsn"})
    void aKnownCanonicalIsRecognisedWhateverTheItems(String canonical, String id) {
        assertEquals(Optional.of(id), recognise(canonical, Set.of(), Set.of("44250-9")));
    }

    @ParameterizedTest(name = "panel {0} is {1}")
    @CsvSource({
            "55757-9, phq2",
            "44249-1, phq9",
            "69737-5, gad7",
            "88121-9, hvs",
            "96777-8, ahc-hrsn",
            "97023-6, ahc-hrsn",
            "71354-5, epds"})
    void aPanelCodeInTheLinkIdsIsRecognised(String panel, String id) {
        assertEquals(Optional.of(id), recognise(null, Set.of(panel, "44250-9"), Set.of("44250-9")));
    }

    @Test
    void phqItems1And2AloneAreThePhq2() {
        assertEquals(Optional.of("phq2"), recognise(null, Set.of(), Set.of("44250-9", "44255-8")));
    }

    @Test
    void gadItems1And2AloneAreTheGad2() {
        assertEquals(Optional.of("gad2"), recognise(null, Set.of(), Set.of("69725-0", "68509-9")));
    }

    @Test
    void allNinePhqItemsAreThePhq9EvenWithTheirTotal() {
        assertEquals(Optional.of("phq9"), recognise(null, Set.of(), new LinkedHashSet<>(PHQ9_ITEMS)));
        Set<String> withTotal = new LinkedHashSet<>(PHQ9_ITEMS);
        withTotal.add("44261-6");
        assertEquals(Optional.of("phq9"), recognise("", Set.of(), withTotal));
    }

    @Test
    void theTwoFoodStatementsWithTheDerivedRiskAreTheHungerVitalSign() {
        assertEquals(Optional.of("hvs"), recognise(null, Set.of(), Set.of("88122-7", "88123-5", "88124-3")));
    }

    @Test
    void ahcCoreItemsWithTheSafetyTotalAreTheAhc() {
        assertEquals(Optional.of("ahc-hrsn"), recognise(null, Set.of(), Set.of("71802-3", "96778-6", "88122-7",
                "93030-5", "95618-5", "95614-4")));
    }

    @Test
    void aPrapareLikeResponseIsOfNoInstrument() {
        assertEquals(Optional.empty(), recognise(null, Set.of("93025-5", "93043-8"), Set.of("71802-3", "56051-6")));
    }

    @Test
    void anUnknownCanonicalWithoutAnswersIsOfNoInstrument() {
        assertEquals(Optional.empty(), recognise("http://example.org/Questionnaire/other", Set.of(), Set.of()));
    }

    private static Optional<String> recognise(String canonical, Set<String> path, Set<String> items) {
        return LIBRARY.recognise(canonical, path, items).map(Instrument::id);
    }
}
