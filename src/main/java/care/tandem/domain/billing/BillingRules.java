package care.tandem.domain.billing;

import care.tandem.domain.family.Relationship;
import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.VisitKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Suggests billing codes for a visit from what it holds (screens, the note) and the clinic's code table. Every code
 * is a suggestion the clinician accepts or removes; none is assigned automatically (SPANISH-AND-CODES.md §2.7). The
 * rules, with their sources, are listed in docs/billing.md and tested scenario by scenario in BillingRulesTest.
 */
public final class BillingRules {
    // Keys of the seeded code table (care/tandem/billing/codes.json; each is seeded, BillingRulesTest checks it).
    static final String MATERNAL_POSITIVE = "maternal-depression-positive";
    static final String MATERNAL_NEGATIVE = "maternal-depression-negative";
    static final String ACE_HIGH = "ace-high";
    static final String ACE_LOW = "ace-low";
    static final String BEHAVIOURAL = "brief-behavioural-assessment";
    static final String DEVELOPMENTAL = "developmental-screen";
    static final String CAREGIVER_RISK = "caregiver-risk-assessment";
    static final String DEPRESSION_POSITIVE_12_PLUS = "depression-positive-12-plus";
    static final String DBH_VISIT = "dbh-visit";
    static final String COMMUNITY_SUPPORTS = "community-supports";
    static final String PSYCHOEDUCATION = "psychoeducation";
    static final String FAMILY_TRAINING = "family-training";
    static final String SCREENING_DEPRESSION = "screening-depression";
    static final String SCREENING_MATERNAL = "screening-maternal-depression";
    static final String SCREENING_OTHER_BEHAVIOURAL = "screening-other-behavioural";
    static final String SCREENING_AUTISM = "screening-autism";
    static final String SCREENING_MILESTONES = "screening-developmental-milestones";
    static final String SIBLING_RIVALRY = "sibling-rivalry";
    static final String PARENT_CHILD = "parent-child-conflict";

    /**
     * The Z code a positive social-needs domain points to (DOMAIN.md §A.3 titles; §E domain rules). Housing: the
     * unspecified "housing instability, housed" code, whose why asks for the specific one the answers show.
     */
    static final Map<String, String> NEED_CODES = needCodes();

    private static final Set<String> DEPRESSION = Set.of("phq2", "phq9", "epds");
    private static final Set<String> ANXIETY = Set.of("gad2", "gad7");
    private static final Set<String> SOCIAL_NEEDS = Set.of("hvs", "ahc-hrsn");
    private static final String PEARLS = "pearls";
    /** Medi-Cal pays G8431/G8510 + HD up to 4 times in the infant's first year (DOMAIN.md §A.1, psy201811). */
    static final int MATERNAL_PER_FIRST_YEAR = 4;
    /** G0444 + KX for a positive depression screen from age 12 (SPANISH-AND-CODES.md §2.2, bulletin 518). */
    private static final int DEPRESSION_G_CODE_AGE = 12;
    /** PEARLS: G9919 at an ACE count of 4 or more, G9920 at 0-3 (DOMAIN.md §6.2). */
    private static final int ACE_HIGH_FROM = 4;

    private BillingRules() {
    }

    private static Map<String, String> needCodes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("food", "food-insecurity");
        m.put("housing", "housing-instability");
        m.put("housing-quality", "inadequate-housing");
        m.put("utilities", "housing-utilities");
        m.put("transportation", "transportation-insecurity");
        m.put("financial-strain", "financial-insecurity");
        m.put("safety", "partner-relationship");
        return Collections.unmodifiableMap(m);
    }

    /** The suggestions and notices for one visit. */
    public static BillingHelp suggest(VisitFacts visit, CodeTable table) {
        Help h = new Help(visit, table);
        Set<UUID> continued = new HashSet<>();
        visit.screens().forEach(s -> {
            if (s.followsId() != null) {
                continued.add(s.followsId());
            }
        });
        List<ScreenFacts> maternal = new ArrayList<>();
        boolean socialNeeds = false;
        for (ScreenFacts s : visit.screens()) {
            boolean depression = DEPRESSION.contains(s.instrument());
            if (continued.contains(s.screeningId())) {
                h.notice("billing.notice.continued", s.screeningId());
            } else if (!s.scored()) {
                h.notice("billing.notice.incomplete", s.screeningId());
            } else if (depression && s.subjectRelation() == Relationship.MOTHER && visit.childBirthDate() == null) {
                h.notice("billing.missing.birthDate", s.screeningId());
            } else if (depression && s.subjectRelation() == Relationship.MOTHER && visit.inFirstYear()) {
                maternal.add(s);
            } else if ((depression || ANXIETY.contains(s.instrument())) && !s.aboutChild()) {
                caregiverScreen(h, visit, s, depression);
            } else if (depression || ANXIETY.contains(s.instrument())) {
                childMoodScreen(h, visit, s, depression);
            } else if (PEARLS.equals(s.instrument())) {
                aceScreen(h, visit, s);
            } else if (SOCIAL_NEEDS.contains(s.instrument())) {
                socialNeeds = true;
                NEED_CODES.forEach((domain, key) -> {
                    if (s.positiveDomains().contains(domain)) {
                        h.diagnosis(key, Words.of("billing.why.need." + domain), s.screeningId(), null,
                                s.privateDomains().contains(domain));
                    }
                });
            }
        }
        if (socialNeeds) {
            h.notice("billing.notice.socialNeeds", null);
        }
        maternal(h, visit, maternal);
        childScreens(h, visit.note());
        visitServices(h, visit.note());
        for (PresentingConcern c : visit.note().concerns()) {
            String key = switch (c) {
                case SIBLING_CONFLICT -> SIBLING_RIVALRY;
                case TANTRUMS_BEHAVIOUR -> PARENT_CHILD;
                default -> null;
            };
            if (key != null) {
                h.diagnosis(key, Words.of("billing.why.concern." + c.name()), null, null, false);
            }
        }
        return h.help();
    }

    /**
     * The mother's depression screens in the infant's first year: one G8431/G8510 + HD per visit (a positive screen
     * decides), G8431 only with a documented follow-up plan, up to 4 in the first year (DOMAIN.md §A.1).
     */
    private static void maternal(Help h, VisitFacts visit, List<ScreenFacts> screens) {
        if (screens.isEmpty()) {
            return;
        }
        ScreenFacts coded = screens.stream().filter(ScreenFacts::positive).findFirst().orElse(screens.get(0));
        screens.stream().filter(s -> s != coded)
                .forEach(s -> h.notice("billing.notice.oneMaternalCode", s.screeningId()));
        if (coded.positive() && !visit.note().followUpPlanDocumented()) {
            h.notice("billing.missing.followUpPlan", coded.screeningId());
            return;
        }
        LocalDate firstBirthday = visit.childBirthDate().plusYears(1);
        long before = visit.billedBefore().stream()
                .filter(b -> b.key().equals(MATERNAL_POSITIVE) || b.key().equals(MATERNAL_NEGATIVE))
                .filter(b -> b.visitDate().isBefore(firstBirthday)).count();
        List<Words> notes = before >= MATERNAL_PER_FIRST_YEAR
                ? List.of(Words.of("billing.note.maternalLimit", before, MATERNAL_PER_FIRST_YEAR)) : List.of();
        String key = coded.positive() ? MATERNAL_POSITIVE : MATERNAL_NEGATIVE;
        String why = coded.positive() ? "billing.why.maternalPositive" : "billing.why.maternalNegative";
        if (h.procedure(key, Words.of(why), coded.screeningId(), null, notes)) {
            h.diagnosis(SCREENING_MATERNAL, Words.of("billing.why.screeningMaternal"), coded.screeningId(), null,
                    false);
        }
    }

    /**
     * A caregiver's depression or anxiety screen outside the maternal first-year rule: CPT 96161, caregiver-focused
     * health risk assessment billed on the child's claim (DOMAIN.md §B; ❓ as a Medi-Cal dyadic code, §A.2).
     */
    private static void caregiverScreen(Help h, VisitFacts visit, ScreenFacts s, boolean depression) {
        List<Words> notes = new ArrayList<>();
        if (depression && s.subjectRelation() == Relationship.MOTHER) {
            notes.add(Words.of("billing.note.afterFirstYear"));
        } else if (depression && visit.inFirstYear()) {
            notes.add(Words.of("billing.note.notMother"));
        }
        h.procedure(CAREGIVER_RISK, Words.of("billing.why.caregiverScreen"), s.screeningId(), null, notes);
    }

    /**
     * The child's own depression or anxiety screen: 96127 (DOMAIN.md §B), or G0444 + KX for a positive depression
     * screen from age 12 (SPANISH-AND-CODES.md §2.2, Medi-Cal bulletin 518); with Z13.31 / Z13.39 (DOMAIN.md §A.3).
     */
    private static void childMoodScreen(Help h, VisitFacts visit, ScreenFacts s, boolean depression) {
        boolean added = depression && s.positive() && visit.childYears() >= DEPRESSION_G_CODE_AGE
                ? h.procedure(DEPRESSION_POSITIVE_12_PLUS, Words.of("billing.why.depressionPositive12Plus"),
                s.screeningId(), null, List.of())
                : h.procedure(BEHAVIOURAL, Words.of("billing.why.childMoodScreen"), s.screeningId(), null, List.of());
        if (added) {
            h.diagnosis(depression ? SCREENING_DEPRESSION : SCREENING_OTHER_BEHAVIOURAL,
                    Words.of(depression ? "billing.why.screeningDepression" : "billing.why.screeningOtherBehavioural"),
                    s.screeningId(), null, false);
        }
    }

    /** PEARLS: G9919 at an ACE count of 4 or more, G9920 at 0-3; once a year per provider under 21 (DOMAIN.md §6.2).
     */
    private static void aceScreen(Help h, VisitFacts visit, ScreenFacts s) {
        if (s.aceCount() == null) {
            h.notice("billing.notice.incomplete", s.screeningId());
            return;
        }
        boolean billedThisYear = visit.billedBefore().stream()
                .filter(b -> b.key().equals(ACE_HIGH) || b.key().equals(ACE_LOW))
                .anyMatch(b -> b.visitDate().isAfter(visit.visitDate().minusYears(1))
                        && !b.visitDate().isAfter(visit.visitDate()));
        List<Words> notes = billedThisYear ? List.of(Words.of("billing.note.aceOncePerYear")) : List.of();
        if (s.aceCount() >= ACE_HIGH_FROM) {
            h.procedure(ACE_HIGH, Words.of("billing.why.aceHigh", s.aceCount()), s.screeningId(), null, notes);
        } else {
            h.procedure(ACE_LOW, Words.of("billing.why.aceLow", s.aceCount()), s.screeningId(), null, notes);
        }
    }

    /**
     * Child screens given on the publisher's form: 96110 per developmental instrument, 96127 per emotional or
     * behavioural one (DOMAIN.md §B), with the matching screening encounter code Z13.4x / Z13.39 (§A.3).
     */
    private static void childScreens(Help h, NoteFacts note) {
        for (ChildScreen c : note.childScreens()) {
            boolean added = h.procedure(c.developmental() ? DEVELOPMENTAL : BEHAVIOURAL,
                    Words.of("billing.why.childScreen." + c.name()), null, c, List.of());
            if (added) {
                String encounter = switch (c) {
                    case ASQ_3 -> SCREENING_MILESTONES;
                    case M_CHAT_R_F -> SCREENING_AUTISM;
                    case ASQ_SE_2, OTHER_BEHAVIOURAL -> SCREENING_OTHER_BEHAVIOURAL;
                };
                h.diagnosis(encounter, Words.of("billing.why.screening." + c.name()), null, c, false);
            }
        }
    }

    /**
     * The dyadic service codes, all ❓ (DOMAIN.md §A.2; SPANISH-AND-CODES.md §2.1): H1011 for a DBH visit; H2027
     * psychoeducation, T1027 family training and counselling (brief intervention), H2015 community supports
     * (referral, warm hand-off), each per 15 minutes. Referral and care coordination are components of the DBH
     * visit, and the contract forbids duplicative codes (§2.4), so H2015 is not suggested with H1011.
     */
    private static void visitServices(Help h, NoteFacts note) {
        boolean dbh = note.kind() == VisitKind.DYADIC_BEHAVIOURAL_HEALTH;
        if (dbh) {
            h.procedure(DBH_VISIT, Words.of("billing.why.dbhVisit"), null, null, List.of());
        }
        List<Timed> timed = new ArrayList<>();
        if (note.interventions().contains(Intervention.PSYCHOEDUCATION)) {
            timed.add(new Timed(PSYCHOEDUCATION, "billing.why.psychoeducation"));
        }
        if (note.interventions().contains(Intervention.BRIEF_INTERVENTION)) {
            timed.add(new Timed(FAMILY_TRAINING, "billing.why.familyTraining"));
        }
        if (note.interventions().stream().anyMatch(Intervention::makesReferral)) {
            if (dbh) {
                h.notice("billing.notice.coordinationInDbh", null);
            } else {
                timed.add(new Timed(COMMUNITY_SUPPORTS, "billing.why.communitySupports"));
            }
        }
        // One visit's minutes cannot be billed twice: with two timed codes, the clinician splits them.
        List<Words> notes = timed.size() > 1
                ? List.of(Words.of("billing.note.sharedMinutes", note.minutes(), timed.size())) : List.of();
        for (Timed t : timed) {
            Optional<BillingCode> code = h.table.byKey(t.key());
            if (code.isPresent() && note.minutes() == 0) {
                h.notice(Words.of("billing.missing.minutes", code.get().display()), null);
            } else if (code.isPresent()) {
                h.procedure(t.key(), Words.of(t.why(), note.minutes()), null, null, notes);
            }
        }
    }

    /** A code billed per 15 minutes and the bundle key of why it is suggested. */
    private record Timed(String key, String why) {
    }

    /** Collects suggestions (procedure codes, then diagnosis codes once each) and notices. */
    private static final class Help {
        private final VisitFacts visit;
        private final CodeTable table;
        private final List<BillingSuggestion> procedures = new ArrayList<>();
        private final List<BillingSuggestion> diagnoses = new ArrayList<>();
        private final List<BillingNotice> notices = new ArrayList<>();

        Help(VisitFacts visit, CodeTable table) {
            this.visit = visit;
            this.table = table;
        }

        /** Adds a procedure code with the FQHC note where the clinic is one; false when the code is not in use. */
        boolean procedure(String key, Words why, UUID screeningId, ChildScreen childScreen, List<Words> notes) {
            Optional<BillingCode> code = table.byKey(key);
            if (code.isEmpty()) {
                return false;
            }
            List<Words> all = new ArrayList<>(notes);
            visit.fqhc().note().ifPresent(all::add);
            procedures.add(new BillingSuggestion(code.get(), why, screeningId, childScreen, false, all));
            return true;
        }

        /** Adds a diagnosis code once per visit (two screens finding food insecurity give one Z59.41). */
        void diagnosis(String key, Words why, UUID screeningId, ChildScreen childScreen, boolean privateDomain) {
            table.byKey(key).filter(code -> diagnoses.stream().noneMatch(d -> d.code().id().equals(code.id())))
                    .ifPresent(code -> diagnoses.add(new BillingSuggestion(code, why, screeningId, childScreen,
                            privateDomain, List.of())));
        }

        void notice(String key, UUID screeningId) {
            notice(Words.of(key), screeningId);
        }

        void notice(Words words, UUID screeningId) {
            notices.add(new BillingNotice(words, screeningId));
        }

        BillingHelp help() {
            List<BillingSuggestion> all = new ArrayList<>(procedures);
            all.addAll(diagnoses);
            return new BillingHelp(all, notices);
        }
    }
}
