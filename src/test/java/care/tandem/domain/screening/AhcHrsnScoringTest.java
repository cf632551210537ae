package care.tandem.domain.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AHC HRSN scoring as published by CMS: Billioux A, Verlander K, Anthony S, Alley D. Standardized Screening for
 * Health-Related Social Needs in Clinical Settings: The Accountable Health Communities Screening Tool. NAM Discussion
 * Paper 2017, and the CMS/Mathematica user guide (2021) — each core domain positive on its asterisked answers;
 * interpersonal safety positive at a sum of 11 or more (Never = 1 ... Frequently = 5); supplemental domains per the
 * LHC-Forms rendering, PhenX 281401 and the NY HRSN IG (DOMAIN.md §3.3, §3.4). Stress (93038-8) uses "Quite a bit" /
 * "Very much" only: the sources conflict (⚠️ DOMAIN.md §3.4).
 */
class AhcHrsnScoringTest {
    private static final Instrument AHC = BundledLibrary.instrument("ahc-hrsn");
    private static final List<String> SAFETY = List.of("95618-5", "95617-7", "95616-9", "95615-1");
    private static final List<String> CORE_DOMAINS = List.of("housing", "housing-quality", "food", "transportation",
            "utilities", "safety");
    private static final List<String> SUPPLEMENTAL_DOMAINS = List.of("financial-strain", "employment",
            "family-community-support", "education", "substance-use", "mental-health", "disabilities");

    /** Core answers with no need: steady housing, no problems, never true, no, no, never hurt (safety sum 4). */
    private static Map<String, Answer> coreNoNeed() {
        Map<String, Answer> a = new LinkedHashMap<>();
        a.put("71802-3", Answer.choice("71802-3", "LA31993-1"));
        a.put("96778-6", Answer.choices("96778-6", List.of("LA9-3")));
        a.put("88122-7", Answer.choice("88122-7", "LA28398-8"));
        a.put("88123-5", Answer.choice("88123-5", "LA28398-8"));
        a.put("93030-5", Answer.choice("93030-5", "LA32-8"));
        a.put("96779-4", Answer.choice("96779-4", "LA32-8"));
        SAFETY.forEach(c -> a.put(c, Answer.choice(c, "LA6270-8")));
        return a;
    }

    /** Supplemental answers with no need. */
    private static Map<String, Answer> supplementalNoNeed() {
        Map<String, Answer> a = new LinkedHashMap<>();
        put(a, "76513-1", "LA31980-8");
        put(a, "96780-2", "LA31983-2");
        put(a, "96781-0", "LA31976-6");
        put(a, "93159-2", "LA6270-8");
        put(a, "96782-8", "LA32-8");
        put(a, "89555-7", "LA6114-8");
        put(a, "68516-4", "LA28855-7");
        for (String c : List.of("68517-2", "96842-0", "95530-2", "68524-8")) {
            put(a, c, "LA6270-8");
        }
        put(a, "44250-9", "LA6568-5");
        put(a, "44255-8", "LA6568-5");
        put(a, "93038-8", "LA6568-5");
        put(a, "69858-9", "LA32-8");
        put(a, "69861-3", "LA32-8");
        return a;
    }

    private static void put(Map<String, Answer> a, String item, String code) {
        a.put(item, Answer.choice(item, code));
    }

    private static Score score(Map<String, Answer> answers) {
        return Scorer.score(AHC, List.copyOf(answers.values()));
    }

    @Test
    void coreAnswersWithNoNeedAreACompleteNegativeScreen() {
        Score s = score(coreNoNeed());
        assertEquals(Outcome.NEGATIVE, s.outcome());
        assertTrue(s.complete());
        assertTrue(s.missing().isEmpty());
        assertNull(s.total());
        assertNull(s.band());
        CORE_DOMAINS.forEach(d -> assertEquals(Outcome.NEGATIVE, s.domain(d).orElseThrow().outcome(), d));
        assertEquals(4, s.domain("safety").orElseThrow().score());
    }

    @ParameterizedTest(name = "{0} = {1}: {2} positive")
    @CsvSource({
            "71802-3, LA31994-9,           housing",
            "71802-3, LA31995-6,           housing",
            "96778-6, LA28580-1,           housing-quality",
            "96778-6, LA31996-4 LA32001-2, housing-quality",
            "96778-6, LA31999-8,           housing-quality",
            "88122-7, LA28397-0,           food",
            "88123-5, LA6729-3,            food",
            "93030-5, LA33-6,              transportation",
            "96779-4, LA33-6,              utilities",
            "96779-4, LA32002-0,           utilities"})
    void eachCoreDomainIsPositiveOnItsAsteriskedAnswersAndMakesTheScreenPositive(String item, String codes,
                                                                                   String domain) {
        Map<String, Answer> a = coreNoNeed();
        a.put(item, Answer.choices(item, Arrays.asList(codes.split(" "))));
        Score s = score(a);
        assertEquals(Outcome.POSITIVE, s.outcome());
        for (String d : CORE_DOMAINS) {
            assertEquals(d.equals(domain) ? Outcome.POSITIVE : Outcome.NEGATIVE, s.domain(d).orElseThrow().outcome(),
                    d);
        }
    }

    @ParameterizedTest(name = "safety answers {0}: sum {1}, {2}")
    @CsvSource({
            "LA6270-8 LA6270-8 LA6270-8 LA6270-8,     4,  NEGATIVE",
            "LA6270-8 LA10066-1 LA10082-8 LA16644-9,  10, NEGATIVE",
            "LA10066-1 LA10066-1 LA10082-8 LA16644-9, 11, POSITIVE",
            "LA6270-8 LA6270-8 LA6482-9 LA6482-9,     12, POSITIVE",
            "LA6482-9 LA6482-9 LA6482-9 LA6482-9,     20, POSITIVE"})
    void safetyIsPositiveFromASumOfElevenWithNeverOneToFrequentlyFive(String codes, int sum, Outcome outcome) {
        Map<String, Answer> a = coreNoNeed();
        String[] c = codes.split(" ");
        for (int k = 0; k < 4; k++) {
            a.put(SAFETY.get(k), Answer.choice(SAFETY.get(k), c[k]));
        }
        Score s = score(a);
        DomainScore safety = s.domain("safety").orElseThrow();
        assertEquals(sum, safety.score());
        assertEquals(outcome, safety.outcome());
        assertTrue(safety.privateDomain());
        assertEquals(outcome, s.outcome());
    }

    @Test
    void unansweredSafetyItemsLeaveTheScreenIncompleteAndListThem() {
        Map<String, Answer> a = coreNoNeed();
        SAFETY.forEach(a::remove);
        Score s = score(a);
        assertFalse(s.complete());
        assertEquals(SAFETY, s.missing());
        assertEquals(Outcome.INCOMPLETE, s.outcome());
        assertNull(s.domain("safety").orElseThrow().score());
    }

    @Test
    void safetyDeferredBecauseTheCaregiverIsNotAloneIsMissingButNotDeclined() {
        Map<String, Answer> a = coreNoNeed();
        SAFETY.forEach(c -> a.put(c, Answer.deferred(c)));
        a.put("71802-3", Answer.choice("71802-3", "LA31995-6"));
        Score s = score(a);
        assertEquals(SAFETY, s.missing());
        assertTrue(s.declined().isEmpty());
        assertEquals(Outcome.POSITIVE, s.outcome());
        assertEquals(Outcome.INCOMPLETE, s.domain("safety").orElseThrow().outcome());
    }

    @Test
    void twoSafetyAnswersAlreadyReachingElevenArePositiveBeforeTheOthers() {
        Map<String, Answer> a = coreNoNeed();
        a.put("95618-5", Answer.choice("95618-5", "LA6482-9"));
        a.put("95617-7", Answer.choice("95617-7", "LA6482-9"));
        a.put("95616-9", Answer.choice("95616-9", "LA6270-8"));
        a.remove("95615-1");
        Score s = score(a);
        assertEquals(Outcome.POSITIVE, s.domain("safety").orElseThrow().outcome());
        assertNull(s.domain("safety").orElseThrow().score());
        assertEquals(List.of("95615-1"), s.missing());
    }

    @Test
    void completeCountsCoreItemsOnlyAndUnansweredSupplementalDomainsAreIncomplete() {
        Score s = score(coreNoNeed());
        assertTrue(s.complete());
        SUPPLEMENTAL_DOMAINS.forEach(d -> {
            DomainScore ds = s.domain(d).orElseThrow();
            assertEquals(Outcome.INCOMPLETE, ds.outcome(), d);
            assertFalse(ds.core(), d);
        });
        assertEquals(Outcome.NOT_SCORED, s.domain("physical-activity").orElseThrow().outcome());
    }

    @Test
    void aCoreQuestionDeclinedIsDeclinedAndMissing() {
        Map<String, Answer> a = coreNoNeed();
        a.put("71802-3", Answer.choice("71802-3", "LA30122-8"));
        Score s = score(a);
        assertEquals(List.of("71802-3"), s.declined());
        assertEquals(List.of("71802-3"), s.missing());
        assertFalse(s.complete());
        assertEquals(Outcome.INCOMPLETE, s.outcome());
    }

    @Test
    void supplementalAnswersWithNoNeedAreNegativeAndPhysicalActivityIsRecordedUnscored() {
        Map<String, Answer> a = coreNoNeed();
        a.putAll(supplementalNoNeed());
        Score s = score(a);
        SUPPLEMENTAL_DOMAINS.forEach(d -> assertEquals(Outcome.NEGATIVE, s.domain(d).orElseThrow().outcome(), d));
        assertEquals(Outcome.NOT_SCORED, s.domain("physical-activity").orElseThrow().outcome());
        assertEquals(Outcome.NEGATIVE, s.outcome());
        assertTrue(s.complete());
    }

    @ParameterizedTest(name = "{0} = {1}: {2} {3}")
    @CsvSource({
            "76513-1, LA15832-1, financial-strain,         POSITIVE",
            "76513-1, LA22683-9, financial-strain,         POSITIVE",
            "96780-2, LA31981-6, employment,               POSITIVE",
            "96780-2, LA31982-4, employment,               POSITIVE",
            "96781-0, LA31978-2, family-community-support, POSITIVE",
            "96781-0, LA31979-0, family-community-support, POSITIVE",
            "96781-0, LA31977-4, family-community-support, NEGATIVE",
            "93159-2, LA10044-8, family-community-support, POSITIVE",
            "93159-2, LA9933-8,  family-community-support, POSITIVE",
            "93159-2, LA10082-8, family-community-support, NEGATIVE",
            "96782-8, LA33-6,    education,                POSITIVE",
            "68517-2, LA26460-8, substance-use,            POSITIVE",
            "96842-0, LA18934-2, substance-use,            POSITIVE",
            "95530-2, LA18876-5, substance-use,            POSITIVE",
            "68524-8, LA18891-4, substance-use,            POSITIVE",
            "93038-8, LA13902-4, mental-health,            POSITIVE",
            "93038-8, LA13914-9, mental-health,            POSITIVE",
            "93038-8, LA13909-9, mental-health,            NEGATIVE",
            "69858-9, LA33-6,    disabilities,             POSITIVE",
            "69861-3, LA33-6,    disabilities,             POSITIVE",
            "89555-7, LA6111-4,  physical-activity,        NOT_SCORED"})
    void eachSupplementalDomainFollowsItsPublishedAnswersWithoutChangingTheCoreResult(String item, String code,
                                                                                      String domain, Outcome outcome) {
        Map<String, Answer> a = coreNoNeed();
        a.putAll(supplementalNoNeed());
        put(a, item, code);
        Score s = score(a);
        assertEquals(outcome, s.domain(domain).orElseThrow().outcome());
        assertEquals(Outcome.NEGATIVE, s.outcome());
    }

    @ParameterizedTest(name = "PHQ-2 items {0} + {1} points: {2}")
    @CsvSource({"2, 0, NEGATIVE", "2, 1, POSITIVE", "3, 3, POSITIVE"})
    void mentalHealthIsPositiveWhenThePhq2ItemsAddUpToThree(int first, int second, Outcome outcome) {
        Map<String, Answer> a = coreNoNeed();
        a.putAll(supplementalNoNeed());
        a.put("44250-9", BundledLibrary.points(AHC, "44250-9", first));
        a.put("44255-8", BundledLibrary.points(AHC, "44255-8", second));
        assertEquals(outcome, score(a).domain("mental-health").orElseThrow().outcome());
    }

    @Test
    void aDeclinedStressQuestionIsDeclinedButNotMissingAndLeavesMentalHealthIncomplete() {
        Map<String, Answer> a = coreNoNeed();
        a.putAll(supplementalNoNeed());
        put(a, "93038-8", "LA30122-8");
        Score s = score(a);
        assertEquals(List.of("93038-8"), s.declined());
        assertTrue(s.missing().isEmpty());
        assertEquals(Outcome.INCOMPLETE, s.domain("mental-health").orElseThrow().outcome());
    }

    @Test
    void theHousingProblemsQuestionTakesSeveralAnswersAndNoneOfTheAboveIsNoNeed() {
        Map<String, Answer> a = coreNoNeed();
        a.put("96778-6", Answer.choices("96778-6", List.of("LA31996-4", "LA28580-1", "LA32001-2")));
        Score s = score(a);
        assertEquals(Outcome.POSITIVE, s.domain("housing-quality").orElseThrow().outcome());
        assertEquals(ItemKind.MULTI_CHOICE, AHC.item("96778-6").orElseThrow().kind());
        List<Answer> onlyNone = new ArrayList<>(coreNoNeed().values());
        assertEquals(Outcome.NEGATIVE, Scorer.score(AHC, onlyNone).domain("housing-quality").orElseThrow().outcome());
    }
}
