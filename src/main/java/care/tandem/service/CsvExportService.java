package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.MemberKind;
import care.tandem.domain.note.NoteSummary;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.LoopMeasures;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.files.ExportFolder;
import care.tandem.interop.csv.QualityCsv;
import care.tandem.interop.csv.QualityCsv.Sheet;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.BillingRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.NoteRepository;
import care.tandem.persistence.ReferralRepository;
import care.tandem.persistence.ScreeningRepository;
import care.tandem.persistence.UserRepository;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The CSV export for quality work: screens with their scores, referrals with statuses and dates, visits with their
 * codes, and a data dictionary ({@link QualityCsv}). Private content (interpersonal-safety results, private
 * referrals, confidential codes) is left out unless the person exporting asks for it and is a clinician or
 * supervisor; when it is left out, nothing in the rows tells which screens had a positive private part.
 */
public final class CsvExportService {
    /** Roles that may export private content: the clinicians who may open it on a family's page. */
    static final Set<Role> MAY_EXPORT_PRIVATE = EnumSet.of(Role.CLINICIAN, Role.SUPERVISOR);
    private static final int PAGE = 500;

    private final Database db;
    private final FamilyRepository families;
    private final ScreeningRepository screenings;
    private final ReferralRepository referrals;
    private final BillingRepository billing;
    private final NoteRepository notes;
    private final UserRepository users;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;
    private final Supplier<InstrumentLibrary> instruments;

    public CsvExportService(Database db, FamilyRepository families, ScreeningRepository screenings,
                            ReferralRepository referrals, BillingRepository billing, NoteRepository notes,
                            UserRepository users, AuditRepository audit, Stamps stamps, Session session,
                            Supplier<InstrumentLibrary> instruments) {
        this.db = db;
        this.families = families;
        this.screenings = screenings;
        this.referrals = referrals;
        this.billing = billing;
        this.notes = notes;
        this.users = users;
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
        this.instruments = instruments;
    }

    /** What an export wrote: rows per file, and whether private content is in it. */
    public record Result(Path folder, Map<Sheet, Long> rows, boolean privateIncluded) {
    }

    /** Whether the signed-in person may include private content. */
    public boolean mayIncludePrivate() {
        return session.user().map(u -> MAY_EXPORT_PRIVATE.contains(u.role())).orElse(false);
    }

    /**
     * Writes the export into {@code out}, which must be empty or new; it ends holding exactly the export's files, or
     * is left as it was (failure, cancellation).
     *
     * @param since          only records dated or changed on or after this day (clinic's time zone); null: all
     * @param includePrivate include private content; refused unless {@link #mayIncludePrivate()}
     * @throws ProblemException NOT_ALLOWED, EXPORT_FOLDER_NOT_EMPTY, DISK_FULL, STORAGE_FAILED
     * @throws CancellationException when the progress reports a cancel
     */
    public Result export(Path out, LocalDate since, boolean includePrivate, ExportProgress progress) {
        if (includePrivate && !mayIncludePrivate()) {
            throw new ProblemException(Problem.NOT_ALLOWED);
        }
        ZoneId zone = stamps.clock().getZone();
        Instant from = since == null ? Instant.MIN : since.atStartOfDay(zone).toInstant();
        LocalDate today = LocalDate.now(stamps.clock());
        Result result = ExportFolder.write(out, staging -> {
            Map<Sheet, Long> rows = writeSheets(staging, from, today, zone, includePrivate, progress);
            QualityCsv.writeDictionary(staging, List.of(
                    List.of("exported_at", stamps.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString()),
                    List.of("since", since == null ? "everything" : since.toString()),
                    List.of("private_content", includePrivate ? "included" : "left out"),
                    List.of("rows", rows.entrySet().stream().map(e -> e.getKey().file() + " " + e.getValue())
                            .collect(Collectors.joining("; ")))));
            return new Result(out, rows, includePrivate);
        });
        User by = session.user().orElse(null);
        db.write(c -> {
            audit.append(c, stamps.now(by == null ? null : by.id()), AuditAction.EXPORT, "export", null,
                    "csv" + (includePrivate ? " with private content" : "") + (since == null ? "" : " since " + since));
            return null;
        });
        return result;
    }

    private Map<Sheet, Long> writeSheets(Path dir, Instant from, LocalDate today, ZoneId zone, boolean withPrivate,
                                         ExportProgress progress) throws IOException {
        Map<Sheet, CSVPrinter> open = new EnumMap<>(Sheet.class);
        Map<Sheet, Long> rows = new EnumMap<>(Sheet.class);
        try {
            for (Sheet s : Sheet.values()) {
                open.put(s, QualityCsv.open(dir, s));
                rows.put(s, 0L);
            }
            Map<UUID, String> names = db.read(c -> users.all(c).stream()
                    .collect(Collectors.toMap(User::id, User::displayName)));
            InstrumentLibrary library = instruments.get();
            long total = db.read(families::count);
            long done = 0;
            long after = 0;
            while (true) {
                if (progress.cancelled()) {
                    throw new CancellationException();
                }
                long afterSeq = after;
                List<FamilyRows> page = db.read(c -> readPage(c, afterSeq));
                if (page.isEmpty()) {
                    break;
                }
                for (FamilyRows f : page) {
                    Rows r = new Rows(open, rows);
                    writeFamily(r, f, from, today, zone, withPrivate, names, library);
                }
                after = page.get(page.size() - 1).lastSeq;
                done += page.size();
                progress.step("export.progress.families", done, total);
            }
        } finally {
            IOException failed = null;
            for (CSVPrinter p : open.values()) {
                try {
                    p.close(true);
                } catch (IOException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
        return rows;
    }

    /** One family and everything the export needs of it, read in one transaction. */
    private record FamilyRows(Family family, List<Visit> visits, List<Screening> screenings,
                              List<Referral> referrals, Map<UUID, List<AcceptedCode>> codes,
                              Map<UUID, NoteSummary> notes, long lastSeq) {
    }

    private List<FamilyRows> readPage(Connection c, long afterSeq) throws SQLException {
        FamilyRepository.Page page = families.page(c, afterSeq, PAGE);
        List<FamilyRows> out = new ArrayList<>();
        for (Family f : page.families()) {
            List<Visit> visits = screenings.visitsForFamily(c, f.id());
            Map<UUID, List<AcceptedCode>> codes = new HashMap<>();
            for (Visit v : visits) {
                codes.put(v.id(), billing.accepted(c, v.id()));
            }
            List<Referral> refs = new ArrayList<>();
            for (Referral r : referrals.forFamily(c, f.id())) {
                referrals.find(c, r.id()).ifPresent(refs::add); // with its history
            }
            Map<UUID, NoteSummary> byVisit = new HashMap<>();
            for (NoteSummary n : notes.forFamily(c, f.id())) {
                byVisit.putIfAbsent(n.visitId(), n);
            }
            out.add(new FamilyRows(f, visits, screenings.forFamily(c, f.id()), refs, codes, byVisit, 0));
        }
        if (!out.isEmpty()) { // the page's last seq rides on its last family
            FamilyRows last = out.remove(out.size() - 1);
            out.add(new FamilyRows(last.family, last.visits, last.screenings, last.referrals, last.codes, last.notes,
                    page.lastSeq()));
        }
        return out;
    }

    /** The open files and their row counts. */
    private record Rows(Map<Sheet, CSVPrinter> open, Map<Sheet, Long> counts) {
        void add(Sheet s, Object... values) throws IOException {
            open.get(s).printRecord(values);
            counts.merge(s, 1L, Long::sum);
        }
    }

    private static void writeFamily(Rows out, FamilyRows f, Instant from, LocalDate today, ZoneId zone,
                                    boolean withPrivate, Map<UUID, String> names, InstrumentLibrary library)
            throws IOException {
        Family family = f.family;
        String synthetic = yesNo(family.synthetic());
        Map<UUID, Visit> visits = f.visits.stream().collect(Collectors.toMap(Visit::id, v -> v));
        Map<UUID, Member> people = family.members().stream().collect(Collectors.toMap(Member::id, m -> m));
        for (Screening s : f.screenings) {
            boolean changed = !s.startedAt().isBefore(from) || (s.completedAt() != null && !s.completedAt().isBefore(from));
            if (!changed) {
                continue;
            }
            Visit v = visits.get(s.visitId());
            Member subject = people.get(s.subjectId());
            Score score = s.score();
            Set<String> privateItems = library.find(s.instrument()).map(Instrument::privateItems).orElse(Set.of());
            boolean hasPrivate = !privateItems.isEmpty()
                    || (score != null && score.domains().values().stream().anyMatch(DomainScore::privateDomain));
            boolean hide = hasPrivate && !withPrivate;
            Outcome outcome = score == null ? null : hide ? score.outcomeWithoutPrivate() : score.outcome();
            boolean critical = score != null && score.critical().stream()
                    .anyMatch(item -> withPrivate || !privateItems.contains(item));
            out.add(Sheet.SCREENINGS, s.id(), family.id(), synthetic, s.visitId(), v == null ? null : v.date(),
                    s.subjectId(), subject == null ? null : subject.kind() == MemberKind.CHILD ? "child" : "caregiver",
                    subject == null || subject.relationship() == null ? null : subject.relationship(),
                    v == null ? null : ageMonths(people.get(v.childId()), v.date()), s.instrument(),
                    s.instrumentVersion(), s.language(), s.mode(), s.status(), s.notDoneReason(), s.correctsId(),
                    names.get(s.clinicianId()), s.startedAt(), s.completedAt(),
                    hide || score == null ? null : score.total(), hide || score == null ? null : score.band(),
                    outcome, yesNo(critical),
                    !hasPrivate ? "none" : withPrivate ? "included" : "left out");
            if (score != null) {
                for (DomainScore d : score.domains().values()) {
                    if (!d.privateDomain() || withPrivate) {
                        out.add(Sheet.SCREENING_DOMAINS, s.id(), d.id(), yesNo(d.core()), d.score(), d.outcome());
                    }
                }
            }
        }
        for (Referral r : f.referrals) {
            if (r.privateReferral() && !withPrivate) {
                continue;
            }
            boolean changed = !r.createdAt().isBefore(from) || r.events().stream().anyMatch(e -> !e.at().isBefore(from));
            if (!changed) {
                continue;
            }
            LoopMeasures m = LoopMeasures.of(r, zone);
            boolean closed = r.status().closed();
            Long overdue = !closed && r.followUpDate() != null && r.followUpDate().isBefore(today)
                    ? ChronoUnit.DAYS.between(r.followUpDate(), today) : null;
            out.add(Sheet.REFERRALS, r.id(), family.id(), synthetic, r.subjectId(), r.kind(), r.need(),
                    r.destinationName(), r.urgency(), r.status(), yesNo(closed), m.outcome(), r.createdAt(),
                    r.firstUpdateAt(), r.closedAt(), r.followUpDate(), overdue, m.daysToFirstUpdate(),
                    m.daysToClosure(), yesNo(r.consentToShare()), names.get(r.referrerId()), r.visitId(),
                    r.screeningId(), r.previousId());
            for (ReferralEvent e : r.events()) {
                out.add(Sheet.REFERRAL_EVENTS, e.id(), r.id(), e.at(), e.kind(), e.status(), e.previousStatus(),
                        e.contact(), e.followUpDate(), names.get(e.by()));
            }
        }
        LocalDate fromDay = from == Instant.MIN ? LocalDate.MIN : from.atZone(zone).toLocalDate();
        for (Visit v : f.visits) {
            List<AcceptedCode> codes = f.codes.getOrDefault(v.id(), List.of()).stream()
                    .filter(a -> withPrivate || !a.confidential()).toList();
            boolean changed = !v.date().isBefore(fromDay) || codes.stream().anyMatch(a -> !a.acceptedAt().isBefore(from));
            if (!changed) {
                continue;
            }
            long screens = f.screenings.stream()
                    .filter(s -> s.visitId().equals(v.id()) && s.status() != ScreeningStatus.ENTERED_IN_ERROR).count();
            NoteSummary note = f.notes.get(v.id());
            out.add(Sheet.VISITS, v.id(), family.id(), synthetic, v.date(), v.kind(), v.minutes(), v.place(),
                    names.get(v.clinicianId()), ageMonths(people.get(v.childId()), v.date()), v.caregivers().size(),
                    v.childScreens().stream().map(Enum::name).collect(Collectors.joining(";")), screens,
                    note == null ? null : note.status(),
                    codes.stream().map(AcceptedCode::display).collect(Collectors.joining(";")));
            for (AcceptedCode a : codes) {
                out.add(Sheet.VISIT_CODES, v.id(), a.system(), a.code(), a.modifier(), a.verification(),
                        a.screeningId(), a.childScreen(), names.get(a.acceptedBy()), a.acceptedAt());
            }
        }
    }

    private static Long ageMonths(Member child, LocalDate on) {
        if (child == null || child.birthDate() == null || on == null) {
            return null;
        }
        return Period.between(child.birthDate(), on).toTotalMonths();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
