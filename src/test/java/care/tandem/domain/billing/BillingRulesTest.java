package care.tandem.domain.billing;

import care.tandem.domain.family.Relationship;
import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.screening.Outcome;
import care.tandem.i18n.Texts;
import care.tandem.service.BillingService;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static care.tandem.domain.family.Relationship.FATHER;
import static care.tandem.domain.family.Relationship.MOTHER;
import static care.tandem.domain.screening.Outcome.INCOMPLETE;
import static care.tandem.domain.screening.Outcome.NEGATIVE;
import static care.tandem.domain.screening.Outcome.POSITIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The billing rules on a table of visit scenarios, each citing its source (DOMAIN.md, SPANISH-AND-CODES.md), run
 * against the code table Tandem ships.
 */
class BillingRulesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final CodeTable TABLE = new CodeTable(BillingService.seedCodes());

    /** A visit being described: the child's age, its screens, what the note says, what was billed before. */
    private static final class Visit {
        private LocalDate birth = DAY.minusMonths(3);
        private final List<ScreenFacts> screens = new ArrayList<>();
        private VisitKind kind = VisitKind.WELL_CHILD_DYADIC;
        private int minutes;
        private final Set<ChildScreen> childScreens = EnumSet.noneOf(ChildScreen.class);
        private final Set<Intervention> interventions = EnumSet.noneOf(Intervention.class);
        private boolean plan;
        private final Set<PresentingConcern> concerns = EnumSet.noneOf(PresentingConcern.class);
        private final List<BilledBefore> before = new ArrayList<>();
        private FqhcSetting fqhc = FqhcSetting.standard();

        Visit months(int months) {
            birth = DAY.minusMonths(months);
            return this;
        }

        Visit years(int years) {
            birth = DAY.minusYears(years);
            return this;
        }

        Visit birthUnknown() {
            birth = null;
            return this;
        }

        Visit screen(Relationship subject, String instrument, Outcome outcome, String... positiveDomains) {
            screens.add(new ScreenFacts(UUID.randomUUID(), instrument, subject, outcome, Set.of(positiveDomains),
                    instrument.equals("ahc-hrsn") ? Set.of("safety") : Set.of(), null, null));
            return this;
        }

        /** A short screen (PHQ-2) continued into a longer one (PHQ-9) on the same person. */
        Visit continued(Relationship subject, Outcome shortOutcome, Outcome longOutcome) {
            UUID phq2 = UUID.randomUUID();
            screens.add(new ScreenFacts(phq2, "phq2", subject, shortOutcome, Set.of(), Set.of(), null, null));
            screens.add(new ScreenFacts(UUID.randomUUID(), "phq9", subject, longOutcome, Set.of(), Set.of(), null,
                    phq2));
            return this;
        }

        Visit pearls(int aces) {
            screens.add(new ScreenFacts(UUID.randomUUID(), "pearls", null, aces >= 4 ? POSITIVE : NEGATIVE,
                    aces >= 4 ? Set.of("aces") : Set.of(), Set.of(), aces, null));
            return this;
        }

        Visit kind(VisitKind k) {
            kind = k;
            return this;
        }

        Visit minutes(int m) {
            minutes = m;
            return this;
        }

        Visit childScreen(ChildScreen... c) {
            childScreens.addAll(List.of(c));
            return this;
        }

        Visit did(Intervention... i) {
            interventions.addAll(List.of(i));
            return this;
        }

        Visit plan() {
            plan = true;
            return this;
        }

        Visit concern(PresentingConcern... c) {
            concerns.addAll(List.of(c));
            return this;
        }

        Visit billedBefore(String key, LocalDate date) {
            before.add(new BilledBefore(key, date));
            return this;
        }

        Visit fqhc(SameDayRule rule) {
            fqhc = new FqhcSetting(true, rule);
            return this;
        }

        VisitFacts facts() {
            return new VisitFacts(DAY, birth, screens, new NoteFacts(kind, minutes, childScreens, interventions, plan,
                    concerns), before, fqhc);
        }
    }

    private static Visit visit() {
        return new Visit();
    }

    private static Arguments row(String name, Visit visit, List<String> codes, List<String> said) {
        return Arguments.of(Named.of(name, visit), codes, said);
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                row("infant 3 months, mother's EPDS negative: G8510-HD and Z13.32 (DOMAIN.md §A.1, §A.3)",
                        visit().months(3).screen(MOTHER, "epds", NEGATIVE), List.of("G8510-HD", "Z13.32"), List.of()),
                row("infant 2 months, mother's PHQ-9 positive with a follow-up plan: G8431-HD (DOMAIN.md §A.1)",
                        visit().months(2).screen(MOTHER, "phq9", POSITIVE).plan(), List.of("G8431-HD", "Z13.32"),
                        List.of()),
                row("mother's PHQ-9 positive without a plan: no code, the missing plan is said (DOMAIN.md §A.1)",
                        visit().months(2).screen(MOTHER, "phq9", POSITIVE), List.of(),
                        List.of("billing.missing.followUpPlan")),
                row("13-month-old, mother's PHQ-9: no G-code after the first year; 96161 to verify "
                                + "(DOMAIN.md §A.1, §B)",
                        visit().months(13).screen(MOTHER, "phq9", NEGATIVE), List.of("96161"),
                        List.of("billing.note.afterFirstYear")),
                row("infant 11 months (still the first year): G8510-HD (DOMAIN.md §A.1)",
                        visit().months(11).screen(MOTHER, "phq2", NEGATIVE), List.of("G8510-HD", "Z13.32"), List.of()),
                row("father's PHQ-9 in the first year: 96161, not the maternal code (DOMAIN.md §A.1, §B)",
                        visit().months(2).screen(FATHER, "phq9", NEGATIVE), List.of("96161"),
                        List.of("billing.note.notMother")),
                row("mother's GAD-7: caregiver-focused assessment 96161 (DOMAIN.md §B; §A.2 ❓)",
                        visit().months(2).screen(MOTHER, "gad7", POSITIVE), List.of("96161"), List.of()),
                row("mother's PHQ-2 continued into a negative PHQ-9: one G8510-HD, on the PHQ-9 (DOMAIN.md §A.1; "
                                + "SPANISH-AND-CODES.md §2.4, no duplication)",
                        visit().months(4).continued(MOTHER, POSITIVE, NEGATIVE), List.of("G8510-HD", "Z13.32"),
                        List.of("billing.notice.continued")),
                row("mother's EPDS negative and PHQ-9 positive with a plan: one maternal code, the positive one "
                                + "(DOMAIN.md §A.1)",
                        visit().months(1).screen(MOTHER, "epds", NEGATIVE).screen(MOTHER, "phq9", POSITIVE).plan(),
                        List.of("G8431-HD", "Z13.32"), List.of("billing.notice.oneMaternalCode")),
                row("fifth maternal screen in the first year: suggested and flagged (DOMAIN.md §A.1: up to 4)",
                        visit().months(10).screen(MOTHER, "epds", NEGATIVE)
                                .billedBefore(BillingRules.MATERNAL_NEGATIVE, DAY.minusMonths(9))
                                .billedBefore(BillingRules.MATERNAL_NEGATIVE, DAY.minusMonths(8))
                                .billedBefore(BillingRules.MATERNAL_POSITIVE, DAY.minusMonths(6))
                                .billedBefore(BillingRules.MATERNAL_NEGATIVE, DAY.minusMonths(4)),
                        List.of("G8510-HD", "Z13.32"), List.of("billing.note.maternalLimit")),
                row("child's birth date unknown, mother's EPDS: no code, the birth date is asked for (DOMAIN.md §A.1)",
                        visit().birthUnknown().screen(MOTHER, "epds", NEGATIVE), List.of(),
                        List.of("billing.missing.birthDate")),
                row("mother's EPDS incomplete: no code (DOMAIN.md §E: never negative until complete)",
                        visit().months(2).screen(MOTHER, "epds", INCOMPLETE), List.of(),
                        List.of("billing.notice.incomplete")),
                row("PEARLS ACE score 4: G9919 (DOMAIN.md §6.2)", visit().years(3).pearls(4), List.of("G9919"),
                        List.of()),
                row("PEARLS ACE score 2: G9920 (DOMAIN.md §6.2)", visit().years(3).pearls(2), List.of("G9920"),
                        List.of()),
                row("PEARLS ACE score 0: G9920 (DOMAIN.md §6.2)", visit().years(3).pearls(0), List.of("G9920"),
                        List.of()),
                row("PEARLS billed 6 months ago: suggested and flagged once a year (DOMAIN.md §6.2)",
                        visit().years(5).pearls(1).billedBefore(BillingRules.ACE_LOW, DAY.minusMonths(6)),
                        List.of("G9920"), List.of("billing.note.aceOncePerYear")),
                row("PEARLS billed 13 months ago: not flagged (DOMAIN.md §6.2)",
                        visit().years(5).pearls(5).billedBefore(BillingRules.ACE_HIGH, DAY.minusMonths(13)),
                        List.of("G9919"), List.of()),
                row("Hunger Vital Sign positive: Z59.41 (DOMAIN.md §4, §A.3)",
                        visit().screen(MOTHER, "hvs", POSITIVE, "food"), List.of("Z59.41"),
                        List.of("billing.notice.socialNeeds")),
                row("AHC interpersonal safety positive: Z63.0, confidential (DOMAIN.md §A.3, §E)",
                        visit().screen(MOTHER, "ahc-hrsn", POSITIVE, "safety"), List.of("Z63.0"),
                        List.of("billing.notice.socialNeeds")),
                row("AHC housing, utilities and transport positive: Z59.819, Z59.12, Z59.82 (DOMAIN.md §A.3)",
                        visit().screen(MOTHER, "ahc-hrsn", POSITIVE, "housing", "utilities", "transportation"),
                        List.of("Z59.819", "Z59.12", "Z59.82"), List.of("billing.notice.socialNeeds")),
                row("HVS and AHC both positive for food: Z59.41 once (DOMAIN.md §A.3)",
                        visit().screen(MOTHER, "hvs", POSITIVE, "food").screen(MOTHER, "ahc-hrsn", POSITIVE, "food"),
                        List.of("Z59.41"), List.of("billing.notice.socialNeeds")),
                row("ASQ:SE-2 on the publisher's form: 96127 and Z13.39 (DOMAIN.md §B, §A.3)",
                        visit().childScreen(ChildScreen.ASQ_SE_2), List.of("96127", "Z13.39"), List.of()),
                row("ASQ-3 on the publisher's form: 96110 and Z13.42 (DOMAIN.md §B, §A.3)",
                        visit().childScreen(ChildScreen.ASQ_3), List.of("96110", "Z13.42"), List.of()),
                row("ASQ-3 and M-CHAT-R/F: 96110 per instrument, Z13.42 and Z13.41 (DOMAIN.md §B, §A.3)",
                        visit().months(18).childScreen(ChildScreen.ASQ_3, ChildScreen.M_CHAT_R_F),
                        List.of("96110", "96110", "Z13.42", "Z13.41"), List.of()),
                row("14-year-old's own PHQ-9 positive: G0444-KX and Z13.31 (SPANISH-AND-CODES.md §2.2, bulletin 518)",
                        visit().years(14).screen(null, "phq9", POSITIVE), List.of("G0444-KX", "Z13.31"), List.of()),
                row("14-year-old's own PHQ-9 negative: 96127 and Z13.31 (SPANISH-AND-CODES.md §2.2)",
                        visit().years(14).screen(null, "phq9", NEGATIVE), List.of("96127", "Z13.31"), List.of()),
                row("8-year-old's own GAD-7: 96127 and Z13.39 (DOMAIN.md §B, §A.3)",
                        visit().years(8).screen(null, "gad7", POSITIVE), List.of("96127", "Z13.39"), List.of()),
                row("DBH visit: H1011, to verify with the plan (DOMAIN.md §A.2 ❓; SPANISH-AND-CODES.md §2.1)",
                        visit().kind(VisitKind.DYADIC_BEHAVIOURAL_HEALTH).minutes(40), List.of("H1011"), List.of()),
                row("DBH visit with psychoeducation and a referral: H1011 and H2027, no H2015 (SPANISH-AND-CODES.md "
                                + "§2.1, §2.4 no duplication)",
                        visit().kind(VisitKind.DYADIC_BEHAVIOURAL_HEALTH).minutes(30)
                                .did(Intervention.PSYCHOEDUCATION, Intervention.REFERRAL),
                        List.of("H1011", "H2027"), List.of("billing.notice.coordinationInDbh")),
                row("follow-up visit, brief intervention and warm hand-off: T1027 and H2015 sharing the minutes "
                                + "(SPANISH-AND-CODES.md §2.1)",
                        visit().kind(VisitKind.FOLLOW_UP).minutes(45)
                                .did(Intervention.BRIEF_INTERVENTION, Intervention.WARM_HANDOFF),
                        List.of("T1027", "H2015"), List.of("billing.note.sharedMinutes", "billing.note.sharedMinutes")),
                row("psychoeducation with no minutes recorded: the minutes are asked for (SPANISH-AND-CODES.md §2.1)",
                        visit().kind(VisitKind.FOLLOW_UP).did(Intervention.PSYCHOEDUCATION), List.of(),
                        List.of("billing.missing.minutes")),
                row("safety planning and anticipatory guidance alone: no code (part of the visit, §2.1 components)",
                        visit().did(Intervention.SAFETY_PLANNING, Intervention.ANTICIPATORY_GUIDANCE), List.of(),
                        List.of()),
                row("tantrums and sibling conflict: Z62.820 and Z62.891 (DOMAIN.md §A.3; SPANISH-AND-CODES.md §2.7)",
                        visit().years(4).concern(PresentingConcern.SIBLING_CONFLICT,
                                PresentingConcern.TANTRUMS_BEHAVIOUR, PresentingConcern.SLEEP),
                        List.of("Z62.820", "Z62.891"), List.of()),
                row("FQHC following SPA 23-0010: procedure codes carry the note, Z codes do not (SPANISH-AND-CODES.md "
                                + "§2.5)",
                        visit().months(3).screen(MOTHER, "epds", NEGATIVE).fqhc(SameDayRule.SPA_23_0010),
                        List.of("G8510-HD", "Z13.32"), List.of("billing.note.fqhc.SPA_23_0010")));
    }

    /** Every key said: the notices, then the notes of the suggestions. */
    private static List<String> said(BillingHelp help) {
        List<String> out = new ArrayList<>();
        help.notices().forEach(n -> out.add(n.words().key()));
        help.suggestions().forEach(s -> s.notes().forEach(w -> out.add(w.key())));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void suggestsTheCodesOfTheScenario(Visit visit, List<String> codes, List<String> said) {
        BillingHelp help = BillingRules.suggest(visit.facts(), TABLE);
        assertEquals(codes, help.suggestions().stream().map(s -> s.code().display()).toList());
        assertEquals(said, said(help));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void neverTwoProcedureCodesForOneAdministeredInstrument(Visit visit) {
        Set<UUID> coded = new HashSet<>();
        for (BillingSuggestion s : BillingRules.suggest(visit.facts(), TABLE).suggestions()) {
            if (s.code().system().procedure() && s.screeningId() != null) {
                assertTrue(coded.add(s.screeningId()), "two procedure codes for one screen: " + s.code().display());
            }
        }
    }

    @Test
    void theHelpRefusesTwoProcedureCodesForOneScreen() {
        UUID screen = UUID.randomUUID();
        BillingCode g8510 = TABLE.byKey(BillingRules.MATERNAL_NEGATIVE).orElseThrow();
        BillingCode cpt96161 = TABLE.byKey(BillingRules.CAREGIVER_RISK).orElseThrow();
        List<BillingSuggestion> two = List.of(
                new BillingSuggestion(g8510, Words.of("billing.why.maternalNegative"), screen, null, false, List.of()),
                new BillingSuggestion(cpt96161, Words.of("billing.why.caregiverScreen"), screen, null, false,
                        List.of()));
        assertThrows(IllegalArgumentException.class, () -> new BillingHelp(two, List.of()));
    }

    @Test
    void suggestionsStartUnacceptedAndAreNeverAssigned() {
        // The rules only suggest: suggestions and notices, nothing accepted (SPANISH-AND-CODES.md §2.7).
        BillingHelp help = BillingRules.suggest(visit().screen(MOTHER, "epds", NEGATIVE).facts(), TABLE);
        assertFalse(help.suggestions().isEmpty());
        assertTrue(help.suggestions().stream().allMatch(s -> s.why().key().startsWith("billing.why.")));
    }

    @Test
    void aSafetyResultAndTheCodesThatRevealItAreConfidential() {
        BillingHelp help = BillingRules.suggest(visit()
                .screen(MOTHER, "ahc-hrsn", POSITIVE, "safety", "food").facts(), TABLE);
        BillingSuggestion z630 = code(help, "Z63.0");
        BillingSuggestion food = code(help, "Z59.41");
        assertTrue(z630.confidential());
        assertFalse(food.confidential(), "only the safety code reveals the safety result");
        for (String confidential : List.of("Z63.0", "Z91.410", "Z91.411", "Z91.412", "Z91.413", "Z91.414",
                "Z91.419")) {
            assertTrue(TABLE.codes().stream().filter(c -> c.code().equals(confidential)).allMatch(
                    BillingCode::confidential), confidential);
        }
    }

    @Test
    void aSafetyResultIsConfidentialEvenIfTheClinicUnmarkedTheCode() {
        List<BillingCode> edited = TABLE.codes().stream().map(c -> c.code().equals("Z63.0")
                ? new BillingCode(c.id(), c.key(), c.system(), c.code(), c.modifier(), c.label(), c.labelEs(),
                c.verification(), c.source(), false, true, c.revision()) : c).toList();
        BillingHelp help = BillingRules.suggest(visit().screen(MOTHER, "ahc-hrsn", POSITIVE, "safety").facts(),
                new CodeTable(edited));
        assertTrue(code(help, "Z63.0").confidential(), "the private safety domain marks it");
    }

    @Test
    void codesMarkedConflictingOrUnverifiedAreShownAsVerifyWithYourPlan() {
        BillingHelp help = BillingRules.suggest(visit().months(14).kind(VisitKind.DYADIC_BEHAVIOURAL_HEALTH)
                .minutes(30).did(Intervention.PSYCHOEDUCATION).screen(MOTHER, "phq9", NEGATIVE).facts(), TABLE);
        for (String verify : List.of("H1011", "H2027", "96161")) {
            assertTrue(code(help, verify).verifyWithPlan(), verify);
            assertEquals(Verification.UNVERIFIED, code(help, verify).mark());
        }
        BillingHelp confirmed = BillingRules.suggest(visit().screen(MOTHER, "epds", NEGATIVE).pearls(3).facts(), TABLE);
        for (String sure : List.of("G8510-HD", "Z13.32", "G9920")) {
            assertFalse(code(confirmed, sure).verifyWithPlan(), sure);
        }
        assertEquals(Set.of("H1011", "H2015", "H2027", "T1027", "96161"), TABLE.codes().stream()
                .filter(c -> Set.of("H1011", "H2015", "H2027", "T1027", "96161", "G8431", "G8510", "G9919", "G9920",
                        "96127", "96110").contains(c.code()) && c.verification().verifyWithPlan())
                .map(BillingCode::code).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theMaternalLimitCountsOnlyCodesFromTheChildsFirstYear() {
        Visit fourthInYear = visit().months(11).screen(MOTHER, "epds", NEGATIVE);
        for (int m : new int[]{10, 8, 6}) {
            fourthInYear.billedBefore(BillingRules.MATERNAL_NEGATIVE, DAY.minusMonths(m));
        }
        fourthInYear.billedBefore(BillingRules.ACE_LOW, DAY.minusMonths(2));
        assertEquals(List.of(), said(BillingRules.suggest(fourthInYear.facts(), TABLE)), "3 before: this is the 4th");
        fourthInYear.billedBefore(BillingRules.MATERNAL_POSITIVE, DAY.minusMonths(5));
        BillingHelp fifth = BillingRules.suggest(fourthInYear.facts(), TABLE);
        assertEquals(new Words("billing.note.maternalLimit", List.of("4", "4")),
                code(fifth, "G8510-HD").notes().get(0));
    }

    @Test
    void aCodeTheClinicTookOutOfUseIsNotSuggestedAndAnEditedOneStill() {
        List<BillingCode> table = TABLE.codes().stream().map(c -> switch (c.code()) {
            case "H1011" -> new BillingCode(c.id(), c.key(), c.system(), c.code(), c.modifier(), c.label(),
                    c.labelEs(), c.verification(), c.source(), false, false, c.revision());
            case "G9920" -> new BillingCode(c.id(), c.key(), c.system(), "G9920", "U1", c.label(), c.labelEs(),
                    Verification.CONFIRMED, c.source(), false, true, c.revision());
            default -> c;
        }).toList();
        BillingHelp help = BillingRules.suggest(visit().kind(VisitKind.DYADIC_BEHAVIOURAL_HEALTH).pearls(1).facts(),
                new CodeTable(table));
        assertEquals(List.of("G9920-U1"), help.suggestions().stream().map(s -> s.code().display()).toList());
    }

    @Test
    void theFqhcNoteFollowsTheClinicsRuleAndIsAbsentElsewhere() {
        for (SameDayRule rule : SameDayRule.values()) {
            BillingHelp help = BillingRules.suggest(visit().pearls(2).fqhc(rule).facts(), TABLE);
            assertEquals(List.of(Words.of("billing.note.fqhc." + rule.name())), code(help, "G9920").notes());
        }
        assertEquals(List.of(), code(BillingRules.suggest(visit().pearls(2).facts(), TABLE), "G9920").notes());
    }

    @Test
    void theFqhcSettingShowsBothSourcesWithTheirMarks() {
        FqhcSetting setting = new FqhcSetting(true, SameDayRule.CONTRACT);
        assertEquals(List.of("billing.fqhc.contract", "billing.fqhc.spa", "billing.fqhc.follows.CONTRACT"),
                setting.explanation().stream().map(Words::key).toList());
        assertEquals(Verification.CONFIRMED, SameDayRule.CONTRACT.mark());
        assertEquals(Verification.CONFLICTING, SameDayRule.SPA_23_0010.mark());
        for (Locale l : Texts.LANGUAGES) {
            Texts t = new Texts(l);
            assertTrue(t.get("billing.fqhc.contract").startsWith("✅"), l.toString());
            assertTrue(t.get("billing.fqhc.spa").startsWith("⚠️") && t.get("billing.fqhc.spa").contains("23-0010"));
        }
        assertTrue(FqhcSetting.standard().note().isEmpty());
    }

    @Test
    void everyCodeTheRulesKnowIsSeededWithItsSourceAndBothLabels() {
        List<String> keys = new ArrayList<>(List.of(BillingRules.MATERNAL_POSITIVE, BillingRules.MATERNAL_NEGATIVE,
                BillingRules.ACE_HIGH, BillingRules.ACE_LOW, BillingRules.BEHAVIOURAL, BillingRules.DEVELOPMENTAL,
                BillingRules.CAREGIVER_RISK, BillingRules.DEPRESSION_POSITIVE_12_PLUS, BillingRules.DBH_VISIT,
                BillingRules.COMMUNITY_SUPPORTS, BillingRules.PSYCHOEDUCATION, BillingRules.FAMILY_TRAINING,
                BillingRules.SCREENING_DEPRESSION, BillingRules.SCREENING_MATERNAL,
                BillingRules.SCREENING_OTHER_BEHAVIOURAL, BillingRules.SCREENING_AUTISM,
                BillingRules.SCREENING_MILESTONES, BillingRules.SIBLING_RIVALRY, BillingRules.PARENT_CHILD));
        keys.addAll(BillingRules.NEED_CODES.values());
        for (String key : keys) {
            assertTrue(TABLE.byKey(key).isPresent(), key);
        }
        assertEquals(TABLE.codes().size(), TABLE.codes().stream().map(BillingCode::key).distinct().count());
        for (BillingCode c : TABLE.codes()) {
            assertFalse(c.source().isBlank() || c.label().isBlank() || c.labelEs().isBlank(), c.display());
            assertTrue(c.source().contains("DOMAIN.md") || c.source().contains("SPANISH-AND-CODES.md"), c.display());
        }
        assertEquals("G8431-HD", TABLE.byKey(BillingRules.MATERNAL_POSITIVE).orElseThrow().display());
        assertEquals("G8510-HD", TABLE.byKey(BillingRules.MATERNAL_NEGATIVE).orElseThrow().display());
    }

    @Test
    void everyWordTheRulesSayIsInBothLanguages() {
        Set<String> keys = new TreeSet<>();
        scenarios().forEach(a -> {
            Visit v = (Visit) ((Named<?>) a.get()[0]).getPayload();
            BillingHelp help = BillingRules.suggest(v.facts(), TABLE);
            help.suggestions().forEach(s -> {
                keys.add(s.why().key());
                s.notes().forEach(n -> keys.add(n.key()));
            });
            help.notices().forEach(n -> keys.add(n.words().key()));
        });
        for (ChildScreen c : ChildScreen.values()) {
            keys.add("billing.why.childScreen." + c.name());
            keys.add("billing.why.screening." + c.name());
        }
        BillingRules.NEED_CODES.keySet().forEach(d -> keys.add("billing.why.need." + d));
        keys.add(BillingSuggestion.chosen(TABLE.codes().get(0)).why().key());
        for (SameDayRule r : SameDayRule.values()) {
            new FqhcSetting(true, r).explanation().forEach(w -> keys.add(w.key()));
            keys.add(new FqhcSetting(true, r).note().orElseThrow().key());
            keys.add("billing.sameDayRule." + r.name());
        }
        for (Verification v : Verification.values()) {
            keys.add("billing.mark." + v.name());
        }
        for (CodeSystem s : CodeSystem.values()) {
            keys.add("billing.system." + s.name());
        }
        keys.add("billing.verifyWithPlan");
        keys.add("billing.confidential");
        for (Locale l : Texts.LANGUAGES) {
            Texts t = new Texts(l);
            List<String> missing = keys.stream().filter(k -> !t.bundle().containsKey(k)).toList();
            assertEquals(List.of(), missing, l.toString());
        }
        assertTrue(keys.size() > 50, "the scenarios said: " + keys.size());
    }

    private static BillingSuggestion code(BillingHelp help, String display) {
        return help.suggestions().stream().filter(s -> s.code().display().equals(display)).findFirst()
                .orElseThrow(() -> new AssertionError(display + " not suggested: " + help.suggestions()));
    }
}
