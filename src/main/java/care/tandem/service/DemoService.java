package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.demo.DemoFamilyGenerator;
import care.tandem.domain.demo.DemoScreenPlan;
import care.tandem.domain.family.Family;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.ReferralTransitions;
import care.tandem.domain.referral.ScreenNeeds;
import care.tandem.domain.referral.Urgency;
import care.tandem.domain.screening.AlertAction;
import care.tandem.domain.screening.AlertStatus;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.NoteRepository;
import care.tandem.persistence.ReferralRepository;
import care.tandem.persistence.ScreeningRepository;
import care.tandem.persistence.UserRepository;
import care.tandem.persistence.WriteStamp;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Fills a demo data folder with synthetic families, their screening histories (visits, screens, urgent alerts), the
 * referrals that followed (with their histories over the past weeks) and the demo users. Refuses a folder that holds a clinic's real data; a folder it fills is marked demo for good, and
 * the window says so on every screen.
 */
public final class DemoService {
    private static final int CHUNK = 5_000;

    /** A demo sign-in, printed by {@code tandem demo} and listed in README.md. */
    public record DemoUser(String username, String password, String displayName, Role role) {
    }

    /** The demo users, created once per demo folder. */
    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "admin-demo", "Alex Admin (demo)", Role.ADMINISTRATOR),
            new DemoUser("clinician", "clinician-demo", "Dr. Carmen Ruiz (demo)", Role.CLINICIAN),
            new DemoUser("supervisor", "supervisor-demo", "Dr. Sam Okafor (demo)", Role.SUPERVISOR),
            new DemoUser("trainee", "trainee-demo", "Jordan Lee, associate (demo)", Role.ASSOCIATE));

    /**
     * What a run did: {@code screens}, the screens written with the families' histories; {@code referrals}, the
     * referrals made from them (and from the family page); {@code notes}, the visit notes written.
     */
    public record Result(int added, long total, boolean usersCreated, int screens, int referrals, int notes) {
    }

    private final Database db;
    private final FamilyRepository families;
    private final UserRepository users;
    private final InstallRepository install;
    private final AuditRepository audit;
    private final AccountService accounts;
    private final Stamps stamps;
    private final ScreeningRepository screenings;
    private final Supplier<InstrumentLibrary> instruments;
    private final ReferralService referralService;
    private final ReferralRepository referrals;
    private final NoteService noteService;
    private final BillingService billing;
    private final NoteRepository notes;

    public DemoService(Database db, FamilyRepository families, UserRepository users, InstallRepository install,
                       AuditRepository audit, AccountService accounts, Stamps stamps, ScreeningRepository screenings,
                       Supplier<InstrumentLibrary> instruments, ReferralService referralService,
                       ReferralRepository referrals, NoteService noteService, NoteRepository notes,
                       BillingService billing) {
        this.db = db;
        this.billing = billing;
        this.noteService = noteService;
        this.notes = notes;
        this.referralService = referralService;
        this.referrals = referrals;
        this.screenings = screenings;
        this.instruments = instruments;
        this.families = families;
        this.users = users;
        this.install = install;
        this.audit = audit;
        this.accounts = accounts;
        this.stamps = stamps;
    }

    /**
     * Adds {@code count} new synthetic families (in chunks, each its own transaction, so a cancelled run
     * keeps what it finished). The last families of each run (written last, so they head the recent families),
     * and about one in a hundred of the others, come with a screening history over the past months, given by the
     * demo clinician ({@link DemoScreenPlan}), and the referrals made from their positive screens, each with its
     * history up to today: the showcase families hold one referral in every status ({@link ReferralHistories}). The
     * same seed on the same folder state gives the same families and histories.
     *
     * @param seed     null for a random run
     * @param progress told the number of families added so far
     * @throws ProblemException DEMO_REFUSED_REAL_DATA when the folder holds real data
     */
    public Result addFamilies(int count, Long seed, LongConsumer progress, BooleanSupplier cancelled) {
        if (count < 0) {
            throw new ProblemException(Problem.BAD_ARGUMENT, count);
        }
        claimForDemo();
        boolean usersCreated = ensureUsers();
        long existing = db.read(families::count);
        long base = seed != null ? seed : new java.security.SecureRandom().nextLong();
        // Mixing in the number already there makes each run on one folder add different families.
        long runSeed = base ^ (existing * 0x9E3779B97F4A7C15L);
        Instant now = stamps.clock().instant();
        var generator = new DemoFamilyGenerator(runSeed, LocalDate.ofInstant(now, stamps.clock().getZone()));
        UUID admin = userId(USERS.get(0).username());
        UUID clinician = userId(USERS.get(1).username());
        DemoScreenPlan plan = clinician == null || count == 0 ? null : new DemoScreenPlan(
                runSeed * 31 + 17, now, stamps.clock().getZone(), instruments.get(), clinician);
        ReferralHistories histories = plan == null ? null : referralHistories(runSeed * 131 + 7, now, clinician);
        DemoNotes noteStories = plan == null ? null : demoNotes(runSeed * 53 + 11, now);
        List<DemoScreenPlan.Planned> showcase = new ArrayList<>();
        int added = 0;
        int screens = 0;
        int made = 0;
        int written = 0;
        while (added < count && !cancelled.getAsBoolean()) {
            int n = Math.min(CHUNK, count - added);
            List<Family> chunk = new ArrayList<>(n);
            List<DemoScreenPlan.DemoVisit> visits = new ArrayList<>();
            List<PlannedReferral> planned = new ArrayList<>();
            List<DemoScreenPlan.Planned> routine = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Family f = generator.next();
                if (plan != null) {
                    DemoScreenPlan.Planned p = plan.plan(f, added + i, count);
                    f = p.family();
                    visits.addAll(p.visits());
                    if (count - 1 - (added + i) < DemoScreenPlan.SHOWCASE) {
                        showcase.add(p);
                    } else if (!p.visits().isEmpty()) {
                        planned.addAll(histories.routine(p));
                        routine.add(p);
                    }
                }
                chunk.add(f);
            }
            int[] counts = db.write(c -> {
                WriteStamp s = stamps.now(admin);
                families.insertAll(c, chunk, s);
                int visited = writeVisits(c, visits);
                writeReferrals(c, planned);
                return new int[]{visited, noteStories == null ? 0 : noteStories.routine(c, routine)};
            });
            screens += counts[0];
            written += counts[1];
            made += planned.size();
            added += n;
            progress.accept(added);
        }
        if (histories != null && !showcase.isEmpty()) {
            // The showcase families may span two chunks; their referrals are planned together, once all are written.
            List<PlannedReferral> planned = histories.showcase(showcase);
            written += db.write(c -> {
                writeReferrals(c, planned);
                return noteStories.showcase(c, showcase);
            });
            made += planned.size();
        }
        int done = added;
        int screensDone = screens;
        int referralsDone = made;
        int notesDone = written;
        db.write(c -> {
            audit.append(c, stamps.now(admin), AuditAction.DEMO_DATA, "family", null,
                    "added=" + done + " screens=" + screensDone + " referrals=" + referralsDone + " notes=" + notesDone);
            return null;
        });
        return new Result(added, db.read(families::count), usersCreated, screens, made, written);
    }

    /** The referral planner of a run, with the seeded directory (written first) and the demo users. */
    private ReferralHistories referralHistories(long seed, Instant now, UUID clinician) {
        referralService.seed();
        Map<String, Destination> directory = new HashMap<>();
        for (Destination d : db.read(c -> referrals.destinations(c, true))) {
            if (d.seedKey() != null) {
                directory.put(d.seedKey(), d);
            }
        }
        UUID supervisor = userId(USERS.get(2).username());
        UUID trainee = userId(USERS.get(3).username());
        return new ReferralHistories(seed, now, stamps.clock().getZone(), directory, clinician,
                supervisor == null ? clinician : supervisor, trainee == null ? clinician : trainee);
    }

    /** The note writer of a run, with the seeded templates (written first) and the demo users. */
    private DemoNotes demoNotes(long seed, Instant now) {
        noteService.seed();
        billing.seed();
        Map<UUID, String> names = new HashMap<>();
        db.read(users::all).forEach(u -> names.put(u.id(), u.displayName()));
        UUID clinician = userId(USERS.get(1).username());
        UUID supervisor = userId(USERS.get(2).username());
        UUID trainee = userId(USERS.get(3).username());
        return new DemoNotes(seed, now, noteService, notes, screenings, billing, this::at,
                supervisor == null ? clinician : supervisor, trainee == null ? clinician : trainee, names);
    }

    private UUID userId(String username) {
        return db.read(c -> users.findByUsername(c, username)).map(u -> u.user().id()).orElse(null);
    }

    /**
     * Writes planned visits as the screening service would have written them at the time: each screen begun in
     * progress, its answers recorded, then scored and finished (the schema's triggers hold a finished screen fixed),
     * alerts raised and acted on, a screen entered in error after the fact.
     *
     * @return the number of screens written
     */
    private int writeVisits(Connection c, List<DemoScreenPlan.DemoVisit> visits) throws SQLException {
        int n = 0;
        for (DemoScreenPlan.DemoVisit v : visits) {
            UUID clinician = v.visit().clinicianId();
            screenings.insertVisit(c, v.visit(), at(clinician, v.at()));
            for (DemoScreenPlan.DemoScreen x : v.screens()) {
                screenings.insertScreening(c, x.started(), at(clinician, x.started().startedAt()));
                n++;
                if (x.status() == ScreeningStatus.NOT_DONE) {
                    continue;
                }
                WriteStamp answered = at(clinician, x.answeredAt());
                for (var a : x.answers()) {
                    screenings.putAnswer(c, x.started().id(), a, answered);
                }
                screenings.updateScore(c, x.started().id(), x.score(), x.status(), x.safetyDeferred(),
                        x.status() == ScreeningStatus.IN_PROGRESS ? answered : at(clinician, x.finishedAt()));
                for (DemoScreenPlan.DemoAlert a : x.alerts()) {
                    screenings.insertAlert(c, a.raised(), answered);
                    if (a.action() != null) {
                        screenings.closeAlert(c, a.raised().id(), AlertStatus.ACTED, a.action(), a.note(),
                                at(clinician, a.actedAt()));
                    }
                }
                if (x.errorReason() != null) {
                    WriteStamp marked = at(clinician, x.errorAt());
                    screenings.markEnteredInError(c, x.started().id(), x.errorReason(), marked);
                    for (DemoScreenPlan.DemoAlert a : x.alerts()) {
                        if (a.action() == null) {
                            screenings.closeAlert(c, a.raised().id(), AlertStatus.WITHDRAWN, null, "entered in error",
                                    marked);
                        }
                    }
                }
            }
        }
        return n;
    }

    /**
     * Writes planned referrals as the referral service would have written them at the time: each made (its creation
     * the first event of its history), then every later step applied at its own past time.
     */
    private void writeReferrals(Connection c, List<PlannedReferral> planned) throws SQLException {
        for (PlannedReferral p : planned) {
            Referral r = p.made();
            WriteStamp made = at(r.referrerId(), r.createdAt());
            referrals.insertReferral(c, r, made);
            referrals.insertEvent(c, p.history().get(0), made);
            Referral before = r;
            for (ReferralEvent e : p.history().subList(1, p.history().size())) {
                referrals.applyEvent(c, before, e, at(e.by(), e.at()));
                before = after(before, e);
            }
        }
    }

    private static Referral after(Referral r, ReferralEvent e) {
        String reason = e.kind() == ReferralEvent.Kind.STATUS ? e.reason() : r.statusReason();
        return new Referral(r.id(), r.familyId(), r.subjectId(), r.kind(), r.need(), r.destinationId(),
                r.destinationName(), r.reason(), r.urgency(), r.referrerId(), e.followUpDate(), r.consentToShare(),
                r.visitId(), r.screeningId(), r.alertId(), r.previousId(), r.privateReferral(), e.status(), reason,
                r.createdAt(), r.firstUpdateAt() != null ? r.firstUpdateAt() : e.at(),
                r.closedAt() == null && e.status().closed() ? e.at() : r.closedAt(), List.of(), r.revision() + 1);
    }

    /** A stamp at a past time: the wall time is when the visit happened; the HLC orders the write for sync. */
    private WriteStamp at(UUID user, Instant when) {
        return new WriteStamp(user, stamps.deviceId(), when, stamps.now(user).hlc());
    }

    private void claimForDemo() {
        db.write(c -> {
            boolean demo = install.meta(c, InstallRepository.DEMO).map(Boolean::parseBoolean).orElse(false);
            if (!demo) {
                if (users.count(c) > 0 || families.countReal(c) > 0) {
                    throw new ProblemException(Problem.DEMO_REFUSED_REAL_DATA);
                }
                install.putMeta(c, InstallRepository.DEMO, "true");
            }
            return null;
        });
    }

    private boolean ensureUsers() {
        if (!accounts.needsSetUp()) {
            return false;
        }
        DemoUser adminLogin = USERS.get(0);
        User admin = accounts.setUp("Tandem Demo Clinic", adminLogin.displayName(), adminLogin.username(),
                adminLogin.password().toCharArray());
        UUID supervisor = null;
        for (DemoUser u : USERS.subList(1, USERS.size())) {
            User created = accounts.createUserAs(admin.id(), u.displayName(), u.username(), u.role(),
                    u.role() == Role.ASSOCIATE ? supervisor : null, u.password().toCharArray());
            if (u.role() == Role.SUPERVISOR) {
                supervisor = created.id();
            }
        }
        return true;
    }

    /** A referral as it was made, and its history (the creation first) up to today, to be written with past stamps. */
    record PlannedReferral(Referral made, List<ReferralEvent> history) {
    }

    /**
     * Plans the referrals that followed the demo families' screens and what came of them by today: each made during
     * the visit, then followed up over the days and weeks after (calls, status changes, new linked referrals), every
     * step at its own past time, so the loop measures vary and some follow-ups are overdue. The showcase families hold
     * one referral in every status, linked to their positive screens; of the other families, most positive screens
     * led to a referral with a history drawn at random. Every acted "warm hand-off" alert has its warm hand-off. The
     * same seed gives the same referrals, ids included.
     */
    static final class ReferralHistories {
        private static final Set<String> HOTLINES = Set.of("988", "dv-hotline", "samhsa", "kick-it-california",
                "maternal-mh-hotline");
        private static final String PLAN = "medi-cal-behavioural-health";
        private static final String MATERNAL = "maternal-mh-hotline";
        private static final Map<Need, List<String>> DESTINATIONS = Map.ofEntries(
                Map.entry(Need.FOOD, List.of("calfresh", "wic", "food-pantry")),
                Map.entry(Need.HOUSING, List.of("211")),
                Map.entry(Need.UTILITIES, List.of("211")),
                Map.entry(Need.TRANSPORTATION, List.of("211")),
                Map.entry(Need.FINANCIAL, List.of("211")),
                Map.entry(Need.EMPLOYMENT, List.of("211")),
                Map.entry(Need.EDUCATION, List.of("211")),
                Map.entry(Need.SOCIAL_SUPPORT, List.of("211")),
                Map.entry(Need.INTERPERSONAL_SAFETY, List.of("dv-hotline")),
                Map.entry(Need.MENTAL_HEALTH, List.of(PLAN, MATERNAL)),
                Map.entry(Need.CRISIS, List.of("988")),
                Map.entry(Need.SUBSTANCE_USE, List.of("samhsa")),
                Map.entry(Need.TOBACCO, List.of("kick-it-california")),
                Map.entry(Need.CHILD_DEVELOPMENT, List.of("help-me-grow", "early-start")),
                Map.entry(Need.PARENTING_SUPPORT, List.of("home-visiting", "help-me-grow")),
                Map.entry(Need.OTHER, List.of("211")));
        private static final Map<Need, String> CONCERN = Map.ofEntries(
                Map.entry(Need.FOOD, "Runs out of food before the end of the month."),
                Map.entry(Need.HOUSING, "Behind on rent and worried about losing housing."),
                Map.entry(Need.UTILITIES, "Shut-off notice from the electric company."),
                Map.entry(Need.TRANSPORTATION, "Has missed appointments for lack of a ride."),
                Map.entry(Need.FINANCIAL, "Hard to pay for basics this month."),
                Map.entry(Need.EMPLOYMENT, "Looking for steady work."),
                Map.entry(Need.EDUCATION, "Wants to finish a high-school equivalency."),
                Map.entry(Need.SOCIAL_SUPPORT, "Few people to call on for help."),
                Map.entry(Need.INTERPERSONAL_SAFETY, "Discussed privately; the caregiver asked for the hotline number."),
                Map.entry(Need.MENTAL_HEALTH, "The caregiver agrees to talk with a counsellor."),
                Map.entry(Need.CRISIS, "Safety plan made in the visit."),
                Map.entry(Need.SUBSTANCE_USE, "The caregiver asked for help cutting down."),
                Map.entry(Need.TOBACCO, "The caregiver wants to quit vaping."),
                Map.entry(Need.CHILD_DEVELOPMENT, "The caregiver is concerned about speech and play."),
                Map.entry(Need.PARENTING_SUPPORT, "The caregiver would welcome parenting support."),
                Map.entry(Need.OTHER, "Asked for help finding services."));
        private static final Map<Need, String> GOT_HELP = Map.of(
                Need.FOOD, "Receiving food benefits now.",
                Need.HOUSING, "Rent assistance approved.",
                Need.UTILITIES, "Bill assistance approved; service stays on.",
                Need.MENTAL_HEALTH, "Attending counselling; feeling better.",
                Need.PARENTING_SUPPORT, "Enrolled; the first home visit is done.",
                Need.CHILD_DEVELOPMENT, "Evaluation done; services started.");
        private static final List<String> NO_CONTACT = List.of("No answer to three calls; voicemail full.",
                "Phone number not in service.", "Two calls and a text, no reply.");
        private static final List<String> NOT_ELIGIBLE = List.of("Not eligible: income above the programme's limit.",
                "Not eligible: outside the service area.", "Not eligible: the programme serves another age group.");
        private static final List<String> NO_HELP = List.of("Waitlist closed; no openings this year.",
                "The service ended before the family could start.", "Could not get there: no transportation.");
        private static final List<String> ELSEWHERE = List.of("A programme closer to home suits the family better.",
                "Needs more than this service offers.");
        private static final String REVIEWED =
                "Closed at the monthly review: no news from the family or the programme.";
        private static final List<String> DECLINED = List.of("Prefers to wait and see.",
                "Already getting help elsewhere.", "Not interested right now.");

        private final Random random;
        private final Instant now;
        private final ZoneId zone;
        private final LocalDate today;
        private final Map<String, Destination> directory;
        private final UUID clinician;
        private final UUID supervisor;
        private final UUID trainee;

        ReferralHistories(long seed, Instant now, ZoneId zone, Map<String, Destination> directory, UUID clinician,
                          UUID supervisor, UUID trainee) {
            this.random = new Random(seed);
            this.now = now;
            this.zone = zone;
            this.today = LocalDate.ofInstant(now, zone);
            this.directory = Map.copyOf(directory);
            this.clinician = clinician;
            this.supervisor = supervisor;
            this.trainee = trainee;
        }

        /** A positive result of a screen, and when a referral for it would have been made in the visit. */
        private record Candidate(Family family, DemoScreenPlan.DemoVisit visit, DemoScreenPlan.DemoScreen screen,
                                 Need need, Instant at) {
            String key() {
                return screen.started().subjectId() + ":" + need;
            }

            UUID subjectId() {
                return screen.started().subjectId();
            }

            String instrument() {
                return screen.started().instrument();
            }
        }

        // ---- one family among many ----

        /** The referrals of a family with a routine screening history. */
        List<PlannedReferral> routine(DemoScreenPlan.Planned p) {
            List<PlannedReferral> out = new ArrayList<>();
            Set<String> referred = new HashSet<>();
            warmHandoffs(p, referred, out);
            for (Candidate k : candidates(p)) {
                if (referred.contains(k.key()) || random.nextInt(100) >= 70) {
                    continue;
                }
                Optional<Destination> d = destination(k);
                if (d.isEmpty()) {
                    continue;
                }
                referred.add(k.key());
                int pick = random.nextInt(100);
                if (pick >= 89 && pick < 92 && ChronoUnit.DAYS.between(date(k.at()), today) > 30) {
                    pick = 62;
                }
                if (pick >= 44 && pick < 62 && HOTLINES.contains(d.get().seedKey())) {
                    // A hotline has no waitlist and turns no one away: the caregiver called, or did not.
                    pick -= 44;
                }
                boolean draft = pick >= 89 && pick < 92;
                Story s = fromScreen(k, d.get(), referrer(), !draft);
                story(s, k, pick);
                out.addAll(s.done());
            }
            return out;
        }

        /** A history drawn at random; the part after today is cut off, so recent referrals are still open. */
        private void story(Story s, Candidate k, int pick) {
            Need need = k.need();
            String gotHelp = GOT_HELP.getOrDefault(need, "The family says they got the help they needed.");
            if (pick < 20) {
                s.call(3, ContactOutcome.REACHED, "Spoke with the caregiver; they have the number.", 7)
                        .on(6, ReferralStatus.ACCEPTED, "", "Appointment booked.", 14)
                        .on(15, ReferralStatus.IN_PROGRESS, "", "", 21)
                        .on(30, ReferralStatus.COMPLETED, "", gotHelp, 0);
            } else if (pick < 30) {
                s.on(2, ReferralStatus.ACCEPTED, "", "", 7).on(9, ReferralStatus.COMPLETED, "", gotHelp, 0);
            } else if (pick < 38) {
                s.call(4, ContactOutcome.NO_ANSWER, "Called; no answer.", 5)
                        .on(9, ReferralStatus.COULD_NOT_CONTACT, any(NO_CONTACT), "", 7)
                        .on(12, ReferralStatus.SENT, "", "Reached by text; the family will call this week.", 14)
                        .on(20, ReferralStatus.ACCEPTED, "", "", 14)
                        .on(35, ReferralStatus.COMPLETED, "", gotHelp, 0);
            } else if (pick < 44) {
                s.call(5, ContactOutcome.NO_ANSWER, "Called; no answer.", 5)
                        .call(10, ContactOutcome.LEFT_MESSAGE, "Left a voicemail with the clinic's number.", 7)
                        .on(17, ReferralStatus.COULD_NOT_CONTACT, any(NO_CONTACT), "", 14)
                        .on(31, ReferralStatus.COULD_NOT_GET_HELP, "Could not reach the family after five attempts.",
                                "", 0);
            } else if (pick < 51) {
                s.on(4, ReferralStatus.ACCEPTED, "", "", 14)
                        .on(10, ReferralStatus.ON_HOLD, "Waitlist: about six weeks.", "", 30)
                        .on(45, ReferralStatus.IN_PROGRESS, "", "A place opened up.", 30)
                        .on(80, ReferralStatus.COMPLETED, "", gotHelp, 0);
            } else if (pick < 57) {
                s.on(6, ReferralStatus.DECLINED_BY_ORGANISATION, any(NOT_ELIGIBLE), "", 0);
            } else if (pick < 62) {
                s.on(5, ReferralStatus.ACCEPTED, "", "", 14).on(19, ReferralStatus.COULD_NOT_GET_HELP, any(NO_HELP),
                        "", 0);
            } else if (pick < 71) {
                // Never updated: overdue once its follow-up date passed, until the monthly review closes it.
                s.on(50 + random.nextInt(20), ReferralStatus.COULD_NOT_GET_HELP, REVIEWED, "", 0);
            } else if (pick < 79) {
                s.call(3, ContactOutcome.TEXTED, "Texted the phone number and hours.", 7)
                        .on(50 + random.nextInt(20), ReferralStatus.COULD_NOT_GET_HELP, REVIEWED, "", 0);
            } else if (pick < 89) {
                s.soon(3, ReferralStatus.FAMILY_DECLINED, any(DECLINED), "");
            } else if (pick < 92) {
                // A draft never sent.
                return;
            } else if (pick < 97) {
                s.on(7, ReferralStatus.REFERRED_ELSEWHERE, any(ELSEWHERE), "", 0);
                Optional<Destination> other = alternative(k.need(), s.made.destinationId());
                if (s.status == ReferralStatus.REFERRED_ELSEWHERE && other.isPresent()) {
                    s.then(other.get(), 0, true).call(3, ContactOutcome.REACHED, "The family has the new number.", 7)
                            .on(10, ReferralStatus.COMPLETED, "", gotHelp, 0);
                }
            } else {
                s.on(1, ReferralStatus.ENTERED_IN_ERROR, "Duplicate of another referral for the same need.", "", 0);
            }
        }

        // ---- the showcase ----

        /**
         * The referrals of the showcase families: one in every status, each from the positive screen that fits it (the
         * private safety result, housing, food, the PHQ-9s, the GAD-7, PEARLS) or made from the family page (child
         * development, tobacco, substance use), and their warm hand-offs.
         */
        List<PlannedReferral> showcase(List<DemoScreenPlan.Planned> families) {
            List<PlannedReferral> out = new ArrayList<>();
            Set<String> referred = new HashSet<>();
            for (DemoScreenPlan.Planned p : families) {
                warmHandoffs(p, referred, out);
            }
            List<Candidate> open = new ArrayList<>();
            families.forEach(p -> open.addAll(candidates(p)));
            open.sort(Comparator.comparing(Candidate::at));
            Set<UUID> privateFamilies = new HashSet<>();

            take(open, referred, k -> k.need() == Need.INTERPERSONAL_SAFETY, 5, true).ifPresent(k -> {
                privateFamilies.add(k.family().id());
                out.addAll(fromScreen(k, dest("dv-hotline"), clinician, true)
                        .call(2, ContactOutcome.REACHED, "Spoke privately at the number the caregiver chose as safe.", 7)
                        .on(5, ReferralStatus.ACCEPTED, "", "An advocate is in touch with the caregiver.", 21).done());
            });
            take(open, referred, k -> k.need() == Need.HOUSING, 6, true).ifPresent(k -> out.addAll(
                    fromScreen(k, dest("211"), clinician, true)
                            .call(2, ContactOutcome.REACHED, "Called 2-1-1 together; passed on to rapid rehousing.", 5)
                            .on(6, ReferralStatus.ON_HOLD,
                                    "Waitlist for the county rapid rehousing programme (about eight weeks).", "", 28)
                            .done()));
            take(open, referred, k -> k.need() == Need.FOOD && k.instrument().equals("hvs"), 26, false).ifPresent(k ->
                    out.addAll(fromScreen(k, dest("calfresh"), clinician, true)
                            .call(3, ContactOutcome.REACHED, "Applied online at GetCalFresh.org with the caregiver.", 10)
                            .on(8, ReferralStatus.ACCEPTED, "", "Interview with the county scheduled.", 14)
                            .on(13, ReferralStatus.IN_PROGRESS, "", "Interview done; waiting for the decision.", 14)
                            .on(26, ReferralStatus.COMPLETED, "", "CalFresh approved; EBT card received.", 0).done()));
            take(open, referred, k -> k.need() == Need.FOOD, 16, true).ifPresent(k -> out.addAll(
                    fromScreen(k, dest("wic"), clinician, true)
                            .call(3, ContactOutcome.NO_ANSWER, "Called; no answer.", 4)
                            .call(7, ContactOutcome.LEFT_MESSAGE, "Left a voicemail with the clinic's number.", 5)
                            .on(12, ReferralStatus.COULD_NOT_CONTACT, "No answer to three calls; voicemail full.", "", 4)
                            .on(16, ReferralStatus.SENT, "",
                                    "Reached by text at a new number; the family will call WIC this week.", 5)
                            .done()));
            take(open, referred, k -> k.instrument().equals("phq9"), 75, false).ifPresent(k -> out.addAll(
                    fromScreen(k, dest(PLAN), clinician, true)
                            .call(2, ContactOutcome.REACHED, "The caregiver has the plan's number and will call.", 7)
                            .on(7, ReferralStatus.ACCEPTED, "", "Intake appointment booked.", 14)
                            .on(21, ReferralStatus.IN_PROGRESS, "", "Attending weekly therapy.", 30)
                            .on(75, ReferralStatus.COMPLETED, "", "Finished a course of therapy; PHQ-9 much lower.", 0)
                            .done()));
            take(open, referred, k -> k.instrument().equals("phq9"), 18, false).ifPresent(k -> {
                Story s = fromScreen(k, dest(PLAN), clinician, true)
                        .on(5, ReferralStatus.DECLINED_BY_ORGANISATION,
                                "Not eligible yet: Medi-Cal enrolment still pending.", "", 0);
                s.then(dest(MATERNAL), 10, true)
                        .call(3, ContactOutcome.REACHED, "Connected with a counsellor through the hotline.", 14)
                        .on(10, ReferralStatus.COMPLETED, "", "Talking with a perinatal counsellor every week.", 0);
                out.addAll(s.done());
            });
            take(open, referred, k -> k.instrument().equals("phq9"), 23, true).ifPresent(k -> {
                Story s = fromScreen(k, dest(MATERNAL), clinician, true)
                        .on(4, ReferralStatus.REFERRED_ELSEWHERE, "Needs ongoing therapy rather than a hotline.", "", 0);
                s.then(dest(PLAN), 0, true)
                        .on(2, ReferralStatus.ACCEPTED, "", "Intake appointment booked.", 14)
                        .on(16, ReferralStatus.IN_PROGRESS, "", "Seen twice; next session in three weeks.", 21);
                out.addAll(s.done());
            });
            take(open, referred, k -> k.instrument().equals("gad7"), 1, true).ifPresent(k -> out.addAll(
                    fromScreen(k, dest(PLAN), clinician, true)
                            .soon(4, ReferralStatus.FAMILY_DECLINED, "Prefers to talk with their own doctor first.", "")
                            .done()));
            take(open, referred, k -> k.need() == Need.PARENTING_SUPPORT, 11, false).ifPresent(k -> out.addAll(
                    fromScreen(k, dest("home-visiting"), clinician, true)
                            .call(4, ContactOutcome.SPOKE_WITH_DESTINATION,
                                    "The programme has no openings in the family's area.", 7)
                            .on(8, ReferralStatus.COULD_NOT_GET_HELP,
                                    "No home-visiting openings in the family's area this year.", "", 0).done()));
            fromFamilyPage(families, privateFamilies, out);
            return out;
        }

        /** Referrals made from the family page, with no screen behind them. */
        private void fromFamilyPage(List<DemoScreenPlan.Planned> families, Set<UUID> avoid,
                                    List<PlannedReferral> out) {
            List<DemoScreenPlan.Planned> eligible = families.stream()
                    .filter(p -> !avoid.contains(p.family().id())).toList();
            int[] next = {0};
            visitAged(eligible, next, 3).ifPresent(v -> {
                Instant at = v.visit().at().plus(35, ChronoUnit.MINUTES);
                UUID child = v.visit().visit().childId();
                out.addAll(new Story(v.family().id(), child, ReferralKind.COMMUNITY, Need.CHILD_DEVELOPMENT,
                        dest("early-start"), CONCERN.get(Need.CHILD_DEVELOPMENT), Urgency.ROUTINE, clinician, true,
                        v.visit().visit().id(), null, null, null, true, at)
                        .soon(6, ReferralStatus.ENTERED_IN_ERROR,
                                "Entered by mistake: Help Me Grow is the first step for this child.", "")
                        .done());
                out.addAll(new Story(v.family().id(), child, ReferralKind.COMMUNITY, Need.CHILD_DEVELOPMENT,
                        dest("help-me-grow"),
                        CONCERN.get(Need.CHILD_DEVELOPMENT) + " Asked about a developmental check.",
                        Urgency.ROUTINE, trainee, true, v.visit().visit().id(), null, null, null, false,
                        at.plus(12, ChronoUnit.MINUTES)).done());
            });
            visitAged(eligible, next, 18).ifPresent(v -> out.addAll(
                    new Story(v.family().id(), v.visit().visit().caregivers().get(0), ReferralKind.COMMUNITY,
                            Need.TOBACCO,
                            dest("kick-it-california"), CONCERN.get(Need.TOBACCO), Urgency.ROUTINE, clinician, false,
                            v.visit().visit().id(), null, null, null, true, v.visit().at().plus(40, ChronoUnit.MINUTES))
                            .call(3, ContactOutcome.NO_ANSWER, "Called; no answer.", 4)
                            .on(7, ReferralStatus.COULD_NOT_CONTACT,
                                    "Phone number not in service; will ask at the next visit.", "", 7)
                            .done()));
            visitAged(eligible, next, 9).ifPresent(v -> out.addAll(
                    new Story(v.family().id(), v.visit().visit().caregivers().get(0), ReferralKind.COMMUNITY,
                            Need.SUBSTANCE_USE, dest("samhsa"), CONCERN.get(Need.SUBSTANCE_USE), Urgency.SOON,
                            clinician, false, v.visit().visit().id(), null, null, null, true,
                            v.visit().at().plus(45, ChronoUnit.MINUTES)).done()));
        }

        private record FamilyVisit(Family family, DemoScreenPlan.DemoVisit visit) {
        }

        /** The latest visit at least {@code days} ago of the next family (in turn) that has one. */
        private Optional<FamilyVisit> visitAged(List<DemoScreenPlan.Planned> families, int[] next, int days) {
            for (int i = 0; i < families.size(); i++) {
                DemoScreenPlan.Planned p = families.get((next[0] + i) % families.size());
                Optional<DemoScreenPlan.DemoVisit> v = p.visits().stream()
                        .filter(x -> ChronoUnit.DAYS.between(date(x.at()), today) >= days)
                        .max(Comparator.comparing(DemoScreenPlan.DemoVisit::at));
                if (v.isPresent() && !p.family().children().isEmpty()) {
                    next[0] = (next[0] + i + 1) % families.size();
                    return Optional.of(new FamilyVisit(p.family(), v.get()));
                }
            }
            return Optional.empty();
        }

        /**
         * The oldest candidate that fits and is at least {@code days} old, for a story that long; the newest such one
         * for a story left open, so that it is not months overdue.
         */
        private Optional<Candidate> take(List<Candidate> open, Set<String> referred, Predicate<Candidate> fits,
                                         int days, boolean newest) {
            List<Candidate> order = new ArrayList<>(open);
            if (newest) {
                Collections.reverse(order);
            }
            for (Candidate k : order) {
                // Three days' slack: a step that falls on a weekend moves to the Monday.
                if (fits.test(k) && !referred.contains(k.key()) && directory.containsKey(first(k.need()))
                        && ChronoUnit.DAYS.between(date(k.at()), today) >= days + 3) {
                    open.remove(k);
                    referred.add(k.key());
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        // ---- shared ----

        /** Each acted "warm hand-off" alert: the hand-off made then, closed as done in the same visit. */
        private void warmHandoffs(DemoScreenPlan.Planned p, Set<String> referred, List<PlannedReferral> out) {
            Destination d = directory.get(ReferralService.WARM_HANDOFF_KEY);
            if (d == null) {
                return;
            }
            Set<String> made = new HashSet<>();
            for (DemoScreenPlan.DemoVisit v : p.visits()) {
                for (DemoScreenPlan.DemoScreen x : v.screens()) {
                    for (DemoScreenPlan.DemoAlert a : x.alerts()) {
                        if (a.action() != AlertAction.WARM_HANDOFF || a.actedAt() == null || a.actedAt().isAfter(now)
                                || !made.add(v.visit().id() + ":" + a.raised().subjectId())) {
                            continue;
                        }
                        referred.add(a.raised().subjectId() + ":" + Need.MENTAL_HEALTH);
                        out.addAll(new Story(p.family().id(), a.raised().subjectId(), ReferralKind.WARM_HANDOFF,
                                Need.MENTAL_HEALTH, d, "", Urgency.SAME_DAY, clinician, true, v.visit().id(),
                                x.started().id(), a.raised().id(), null, true, a.actedAt())
                                .soon(20 + random.nextInt(30), ReferralStatus.COMPLETED, "",
                                        "Met the behavioural-health clinician in the visit; next appointment booked.")
                                .done());
                    }
                }
            }
        }

        /** The positive results of a family's finished screens before today (not those followed by a longer screen). */
        private List<Candidate> candidates(DemoScreenPlan.Planned p) {
            Set<UUID> followed = new HashSet<>();
            p.visits().forEach(v -> v.screens().forEach(x -> {
                if (x.started().followsId() != null) {
                    followed.add(x.started().followsId());
                }
            }));
            List<Candidate> out = new ArrayList<>();
            for (DemoScreenPlan.DemoVisit v : p.visits()) {
                if (!date(v.at()).isBefore(today)) {
                    continue;
                }
                for (DemoScreenPlan.DemoScreen x : v.screens()) {
                    if (x.status() != ScreeningStatus.COMPLETED || x.errorReason() != null
                            || x.score() == null || followed.contains(x.started().id())) {
                        continue;
                    }
                    for (Need need : ScreenNeeds.of(x.score())) {
                        if (need != Need.CRISIS) {
                            out.add(new Candidate(p.family(), v, x, need,
                                    x.finishedAt().plus(3 + random.nextInt(6), ChronoUnit.MINUTES)));
                        }
                    }
                }
            }
            return out;
        }

        private Story fromScreen(Candidate k, Destination d, UUID referrer, boolean send) {
            return new Story(k.family().id(), k.subjectId(), ReferralKind.COMMUNITY, k.need(), d, reason(k), urgency(k),
                    referrer, consent(d), k.visit().visit().id(), k.screen().started().id(), null, null, send, k.at());
        }

        private static String reason(Candidate k) {
            var score = k.screen().score();
            String what = switch (k.instrument()) {
                case "phq9" -> "PHQ-9 total " + score.total() + ".";
                case "gad7" -> "GAD-7 total " + score.total() + ".";
                case "epds" -> "EPDS total " + score.total() + ".";
                case "hvs" -> "Hunger Vital Sign positive.";
                case "pearls" -> "PEARLS: adversities reported.";
                case "ahc-hrsn" -> "AHC HRSN: " + k.need().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " positive.";
                default -> k.instrument() + " positive.";
            };
            return what + " " + CONCERN.get(k.need());
        }

        private static Urgency urgency(Candidate k) {
            return switch (k.need()) {
                case INTERPERSONAL_SAFETY -> Urgency.URGENT;
                case MENTAL_HEALTH -> k.screen().score().total() != null && k.screen().score().total() >= 20
                        ? Urgency.URGENT : Urgency.SOON;
                case FOOD, HOUSING, UTILITIES -> Urgency.SOON;
                default -> Urgency.ROUTINE;
            };
        }

        private boolean consent(Destination d) {
            // The family calls a hotline itself; the clinic shares information with a programme that takes referrals.
            return random.nextInt(100) < (HOTLINES.contains(d.seedKey()) ? 40 : 90);
        }

        private UUID referrer() {
            int r = random.nextInt(100);
            return r < 70 ? clinician : r < 85 ? trainee : supervisor;
        }

        private Optional<Destination> destination(Candidate k) {
            List<String> keys = DESTINATIONS.getOrDefault(k.need(), List.of("211"));
            String key = k.need() == Need.MENTAL_HEALTH
                    ? (k.instrument().equals("epds") || random.nextInt(100) < 20 ? MATERNAL : PLAN)
                    : keys.get(random.nextInt(keys.size()));
            return Optional.ofNullable(directory.get(key));
        }

        private Optional<Destination> alternative(Need need, UUID current) {
            List<String> keys = new ArrayList<>(DESTINATIONS.getOrDefault(need, List.of()));
            keys.add("211");
            return keys.stream().map(directory::get).filter(d -> d != null && !d.id().equals(current)).findFirst();
        }

        private static String first(Need need) {
            return DESTINATIONS.getOrDefault(need, List.of("211")).get(0);
        }

        private Destination dest(String key) {
            Destination d = directory.get(key);
            if (d == null) {
                throw new IllegalStateException("seeded destination missing: " + key);
            }
            return d;
        }

        private String any(List<String> texts) {
            return texts.get(random.nextInt(texts.size()));
        }

        private LocalDate date(Instant at) {
            return LocalDate.ofInstant(at, zone);
        }

        private UUID uuid() {
            return DemoFamilyGenerator.randomUuid(random);
        }

        /** One referral's history being told, step by step; a step after now (less a few minutes) ends it. */
        private final class Story {
            final Referral made;
            final List<ReferralEvent> history = new ArrayList<>();
            final List<Story> linked = new ArrayList<>();
            ReferralStatus status;
            Instant last;
            boolean stopped;

            Story(UUID familyId, UUID subjectId, ReferralKind kind, Need need, Destination d, String reason,
                  Urgency urgency, UUID referrer, boolean consent, UUID visitId, UUID screeningId, UUID alertId,
                  UUID previousId, boolean send, Instant at) {
                status = send ? ReferralStatus.SENT : ReferralStatus.DRAFT;
                LocalDate followUp = date(at).plusDays(urgency.followUpDays());
                made = new Referral(uuid(), familyId, subjectId, kind, need, d.id(), d.name(), reason, urgency,
                        referrer, followUp, consent, visitId, screeningId, alertId, previousId,
                        need.isPrivate() || d.privateUse(), status, "", at, null, null, List.of(), 1);
                history.add(new ReferralEvent(uuid(), made.id(), ReferralEvent.Kind.CREATED, status, null, null, "",
                        "", followUp, referrer, at));
                last = at;
            }

            /** A status change {@code day} days after the referral was made, in clinic hours. */
            Story on(int day, ReferralStatus to, String reason, String note, int nextDays) {
                return add(clinicTime(day), ReferralEvent.Kind.STATUS, to, null, reason, note, nextDays);
            }

            /** A follow-up contact {@code day} days after the referral was made. */
            Story call(int day, ContactOutcome outcome, String note, int nextDays) {
                return add(clinicTime(day), ReferralEvent.Kind.FOLLOW_UP, status, outcome, "", note, nextDays);
            }

            /** A status change a few minutes after the last step, in the same visit. */
            Story soon(int minutes, ReferralStatus to, String reason, String note) {
                return add(last.plus(minutes, ChronoUnit.MINUTES), ReferralEvent.Kind.STATUS, to, null, reason, note,
                        made.urgency().followUpDays());
            }

            /**
             * The new referral linked to this one (after "referred elsewhere", or a new attempt after a closed one),
             * made {@code minutes} after the last step; a story that stopped before closing has none.
             */
            Story then(Destination d, int minutes, boolean send) {
                Story next = new Story(made.familyId(), made.subjectId(), made.kind(), made.need(), d, made.reason(),
                        made.urgency(), made.referrerId(), made.consentToShare(), made.visitId(), made.screeningId(),
                        made.alertId(), made.id(), send, last.plus(minutes, ChronoUnit.MINUTES));
                if (stopped || !status.closed() || next.last.isAfter(now.minus(10, ChronoUnit.MINUTES))) {
                    next.stopped = true;
                    return next;
                }
                linked.add(next);
                return next;
            }

            private Story add(Instant when, ReferralEvent.Kind kind, ReferralStatus to, ContactOutcome contact,
                              String reason, String note, int nextDays) {
                if (stopped) {
                    return this;
                }
                Instant at = when.isAfter(last) ? when : last.plus(3, ChronoUnit.MINUTES);
                if (at.isAfter(now.minus(10, ChronoUnit.MINUTES))) {
                    stopped = true;
                    return this;
                }
                if (kind == ReferralEvent.Kind.STATUS) {
                    ReferralTransitions.check(status, to, reason).ifPresent(refusal -> {
                        throw new IllegalStateException("demo referral step refused: " + status + " to " + to
                                + " (" + refusal + ")");
                    });
                }
                LocalDate next = to.closed() ? null : date(at).plusDays(nextDays);
                history.add(new ReferralEvent(uuid(), made.id(), kind, to, status, contact, reason, note, next,
                        made.referrerId(), at));
                status = to;
                last = at;
                return this;
            }

            /** Clinic hours on the day {@code day} days after the referral was made (a weekend moves to Monday). */
            private Instant clinicTime(int day) {
                LocalDate d = date(made.createdAt()).plusDays(day);
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                    d = d.plusDays(2);
                } else if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    d = d.plusDays(1);
                }
                return d.atTime(LocalTime.of(9, 0)).plusMinutes(random.nextInt(8 * 60)).atZone(zone).toInstant();
            }

            List<PlannedReferral> done() {
                List<PlannedReferral> out = new ArrayList<>();
                out.add(new PlannedReferral(made, List.copyOf(history)));
                linked.forEach(s -> out.addAll(s.done()));
                return out;
            }
        }
    }
}
