package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.demo.DemoFamilyGenerator;
import care.tandem.domain.family.Family;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.UserRepository;
import care.tandem.persistence.WriteStamp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Fills a demo data folder with synthetic families and the demo users. Refuses a folder that holds a
 * clinic's real data; a folder it fills is marked demo for good, and the window says so on every screen.
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

    /** What a run did. */
    public record Result(int added, long total, boolean usersCreated) {
    }

    private final Database db;
    private final FamilyRepository families;
    private final UserRepository users;
    private final InstallRepository install;
    private final AuditRepository audit;
    private final AccountService accounts;
    private final Stamps stamps;

    public DemoService(Database db, FamilyRepository families, UserRepository users, InstallRepository install,
                       AuditRepository audit, AccountService accounts, Stamps stamps) {
        this.db = db;
        this.families = families;
        this.users = users;
        this.install = install;
        this.audit = audit;
        this.accounts = accounts;
        this.stamps = stamps;
    }

    /**
     * Adds {@code count} new synthetic families (in chunks, each its own transaction, so a cancelled run
     * keeps what it finished). The same seed on the same folder state gives the same families.
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
        var generator = new DemoFamilyGenerator(base ^ (existing * 0x9E3779B97F4A7C15L), LocalDate.now(stamps.clock()));
        UUID admin = db.read(c -> users.findByUsername(c, USERS.get(0).username())).map(u -> u.user().id()).orElse(null);
        int added = 0;
        while (added < count && !cancelled.getAsBoolean()) {
            int n = Math.min(CHUNK, count - added);
            List<Family> chunk = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                chunk.add(generator.next());
            }
            db.write(c -> {
                WriteStamp s = stamps.now(admin);
                families.insertAll(c, chunk, s);
                return null;
            });
            added += n;
            progress.accept(added);
        }
        int done = added;
        db.write(c -> {
            audit.append(c, stamps.now(admin), AuditAction.DEMO_DATA, "family", null, "added=" + done);
            return null;
        });
        return new Result(added, db.read(families::count), usersCreated);
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
