package care.tandem.domain.demo;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Sex;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertAction;
import care.tandem.domain.screening.AlertKind;
import care.tandem.domain.screening.AlertStatus;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.NotDoneReason;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Scorer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the screening history of synthetic households: past visits with the screens a dyadic-care clinic gives
 * (PHQ-2 leading to the PHQ-9, PHQ-9s followed over several visits, GAD-2/GAD-7, Hunger Vital Sign, AHC HRSN, EPDS,
 * PEARLS), scored by the instruments' own rules, with the urgent alerts they raise and what was done about them.
 * The last {@link #SHOWCASE} families of a run show every case a demonstration needs (alerts still open, an item
 * declined, unfinished screens, screens not done, a correction, Spanish, a private safety result, screens due today);
 * of the others, about one family in {@link #ONE_IN} gets a history. The same seed gives the same plan, ids included.
 */
public final class DemoScreenPlan {
    /** How many families at the end of a run show the fixed demonstration cases. */
    public static final int SHOWCASE = 13;
    /** Of the other families, about one in this many gets a screening history (rare enough for large runs). */
    public static final int ONE_IN = 100;

    static final String PHQ2 = "phq2";
    static final String PHQ9 = "phq9";
    static final String GAD2 = "gad2";
    static final String GAD7 = "gad7";
    static final String HVS = "hvs";
    static final String AHC = "ahc-hrsn";
    static final String EPDS = "epds";
    static final String PEARLS = "pearls";

    private static final String PHQ9_ITEM9 = "44260-8";
    private static final String PHQ9_DIFFICULTY = "69722-7";
    private static final List<String> DIFFICULTY = List.of("LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3");
    private static final String EPDS_ITEM10 = "epds-10";
    private static final List<String> SAFETY_ITEMS = List.of("95618-5", "95617-7", "95616-9", "95615-1");
    private static final List<String> SAFETY_OPTIONS = List.of("LA6270-8", "LA10066-1", "LA10082-8", "LA16644-9",
            "LA6482-9");
    private static final String OFTEN_TRUE = "LA28397-0";
    private static final String SOMETIMES_TRUE = "LA6729-3";
    private static final String NEVER_TRUE = "LA28398-8";
    private static final String YES = "LA33-6";
    private static final String NO = "LA32-8";
    private static final List<Integer> WELL_VISIT_MONTHS = List.of(1, 2, 4, 6, 9, 12, 15, 18, 24);

    /** A family as it is saved (a showcase family may be given a young child or a Spanish-speaking caregiver). */
    public record Planned(Family family, List<DemoVisit> visits) {
    }

    /** A visit and the screens given in it, in order. */
    public record DemoVisit(Visit visit, Instant at, List<DemoScreen> screens) {
    }

    /**
     * One screen: {@code started} as it was begun (in progress, or not done), then its {@code answers} recorded at
     * {@code answeredAt} and scored as {@code score}, left {@code status} (IN_PROGRESS or COMPLETED; NOT_DONE has no
     * answers) at {@code finishedAt}; its alerts; and, when {@code errorReason} is set, marked entered in error at
     * {@code errorAt}.
     */
    public record DemoScreen(Screening started, List<Answer> answers, Instant answeredAt, Score score,
                             ScreeningStatus status, boolean safetyDeferred, Instant finishedAt, List<DemoAlert> alerts,
                             String errorReason, Instant errorAt) {

        public DemoScreen {
            answers = List.copyOf(answers);
            alerts = List.copyOf(alerts);
        }
    }

    /** An alert as raised (open) and, unless {@code action} is null, what the clinician did about it and when. */
    public record DemoAlert(Alert raised, AlertAction action, String note, Instant actedAt) {
    }

    private final Random random;
    private final Instant now;
    private final ZoneId zone;
    private final LocalDate today;
    private final InstrumentLibrary instruments;
    private final UUID clinician;
    private final Map<String, Score> empty = new HashMap<>();

    /**
     * @param now         the demo run's time: every screen is before it
     * @param clinicianId the clinician who saw the families
     */
    public DemoScreenPlan(long seed, Instant now, ZoneId zone, InstrumentLibrary instruments, UUID clinicianId) {
        this.random = new Random(seed);
        this.now = now;
        this.zone = zone;
        this.today = LocalDate.ofInstant(now, zone);
        this.instruments = instruments;
        this.clinician = clinicianId;
    }

    /**
     * The history of the {@code index}-th family of a run of {@code runSize} (none for most families). The showcase
     * families are the last of the run, so that they are written last and head the list of recent families.
     */
    public Planned plan(Family family, int index, int runSize) {
        if (family.children().isEmpty() || family.caregivers().isEmpty()) {
            return new Planned(family, List.of());
        }
        int fromEnd = runSize - 1 - index;
        if (fromEnd >= 0 && fromEnd < SHOWCASE) {
            return showcase(family, fromEnd);
        }
        if (random.nextInt(ONE_IN) != 0) {
            return new Planned(family, List.of());
        }
        return routine(family);
    }

    // ---- the showcase ----

    /** Case {@code position}: 0 is the family written last, at the top of the recent families. */
    private Planned showcase(Family family, int position) {
        return switch (position) {
            case 0 -> openCritical(family);
            case 1 -> askDirectly(family);
            case 2 -> openCriticalInSpanish(withSpanishCaregiver(family));
            case 3 -> trend(withYoungestAged(family, 7, 10));
            case 4 -> dueAtTwoMonths(withYoungestAged(family, 2, -3));
            case 5 -> dueAtFourMonths(withYoungestAged(family, 4, -2));
            case 6 -> unfinished(family);
            case 7 -> privateSafety(family);
            case 8 -> perinatal(withYoungestAged(family, 5, 3));
            case 9 -> anxietyAndFood(family);
            case 10 -> corrected(family);
            case 11 -> notDone(family);
            default -> actedAndImproving(family);
        };
    }

    /** PHQ-9 over four well visits, falling from moderately severe; item 9 at the first, acted on. */
    private Planned trend(Family f) {
        History h = new History(f);
        LocalDate born = youngest(f).birthDate();
        int[] totals = {17, 14, 9, 6};
        int[] months = {1, 2, 4, 6};
        for (int k = 0; k < months.length; k++) {
            Vis v = h.visit(wellVisit(born, months[k], 1), true);
            if (k == 0) {
                DemoScreen two = v.screen(h.primary, PHQ2, phq2(2, 2), ScreeningStatus.COMPLETED);
                v.followUp(two, PHQ9, phq9(totals[k], 1, two.answers()), AlertAction.SAFETY_PLAN_MADE,
                        "Safety plan made with the caregiver; therapy intake booked.");
                v.screen(h.primary, AHC, ahc(false, true, false, 0), ScreeningStatus.COMPLETED);
            } else {
                v.screen(h.primary, PHQ9, phq9(totals[k], 0, List.of()), ScreeningStatus.COMPLETED);
            }
        }
        return h.done();
    }

    /** A positive PHQ-2 today leads to a PHQ-9 with item 9 answered: the alert is still open. */
    private Planned openCritical(Family f) {
        History h = new History(f);
        Vis past = h.visit(today.minusDays(61), false);
        past.screen(h.primary, PHQ2, phq2(1, 0), ScreeningStatus.COMPLETED);
        past.screen(h.primary, HVS, hvs(false), ScreeningStatus.COMPLETED);
        Vis v = h.visitAt(now.minus(75, ChronoUnit.MINUTES), false);
        DemoScreen two = v.screen(h.primary, PHQ2, phq2(2, 3), ScreeningStatus.COMPLETED);
        v.followUp(two, PHQ9, phq9(16, 2, two.answers()), null, null);
        return h.done();
    }

    /** A Spanish PHQ-9 three months ago, and another today with item 9 answered: the alert is still open. */
    private Planned openCriticalInSpanish(Family f) {
        History h = new History(f);
        Vis past = h.visit(today.minusDays(92), false);
        past.screen(h.primary, PHQ9, phq9(12, 0, List.of()), ScreeningStatus.COMPLETED);
        Vis v = h.visitAt(now.minus(50, ChronoUnit.MINUTES), false);
        v.screen(h.primary, PHQ9, phq9(15, 1, List.of()), ScreeningStatus.COMPLETED, "es", AdministrationMode.SELF,
                null, null);
        return h.done();
    }

    /** A PHQ-9 today with item 9 declined: "ask directly", still open. */
    private Planned askDirectly(Family f) {
        History h = new History(f);
        Vis v = h.visitAt(now.minus(30, ChronoUnit.MINUTES), false);
        List<Answer> answers = new ArrayList<>(phq9(11, 0, List.of()));
        answers.removeIf(a -> a.item().equals(PHQ9_ITEM9));
        answers.add(Answer.declined(PHQ9_ITEM9));
        v.screen(h.primary, PHQ9, answers, ScreeningStatus.COMPLETED, null, null, null, null);
        return h.done();
    }

    /** A PHQ-9 left half-way today, and an AHC HRSN whose private questions wait until the caregiver is alone. */
    private Planned unfinished(Family f) {
        History h = new History(f);
        Vis past = h.visit(today.minusDays(6), true);
        past.screen(h.primary, AHC, ahc(true, false, false, 0), ScreeningStatus.IN_PROGRESS, null, null, null, null,
                true);
        Vis v = h.visitAt(now.minus(20, ChronoUnit.MINUTES), false);
        v.screen(h.primary, PHQ9, phq9(8, 0, List.of()).subList(0, 5), ScreeningStatus.IN_PROGRESS);
        return h.done();
    }

    /** Screens recorded as not done, with the reason. */
    private Planned notDone(Family f) {
        History h = new History(f);
        Vis v = h.visit(today.minusDays(10), true);
        v.screen(h.primary, PHQ2, phq2(0, 1), ScreeningStatus.COMPLETED);
        v.notDone(h.primary, AHC, NotDoneReason.DECLINED);
        if (h.second != null) {
            v.notDone(h.second, PHQ2, NotDoneReason.CAREGIVER_NOT_PRESENT);
        } else {
            v.notDone(h.primary, GAD2, NotDoneReason.NOT_APPROPRIATE_NOW);
        }
        return h.done();
    }

    /** A PHQ-9 keyed wrongly, entered in error, and its correction. */
    private Planned corrected(Family f) {
        History h = new History(f);
        Vis v = h.visit(today.minusDays(35), false);
        DemoScreen wrong = v.screen(h.primary, PHQ9, phq9(19, 0, List.of()), ScreeningStatus.COMPLETED);
        v.correct(wrong, "Keyed from the wrong paper form; re-entered from the caregiver's own form.",
                phq9(7, 0, List.of()));
        return h.done();
    }

    /** An AHC HRSN the caregiver answered alone: housing and the private interpersonal-safety domain positive. */
    private Planned privateSafety(Family f) {
        History h = new History(f);
        Vis v = h.visit(today.minusDays(21), false);
        v.screen(h.primary, AHC, ahc(true, false, true, 0), ScreeningStatus.COMPLETED, "en",
                AdministrationMode.SELF, null, null);
        v.screen(h.primary, PHQ2, phq2(1, 1), ScreeningStatus.COMPLETED);
        return h.done();
    }

    /** The youngest child is two months old today: seen at one month, so the two-month screen is due. */
    private Planned dueAtTwoMonths(Family f) {
        History h = new History(f);
        Vis v = h.visit(wellVisit(youngest(f).birthDate(), 1, 2), true);
        v.screen(h.primary, PHQ2, phq2(0, 1), ScreeningStatus.COMPLETED);
        v.screen(h.primary, HVS, hvs(true), ScreeningStatus.COMPLETED);
        return h.done();
    }

    /** The youngest child is four months old today: seen at one and two months, so the four-month screen is due. */
    private Planned dueAtFourMonths(Family f) {
        History h = new History(f);
        LocalDate born = youngest(f).birthDate();
        Vis one = h.visit(wellVisit(born, 1, 0), false);
        one.screen(h.primary, EPDS, epds(8, 0), ScreeningStatus.COMPLETED);
        Vis two = h.visit(wellVisit(born, 2, 3), true);
        two.screen(h.primary, PHQ2, phq2(1, 0), ScreeningStatus.COMPLETED);
        two.screen(h.primary, AHC, ahc(false, false, false, 0), ScreeningStatus.COMPLETED);
        return h.done();
    }

    /** EPDS at two and four months, item 10 answered at two (acted on), and a PEARLS with four ACEs. */
    private Planned perinatal(Family f) {
        History h = new History(f);
        LocalDate born = youngest(f).birthDate();
        Vis two = h.visit(wellVisit(born, 2, 1), false);
        two.screen(h.primary, EPDS, epds(14, 1), ScreeningStatus.COMPLETED, null, null, AlertAction.WARM_HANDOFF,
                "Warm handoff to the perinatal mental health team the same day.");
        Vis four = h.visit(wellVisit(born, 4, 2), false);
        four.screen(h.primary, EPDS, epds(9, 0), ScreeningStatus.COMPLETED);
        four.screen(h.primary, PEARLS, pearls(4, 2, true), ScreeningStatus.COMPLETED);
        return h.done();
    }

    /** A positive GAD-2 leading to the GAD-7, and a positive Hunger Vital Sign. */
    private Planned anxietyAndFood(Family f) {
        History h = new History(f);
        Vis past = h.visit(today.minusDays(120), false);
        past.screen(h.primary, GAD2, gad2(1, 1), ScreeningStatus.COMPLETED);
        Vis v = h.visit(today.minusDays(42), true);
        v.screen(h.primary, PHQ2, phq2(1, 0), ScreeningStatus.COMPLETED);
        DemoScreen two = v.screen(h.primary, GAD2, gad2(2, 2), ScreeningStatus.COMPLETED);
        v.followUp(two, GAD7, gad7(13, two.answers()), null, null);
        v.screen(h.primary, HVS, hvs(true), ScreeningStatus.COMPLETED);
        if (h.second != null) {
            v.screen(h.second, PHQ2, phq2(0, 0), ScreeningStatus.COMPLETED);
        }
        return h.done();
    }

    /** A severe PHQ-9 with item 9 answered (988 given), then a lower one at the next visit. */
    private Planned actedAndImproving(Family f) {
        History h = new History(f);
        Vis first = h.visit(today.minusDays(70), false);
        first.screen(h.primary, PHQ9, phq9(21, 2, List.of()), ScreeningStatus.COMPLETED, null, null,
                AlertAction.GAVE_988, "Assessed with the caregiver; 988 and the county crisis line given.");
        Vis second = h.visit(today.minusDays(24), false);
        second.screen(h.primary, PHQ9, phq9(13, 0, List.of()), ScreeningStatus.COMPLETED);
        return h.done();
    }

    // ---- routine histories ----

    private Planned routine(Family f) {
        History h = new History(f);
        List<LocalDate> dates = visitDates(youngest(f).birthDate());
        if (dates.isEmpty()) {
            return new Planned(f, List.of());
        }
        int profile = random.nextInt(100);
        boolean tracked = profile < 30 && dates.size() >= 3;
        boolean perinatal = !tracked && profile < 45 && h.primary.sex() == Sex.FEMALE;
        int severity = 10 + random.nextInt(10);
        int step = random.nextInt(3) == 0 ? 2 : -3;
        LocalDate lastSocial = null;
        boolean pearlsGiven = false;
        for (int k = 0; k < dates.size(); k++) {
            LocalDate date = dates.get(k);
            boolean second = h.second != null && random.nextInt(100) < 40;
            Vis v = h.visit(date, second);
            long ageMonths = ChronoUnit.MONTHS.between(youngest(f).birthDate(), date);
            if (tracked) {
                int total = Math.max(2, Math.min(26, severity + step * k + random.nextInt(3) - 1));
                int item9 = k == 0 && random.nextInt(100) < 35 ? 1 : 0;
                if (k == 0) {
                    DemoScreen two = v.screen(h.primary, PHQ2, phq2(2, 1 + random.nextInt(2)), ScreeningStatus.COMPLETED);
                    v.followUp(two, PHQ9, phq9(total, item9, two.answers()), action(), actionNote());
                } else {
                    v.screen(h.primary, PHQ9, phq9(total, item9, List.of()), ScreeningStatus.COMPLETED, null, null,
                            action(), actionNote());
                }
            } else if (perinatal && ageMonths < 12) {
                boolean positive = random.nextInt(100) < 15;
                int item10 = positive && random.nextInt(100) < 30 ? 1 : 0;
                v.screen(h.primary, EPDS, epds(positive ? 10 + random.nextInt(8) : random.nextInt(9), item10),
                        ScreeningStatus.COMPLETED, null, null, action(), actionNote());
            } else if (ageMonths <= 7 || random.nextInt(100) < 40) {
                depressionScreen(v, h.primary);
            }
            if (second && random.nextBoolean()) {
                depressionScreen(v, h.second);
            }
            if (lastSocial == null || ChronoUnit.MONTHS.between(lastSocial, date) >= 12) {
                if (random.nextInt(100) < 70) {
                    int r = random.nextInt(100);
                    v.screen(h.primary, AHC, ahc(r < 12, r >= 8 && r < 30, r >= 97, random.nextInt(100)),
                            ScreeningStatus.COMPLETED);
                    lastSocial = date;
                } else {
                    v.screen(h.primary, HVS, hvs(random.nextInt(100) < 20), ScreeningStatus.COMPLETED);
                }
            } else if (random.nextInt(100) < 20) {
                v.screen(h.primary, HVS, hvs(random.nextInt(100) < 20), ScreeningStatus.COMPLETED);
            }
            if (random.nextInt(100) < 20) {
                boolean positive = random.nextInt(100) < 25;
                DemoScreen two = v.screen(h.primary, GAD2, positive ? gad2(2, 1 + random.nextInt(2))
                        : gad2(random.nextInt(2), random.nextInt(2)), ScreeningStatus.COMPLETED);
                if (positive) {
                    v.followUp(two, GAD7, gad7(8 + random.nextInt(10), two.answers()), null, null);
                }
            }
            if (!pearlsGiven && random.nextInt(100) < 12) {
                int aces = random.nextInt(100) < 25 ? 4 + random.nextInt(3) : random.nextInt(4);
                v.screen(h.primary, PEARLS, pearls(aces, random.nextInt(3), random.nextInt(100) < 30),
                        ScreeningStatus.COMPLETED);
                pearlsGiven = true;
            }
        }
        return h.done();
    }

    private void depressionScreen(Vis v, Member who) {
        if (random.nextInt(100) < 12) {
            DemoScreen two = v.screen(who, PHQ2, phq2(2, 1 + random.nextInt(2)), ScreeningStatus.COMPLETED);
            int item9 = random.nextInt(100) < 10 ? 1 : 0;
            v.followUp(two, PHQ9, phq9(8 + random.nextInt(12), item9, two.answers()), action(), actionNote());
        } else {
            v.screen(who, PHQ2, phq2(random.nextInt(2), random.nextInt(2)), ScreeningStatus.COMPLETED);
        }
    }

    /** Past visit dates: the well visits of a baby or toddler, else follow-up visits every two to four months. */
    private List<LocalDate> visitDates(LocalDate born) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate earliest = today.minusMonths(18);
        if (born.isAfter(today.minusMonths(24))) {
            for (int m : WELL_VISIT_MONTHS) {
                LocalDate d = wellVisit(born, m, random.nextInt(7));
                if (d.isBefore(today) && d.isAfter(earliest)) {
                    dates.add(d);
                }
            }
        } else {
            LocalDate d = today.minusDays(3 + random.nextInt(60));
            int count = 2 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                dates.add(0, d);
                d = d.minusDays(60 + random.nextInt(60));
            }
        }
        int keep = 2 + random.nextInt(3);
        return dates.subList(Math.max(0, dates.size() - keep), dates.size());
    }

    private AlertAction action() {
        AlertAction[] usual = {AlertAction.ASSESSED_NO_CURRENT_RISK, AlertAction.ASSESSED_NO_CURRENT_RISK,
                AlertAction.SAFETY_PLAN_MADE, AlertAction.GAVE_988, AlertAction.WARM_HANDOFF};
        return usual[random.nextInt(usual.length)];
    }

    private String actionNote() {
        String[] notes = {"Assessed the same day.", "Discussed with the caregiver; plan agreed.",
                "Reviewed with the supervising clinician.", ""};
        return notes[random.nextInt(notes.length)];
    }

    // ---- answers ----

    private List<Answer> phq2(int first, int second) {
        Instrument ins = instruments.get(PHQ2);
        List<String> items = ins.rules().totalItems();
        return List.of(byPoints(ins, items.get(0), first), byPoints(ins, items.get(1), second));
    }

    /** A PHQ-9 with this total and item 9 worth {@code item9} points, keeping the PHQ-2 answers given. */
    private List<Answer> phq9(int total, int item9, List<Answer> kept) {
        Instrument ins = instruments.get(PHQ9);
        Map<String, Integer> fixed = new LinkedHashMap<>();
        for (Answer a : kept) {
            fixed.put(a.item(), points(ins, a));
        }
        fixed.put(PHQ9_ITEM9, item9);
        List<Answer> answers = sum(ins, total, fixed);
        int band = total < 5 ? 0 : total < 10 ? 1 : total < 20 ? 2 : 3;
        answers.add(Answer.choice(PHQ9_DIFFICULTY, DIFFICULTY.get(band)));
        return answers;
    }

    private List<Answer> gad2(int first, int second) {
        Instrument ins = instruments.get(GAD2);
        List<String> items = ins.rules().totalItems();
        return List.of(byPoints(ins, items.get(0), first), byPoints(ins, items.get(1), second));
    }

    private List<Answer> gad7(int total, List<Answer> kept) {
        Instrument ins = instruments.get(GAD7);
        Map<String, Integer> fixed = new LinkedHashMap<>();
        for (Answer a : kept) {
            fixed.put(a.item(), points(ins, a));
        }
        return sum(ins, total, fixed);
    }

    private List<Answer> epds(int total, int item10) {
        return sum(instruments.get(EPDS), total, Map.of(EPDS_ITEM10, item10));
    }

    private List<Answer> hvs(boolean positive) {
        List<String> items = instruments.get(HVS).rules().domains().get(0).items().stream().toList();
        return List.of(Answer.choice(items.get(0), positive ? SOMETIMES_TRUE : NEVER_TRUE),
                Answer.choice(items.get(1), positive && random.nextBoolean() ? OFTEN_TRUE : NEVER_TRUE));
    }

    private List<Answer> pearls(int aces, int part2, boolean condition) {
        return List.of(Answer.value("pearls-aces", aces), Answer.value("pearls-part2", part2),
                Answer.choice("pearls-aahc", condition ? YES : NO));
    }

    /**
     * The AHC HRSN core questions (and two supplemental ones): housing, food and the private interpersonal-safety
     * domain positive as asked; {@code extra} (0-99) varies the other domains.
     */
    private List<Answer> ahc(boolean housing, boolean food, boolean safety, int extra) {
        List<Answer> a = new ArrayList<>();
        a.add(Answer.choice("71802-3", housing ? "LA31994-9" : "LA31993-1"));
        a.add(housing && extra % 2 == 0 ? Answer.choices("96778-6", List.of("LA31996-4", "LA28580-1"))
                : Answer.choices("96778-6", List.of("LA9-3")));
        a.add(Answer.choice("88122-7", food ? SOMETIMES_TRUE : NEVER_TRUE));
        a.add(Answer.choice("88123-5", food && extra % 3 == 0 ? OFTEN_TRUE : NEVER_TRUE));
        a.add(Answer.choice("93030-5", extra >= 90 ? YES : NO));
        a.add(Answer.choice("96779-4", extra >= 85 && extra < 92 ? YES : NO));
        int[] points = safety ? new int[]{2, 3, 3, 4} : new int[]{1, 1 + (extra >= 70 ? 1 : 0), 1, 1};
        for (int i = 0; i < SAFETY_ITEMS.size(); i++) {
            a.add(Answer.choice(SAFETY_ITEMS.get(i), SAFETY_OPTIONS.get(points[i] - 1)));
        }
        a.add(Answer.choice("76513-1", food || housing ? "LA22683-9" : "LA31980-8"));
        a.add(Answer.choice("93159-2", extra < 15 ? "LA10082-8" : "LA6270-8"));
        return a;
    }

    /** Answers to the items of the total adding up to {@code total}, with some items' points fixed. */
    private List<Answer> sum(Instrument ins, int total, Map<String, Integer> fixed) {
        List<String> items = ins.rules().totalItems();
        Map<String, Integer> points = new LinkedHashMap<>();
        List<String> free = new ArrayList<>();
        int left = total;
        for (String item : items) {
            Integer p = fixed.get(item);
            points.put(item, p == null ? 0 : p);
            if (p == null) {
                free.add(item);
            } else {
                left -= p;
            }
        }
        int max = maxPoints(ins, items.get(0));
        left = Math.max(0, Math.min(left, free.size() * max));
        while (left > 0) {
            String item = free.get(random.nextInt(free.size()));
            if (points.get(item) < max) {
                points.put(item, points.get(item) + 1);
                left--;
            }
        }
        List<Answer> answers = new ArrayList<>();
        points.forEach((item, p) -> answers.add(byPoints(ins, item, p)));
        return answers;
    }

    private static Answer byPoints(Instrument ins, String code, int points) {
        Item item = ins.item(code).orElseThrow();
        AnswerOption option = item.options().stream().filter(o -> o.points() != null && o.points() == points)
                .findFirst().orElseThrow(() -> new IllegalStateException("no option worth " + points + " in " + code));
        return Answer.choice(code, option.code());
    }

    private static int points(Instrument ins, Answer a) {
        Item item = ins.item(a.item()).orElseThrow();
        return item.option(a.codes().get(0)).map(AnswerOption::points).orElse(0);
    }

    private static int maxPoints(Instrument ins, String code) {
        return ins.item(code).orElseThrow().options().stream().map(AnswerOption::points)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(0);
    }

    // ---- shaping showcase families ----

    private Family withYoungestAged(Family f, int months, int days) {
        Member child = youngest(f);
        LocalDate born = today.minusMonths(months).minusDays(days);
        List<Member> members = new ArrayList<>();
        for (Member m : f.members()) {
            members.add(m.id().equals(child.id()) ? withBirthDate(m, born) : m);
        }
        return f.withMembers(members);
    }

    private static Family withSpanishCaregiver(Family f) {
        Member first = f.caregivers().get(0);
        List<Member> members = new ArrayList<>();
        for (Member m : f.members()) {
            members.add(m.id().equals(first.id()) ? new Member(m.id(), m.kind(), m.givenName(), m.familyName(),
                    m.birthDate(), m.sex(), "es", m.interpreterNeeded(), m.relationship(), m.phone(), m.contact(),
                    m.mayConsent(), m.restricted(), m.mediCalId(), m.notes()) : m);
        }
        return f.withMembers(members);
    }

    private static Member withBirthDate(Member m, LocalDate born) {
        return new Member(m.id(), m.kind(), m.givenName(), m.familyName(), born, m.sex(), m.preferredLanguage(),
                m.interpreterNeeded(), m.relationship(), m.phone(), m.contact(), m.mayConsent(), m.restricted(),
                m.mediCalId(), m.notes());
    }

    private static Member youngest(Family f) {
        return f.children().stream().filter(c -> c.birthDate() != null).max(Comparator.comparing(Member::birthDate))
                .orElse(f.children().get(0));
    }

    private static LocalDate wellVisit(LocalDate born, int months, int daysLate) {
        return born.plusMonths(months).plusDays(daysLate);
    }

    // ---- building ----

    private UUID uuid() {
        return DemoFamilyGenerator.randomUuid(random);
    }

    private Score emptyScore(Instrument ins) {
        return empty.computeIfAbsent(ins.id(), id -> Scorer.score(ins, List.of()));
    }

    /** One family's visits as they are made. */
    private final class History {
        final Family family;
        final Member child;
        final Member primary;
        final Member second;
        final List<Vis> visits = new ArrayList<>();

        History(Family family) {
            this.family = family;
            this.child = youngest(family);
            this.primary = family.caregivers().get(0);
            this.second = family.caregivers().size() > 1 ? family.caregivers().get(1) : null;
        }

        /** A visit on a past day, some time in clinic hours. */
        Vis visit(LocalDate date, boolean bothCaregivers) {
            Instant at = date.atTime(LocalTime.of(8, 30)).plusMinutes(random.nextInt(8 * 60)).atZone(zone).toInstant();
            return visitAt(at.isAfter(now) ? now.minus(3, ChronoUnit.HOURS) : at, bothCaregivers);
        }

        Vis visitAt(Instant at, boolean bothCaregivers) {
            List<UUID> present = bothCaregivers && second != null ? List.of(primary.id(), second.id())
                    : List.of(primary.id());
            Visit v = new Visit(uuid(), family.id(), child.id(), LocalDate.ofInstant(at, zone), clinician, present, 1);
            Vis vis = new Vis(family, v, at);
            visits.add(vis);
            return vis;
        }

        Planned done() {
            return new Planned(family, visits.stream().map(v -> new DemoVisit(v.visit, v.at, List.copyOf(v.screens)))
                    .toList());
        }
    }

    /** A visit being filled: its screens follow one another a few minutes apart. */
    private final class Vis {
        final Family family;
        final Visit visit;
        final Instant at;
        final List<DemoScreen> screens = new ArrayList<>();
        Instant clock;

        Vis(Family family, Visit visit, Instant at) {
            this.family = family;
            this.visit = visit;
            this.at = at;
            this.clock = at.plus(5, ChronoUnit.MINUTES);
        }

        DemoScreen screen(Member who, String instrument, List<Answer> answers, ScreeningStatus status) {
            return screen(who, instrument, answers, status, null, null, action(), actionNote());
        }

        DemoScreen screen(Member who, String instrument, List<Answer> answers, ScreeningStatus status,
                          String language, AdministrationMode mode, AlertAction action, String note) {
            return screen(who, instrument, answers, status, language, mode, action, note, false);
        }

        /**
         * @param language null: the caregiver's language where the instrument has verified wording in it, else English
         * @param action   what was done about its alerts (null: they stay open)
         * @param deferred the private questions were left for when the caregiver is alone
         */
        DemoScreen screen(Member who, String instrument, List<Answer> answers, ScreeningStatus status,
                          String language, AdministrationMode mode, AlertAction action, String note, boolean deferred) {
            Instrument ins = instruments.get(instrument);
            String lang = language != null ? language : language(who, ins);
            AdministrationMode m = mode != null ? mode : mode(who, ins, lang);
            return add(ins, who, answers, status, lang, m, null, null, action, note, deferred);
        }

        /** The PHQ-9 or GAD-7 after a positive PHQ-2 or GAD-2: same language and mode, its answers kept. */
        DemoScreen followUp(DemoScreen first, String instrument, List<Answer> answers, AlertAction action,
                            String note) {
            Instrument ins = instruments.get(instrument);
            Screening s = first.started();
            String lang = ins.languages().contains(s.language()) ? s.language() : "en";
            return add(ins, member(s.subjectId()), answers, ScreeningStatus.COMPLETED, lang, s.mode(), s.id(), null,
                    action, note, false);
        }

        /** Marks a finished screen entered in error and records the right answers as a new screen. */
        DemoScreen correct(DemoScreen wrong, String reason, List<Answer> answers) {
            clock = clock.plus(20, ChronoUnit.MINUTES);
            DemoScreen marked = new DemoScreen(wrong.started(), wrong.answers(), wrong.answeredAt(), wrong.score(),
                    wrong.status(), wrong.safetyDeferred(), wrong.finishedAt(), wrong.alerts(), reason, clock);
            screens.set(screens.indexOf(wrong), marked);
            Screening s = wrong.started();
            Instrument ins = instruments.get(s.instrument());
            return add(ins, member(s.subjectId()), answers, ScreeningStatus.COMPLETED, s.language(), s.mode(),
                    s.followsId(), s.id(), action(), actionNote(), false);
        }

        void notDone(Member who, String instrument, NotDoneReason reason) {
            Instrument ins = instruments.get(instrument);
            Instant t = tick(1);
            Screening x = new Screening(uuid(), visit.id(), visit.familyId(), who.id(), null, ins.id(), ins.version(),
                    "en", AdministrationMode.CLINICIAN, ScreeningStatus.NOT_DONE, reason, null, null, null, false,
                    clinician, t, t, null, List.of(), 1);
            screens.add(new DemoScreen(x, List.of(), t, null, ScreeningStatus.NOT_DONE, false, t, List.of(), null,
                    null));
        }

        private DemoScreen add(Instrument ins, Member who, List<Answer> given, ScreeningStatus status, String lang,
                               AdministrationMode mode, UUID followsId, UUID correctsId, AlertAction action,
                               String note, boolean deferred) {
            Instant started = tick(1);
            List<Answer> answers = new ArrayList<>(given);
            if (deferred) {
                for (String item : ins.privateItems()) {
                    answers.removeIf(a -> a.item().equals(item));
                    answers.add(Answer.deferred(item));
                }
            }
            Instant answered = tick(Math.max(1, answers.size() / 3));
            Instant finished = tick(1);
            Score score = Scorer.score(ins, answers);
            Screening x = new Screening(uuid(), visit.id(), visit.familyId(), who.id(), who.id(), ins.id(),
                    ins.version(), lang, mode, ScreeningStatus.IN_PROGRESS, null, null, correctsId, followsId, false,
                    clinician, started, null, emptyScore(ins), List.of(), 1);
            List<DemoAlert> alerts = new ArrayList<>();
            addAlerts(alerts, x, score.critical(), AlertKind.CRITICAL, answers, answered, action, note);
            addAlerts(alerts, x, score.askDirectly(), AlertKind.ASK_DIRECTLY, answers, answered, action, note);
            DemoScreen screen = new DemoScreen(x, answers, answered, score, status, deferred, finished, alerts, null,
                    null);
            screens.add(screen);
            return screen;
        }

        private void addAlerts(List<DemoAlert> out, Screening x, List<String> items, AlertKind kind,
                               List<Answer> answers, Instant raised, AlertAction action, String note) {
            for (String item : items) {
                String code = answers.stream().filter(a -> a.item().equals(item)).findFirst()
                        .map(a -> String.join(" ", a.codes())).orElse("");
                Alert a = new Alert(uuid(), x.id(), x.familyId(), x.subjectId(), x.instrument(), item, code, kind,
                        AlertStatus.OPEN, raised, null, "", null, null);
                out.add(new DemoAlert(a, action, note == null ? "" : note,
                        action == null ? null : raised.plus(12 + random.nextInt(20), ChronoUnit.MINUTES)));
            }
        }

        private Instant tick(int minutes) {
            clock = clock.plus(Duration.ofMinutes(minutes).plusSeconds(random.nextInt(60)));
            return clock.isAfter(now) ? now : clock;
        }

        private Member member(UUID id) {
            return family.members().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private String language(Member who, Instrument ins) {
        String preferred = who.preferredLanguage();
        return !ins.scoreEntry() && ins.languages().contains(preferred) ? preferred : "en";
    }

    private AdministrationMode mode(Member who, Instrument ins, String language) {
        if (!language.equals(who.preferredLanguage())) {
            return AdministrationMode.INTERPRETER;
        }
        if (ins.scoreEntry()) {
            return AdministrationMode.CLINICIAN;
        }
        return random.nextInt(100) < 60 ? AdministrationMode.SELF : AdministrationMode.CLINICIAN;
    }
}
