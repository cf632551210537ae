package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.sync.Hlc;
import care.tandem.domain.sync.HybridClock;
import care.tandem.domain.sync.Knowledge;
import care.tandem.domain.sync.PackageInfo;
import care.tandem.domain.sync.SyncConflict;
import care.tandem.domain.sync.SyncRecord;
import care.tandem.domain.user.User;
import care.tandem.files.ClinicKey;
import care.tandem.files.SealedFile;
import care.tandem.interop.sync.SyncPackageFormat;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.SyncStore;
import care.tandem.persistence.WriteStamp;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Sync between the laptops of one clinic through a shared folder, with no server (ADR 0009). Each sync reads the
 * other laptops' packages found in the folder (each refused whole if it is damaged, altered, of another clinic or
 * unreadable) and then writes one package with what changed here since this laptop's last package. A laptop that
 * holds no clinic yet joins the clinic whose packages the folder holds.
 */
public final class SyncService {
    /** The ending of a sync package's file name. */
    public static final String EXTENSION = ".tandem-sync";

    /** A package that was not read, and why (its problem names the file). */
    public record Refusal(String file, ProblemException problem) {
    }

    /**
     * What a sync did.
     *
     * @param read        packages read and merged
     * @param alreadyRead packages found that were read before (a package read twice changes nothing)
     * @param refused     packages refused whole
     * @param written     the file name of the package written, or null when nothing changed here
     * @param recordsOut  records in the package written
     * @param recordsIn   records added or changed here by the packages read
     * @param conflicts   conflicts raised by the packages read
     * @param joined      true when this laptop joined the clinic in this sync
     */
    public record Summary(int read, int alreadyRead, List<Refusal> refused, String written, int recordsOut,
                          int recordsIn, int conflicts, boolean joined, int openConflicts) {
        public Summary {
            refused = List.copyOf(refused);
        }
    }

    /** Told what the sync is doing: a step of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void step(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /** A conflict as the conflicts screen shows it: the record it is about and the names of who wrote each value. */
    public record ConflictView(SyncConflict conflict, String record, String currentValue, String keptByName,
                               String otherByName, String resolvedByName) {
    }

    private final Database db;
    private final SyncStore store;
    private final InstallRepository install;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final HybridClock clock;
    private final Session session;
    private final ClinicService clinic;

    /** Told when a sync took in other laptops' records, so what is read once and kept (instruments) is read again. */
    private final Runnable recordsArrived;

    public SyncService(Database db, SyncStore store, InstallRepository install, AuditRepository audit, Stamps stamps,
                       HybridClock clock, Session session, ClinicService clinic, Runnable recordsArrived) {
        this.db = db;
        this.recordsArrived = recordsArrived;
        this.store = store;
        this.install = install;
        this.audit = audit;
        this.stamps = stamps;
        this.clock = clock;
        this.session = session;
        this.clinic = clinic;
    }

    /** Whether this laptop holds no clinic yet, so may join one from a sync folder. */
    public boolean canJoin() {
        return db.read(store::empty);
    }

    /** Whether the folder's packages are a demo clinic's (so the documented demo passphrase opens them). */
    public boolean folderIsDemo(Path folder) {
        checkFolder(folder);
        for (Path f : packages(folder)) {
            try {
                SealedFile.Header h = SealedFile.header(f);
                if (SyncPackageFormat.KIND.equals(h.kind()) && Boolean.parseBoolean(h.fields().get("demo"))) {
                    return true;
                }
            } catch (ProblemException e) {
                // Not a package: the sync itself reports it.
            }
        }
        return false;
    }

    /** The folder this laptop last synced through. */
    public Optional<Path> rememberedFolder() {
        return db.read(c -> install.meta(c, SyncStore.FOLDER)).map(Path::of);
    }

    /**
     * Reads the other laptops' new packages in {@code folder}, then writes this laptop's.
     *
     * @throws ProblemException SYNC_FOLDER_UNUSABLE when the folder cannot be read and written; SYNC_NOT_SET_UP
     *                          on a laptop that holds no clinic yet (it joins instead)
     */
    public Summary syncNow(Path folder, ClinicKey key, Progress progress) {
        checkFolder(folder);
        if (canJoin()) {
            throw new ProblemException(Problem.SYNC_NOT_SET_UP);
        }
        ClinicInfo me = clinic.info();
        if (!me.clinicId().equals(key.clinicId())) {
            throw new ProblemException(Problem.FILE_OTHER_CLINIC, folder.getFileName());
        }
        Summary in = readAll(folder, key, me, false, progress);
        if (in.recordsIn() > 0) {
            recordsArrived.run();
        }
        Written out = writePackage(folder, key, clinic.info());
        remember(folder);
        return new Summary(in.read(), in.alreadyRead(), in.refused(), out.file, out.records, in.recordsIn(),
                in.conflicts(), false, openConflictCount());
    }

    /**
     * Makes this laptop, which holds no clinic yet, a member of the clinic whose packages {@code folder} holds: takes
     * the clinic's id, reads every package (the clinic, its users with their passwords, its records), marks the
     * folder demo if the clinic is a demo clinic, and writes a first package that tells the others it joined. The
     * data folder must be opened again afterwards, so that every service sees the clinic it joined.
     *
     * @param keyFor the clinic key of a clinic id (from the passphrase)
     * @throws ProblemException SYNC_JOIN_NOT_EMPTY, SYNC_NOTHING_TO_JOIN, SYNC_FOLDER_MIXED, or the problem of the
     *                          first package when none could be read (a wrong passphrase, a damaged file)
     */
    public Summary join(Path folder, Function<UUID, ClinicKey> keyFor, Progress progress) {
        checkFolder(folder);
        if (!canJoin()) {
            throw new ProblemException(Problem.SYNC_JOIN_NOT_EMPTY);
        }
        UUID myDevice = stamps.deviceId();
        Set<UUID> clinics = new LinkedHashSet<>();
        boolean demo = false;
        for (Path f : packages(folder)) {
            try {
                SealedFile.Header h = SealedFile.header(f);
                if (SyncPackageFormat.KIND.equals(h.kind())
                        && !String.valueOf(myDevice).equals(h.fields().get("device"))) {
                    clinics.add(h.clinicId());
                    demo |= Boolean.parseBoolean(h.fields().get("demo"));
                }
            } catch (ProblemException e) {
                // Not a package of any clinic: left for the reading below to report.
            }
        }
        if (clinics.isEmpty()) {
            throw new ProblemException(Problem.SYNC_NOTHING_TO_JOIN, folder);
        }
        if (clinics.size() > 1) {
            throw new ProblemException(Problem.SYNC_FOLDER_MIXED, folder);
        }
        UUID clinicId = clinics.iterator().next();
        ClinicKey key = keyFor.apply(clinicId);
        boolean demoClinic = demo;
        ClinicInfo before = clinic.info();
        ClinicInfo joining = new ClinicInfo(clinicId, before.deviceId(), "", demoClinic);
        Summary in = readAll(folder, key, joining, true, progress);
        if (in.read() == 0) {
            db.write(c -> {
                install.putMeta(c, InstallRepository.CLINIC_ID, before.clinicId().toString());
                return null;
            });
            throw in.refused().isEmpty() ? new ProblemException(Problem.SYNC_NOTHING_TO_JOIN, folder)
                    : in.refused().get(0).problem();
        }
        db.write(c -> {
            // Everything held now came from the folder's packages: this laptop's first package starts from here.
            store.markSent(c, store.current(c), 0, stamps.deviceId());
            WriteStamp s = stamps.now();
            if (demoClinic) {
                install.putMeta(c, InstallRepository.DEMO, "true");
            }
            install.insertDevice(c, stamps.deviceId(), clinicId, System.getProperty("os.name", "device"), s);
            audit.append(c, s, AuditAction.SYNC_JOINED, "clinic", clinicId, "packages=" + in.read());
            return null;
        });
        Written out = writePackage(folder, key, clinic.info());
        remember(folder);
        return new Summary(in.read(), in.alreadyRead(), in.refused(), out.file, out.records, in.recordsIn(),
                in.conflicts(), true, openConflictCount());
    }

    // ---- reading -------------------------------------------------------------------------------------

    private record Found(Path file, UUID device, long seq, String sha) {
    }

    private Summary readAll(Path folder, ClinicKey key, ClinicInfo me, boolean joining, Progress progress) {
        List<Refusal> refused = new ArrayList<>();
        List<Found> todo = new ArrayList<>();
        int already = 0;
        for (Path f : packages(folder)) {
            String name = String.valueOf(f.getFileName());
            try {
                SealedFile.Header h = SealedFile.header(f);
                if (!SyncPackageFormat.KIND.equals(h.kind())) {
                    throw new ProblemException(Problem.FILE_WRONG_KIND, name);
                }
                UUID device = UUID.fromString(h.fields().getOrDefault("device", ""));
                if (device.equals(me.deviceId())) {
                    continue;
                }
                if (!h.clinicId().equals(me.clinicId())) {
                    throw new ProblemException(Problem.SYNC_OTHER_CLINIC, name,
                            h.fields().getOrDefault("clinicName", h.clinicId().toString()), me.clinicName());
                }
                String sha = checksum(f);
                if (db.read(c -> store.applied(c, sha))) {
                    already++;
                    continue;
                }
                todo.add(new Found(f, device, Long.parseLong(h.fields().getOrDefault("seq", "0")), sha));
            } catch (ProblemException e) {
                refuse(refused, name, e);
            } catch (RuntimeException e) {
                refuse(refused, name, new ProblemException(Problem.FILE_DAMAGED, e, name));
            }
        }
        // Each laptop's packages in its own order: a package refers only to records in it or in that laptop's
        // earlier ones.
        todo.sort(Comparator.comparing(Found::device).thenComparingLong(Found::seq));
        int read = 0;
        int in = 0;
        int conflicts = 0;
        int done = 0;
        boolean first = joining;
        for (Found f : todo) {
            progress.step(done++, todo.size());
            String name = String.valueOf(f.file().getFileName());
            try {
                SyncStore.Apply a = applyPackage(f, key, me, first);
                first = false;
                read++;
                in += a.records();
                conflicts += a.conflicts();
            } catch (ProblemException e) {
                refuse(refused, name, e);
            }
        }
        progress.step(todo.size(), todo.size());
        return new Summary(read, already, refused, null, 0, in, conflicts, joining, 0);
    }

    private void refuse(List<Refusal> refused, String name, ProblemException e) {
        refused.add(new Refusal(name, e));
        db.write(c -> {
            audit.append(c, stamps.now(), AuditAction.SYNC_PACKAGE_REFUSED, "sync_package", null,
                    name + " " + e.problem());
            return null;
        });
    }

    private SyncStore.Apply applyPackage(Found f, ClinicKey key, ClinicInfo me, boolean joining) {
        String name = String.valueOf(f.file().getFileName());
        SyncStore.Apply[] result = new SyncStore.Apply[1];
        try {
            SealedFile.read(f.file(), key, SyncPackageFormat.KIND, body -> {
                try {
                    db.write(c -> {
                        if (joining) {
                            install.putMeta(c, InstallRepository.CLINIC_ID, me.clinicId().toString());
                        }
                        Knowledge mine = store.knowledge(c, me.deviceId());
                        store.beginApply(c);
                        PackageInfo[] info = new PackageInfo[1];
                        String[] newest = new String[1];
                        try {
                            SyncPackageFormat.read(body, i -> {
                                if (!i.clinicId().equals(me.clinicId())) {
                                    throw new ProblemException(Problem.SYNC_OTHER_CLINIC, name, i.clinicName(),
                                            me.clinicName());
                                }
                                for (String hlc : i.knowledge().asMap().values()) {
                                    clock.observe(Hlc.parse(hlc));
                                }
                                info[0] = i;
                                result[0] = new SyncStore.Apply(i.knowledge(), mine, stamps.now());
                            }, r -> {
                                for (SyncRecord.LogEntry e : r.log()) {
                                    if (newest[0] == null || e.hlc().compareTo(newest[0]) > 0) {
                                        newest[0] = e.hlc();
                                    }
                                }
                                try {
                                    store.apply(c, r, result[0]);
                                } catch (SQLException e) {
                                    throw new SqlWrapper(e);
                                }
                            });
                        } catch (SqlWrapper e) {
                            throw e.sql;
                        } catch (SyncPackageFormat.FormatException e) {
                            throw new ProblemException(e.newer() ? Problem.SYNC_PACKAGE_NEWER
                                    : Problem.SYNC_PACKAGE_UNREADABLE, e, name);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (newest[0] != null) {
                            // Later changes here are stamped after every change taken in, relayed ones included.
                            clock.observe(Hlc.parse(newest[0]));
                        }
                        store.endApply(c, result[0]);
                        store.recordPackage(c, f.sha(), info[0], name, stamps.clock().instant());
                        audit.append(c, stamps.now(), AuditAction.SYNC_PACKAGE_READ, "sync_package", null,
                                name + " records=" + result[0].records() + " conflicts=" + result[0].conflicts());
                        return null;
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause(); // a segment that fails its check: SealedFile says the file was altered
                }
                return null;
            });
        } catch (ProblemException e) {
            store.release(result[0]);
            if (e.problem() == Problem.SYNC_PACKAGE_NEWER && e.args().isEmpty()) {
                throw new ProblemException(Problem.SYNC_PACKAGE_NEWER, e, name);
            }
            if (e.problem() == Problem.STORAGE_FAILED && failure(e, "FOREIGN KEY")) {
                throw new ProblemException(Problem.SYNC_PACKAGE_INCOMPLETE, e, name);
            }
            if (e.problem() == Problem.STORAGE_FAILED && failure(e, "UNIQUE")) {
                throw new ProblemException(Problem.SYNC_PACKAGE_CLASH, e, name);
            }
            throw e;
        }
        return result[0];
    }

    private static boolean failure(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    /** Carries a database failure out of the package reader (whose callbacks may throw only IOException). */
    private static final class SqlWrapper extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException sql;

        SqlWrapper(SQLException sql) {
            super(sql.getMessage());
            this.sql = sql;
        }
    }

    // ---- writing -------------------------------------------------------------------------------------

    private record Written(String file, int records) {
    }

    private Written writePackage(Path folder, ClinicKey key, ClinicInfo me) {
        SyncStore.Marks since = db.read(store::sent);
        long seq = Math.max(db.read(store::packageSeq), ownHighest(folder, me.deviceId())) + 1;
        if (seq > 1 && !db.read(c -> store.changed(since, store.current(c)))) {
            return new Written(null, 0);
        }
        String file = me.deviceId() + "-" + String.format(Locale.ROOT, "%06d", seq) + EXTENSION;
        Map<String, String> fields = new HashMap<>();
        fields.put("device", me.deviceId().toString());
        fields.put("seq", Long.toString(seq));
        fields.put("clinicName", me.clinicName());
        fields.put("demo", Boolean.toString(me.demo()));
        Object[] result = new Object[2];
        SealedFile.write(folder.resolve(file), key, SyncPackageFormat.KIND, stamps.clock().instant(), fields, body ->
                db.read(c -> {
                    SyncStore.Marks to = store.current(c);
                    Knowledge k = store.knowledge(c, me.deviceId());
                    PackageInfo info = new PackageInfo(me.clinicId(), me.clinicName(), me.deviceId(), seq, me.demo(),
                            k);
                    try {
                        result[1] = SyncPackageFormat.write(body, info,
                                out -> {
                                    try {
                                        return store.stream(c, since, to, out::write);
                                    } catch (SQLException e) {
                                        throw new SqlWrapper(e);
                                    }
                                });
                    } catch (SqlWrapper e) {
                        throw e.sql;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    result[0] = to;
                    return null;
                }));
        SyncStore.Marks to = (SyncStore.Marks) result[0];
        int records = (Integer) result[1];
        db.write(c -> {
            store.markSent(c, to, seq, me.deviceId());
            audit.append(c, stamps.now(), AuditAction.SYNC_PACKAGE_WRITTEN, "sync_package", null,
                    file + " records=" + records);
            return null;
        });
        return new Written(file, records);
    }

    /** The highest number among this laptop's own packages in the folder (a laptop restored from a backup goes on). */
    private static long ownHighest(Path folder, UUID device) {
        long max = 0;
        String prefix = device + "-";
        for (Path f : packages(folder)) {
            String name = String.valueOf(f.getFileName());
            if (name.startsWith(prefix)) {
                try {
                    String number = name.substring(prefix.length(), name.length() - EXTENSION.length());
                    max = Math.max(max, Long.parseLong(number));
                } catch (NumberFormatException e) {
                    // Someone renamed it: its header still says whose it is; the number is only for ordering.
                }
            }
        }
        return max;
    }

    // ---- conflicts -----------------------------------------------------------------------------------

    /** Open conflicts, oldest first, or every conflict with the resolved ones (their history). */
    public List<ConflictView> conflicts(boolean openOnly) {
        return db.read(c -> {
            List<ConflictView> out = new ArrayList<>();
            for (SyncConflict k : store.conflicts(c, openOnly)) {
                out.add(new ConflictView(k, store.describe(c, k.entity(), k.entityId()),
                        store.currentValue(c, k.entity(), k.entityId(), k.field()),
                        store.userName(c, k.keptBy()).orElse(null), store.userName(c, k.otherBy()).orElse(null),
                        store.userName(c, k.resolvedBy()).orElse(null)));
            }
            return out;
        });
    }

    public int openConflictCount() {
        return db.read(c -> store.conflicts(c, true).size());
    }

    /**
     * Resolves a conflict about a field with the value a person chose (JSON: one of the two values, or one they
     * typed): written as a new change here, which every laptop takes at its next sync. A conflict about a whole
     * record with a lifecycle (a signed note, a closed referral) is resolved by keeping what the record holds;
     * {@code chosenJson} is then ignored and the other version stays in the conflict's history.
     *
     * @throws ProblemException NOT_SIGNED_IN, NOT_FOUND, or BAD_ARGUMENT for a value that is not JSON
     */
    public void resolve(UUID conflictId, String chosenJson) {
        User user = session.require();
        db.write(c -> {
            SyncConflict k = store.conflict(c, conflictId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            if (!k.open()) {
                return null;
            }
            WriteStamp s = stamps.now(user.id());
            store.resolve(c, k, k.wholeRecord() ? null : chosenJson, s);
            audit.append(c, s, AuditAction.SYNC_CONFLICT_RESOLVED, k.entity(), UUID.fromString(k.entityId()),
                    "field=" + k.field());
            return null;
        });
    }

    // ---- the folder ----------------------------------------------------------------------------------

    private void remember(Path folder) {
        db.write(c -> {
            install.putMeta(c, SyncStore.FOLDER, folder.toAbsolutePath().normalize().toString());
            return null;
        });
    }

    private static void checkFolder(Path folder) {
        if (folder == null || !Files.isDirectory(folder) || !Files.isReadable(folder) || !Files.isWritable(folder)) {
            throw new ProblemException(Problem.SYNC_FOLDER_UNUSABLE, folder);
        }
    }

    private static List<Path> packages(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new ProblemException(Problem.SYNC_FOLDER_UNUSABLE, e, folder);
        }
    }

    /** A package's identity: its sealed file's trailing SHA-256 (of everything before it). */
    private static String checksum(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            if (size < 32) {
                throw new ProblemException(Problem.FILE_DAMAGED, file.getFileName());
            }
            byte[] sha = new byte[32];
            f.seek(size - 32);
            f.readFully(sha);
            return HexFormat.of().formatHex(sha);
        } catch (IOException e) {
            throw new ProblemException(Problem.FILE_DAMAGED, e, file.getFileName());
        }
    }
}
