package care.tandem.ui.note;

import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.MandatedReport;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.note.NoteSection;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.note.VisitPlace;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.user.Role;
import care.tandem.domain.user.User;
import care.tandem.i18n.Texts;
import care.tandem.domain.family.Family;
import care.tandem.service.FamilyService;
import care.tandem.service.NotePrinting;
import care.tandem.service.NoteService;
import care.tandem.service.ReferralService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One visit's note being written, signed, co-signed or added to. While the note is a draft every edit marks it
 * unsaved and the view saves it moments later ({@link #saveNow()}), so nothing typed is lost to a crash, a lock or a
 * closed window; signing saves first. Interventions are ticked through the service, which writes their sentence
 * (and makes the warm hand-off); referrals made in this visit are linked with their sentence.
 */
public final class NoteEditorViewModel {
    /** What the editor shows. */
    public enum State { EMPTY, LOADING, SHOWN }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final NoteService notes;
    private final ReferralService referrals;
    private final FamilyService families;
    private final NotePrinting printing;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final NoteWords words;
    private final Texts t;
    private final Supplier<Optional<User>> user;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyObjectWrapper<Note> note = new ReadOnlyObjectWrapper<>(this, "note");
    private final ReadOnlyObjectWrapper<Visit> visit = new ReadOnlyObjectWrapper<>(this, "visit");
    private final ReadOnlyObjectWrapper<Family> family = new ReadOnlyObjectWrapper<>(this, "family");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper(this, "saveState", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper paperState = new ReadOnlyStringWrapper(this, "paperState", "");
    private final Map<String, StringProperty> sections = new LinkedHashMap<>();
    private final ObservableSet<PresentingConcern> concerns = FXCollections.observableSet();
    private final StringProperty concernText = new SimpleStringProperty(this, "concernText", "");
    private final StringProperty confidential = new SimpleStringProperty(this, "confidential", "");
    private final ObjectProperty<VisitKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty minutes = new SimpleStringProperty(this, "minutes", "");
    private final ObjectProperty<VisitPlace> place = new SimpleObjectProperty<>(this, "place");
    private final ObservableSet<ChildScreen> childScreens = FXCollections.observableSet();
    private final BooleanProperty reportMade = new SimpleBooleanProperty(this, "reportMade");
    private final StringProperty reportDate = new SimpleStringProperty(this, "reportDate", "");
    private final StringProperty reportTime = new SimpleStringProperty(this, "reportTime", "");
    private final StringProperty reportAgency = new SimpleStringProperty(this, "reportAgency", "");
    private final StringProperty reportReference = new SimpleStringProperty(this, "reportReference", "");

    private long revision;
    private boolean loading;
    private boolean dirty;
    private boolean visitDirty;
    private boolean saving;
    private Runnable onChanged = () -> { };

    public NoteEditorViewModel(NoteService notes, ReferralService referrals, FamilyService families,
                               NotePrinting printing, BackgroundRunner runner, DialogService dialogs, NoteWords words,
                               Supplier<Optional<User>> user, Clock clock) {
        this.notes = notes;
        this.referrals = referrals;
        this.families = families;
        this.printing = printing;
        this.runner = runner;
        this.dialogs = dialogs;
        this.words = words;
        this.t = words.texts();
        this.user = user;
        this.clock = clock;
        concernText.addListener((obs, old, now) -> edited());
        confidential.addListener((obs, old, now) -> edited());
        concerns.addListener((SetChangeListener<PresentingConcern>) c -> edited());
        kind.addListener((obs, old, now) -> visitEdited());
        minutes.addListener((obs, old, now) -> visitEdited());
        place.addListener((obs, old, now) -> visitEdited());
        childScreens.addListener((SetChangeListener<ChildScreen>) c -> visitEdited());
    }

    /** Run on the FX thread after the note was saved in a way others show (signed, co-signed, a new addendum). */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    // ---- loading ----

    /** Opens the visit's note, made as a draft from the visit kind's template on first use. */
    public void openVisit(UUID visitId) {
        load(() -> notes.openForVisit(visitId));
    }

    /** Opens a note by its id (lists, the co-sign queue). */
    public void open(UUID noteId) {
        load(() -> notes.open(noteId));
    }

    private void load(java.util.concurrent.Callable<Note> opening) {
        if (saving || dirty || visitDirty) {
            saveNow();
        }
        state.set(State.LOADING);
        message.set("");
        runner.write(() -> {
            Note n = opening.call();
            return new Loaded(n, notes.visit(n.visitId()), families.find(n.familyId()).orElse(null));
        }, loaded -> {
            family.set(loaded.family());
            show(loaded.note(), loaded.visit());
        }, failure -> {
            state.set(State.EMPTY);
            dialogs.showProblem(failure);
        });
    }

    private record Loaded(Note note, Visit visit, Family family) {
    }

    private void show(Note n, Visit v) {
        loading = true;
        try {
            revision = n.revision();
            NoteContent c = n.content();
            boolean sameLayout = sections.keySet().equals(c.sections().stream().map(NoteSection::key)
                    .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)))
                    && note.get() != null && note.get().id().equals(n.id());
            if (!sameLayout) {
                sections.clear();
                for (NoteSection s : c.sections()) {
                    StringProperty text = new SimpleStringProperty(this, s.key(), s.text());
                    text.addListener((obs, old, now) -> edited());
                    sections.put(s.key(), text);
                }
            } else {
                c.sections().forEach(s -> sections.get(s.key()).set(s.text()));
            }
            concerns.retainAll(c.concerns());
            concerns.addAll(c.concerns());
            concernText.set(c.concernText());
            confidential.set(c.confidential());
            MandatedReport r = c.mandatedReport();
            reportMade.set(r != null);
            LocalDateTime at = r == null ? null : LocalDateTime.ofInstant(r.madeAt(), clock.getZone());
            reportDate.set(at == null ? "" : DATE.format(at));
            reportTime.set(at == null ? "" : TIME.format(at));
            reportAgency.set(r == null ? "" : r.agency());
            reportReference.set(r == null ? "" : r.reference());
            kind.set(v.kind());
            minutes.set(v.minutes() == null ? "" : Integer.toString(v.minutes()));
            place.set(v.place());
            childScreens.retainAll(v.childScreens());
            childScreens.addAll(v.childScreens());
            dirty = false;
            visitDirty = false;
            visit.set(v);
            note.set(null);
            note.set(n);
            saveState.set(n.status().editable() ? t.get("visits.note.saved") : "");
            state.set(State.SHOWN);
        } finally {
            loading = false;
        }
    }

    // ---- editing and saving ----

    private void edited() {
        if (!loading && editable()) {
            dirty = true;
            saveState.set(t.get("visits.note.unsaved"));
        }
    }

    private void visitEdited() {
        if (!loading && editable()) {
            visitDirty = true;
            saveState.set(t.get("visits.note.unsaved"));
        }
    }

    /** True when there are edits not yet saved (the view saves them shortly after typing stops). */
    public boolean hasUnsavedEdits() {
        return dirty || visitDirty;
    }

    /** Saves what was typed (and the visit's facts) now; a save in progress is followed by another if needed. */
    public void saveNow() {
        Note n = note.get();
        if (n == null || saving || !hasUnsavedEdits() || !editable()) {
            return;
        }
        Optional<Integer> mins = minutesValue();
        if (mins == null) {
            return;
        }
        saving = true;
        boolean saveText = dirty;
        boolean saveVisit = visitDirty;
        dirty = false;
        visitDirty = false;
        NoteContent content = content();
        long rev = revision;
        VisitKind k = kind.get();
        VisitPlace p = place.get();
        EnumSet<ChildScreen> screens = screens();
        saveState.set(t.get("visits.note.saving"));
        runner.write(() -> {
            Visit v = saveVisit ? notes.updateVisit(n.visitId(), k, mins.orElse(null), p, screens) : null;
            long r = saveText ? notes.saveDraft(n.id(), rev, content) : rev;
            return new Saved(r, v);
        }, saved -> {
            saving = false;
            revision = saved.revision();
            if (saved.visit() != null) {
                visit.set(saved.visit());
            }
            saveState.set(hasUnsavedEdits() ? t.get("visits.note.unsaved") : t.get("visits.note.saved"));
            if (hasUnsavedEdits()) {
                saveNow();
            }
        }, failure -> {
            saving = false;
            dirty |= saveText;
            visitDirty |= saveVisit;
            saveState.set(t.get("visits.note.notSaved"));
            dialogs.showProblem(failure);
        });
    }

    private record Saved(long revision, Visit visit) {
    }

    /** The minutes typed: empty when blank, null (with the message set) when not a whole number of minutes. */
    private Optional<Integer> minutesValue() {
        String m = minutes.get() == null ? "" : minutes.get().strip();
        if (m.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(m);
            if (value >= 0 && value <= 24 * 60) {
                message.set("");
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // told below
        }
        message.set(t.get("visits.note.minutes.bad"));
        saveState.set(t.get("visits.note.notSaved"));
        return null;
    }

    private EnumSet<ChildScreen> screens() {
        return childScreens.isEmpty() ? EnumSet.noneOf(ChildScreen.class) : EnumSet.copyOf(childScreens);
    }

    /** The note as typed: the stored content with the sections, concerns and confidential part replaced. */
    public NoteContent content() {
        NoteContent c = note.get().content();
        for (Map.Entry<String, StringProperty> e : sections.entrySet()) {
            if (c.section(e.getKey()).isPresent()) {
                c = c.withSectionText(e.getKey(), e.getValue().get());
            }
        }
        EnumSet<PresentingConcern> picked = concerns.isEmpty() ? EnumSet.noneOf(PresentingConcern.class)
                : EnumSet.copyOf(concerns);
        return c.withConcerns(picked, concernText.get()).withConfidential(confidential.get());
    }

    /** The visit's facts as typed (for the billing help). */
    public Visit visitAsTyped() {
        Visit v = visit.get();
        Optional<Integer> mins = minutesValue();
        Integer m = mins == null ? v.minutes() : mins.orElse(null);
        return new Visit(v.id(), v.familyId(), v.childId(), v.date(), v.clinicianId(), v.caregivers(),
                kind.get(), m, place.get(), screens(), v.revision());
    }

    // ---- interventions and referrals ----

    /**
     * Ticks or unticks an intervention (saving what was typed first); a warm hand-off is made for {@code subjectId}.
     */
    public void setIntervention(Intervention i, boolean ticked, UUID subjectId) {
        Note n = note.get();
        if (n == null || !editable() || busy.get()) {
            return;
        }
        NoteContent typed = content();
        boolean saveText = dirty;
        long rev = revision;
        dirty = false;
        busy.set(true);
        runner.write(() -> {
            long r = saveText ? notes.saveDraft(n.id(), rev, typed) : rev;
            return ticked ? notes.tick(n.id(), r, i, subjectId) : notes.untick(n.id(), r, i);
        }, this::afterStep, this::failed);
    }

    /**
     * Links every referral made in this visit that the note does not hold yet (after the new-referral dialog), each
     * with its sentence, and ticks "Referral" when one was linked.
     */
    public void linkVisitReferrals() {
        Note n = note.get();
        if (n == null || !editable() || busy.get()) {
            return;
        }
        NoteContent typed = content();
        boolean saveText = dirty;
        long rev = revision;
        dirty = false;
        busy.set(true);
        runner.write(() -> {
            long r = saveText ? notes.saveDraft(n.id(), rev, typed) : rev;
            Note now = null;
            for (Referral ref : referrals.forFamily(n.familyId())) {
                if (n.visitId().equals(ref.visitId()) && !typed.referralIds().contains(ref.id())) {
                    now = notes.linkReferral(n.id(), r, ref.id());
                    r = now.revision();
                }
            }
            if (now != null && !now.content().interventions().contains(Intervention.REFERRAL)) {
                now = notes.tick(n.id(), r, Intervention.REFERRAL, null);
            }
            return now == null ? notes.open(n.id()) : now;
        }, this::afterStep, this::failed);
    }

    /** Records the mandated report as typed (date MM/DD/YYYY, time H:MM, to whom, reference); unticked clears it. */
    public void saveMandatedReport() {
        Note n = note.get();
        if (n == null || !editable() || busy.get()) {
            return;
        }
        MandatedReport report = null;
        if (reportMade.get()) {
            LocalDate d;
            LocalTime time;
            try {
                d = LocalDate.parse(reportDate.get().strip(), DATE);
                time = LocalTime.parse(reportTime.get().strip(), TIME);
            } catch (DateTimeParseException e) {
                message.set(t.get("visits.note.report.badWhen"));
                return;
            }
            if (reportAgency.get() == null || reportAgency.get().isBlank()) {
                message.set(t.get("visits.note.report.needsAgency"));
                return;
            }
            report = new MandatedReport(d.atTime(time).atZone(clock.getZone()).toInstant(), reportAgency.get(),
                    reportReference.get());
        }
        message.set("");
        MandatedReport r0 = report;
        NoteContent typed = content();
        boolean saveText = dirty;
        long rev = revision;
        dirty = false;
        busy.set(true);
        runner.write(() -> {
            long r = saveText ? notes.saveDraft(n.id(), rev, typed) : rev;
            return notes.recordMandatedReport(n.id(), r, r0);
        }, this::afterStep, this::failed);
    }

    /** Fills the report's date and time with now (the clinician usually records it just after the call). */
    public void reportNow() {
        LocalDateTime now = LocalDateTime.now(clock);
        reportDate.set(DATE.format(now));
        reportTime.set(TIME.format(now));
    }

    // ---- signing ----

    /** Saves and signs: a licensed author's note is final; an associate's goes to the supervisor's queue. */
    public void sign() {
        Note n = note.get();
        if (n == null || !canSign() || busy.get()) {
            return;
        }
        Optional<Integer> mins = minutesValue();
        if (mins == null) {
            return;
        }
        NoteContent typed = content();
        boolean saveText = dirty;
        boolean saveVisit = visitDirty;
        long rev = revision;
        VisitKind k = kind.get();
        VisitPlace p = place.get();
        EnumSet<ChildScreen> screens = screens();
        dirty = false;
        visitDirty = false;
        busy.set(true);
        runner.write(() -> {
            if (saveVisit) {
                notes.updateVisit(n.visitId(), k, mins.orElse(null), p, screens);
            }
            long r = saveText ? notes.saveDraft(n.id(), rev, typed) : rev;
            return notes.sign(n.id(), r);
        }, signed -> {
            afterStep(signed);
            onChanged.run();
        }, this::failed);
    }

    /** Co-signs the associate's note with what the supervisor attests. */
    public void cosign(String attestation) {
        step(() -> notes.cosign(note.get().id(), attestation));
    }

    /** Returns the associate's note with a comment. */
    public void returnToAuthor(String comment) {
        step(() -> notes.returnToAuthor(note.get().id(), comment));
    }

    /** Adds a signed addendum to a signed note. */
    public void addAddendum(String text) {
        step(() -> notes.addAddendum(note.get().id(), text));
    }

    private void step(java.util.concurrent.Callable<Note> work) {
        if (note.get() == null || busy.get()) {
            return;
        }
        busy.set(true);
        runner.write(work, done -> {
            afterStep(done);
            onChanged.run();
        }, this::failed);
    }

    private void afterStep(Note n) {
        busy.set(false);
        Visit v = visit.get();
        runner.read(() -> notes.visit(n.visitId()), fresh -> show(n, fresh), failure -> show(n, v));
    }

    private void failed(Throwable failure) {
        busy.set(false);
        dialogs.showProblem(failure);
        Note n = note.get();
        if (n != null) {
            open(n.id());
        }
    }

    // ---- papers ----

    /** The papers a note gives: the note and the superbill, each for the clinic or for the family. */
    public enum Paper {
        NOTE_CLINIC(true), NOTE_FAMILY(false), SUPERBILL_CLINIC(true), SUPERBILL_FAMILY(false);

        private final boolean confidential;

        Paper(boolean confidential) {
            this.confidential = confidential;
        }

        /** True when the paper holds the confidential part (private results, codes that reveal them). */
        public boolean confidential() {
            return confidential;
        }

        public boolean note() {
            return this == NOTE_CLINIC || this == NOTE_FAMILY;
        }
    }

    /** Saves what is typed, writes the paper to {@code file} in the background, and prints it when asked. */
    public void writePaper(Paper paper, java.nio.file.Path file, boolean print) {
        Note n = note.get();
        if (n == null || busy.get()) {
            return;
        }
        saveNow();
        busy.set(true);
        paperState.set("");
        runner.write(() -> {
            if (paper.note()) {
                printing.notePdf(n.id(), file, paper.confidential());
            } else {
                printing.superbillPdf(n.visitId(), file, paper.confidential());
            }
            if (print) {
                printing.print(file);
            }
            return file.getFileName().toString();
        }, name -> {
            busy.set(false);
            paperState.set(t.get(print ? "visits.paper.printed" : "visits.paper.saved", name));
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /** "Saved visit-note.pdf", after a paper was written. */
    public ReadOnlyStringProperty paperStateProperty() {
        return paperState.getReadOnlyProperty();
    }

    /** True when the computer has a printer (asked in the background by the view). */
    public boolean printerAvailable() {
        return printing.printerAvailable();
    }

    // ---- what may be done ----

    public boolean editable() {
        Note n = note.get();
        return n != null && n.status().editable() && mine(n);
    }

    private boolean mine(Note n) {
        return user.get().map(u -> u.id().equals(n.authorId())).orElse(false);
    }

    public boolean canSign() {
        return editable();
    }

    /** True when the signed-in user is a supervisor and the note awaits a co-signature. */
    public boolean canCosign() {
        Note n = note.get();
        return n != null && n.status() == NoteStatus.AWAITING_COSIGN
                && user.get().map(u -> u.role() == Role.SUPERVISOR).orElse(false);
    }

    public boolean canAddAddendum() {
        Note n = note.get();
        return n != null && n.status().finished();
    }

    /** True when signing sends the note for a co-signature (the signed-in user is an associate). */
    public boolean signSendsForCosign() {
        return user.get().map(u -> u.role().needsSupervisor()).orElse(false);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Note> noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The visit's family (names in the header, the referral dialog, whom a warm hand-off is for). */
    public ReadOnlyObjectProperty<Family> familyProperty() {
        return family.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Visit> visitProperty() {
        return visit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Saved", "Saving…", "Unsaved changes", "Not saved". */
    public ReadOnlyStringProperty saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Each section's text, in the template's order. */
    public Map<String, StringProperty> sections() {
        return sections;
    }

    public ObservableSet<PresentingConcern> concerns() {
        return concerns;
    }

    public StringProperty concernText() {
        return concernText;
    }

    public StringProperty confidential() {
        return confidential;
    }

    public ObjectProperty<VisitKind> kind() {
        return kind;
    }

    public StringProperty minutes() {
        return minutes;
    }

    public ObjectProperty<VisitPlace> place() {
        return place;
    }

    public ObservableSet<ChildScreen> childScreens() {
        return childScreens;
    }

    public BooleanProperty reportMade() {
        return reportMade;
    }

    public StringProperty reportDate() {
        return reportDate;
    }

    public StringProperty reportTime() {
        return reportTime;
    }

    public StringProperty reportAgency() {
        return reportAgency;
    }

    public StringProperty reportReference() {
        return reportReference;
    }

    public NoteWords words() {
        return words;
    }
}
