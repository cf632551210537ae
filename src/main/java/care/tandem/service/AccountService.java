package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.user.PasswordHasher;
import care.tandem.domain.user.PasswordPolicy;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.SignInPolicy;
import care.tandem.domain.user.User;
import care.tandem.domain.user.UsernamePolicy;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.UserRepository;
import care.tandem.persistence.UserRepository.StoredUser;
import care.tandem.persistence.WriteStamp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** First-start set-up, users, sign-in with lock-out, sign-out, and the idle lock. */
public final class AccountService {
    static final String USER = "app_user";

    private final Database db;
    private final UserRepository users;
    private final InstallRepository install;
    private final AuditRepository audit;
    private final PasswordHasher hasher;
    private final SignInPolicy policy;
    private final Stamps stamps;
    private final Session session;
    private final UUID clinicId;

    public AccountService(Database db, UserRepository users, InstallRepository install, AuditRepository audit,
                          PasswordHasher hasher, SignInPolicy policy, Stamps stamps, Session session, UUID clinicId) {
        this.db = db;
        this.users = users;
        this.install = install;
        this.audit = audit;
        this.hasher = hasher;
        this.policy = policy;
        this.stamps = stamps;
        this.session = session;
        this.clinicId = clinicId;
    }

    /** True until the clinic and its first administrator exist. */
    public boolean needsSetUp() {
        return db.read(c -> users.count(c) == 0);
    }

    /**
     * Creates the clinic and its first administrator on a new data folder.
     *
     * @throws ProblemException NOT_ALLOWED if the clinic already has users; BAD_ARGUMENT for a blank name
     *                          or a password the policy refuses
     */
    public User setUp(String clinicName, String adminName, String username, char[] password) {
        requireText(clinicName);
        checkUsername(username);
        checkPassword(password);
        String hash = hasher.hash(password);
        return db.write(c -> {
            if (users.count(c) > 0) {
                throw new ProblemException(Problem.NOT_ALLOWED);
            }
            User admin = new User(UUID.randomUUID(), requireText(username), requireText(adminName),
                    Role.ADMINISTRATOR, null, true);
            WriteStamp s = stamps.now(admin.id());
            install.insertClinic(c, clinicId, clinicName.strip(), s);
            install.insertDevice(c, stamps.deviceId(), clinicId, deviceLabel(), s);
            users.insert(c, clinicId, admin, hash, s);
            audit.append(c, s, AuditAction.SETUP, "clinic", clinicId, "");
            return admin;
        });
    }

    /** Adds a user; administrators only. An associate must name a supervising clinician or supervisor. */
    public User createUser(String displayName, String username, Role role, UUID supervisorId, char[] password) {
        User admin = session.requireRole(Role.ADMINISTRATOR);
        return createUserAs(admin.id(), displayName, username, role, supervisorId, password);
    }

    /** Adds a user on behalf of {@code creatorId}, for set-up paths (demo data) that run without a window. */
    User createUserAs(UUID creatorId, String displayName, String username, Role role, UUID supervisorId,
                      char[] password) {
        checkUsername(username);
        checkPassword(password);
        if (role.needsSupervisor() && supervisorId == null) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "supervisor");
        }
        String hash = hasher.hash(password);
        User user = new User(UUID.randomUUID(), requireText(username), requireText(displayName), role,
                role.needsSupervisor() ? supervisorId : null, true);
        return db.write(c -> {
            if (users.findByUsername(c, user.username()).isPresent()) {
                throw new ProblemException(Problem.USERNAME_TAKEN);
            }
            if (supervisorId != null && role.needsSupervisor()) {
                Role supervisorRole = users.find(c, supervisorId).map(su -> su.user().role())
                        .orElseThrow(() -> new ProblemException(Problem.BAD_ARGUMENT, "supervisor"));
                if (supervisorRole != Role.SUPERVISOR && supervisorRole != Role.CLINICIAN) {
                    throw new ProblemException(Problem.BAD_ARGUMENT, "supervisor");
                }
            }
            WriteStamp s = stamps.now(creatorId);
            users.insert(c, clinicId, user, hash, s);
            audit.append(c, s, AuditAction.USER_CREATED, USER, user.id(), user.role().name());
            return user;
        });
    }

    public List<User> users() {
        return db.read(users::all);
    }

    /** Users who may supervise an associate (supervisors and licensed clinicians). */
    public List<User> supervisors() {
        return users().stream().filter(u -> u.role() == Role.SUPERVISOR || u.role() == Role.CLINICIAN).toList();
    }

    /**
     * Signs in, counting failures: after {@link SignInPolicy#standard()}'s limit the account is locked
     * for a while. An unknown user name is answered like a wrong password.
     */
    public SignInResult signIn(String username, char[] password) {
        Optional<StoredUser> found = db.read(c -> users.findByUsername(c, username == null ? "" : username.strip()));
        if (found.isEmpty() || !found.get().user().active()) {
            db.write(c -> {
                audit.append(c, stamps.now(null), AuditAction.SIGN_IN_FAILED, USER, null, "");
                return null;
            });
            return new SignInResult.Rejected(policy.remainingAttempts(new SignInPolicy.SignInState(0, null)));
        }
        SignInResult result = attempt(found.get(), password, AuditAction.SIGN_IN);
        if (result instanceof SignInResult.Success success) {
            session.start(success.user());
        }
        return result;
    }

    /** Unlocks the idle lock for the signed-in user, with the same failure counting as sign-in. */
    public SignInResult unlock(char[] password) {
        User current = session.require();
        StoredUser stored = db.read(c -> users.find(c, current.id()))
                .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        return attempt(stored, password, AuditAction.UNLOCK);
    }

    /** Records that the window locked (idle time or Ctrl+L). */
    public void recordLock() {
        User current = session.require();
        db.write(c -> {
            audit.append(c, stamps.now(current.id()), AuditAction.LOCK, USER, current.id(), "");
            return null;
        });
    }

    public void signOut() {
        session.user().ifPresent(u -> db.write(c -> {
            audit.append(c, stamps.now(u.id()), AuditAction.SIGN_OUT, USER, u.id(), "");
            return null;
        }));
        session.end();
    }

    private SignInResult attempt(StoredUser stored, char[] password, AuditAction successAction) {
        User user = stored.user();
        SignInPolicy.SignInState state = new SignInPolicy.SignInState(stored.failedAttempts(), stored.lockedUntil());
        var now = stamps.clock().instant();
        if (policy.isLockedOut(state, now)) {
            db.write(c -> {
                audit.append(c, stamps.now(user.id()), AuditAction.SIGN_IN_LOCKED_OUT, USER, user.id(), "");
                return null;
            });
            return new SignInResult.LockedOut(state.lockedUntil());
        }
        boolean ok = hasher.verify(password, stored.passwordHash());
        String rehash = ok && hasher.needsRehash(stored.passwordHash()) ? hasher.hash(password) : null;
        return db.write(c -> {
            WriteStamp s = stamps.now(user.id());
            if (ok) {
                SignInPolicy.SignInState cleared = policy.afterSuccess();
                users.updateSignInState(c, user.id(), cleared.failedAttempts(), cleared.lockedUntil());
                if (rehash != null) {
                    users.updatePasswordHash(c, user.id(), rehash, s);
                }
                audit.append(c, s, successAction, USER, user.id(), "");
                return new SignInResult.Success(user);
            }
            SignInPolicy.SignInState next = policy.afterFailure(state, now);
            users.updateSignInState(c, user.id(), next.failedAttempts(), next.lockedUntil());
            audit.append(c, s, AuditAction.SIGN_IN_FAILED, USER, user.id(), "");
            return policy.isLockedOut(next, now)
                    ? new SignInResult.LockedOut(next.lockedUntil())
                    : new SignInResult.Rejected(policy.remainingAttempts(next));
        });
    }

    private static void checkUsername(String username) {
        UsernamePolicy.problem(username).ifPresent(key -> {
            throw new ProblemException(Problem.BAD_ARGUMENT, key);
        });
    }

    private static void checkPassword(char[] password) {
        PasswordPolicy.problem(password).ifPresent(key -> {
            throw new ProblemException(Problem.BAD_ARGUMENT, key);
        });
    }

    private static String requireText(String s) {
        if (s == null || s.isBlank()) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "blank");
        }
        return s.strip();
    }

    private static String deviceLabel() {
        return System.getProperty("os.name", "device");
    }
}
