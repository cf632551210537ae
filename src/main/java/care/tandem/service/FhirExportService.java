package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.problem.ProblemException;
import care.tandem.files.ExportFolder;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.user.User;
import care.tandem.interop.fhir.FhirJson;
import care.tandem.interop.fhir.export.BundleSink;
import care.tandem.interop.fhir.export.FamilyRecords;
import care.tandem.interop.fhir.export.FhirMapper;
import care.tandem.interop.fhir.export.NdjsonSink;
import care.tandem.interop.fhir.export.ResourceSink;
import care.tandem.interop.note.NoteDocument;
import care.tandem.interop.note.NotePdf;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.FhirExportRepository;
import care.tandem.persistence.NoteRepository;
import care.tandem.persistence.ReferralRepository;
import care.tandem.persistence.ScreeningRepository;
import care.tandem.persistence.UserRepository;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The FHIR R4 export of everything Tandem holds (docs/fhir-export.md): as Bundle JSON files or as one NDJSON file per
 * resource type, into a folder that holds nothing else, written in a staging folder beside it and moved into place
 * when complete ({@link ExportFolder}: a failed or cancelled export leaves nothing). Families are read a page at a time, each page in one
 * read transaction, and written as they are mapped, so memory stays flat however many families there are. The export
 * is audited (format, period, counts; never patient data).
 */
public final class FhirExportService {
    /** Families read per read transaction: short enough that a search never waits long behind the export. */
    static final int PAGE = 100;

    /** How the resources are written. */
    public enum Format {
        /** Bundle JSON files of type collection, each bounded in entries and size. */
        FHIR,
        /** One {@code <ResourceType>.ndjson} per resource type (FHIR bulk data). */
        NDJSON
    }

    /**
     * What to export.
     *
     * @param since only records changed on or after this day (the clinic's time zone), or null for everything
     */
    public record Request(Format format, Path folder, LocalDate since) {
        public Request {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(folder, "folder");
        }
    }

    /** What was written: the folder, families and resources (by type), files and bytes. */
    public record Result(Path folder, long families, Map<String, Long> resources, long bytes) {
        public long resourceCount() {
            return resources.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Database db;
    private final FhirExportRepository export;
    private final FamilyRepository families;
    private final ScreeningRepository screenings;
    private final ReferralRepository referrals;
    private final NoteRepository notes;
    private final UserRepository users;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;
    private final Supplier<InstrumentLibrary> instruments;
    private final NotePrinting printing;
    private final ClinicService clinic;
    private final FhirJson fhir;

    public FhirExportService(Database db, FhirExportRepository export, FamilyRepository families,
                             ScreeningRepository screenings, ReferralRepository referrals, NoteRepository notes,
                             UserRepository users, AuditRepository audit, Stamps stamps, Session session,
                             Supplier<InstrumentLibrary> instruments, NotePrinting printing, ClinicService clinic,
                             FhirJson fhir) {
        this.db = db;
        this.export = export;
        this.families = families;
        this.screenings = screenings;
        this.referrals = referrals;
        this.notes = notes;
        this.users = users;
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
        this.instruments = instruments;
        this.printing = printing;
        this.clinic = clinic;
        this.fhir = fhir;
    }

    /** Whether an export may go to {@code folder}: it does not exist yet, or is an empty folder. */
    public static boolean folderUsable(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Exports, reporting progress as families are written ({@code export.progress.families}) and stopping when the
     * progress says it is cancelled. Runs on the caller's thread (never the FX thread). Called by a signed-in user
     * or by the command line (whose passphrase showed it is the clinic's staff; audited with no user). The folder
     * ends holding exactly the export, or is left as it was ({@link ExportFolder}).
     *
     * @throws ProblemException EXPORT_FOLDER_NOT_EMPTY when the folder holds anything; DISK_FULL or STORAGE_FAILED
     *                          when it cannot be written
     * @throws CancellationException when the progress reports a cancel (nothing is left behind)
     */
    public Result export(Request request, ExportProgress progress) {
        ZoneId zone = stamps.clock().getZone();
        Instant since = request.since() == null ? null : request.since().atStartOfDay(zone).toInstant();
        InstrumentLibrary library = instruments.get();
        Map<UUID, User> byId = new HashMap<>();
        db.read(users::all).forEach(u -> byId.put(u.id(), u));
        String clinicName = clinic.info().clinicName();
        FhirMapper mapper = new FhirMapper(library, byId);
        long total = db.read(c -> export.countFamilies(c, since));
        IParser parser = fhir.context().newJsonParser();
        Result result = ExportFolder.write(request.folder(), staging -> {
            ResourceSink sink = request.format() == Format.FHIR ? new BundleSink(staging, parser)
                    : new NdjsonSink(staging, parser);
            long done = 0;
            try (sink) {
                progress.step("export.progress.families", 0, total);
                long after = 0;
                while (true) {
                    if (progress.cancelled()) {
                        throw new CancellationException();
                    }
                    long from = after;
                    List<Loaded> page = db.read(c -> page(c, from, since));
                    if (page.isEmpty()) {
                        break;
                    }
                    for (Loaded l : page) {
                        FamilyRecords records = withPdfs(l, byId, clinicName);
                        for (Resource r : mapper.family(records, l.include)) {
                            sink.add(r);
                        }
                        done++;
                    }
                    after = page.get(page.size() - 1).seq;
                    progress.step("export.progress.families", done, total);
                }
                for (UUID user : mapper.practitionersNamed()) {
                    sink.add(mapper.practitioner(user));
                }
            }
            if (progress.cancelled()) {
                throw new CancellationException();
            }
            return new Result(request.folder().toAbsolutePath().normalize(), done, sink.counts(), sink.bytes());
        });
        UUID user = session.user().map(User::id).orElse(null);
        String detail = "format=" + request.format().name().toLowerCase(java.util.Locale.ROOT)
                + (request.since() == null ? "" : " since=" + request.since()) + " families=" + result.families()
                + " resources=" + result.resourceCount() + (user == null ? " (command line)" : "");
        db.write(c -> {
            audit.append(c, stamps.now(user), AuditAction.EXPORT, "export", null, detail);
            return null;
        });
        return result;
    }

    /** One family as read, with what the since-filter lets through. */
    private record Loaded(long seq, Family family, List<Visit> visits, List<Screening> screenings,
                          List<Referral> referrals, List<Note> notes, List<FamilyRecords.Code> codes,
                          Predicate<UUID> include) {
    }

    private List<Loaded> page(Connection c, long after, Instant since) throws SQLException {
        List<Loaded> out = new ArrayList<>();
        for (FhirExportRepository.FamilyRef ref : export.families(c, after, PAGE, since)) {
            Family f = families.find(c, ref.id()).orElse(null);
            if (f == null) {
                continue;
            }
            Predicate<UUID> include = id -> true;
            if (since != null) {
                Map<UUID, Instant> changed = export.changedAt(c, ref.id());
                include = id -> {
                    Instant at = changed.get(id);
                    return at != null && !at.isBefore(since);
                };
            }
            List<Screening> screens = new ArrayList<>();
            for (Screening s : screenings.forFamily(c, ref.id())) {
                if (include.test(s.id())) {
                    screens.add(withAnswers(s, screenings.answers(c, s.id())));
                } else {
                    screens.add(s);
                }
            }
            List<Referral> refs = new ArrayList<>();
            for (Referral r : referrals.forFamily(c, ref.id())) {
                refs.add(include.test(r.id()) ? referrals.find(c, r.id()).orElse(r) : r);
            }
            List<Note> signed = new ArrayList<>();
            for (NoteSummary n : notes.forFamily(c, ref.id())) {
                if (!n.status().editable() && include.test(n.id())) {
                    notes.find(c, n.id()).ifPresent(signed::add);
                }
            }
            List<FamilyRecords.Code> codes = export.codes(c, ref.id()).stream()
                    .map(r -> new FamilyRecords.Code(r.code(), r.removedAt())).toList();
            out.add(new Loaded(ref.seq(), f, screenings.visitsForFamily(c, ref.id()), screens, refs, signed, codes, include));
        }
        return out;
    }

    /** The family's records with each signed note's PDFs, rendered outside the read transaction. */
    private FamilyRecords withPdfs(Loaded l, Map<UUID, User> users, String clinicName) {
        Map<UUID, Visit> visits = new HashMap<>();
        l.visits.forEach(v -> visits.put(v.id(), v));
        List<FamilyRecords.SignedNote> signed = new ArrayList<>();
        for (Note n : l.notes) {
            Visit v = visits.get(n.visitId());
            Member child = v == null ? null : l.family.members().stream().filter(m -> m.id().equals(v.childId()))
                    .findFirst().orElse(null);
            if (child == null) {
                continue;
            }
            User clinician = users.get(v.clinicianId());
            NoteDocument doc = printing.document(n, v, child, clinician == null ? "" : clinician.displayName(),
                    clinicName);
            byte[] pdf = NotePdf.render(doc, false);
            byte[] full = doc.confidential().isEmpty() ? null : NotePdf.render(doc, true);
            signed.add(new FamilyRecords.SignedNote(n, pdf, full));
        }
        return new FamilyRecords(l.family, l.visits, l.screenings, l.referrals, signed, l.codes);
    }

    private static Screening withAnswers(Screening s, List<care.tandem.domain.screening.Answer> answers) {
        return new Screening(s.id(), s.visitId(), s.familyId(), s.subjectId(), s.respondentId(), s.instrument(),
                s.instrumentVersion(), s.language(), s.mode(), s.status(), s.notDoneReason(), s.errorReason(),
                s.correctsId(), s.followsId(), s.safetyDeferred(), s.clinicianId(), s.startedAt(), s.completedAt(),
                s.score(), answers, s.revision());
    }
}
