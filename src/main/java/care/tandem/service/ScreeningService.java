package care.tandem.service;

import care.tandem.domain.audit.AuditAction;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertAction;
import care.tandem.domain.screening.AlertKind;
import care.tandem.domain.screening.AlertStatus;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.AnswerState;
import care.tandem.domain.screening.Band;
import care.tandem.domain.screening.DueScreen;
import care.tandem.domain.screening.DueScreens;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.NotDoneReason;
import care.tandem.domain.screening.ScreeningSchedule;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Scorer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.persistence.AuditRepository;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.ScreeningRepository;
import care.tandem.persistence.WriteStamp;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Screening within a visit: start a screen, record answers (each saved at once, so nothing is lost to a crash or a
 * lock), score them by the instrument's published rules, raise urgent alerts for critical items the moment they
 * are answered, finish, correct, or record a screen as not done; what is due; results over time.
 */
public final class ScreeningService {
    static final String SCREENING = "screening";
    static final String ALERT = "screening_alert";
    static final String SCHEDULE_KEY = "screening.schedule";
    static final String GAD_SPANISH_KEY = "screening.gad_spanish_unverified";
    static final String EPDS_KEY = "screening.epds_thresholds";

    private final Database db;
    private final ScreeningRepository screenings;
    private final FamilyRepository families;
    private final InstallRepository install;
    private final AuditRepository audit;
    private final Stamps stamps;
    private final Session session;
    private final Supplier<InstrumentLibrary> bundled;
    private final ReferralService referrals;
    private volatile InstrumentLibrary library;

    public ScreeningService(Database db, ScreeningRepository screenings, FamilyRepository families,
                            InstallRepository install, AuditRepository audit, Stamps stamps, Session session,
                            Supplier<InstrumentLibrary> bundled, ReferralService referrals) {
        this.db = db;
        this.screenings = screenings;
        this.families = families;
        this.install = install;
        this.audit = audit;
        this.stamps = stamps;
        this.session = session;
        this.bundled = bundled;
        this.referrals = referrals;
    }

    // ---- instruments and settings ----

    /**
     * The instruments, with the clinic's settings applied (EPDS thresholds). The first call reads and checks the
     * instrument files (about a second): call it off the FX thread; the app does so right after the first window.
     */
    public InstrumentLibrary instruments() {
        InstrumentLibrary l = library;
        if (l == null) {
            synchronized (this) {
                l = library;
                if (l == null) {
                    InstrumentLibrary base;
                    try {
                        base = bundled.get();
                    } catch (RuntimeException e) {
                        throw new ProblemException(Problem.INSTRUMENTS_DAMAGED, e);
                    }
                    l = configure(base, settings());
                    library = l;
                }
            }
        }
        return l;
    }

    private static InstrumentLibrary configure(InstrumentLibrary base, ScreeningSettings s) {
        List<Instrument> all = new ArrayList<>();
        for (Instrument i : base.all()) {
            if (i.id().equals("epds")) {
                List<Band> bands = List.of(new Band("below-threshold", 0, s.epdsPositive() - 1),
                        new Band("possible-depression", s.epdsPositive(), s.epdsLikely() - 1),
                        new Band("likely-depression", s.epdsLikely(), 30));
                i = i.withRules(i.rules().withThresholds(s.epdsPositive(),
                        bands.stream().filter(b -> b.max() >= b.min()).toList()));
            }
            all.add(i);
        }
        return new InstrumentLibrary(all, base.otherVersions());
    }

    /**
     * Forgets the instruments read so far, so the next use reads them again: after a clinic imported a
     * Questionnaire or made another version current (ADR 0008).
     */
    public void instrumentsChanged() {
        synchronized (this) {
            library = null;
        }
    }

    public ScreeningSettings settings() {
        return db.read(c -> {
            ScreeningSchedule schedule = install.setting(c, SCHEDULE_KEY).map(ScreeningService::schedule)
                    .orElse(ScreeningSchedule.standard());
            boolean gad = install.setting(c, GAD_SPANISH_KEY).map(Boolean::parseBoolean).orElse(false);
            int[] epds = install.setting(c, EPDS_KEY).map(ScreeningService::thresholds)
                    .orElse(new int[]{ScreeningSettings.EPDS_POSITIVE, ScreeningSettings.EPDS_LIKELY});
            return new ScreeningSettings(schedule, gad, epds[0], epds[1]);
        });
    }

    private static ScreeningSchedule schedule(String text) {
        try {
            return ScreeningSchedule.decode(text);
        } catch (IllegalArgumentException e) {
            return ScreeningSchedule.standard();
        }
    }

    private static int[] thresholds(String text) {
        try {
            String[] p = text.split(",");
            return new int[]{Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
        } catch (RuntimeException e) {
            return new int[]{ScreeningSettings.EPDS_POSITIVE, ScreeningSettings.EPDS_LIKELY};
        }
    }

    /** Administrators change the screening settings. */
    public void saveSettings(ScreeningSettings s) {
        UUID user = session.requireRole(care.tandem.domain.user.Role.ADMINISTRATOR).id();
        db.write(c -> {
            WriteStamp st = stamps.now(user);
            install.putSetting(c, SCHEDULE_KEY, s.schedule().encode(), st);
            install.putSetting(c, GAD_SPANISH_KEY, Boolean.toString(s.unverifiedGadSpanish()), st);
            install.putSetting(c, EPDS_KEY, s.epdsPositive() + "," + s.epdsLikely(), st);
            return null;
        });
        synchronized (this) {
            library = null;
        }
    }

    /**
     * The languages an instrument may be given in here: its verified ones, plus its unverified ones where the clinic
     * has allowed them (GAD-2/GAD-7 Spanish). Never a machine translation.
     */
    public List<String> languages(String instrumentId) {
        Instrument i = instruments().get(instrumentId);
        Set<String> out = new LinkedHashSet<>(List.of("en"));
        out.addAll(i.languages().stream().sorted().toList());
        if (settings().unverifiedGadSpanish()) {
            out.addAll(i.unverifiedLanguages().stream().sorted().toList());
        }
        return List.copyOf(out);
    }

    // ---- visits ----

    /**
     * Today's visit of this child (created on first use) with these caregivers present; the signed-in user is its
     * clinician.
     */
    public Visit visitToday(UUID familyId, UUID childId, List<UUID> caregiversPresent) {
        return visitToday(familyId, childId, caregiversPresent, true);
    }

    /**
     * Today's visit of this child as it stands (a note written after the screens keeps the caregivers the screening
     * set-up recorded), or a new one with {@code caregiversIfNew} present.
     */
    public Visit visitTodayAsItIs(UUID familyId, UUID childId, List<UUID> caregiversIfNew) {
        return visitToday(familyId, childId, caregiversIfNew, false);
    }

    private Visit visitToday(UUID familyId, UUID childId, List<UUID> caregiversPresent, boolean setCaregivers) {
        UUID user = session.require().id();
        LocalDate today = LocalDate.now(stamps.clock());
        return db.write(c -> {
            Family f = family(c, familyId);
            member(f, childId);
            caregiversPresent.forEach(id -> member(f, id));
            var existing = screenings.visitOn(c, familyId, childId, today);
            WriteStamp s = stamps.now(user);
            if (existing.isPresent()) {
                Visit v = existing.get();
                if (setCaregivers
                        && !new LinkedHashSet<>(v.caregivers()).equals(new LinkedHashSet<>(caregiversPresent))) {
                    screenings.updateVisitCaregivers(c, v.id(), caregiversPresent, s);
                }
                return screenings.visit(c, v.id()).orElseThrow();
            }
            Visit v = new Visit(UUID.randomUUID(), familyId, childId, today, user, caregiversPresent, 1);
            screenings.insertVisit(c, v, s);
            audit.append(c, s, AuditAction.CREATE, "visit", v.id(), "");
            return v;
        });
    }

    // ---- giving a screen ----

    /**
     * Starts a screen in a visit.
     *
     * @param subjectId    the caregiver screened
     * @param respondentId who answers (usually the same caregiver)
     * @throws ProblemException BAD_ARGUMENT for a language the instrument may not be given in here
     */
    public Screening start(UUID visitId, UUID subjectId, UUID respondentId, String instrumentId, String language,
                           AdministrationMode mode) {
        UUID user = session.require().id();
        Instrument ins = instrument(instrumentId);
        if (!languages(instrumentId).contains(language)) {
            throw new ProblemException(Problem.BAD_ARGUMENT, instrumentId + "/" + language);
        }
        return db.write(c -> {
            Visit v = screenings.visit(c, visitId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            Family f = family(c, v.familyId());
            member(f, subjectId);
            if (respondentId != null) {
                member(f, respondentId);
            }
            WriteStamp s = stamps.now(user);
            Screening x = new Screening(UUID.randomUUID(), visitId, v.familyId(), subjectId, respondentId, ins.id(),
                    ins.version(), language, mode, ScreeningStatus.IN_PROGRESS, null, null, null, null, false, user,
                    s.at(), null, Scorer.score(ins, List.of()), List.of(), 1);
            screenings.insertScreening(c, x, s);
            audit.append(c, s, AuditAction.CREATE, SCREENING, x.id(), ins.id());
            return screenings.find(c, x.id()).orElseThrow();
        });
    }

    /** Records one answer (replacing an earlier one) and rescores; a critical answer raises its alert at once. */
    public ScreeningProgress answer(UUID screeningId, Answer answer) {
        return step(screeningId, (c, x, s) -> screenings.putAnswer(c, screeningId, answer, s), List.of(answer), false);
    }

    /** Removes an answer from a screen in progress. */
    public ScreeningProgress clear(UUID screeningId, String item) {
        return step(screeningId, (c, x, s) -> screenings.removeAnswer(c, screeningId, item, s), List.of(), false);
    }

    /**
     * Defers the private (interpersonal-safety) questions: the caregiver is not alone. They are recorded as not
     * asked; the domain stays incomplete, never negative; the screen can be resumed to ask them later.
     */
    public ScreeningProgress deferPrivate(UUID screeningId) {
        return step(screeningId, (c, x, s) -> {
            for (String item : instrument(x).privateItems()) {
                if (x.answers().stream().noneMatch(a -> a.item().equals(item) && a.answered())) {
                    screenings.putAnswer(c, screeningId, Answer.deferred(item), s);
                }
            }
        }, List.of(), false);
    }

    /** Finishes a screen: its answers become final, scored as they stand (an unanswered item leaves it incomplete). */
    public ScreeningProgress finish(UUID screeningId) {
        return step(screeningId, (c, x, s) -> { }, List.of(), true);
    }

    private interface Change {
        void apply(Connection c, Screening current, WriteStamp s) throws SQLException;
    }

    private ScreeningProgress step(UUID screeningId, Change change, List<Answer> toCheck, boolean finishing) {
        UUID user = session.require().id();
        return db.write(c -> {
            Screening x = screenings.find(c, screeningId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            if (x.status() != ScreeningStatus.IN_PROGRESS) {
                throw new ProblemException(Problem.SCREENING_FINISHED);
            }
            Instrument ins = instrument(x);
            check(ins, toCheck);
            WriteStamp s = stamps.now(user);
            change.apply(c, x, s);
            List<Answer> answers = screenings.answers(c, screeningId);
            List<Alert> raised = rescore(c, x, ins, answers,
                    finishing ? ScreeningStatus.COMPLETED : ScreeningStatus.IN_PROGRESS, s);
            if (finishing) {
                audit.append(c, s, AuditAction.CHANGE, SCREENING, screeningId, "finished");
            }
            return new ScreeningProgress(screenings.find(c, screeningId).orElseThrow(), raised);
        });
    }

    private static void check(Instrument ins, List<Answer> answers) {
        try {
            Scorer.score(ins, answers);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.BAD_ARGUMENT, e.getMessage());
        }
    }

    /** Scores the answers as they stand, stores the score with the status, and brings the alerts in line. */
    private List<Alert> rescore(Connection c, Screening x, Instrument ins, List<Answer> answers, ScreeningStatus status,
                                WriteStamp s) throws SQLException {
        Score score = Scorer.score(ins, answers);
        boolean deferred = answers.stream().anyMatch(a -> a.state() == AnswerState.DEFERRED);
        screenings.updateScore(c, x.id(), score, status, deferred, s);
        return syncAlerts(c, x, score, answers, s);
    }

    /** Raises an alert for each critical (or declined critical) item not yet alerted; withdraws those no longer so. */
    private List<Alert> syncAlerts(Connection c, Screening x, Score score, List<Answer> answers, WriteStamp s)
            throws SQLException {
        Map<String, AlertKind> wanted = new LinkedHashMap<>();
        score.critical().forEach(i -> wanted.put(i, AlertKind.CRITICAL));
        score.askDirectly().forEach(i -> wanted.put(i, AlertKind.ASK_DIRECTLY));
        List<Alert> existing = screenings.alertsFor(c, x.id());
        if (x.correctsId() != null) {
            existing = new ArrayList<>(existing);
            existing.addAll(screenings.alertsFor(c, x.correctsId()).stream()
                    .filter(a -> a.status() == AlertStatus.ACTED).toList());
        }
        for (Alert a : existing) {
            if (a.open() && wanted.get(a.item()) != a.kind()) {
                screenings.closeAlert(c, a.id(), AlertStatus.WITHDRAWN, null, "answer changed", s);
            }
        }
        List<Alert> raised = new ArrayList<>();
        for (var w : wanted.entrySet()) {
            boolean known = existing.stream().anyMatch(a -> a.item().equals(w.getKey()) && a.kind() == w.getValue()
                    && a.status() != AlertStatus.WITHDRAWN);
            if (!known) {
                String code = answers.stream().filter(a -> a.item().equals(w.getKey())).findFirst()
                        .map(a -> String.join(" ", a.codes())).orElse("");
                Alert a = new Alert(UUID.randomUUID(), x.id(), x.familyId(), x.subjectId(), x.instrument(), w.getKey(),
                        code, w.getValue(), AlertStatus.OPEN, s.at(), null, "", null, null);
                screenings.insertAlert(c, a, s);
                raised.add(a);
            }
        }
        return raised;
    }

    /**
     * After a positive PHQ-2 or GAD-2: starts the PHQ-9 or GAD-7 in the same visit, same language and mode, with the
     * two answers already given kept.
     *
     * @throws ProblemException BAD_ARGUMENT when the screen has no follow-up instrument
     */
    public Screening followUp(UUID screeningId) {
        Screening first = open(screeningId);
        Instrument ins = instrument(first);
        if (ins.rules().followUp() == null) {
            throw new ProblemException(Problem.BAD_ARGUMENT, first.instrument());
        }
        Instrument next = instrument(ins.rules().followUp());
        String language = languages(next.id()).contains(first.language()) ? first.language() : "en";
        UUID user = session.require().id();
        return db.write(c -> {
            WriteStamp s = stamps.now(user);
            Screening x = new Screening(UUID.randomUUID(), first.visitId(), first.familyId(), first.subjectId(),
                    first.respondentId(), next.id(), next.version(), language, first.mode(), ScreeningStatus.IN_PROGRESS,
                    null, null, null, first.id(), false, user, s.at(), null, Scorer.score(next, List.of()), List.of(), 1);
            screenings.insertScreening(c, x, s);
            List<Answer> kept = first.answers().stream().filter(a -> next.item(a.item()).isPresent()).toList();
            for (Answer a : kept) {
                screenings.putAnswer(c, x.id(), a, s);
            }
            rescore(c, x, next, kept, ScreeningStatus.IN_PROGRESS, s);
            audit.append(c, s, AuditAction.CREATE, SCREENING, x.id(), next.id() + " follows " + first.instrument());
            return screenings.find(c, x.id()).orElseThrow();
        });
    }

    /** Records that a screen was not given in this visit, and why. */
    public Screening notDone(UUID visitId, UUID subjectId, String instrumentId, NotDoneReason reason) {
        UUID user = session.require().id();
        Instrument ins = instrument(instrumentId);
        Objects.requireNonNull(reason, "reason");
        return db.write(c -> {
            Visit v = screenings.visit(c, visitId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            member(family(c, v.familyId()), subjectId);
            WriteStamp s = stamps.now(user);
            Screening x = new Screening(UUID.randomUUID(), visitId, v.familyId(), subjectId, null, ins.id(),
                    ins.version(), "en", AdministrationMode.CLINICIAN, ScreeningStatus.NOT_DONE, reason, null, null,
                    null, false, user, s.at(), s.at(), null, List.of(), 1);
            screenings.insertScreening(c, x, s);
            audit.append(c, s, AuditAction.CREATE, SCREENING, x.id(), ins.id() + " not done");
            return screenings.find(c, x.id()).orElseThrow();
        });
    }

    /**
     * Corrects a mis-keyed screen: marks it entered in error with the reason and records the right answers as a new,
     * finished screen that points to it. Alerts follow the corrected answers (one already acted on is not raised
     * again); both screens stay, and both steps are audited.
     */
    public ScreeningProgress correct(UUID screeningId, String reason, List<Answer> answers) {
        UUID user = session.require().id();
        requireReason(reason);
        return db.write(c -> {
            Screening old = screenings.find(c, screeningId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            Instrument ins = instrument(old);
            check(ins, answers);
            WriteStamp s = stamps.now(user);
            enteredInError(c, screeningId, reason, s);
            Screening x = new Screening(UUID.randomUUID(), old.visitId(), old.familyId(), old.subjectId(),
                    old.respondentId(), old.instrument(), ins.version(), old.language(), old.mode(),
                    ScreeningStatus.IN_PROGRESS, null, null, old.id(), old.followsId(), false, user, s.at(), null,
                    Scorer.score(ins, List.of()), List.of(), 1);
            screenings.insertScreening(c, x, s);
            for (Answer a : answers) {
                screenings.putAnswer(c, x.id(), a, s);
            }
            List<Alert> raised = rescore(c, x, ins, answers, ScreeningStatus.COMPLETED, s);
            audit.append(c, s, AuditAction.CREATE, SCREENING, x.id(), "corrects " + old.id());
            return new ScreeningProgress(screenings.find(c, x.id()).orElseThrow(), raised);
        });
    }

    private void enteredInError(Connection c, UUID screeningId, String reason, WriteStamp s) throws SQLException {
        Screening x = screenings.find(c, screeningId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        if (x.status() == ScreeningStatus.ENTERED_IN_ERROR || x.status() == ScreeningStatus.IN_PROGRESS) {
            throw new ProblemException(Problem.BAD_ARGUMENT, x.status().name());
        }
        screenings.markEnteredInError(c, screeningId, reason.strip(), s);
        for (Alert a : screenings.alertsFor(c, screeningId)) {
            if (a.open()) {
                screenings.closeAlert(c, a.id(), AlertStatus.WITHDRAWN, null, "entered in error", s);
            }
        }
        audit.append(c, s, AuditAction.ENTERED_IN_ERROR, SCREENING, screeningId, "");
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "reason");
        }
    }

    // ---- reading ----

    /** A screen with its answers; audited as a view. */
    public Screening open(UUID screeningId) {
        UUID user = session.require().id();
        Screening x = db.read(c -> screenings.find(c, screeningId))
                .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        db.write(c -> {
            audit.append(c, stamps.now(user), AuditAction.VIEW, SCREENING, screeningId, "");
            return null;
        });
        return x;
    }

    /** Audits that a clinician opened the private (interpersonal-safety) part of a screen. */
    public void viewedPrivate(UUID screeningId) {
        UUID user = session.require().id();
        db.write(c -> {
            audit.append(c, stamps.now(user), AuditAction.VIEW_PRIVATE, SCREENING, screeningId, "");
            return null;
        });
    }

    /** A family's screens, newest first (scores, no answers). */
    public List<Screening> forFamily(UUID familyId) {
        session.require();
        return db.read(c -> screenings.forFamily(c, familyId));
    }

    /** One caregiver's finished screens with one instrument, oldest first, for the trend chart. */
    public List<Screening> history(UUID subjectId, String instrumentId) {
        session.require();
        return db.read(c -> screenings.history(c, subjectId, instrumentId)).stream()
                .filter(x -> x.status() == ScreeningStatus.COMPLETED).toList();
    }

    /** How many unfinished screens the Screening worklist shows at most. */
    public static final int WORKLIST_LIMIT = 100;

    /** Unfinished screens of every family, most recently started first, at most {@link #WORKLIST_LIMIT}. */
    public List<Screening> unfinishedAll() {
        session.require();
        return db.read(c -> screenings.inProgress(c, WORKLIST_LIMIT));
    }

    /** What is due today for this family, from the youngest child's age, its past screens and the clinic schedule. */
    public List<DueScreen> due(UUID familyId) {
        session.require();
        ScreeningSchedule schedule = settings().schedule();
        return db.read(c -> {
            Family f = family(c, familyId);
            LocalDate youngest = f.children().stream().map(Member::birthDate).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            List<UUID> caregivers = f.caregivers().stream().map(Member::id).toList();
            return DueScreens.due(schedule, youngest, caregivers, screenings.past(c, familyId),
                    LocalDate.now(stamps.clock()));
        });
    }

    // ---- alerts ----

    /** Open urgent alerts, oldest first: of one family, or all of them when {@code familyId} is null. */
    public List<Alert> openAlerts(UUID familyId) {
        session.require();
        return db.read(c -> screenings.openAlerts(c, familyId));
    }

    /**
     * Records what was done about an alert, by whom and when. A warm hand-off is also a referral: the one made for
     * this caregiver in this visit is linked, or a new one is made, in the same step.
     *
     * @throws ProblemException BAD_ARGUMENT without a reason where the action needs one; ALERT_CLOSED when it was
     *                          already acted on (elsewhere)
     */
    public Alert act(UUID alertId, AlertAction action, String note) {
        UUID user = session.require().id();
        Objects.requireNonNull(action, "action");
        if (action.needsReason() && (note == null || note.isBlank())) {
            throw new ProblemException(Problem.BAD_ARGUMENT, "reason");
        }
        if (action == AlertAction.WARM_HANDOFF) {
            referrals.seed();
        }
        return db.write(c -> {
            Alert a = screenings.alert(c, alertId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            if (!a.open()) {
                throw new ProblemException(Problem.ALERT_CLOSED);
            }
            WriteStamp s = stamps.now(user);
            screenings.closeAlert(c, alertId, AlertStatus.ACTED, action, note == null ? "" : note.strip(), s);
            audit.append(c, s, AuditAction.ALERT_ACTED, ALERT, alertId, action.name());
            if (action == AlertAction.WARM_HANDOFF) {
                Screening x = screenings.find(c, a.screeningId()).orElseThrow();
                referrals.warmHandoff(c, a.familyId(), a.subjectId(), x.visitId(), x.id(), alertId, user);
            }
            return screenings.alert(c, alertId).orElseThrow();
        });
    }

    // ---- helpers ----

    private Instrument instrument(String id) {
        return instruments().find(id).orElseThrow(() -> new ProblemException(Problem.BAD_ARGUMENT, id));
    }

    /**
     * The version of its instrument a screen was begun with: a screen begun before an administrator made an imported
     * version current is shown and scored with the version it began with (ADR 0008).
     */
    public Instrument instrumentOf(Screening x) {
        return instrument(x);
    }

    /** The version of its instrument a screen was begun with (an imported version stays in use for its screens). */
    private Instrument instrument(Screening x) {
        return instruments().find(x.instrument(), x.instrumentVersion())
                .orElseThrow(() -> new ProblemException(Problem.BAD_ARGUMENT, x.instrument()));
    }

    private Family family(Connection c, UUID familyId) throws SQLException {
        return families.find(c, familyId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
    }

    private static Member member(Family f, UUID personId) {
        return f.members().stream().filter(m -> m.id().equals(personId)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
    }
}
