package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.demo.DemoFamilyGenerator;
import care.tandem.domain.demo.DemoScreenPlan;
import care.tandem.domain.family.Family;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.AlertStatus;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.ScreeningRepository;
import care.tandem.persistence.UserRepository;
import care.tandem.persistence.WriteStamp;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Fills a demo data folder with synthetic families, their screening histories (visits, screens, urgent alerts) and
 * the demo users. Refuses a folder that holds a clinic's real data; a folder it fills is marked demo for good, and
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

    /** What a run did: {@code screens}, the screens written with the families' histories. */
    public record Result(int added, long total, boolean usersCreated, int screens) {
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

    public DemoService(Database db, FamilyRepository families, UserRepository users, InstallRepository install,
                       AuditRepository audit, AccountService accounts, Stamps stamps, ScreeningRepository screenings,
                       Supplier<InstrumentLibrary> instruments) {
        this.db = db;
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
     * demo clinician ({@link DemoScreenPlan}). The same seed on the same folder state gives the same families and
     * histories.
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
        int added = 0;
        int screens = 0;
        while (added < count && !cancelled.getAsBoolean()) {
            int n = Math.min(CHUNK, count - added);
            List<Family> chunk = new ArrayList<>(n);
            List<DemoScreenPlan.DemoVisit> visits = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Family f = generator.next();
                if (plan != null) {
                    DemoScreenPlan.Planned p = plan.plan(f, added + i, count);
                    f = p.family();
                    visits.addAll(p.visits());
                }
                chunk.add(f);
            }
            screens += db.write(c -> {
                WriteStamp s = stamps.now(admin);
                families.insertAll(c, chunk, s);
                return writeVisits(c, visits);
            });
            added += n;
            progress.accept(added);
        }
        int done = added;
        int screensDone = screens;
        db.write(c -> {
            audit.append(c, stamps.now(admin), AuditAction.DEMO_DATA, "family", null,
                    "added=" + done + " screens=" + screensDone);
            return null;
        });
        return new Result(added, db.read(families::count), usersCreated, screens);
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
}
