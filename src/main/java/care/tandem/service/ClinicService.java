package care.tandem.service;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.user.Role;
import care.tandem.files.ClinicKey;
import care.tandem.persistence.Database;
import care.tandem.persistence.InstallRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The clinic's identity and settings on this laptop. */
public final class ClinicService {
    static final String IDLE_LOCK_MINUTES = "idle_lock_minutes";
    /** The clinic key's public fingerprint ({@link ClinicKey#check()}); a clinic-wide setting, so it syncs. */
    static final String KEY_CHECK = "clinic_key_check";
    public static final int DEFAULT_IDLE_LOCK_MINUTES = 5;

    private final Database db;
    private final InstallRepository install;
    private final Stamps stamps;
    private final Session session;

    public ClinicService(Database db, InstallRepository install, Stamps stamps, Session session) {
        this.db = db;
        this.install = install;
        this.stamps = stamps;
        this.session = session;
    }

    /** The clinic and this laptop's ids, from the data folder's first start. */
    public record Identity(UUID clinicId, UUID deviceId) {
    }

    /**
     * The clinic and device ids of a data folder, created on its first start; done before any service
     * exists because every write is stamped with the device id.
     */
    public static Identity ensureIdentity(Database db, InstallRepository install) {
        return db.write(c -> new Identity(idOf(c, install, InstallRepository.CLINIC_ID),
                idOf(c, install, InstallRepository.DEVICE_ID)));
    }

    private static UUID idOf(Connection c, InstallRepository install, String key) throws SQLException {
        Optional<String> stored = install.meta(c, key);
        if (stored.isPresent()) {
            return UUID.fromString(stored.get());
        }
        UUID id = UUID.randomUUID();
        install.putMeta(c, key, id.toString());
        return id;
    }

    public ClinicInfo info() {
        return db.read(c -> {
            UUID clinic = UUID.fromString(install.meta(c, InstallRepository.CLINIC_ID).orElseThrow());
            return new ClinicInfo(clinic, stamps.deviceId(), install.clinicName(c, clinic).orElse(""),
                    install.meta(c, InstallRepository.DEMO).map(Boolean::parseBoolean).orElse(false));
        });
    }

    /** Minutes of no input after which the window locks (default 5). */
    public int idleLockMinutes() {
        return db.read(c -> install.setting(c, IDLE_LOCK_MINUTES).map(Integer::parseInt)
                .orElse(DEFAULT_IDLE_LOCK_MINUTES));
    }

    /** Administrators set the idle lock between 1 and 60 minutes. */
    public void setIdleLockMinutes(int minutes) {
        session.requireRole(Role.ADMINISTRATOR);
        if (minutes < 1 || minutes > 60) {
            throw new ProblemException(Problem.BAD_ARGUMENT, minutes);
        }
        db.write(c -> {
            install.putSetting(c, IDLE_LOCK_MINUTES, Integer.toString(minutes), stamps.now());
            return null;
        });
    }

    /** The clinic key, and whether the passphrase that gave it has just become the clinic's own. */
    public record Unlocked(ClinicKey key, boolean newlySet) {
    }

    /** Whether the clinic has a sync passphrase yet. */
    public boolean hasPassphrase() {
        return db.read(c -> install.setting(c, KEY_CHECK).isPresent());
    }

    /**
     * The clinic key from a passphrase, checked against the clinic's fingerprint. A clinic that has no passphrase
     * yet takes this one as its own ({@code newlySet}; whoever runs the first sync or backup sets it, as an
     * administrator can in Settings). Takes about half a second (key derivation).
     *
     * @throws ProblemException PASSPHRASE_NEEDED, PASSPHRASE_WRONG, or PASSPHRASE_TOO_SHORT for a first passphrase
     */
    public Unlocked unlock(char[] passphrase) {
        ClinicKey key = ClinicKey.derive(passphrase, info().clinicId());
        Optional<String> check = db.read(c -> install.setting(c, KEY_CHECK));
        if (check.isPresent()) {
            if (!key.matches(check.get())) {
                throw new ProblemException(Problem.PASSPHRASE_WRONG, info().clinicName());
            }
            return new Unlocked(key, false);
        }
        storeCheck(passphrase, key);
        return new Unlocked(key, true);
    }

    /**
     * An administrator sets the clinic's sync passphrase, once: every laptop, sync package and backup of the clinic
     * then uses it.
     *
     * @throws ProblemException NOT_ALLOWED, PASSPHRASE_ALREADY_SET or PASSPHRASE_TOO_SHORT
     */
    public ClinicKey setPassphrase(char[] passphrase) {
        session.requireRole(Role.ADMINISTRATOR);
        if (hasPassphrase()) {
            throw new ProblemException(Problem.PASSPHRASE_ALREADY_SET);
        }
        ClinicKey key = ClinicKey.derive(passphrase, info().clinicId());
        storeCheck(passphrase, key);
        return key;
    }

    private void storeCheck(char[] passphrase, ClinicKey key) {
        if (passphrase.length < ClinicKey.MIN_LENGTH) {
            throw new ProblemException(Problem.PASSPHRASE_TOO_SHORT, ClinicKey.MIN_LENGTH);
        }
        db.write(c -> {
            Optional<String> stored = install.setting(c, KEY_CHECK);
            if (stored.isEmpty()) {
                install.putSetting(c, KEY_CHECK, key.check(), stamps.now());
            } else if (!key.matches(stored.get())) { // set meanwhile, to another passphrase
                throw new ProblemException(Problem.PASSPHRASE_WRONG, install.clinicName(c, key.clinicId()).orElse(""));
            }
            return null;
        });
    }
}
