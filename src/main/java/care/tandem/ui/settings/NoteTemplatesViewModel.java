package care.tandem.ui.settings;

import care.tandem.domain.note.NoteTemplate;
import care.tandem.domain.note.SectionFill;
import care.tandem.domain.note.TemplateSection;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.i18n.Texts;
import care.tandem.service.NoteService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.common.ProblemTexts;
import javafx.beans.Observable;
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
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The administrator's note templates: the list (retired ones marked), one edited at a time (its name, the visit kinds
 * it is offered first for, its sections in order with key, heading, prompt and what Tandem fills in), sections added,
 * removed and moved, templates added, retired and restored. A template that cannot be saved says why in words; one saved
 * elsewhere meanwhile is shown as saved there. At least one template stays in use, or no note could be started.
 */
public final class NoteTemplatesViewModel {

    /** A section of the template being edited. */
    public static final class SectionDraft {
        private final StringProperty key = new SimpleStringProperty(this, "key", "");
        private final StringProperty heading = new SimpleStringProperty(this, "heading", "");
        private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
        private final ObjectProperty<SectionFill> fill = new SimpleObjectProperty<>(this, "fill", SectionFill.NONE);

        SectionDraft(TemplateSection s) {
            key.set(s.key());
            heading.set(s.heading());
            prompt.set(s.prompt());
            fill.set(s.fill());
        }

        TemplateSection section() {
            return new TemplateSection(strip(key), strip(heading), strip(prompt), fill.get());
        }

        public StringProperty key() {
            return key;
        }

        public StringProperty heading() {
            return heading;
        }

        public StringProperty prompt() {
            return prompt;
        }

        public ObjectProperty<SectionFill> fill() {
            return fill;
        }
    }

    private final NoteService notes;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final ObservableList<NoteTemplate> templates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<NoteTemplate> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final ReadOnlyBooleanWrapper isNew = new ReadOnlyBooleanWrapper(this, "isNew");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final Map<VisitKind, BooleanProperty> kinds = new EnumMap<>(VisitKind.class);
    // The list tells its views when a section's key, heading or fill changes, so the rows show what is typed.
    private final ObservableList<SectionDraft> sections = FXCollections.observableArrayList(
            d -> new Observable[]{d.key, d.heading, d.fill});
    private final ObjectProperty<SectionDraft> selectedSection = new SimpleObjectProperty<>(this, "selectedSection");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper(this, "messageIsProblem");

    public NoteTemplatesViewModel(NoteService notes, BackgroundRunner runner, DialogService dialogs, Texts texts) {
        this.notes = notes;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        for (VisitKind k : VisitKind.values()) {
            kinds.put(k, new SimpleBooleanProperty(this, k.name()));
        }
    }

    /** Reads the templates, retired ones too; the first is edited when none is yet. */
    public void load() {
        runner.read(() -> notes.templates(true), list -> {
            templates.setAll(list);
            if (editing.get() == null && !list.isEmpty()) {
                fill(list.get(0), false);
            }
        }, dialogs::showProblem);
    }

    /**
     * Edits a template; with unsaved changes to another, asks first.
     *
     * @return false when the administrator kept the unsaved changes
     */
    public boolean edit(NoteTemplate t) {
        if (t == null || (editing.get() != null && editing.get().id().equals(t.id()) && !isNew.get())) {
            return true;
        }
        if (!mayLeave()) {
            return false;
        }
        fill(t, false);
        return true;
    }

    /** Starts a new template, with no sections yet (asking first about unsaved changes). */
    public boolean newTemplate() {
        if (!mayLeave()) {
            return false;
        }
        fill(new NoteTemplate(UUID.randomUUID(), "", Set.of(), List.of(), null, true, 0), true);
        return true;
    }

    /** True when nothing unsaved would be lost, or the administrator agreed to lose it. */
    public boolean mayLeave() {
        return !hasUnsavedChanges()
                || dialogs.confirm("settings.templates.discard.title", "settings.templates.discard.message");
    }

    /** Whether the form differs from the template as stored. */
    public boolean hasUnsavedChanges() {
        NoteTemplate t = editing.get();
        return t != null && !form(t.active()).equals(t);
    }

    private void fill(NoteTemplate t, boolean fresh) {
        editing.set(t);
        isNew.set(fresh);
        name.set(t.name());
        kinds.forEach((k, p) -> p.set(t.kinds().contains(k)));
        sections.setAll(t.sections().stream().map(SectionDraft::new).toList());
        selectedSection.set(sections.isEmpty() ? null : sections.get(0));
        say("", false);
    }

    private NoteTemplate form(boolean active) {
        NoteTemplate t = editing.get();
        Set<VisitKind> offered = EnumSet.noneOf(VisitKind.class);
        kinds.forEach((k, p) -> {
            if (p.get()) {
                offered.add(k);
            }
        });
        return new NoteTemplate(t.id(), strip(name), offered, sections.stream().map(SectionDraft::section).toList(),
                t.seedKey(), active, t.revision());
    }

    /** Adds an empty section after the one chosen (at the end when none is), with a key no other section has. */
    public void addSection() {
        if (editing.get() == null) {
            return;
        }
        int n = sections.size() + 1;
        while (keyTaken("section-" + n)) {
            n++;
        }
        SectionDraft added = new SectionDraft(new TemplateSection("section-" + n, "", "", SectionFill.NONE));
        int at = selectedSection.get() == null ? sections.size() : sections.indexOf(selectedSection.get()) + 1;
        sections.add(at, added);
        selectedSection.set(added);
    }

    private boolean keyTaken(String key) {
        return sections.stream().anyMatch(d -> strip(d.key).equals(key));
    }

    /** Removes the chosen section; the one after it (or before, at the end) is chosen next. */
    public void removeSection() {
        int i = sections.indexOf(selectedSection.get());
        if (i < 0) {
            return;
        }
        sections.remove(i);
        selectedSection.set(sections.isEmpty() ? null : sections.get(Math.min(i, sections.size() - 1)));
    }

    /** Moves the chosen section one place up in the note. */
    public void moveUp() {
        move(-1);
    }

    /** Moves the chosen section one place down in the note. */
    public void moveDown() {
        move(1);
    }

    private void move(int step) {
        SectionDraft chosen = selectedSection.get();
        int i = sections.indexOf(chosen);
        int j = i + step;
        if (i < 0 || j < 0 || j >= sections.size()) {
            return;
        }
        List<SectionDraft> order = new ArrayList<>(sections);
        Collections.swap(order, i, j);
        sections.setAll(order);
        selectedSection.set(chosen);
    }

    /** Saves the form. */
    public void save() {
        if (editing.get() != null) {
            store(form(editing.get().active()), "settings.templates.saved");
        }
    }

    /** Takes the template out of use (kept for the notes drafted with it; it can be restored). */
    public void retire() {
        if (editing.get() == null || isNew.get()) {
            return;
        }
        boolean another = templates.stream().anyMatch(t -> t.active() && !t.id().equals(editing.get().id()));
        if (!another) {
            say(texts.get("settings.templates.lastInUse"), true);
            return;
        }
        store(form(false), "settings.templates.retired");
    }

    /** Puts a retired template back into use. */
    public void restore() {
        if (editing.get() != null && !isNew.get()) {
            store(form(true), "settings.templates.restored");
        }
    }

    private record Saved(NoteTemplate saved, List<NoteTemplate> all) {
    }

    private void store(NoteTemplate t, String doneKey) {
        if (busy.get()) {
            return;
        }
        String problem = t.problem().map(this::problemText).orElse(null);
        if (problem != null) {
            say(problem, true);
            return;
        }
        busy.set(true);
        runner.write(() -> {
            NoteTemplate saved = notes.saveTemplate(t);
            return new Saved(saved, notes.templates(true));
        }, s -> {
            busy.set(false);
            templates.setAll(s.all());
            fill(s.saved(), false);
            say(texts.get(doneKey), false);
        }, failure -> {
            busy.set(false);
            if (failure instanceof ProblemException p && p.problem() == Problem.RECORD_CHANGED_ELSEWHERE) {
                changedElsewhere(t.id());
            } else if (failure instanceof ProblemException) {
                say(ProblemTexts.describe(failure, texts), true);
            } else {
                dialogs.showProblem(failure);
            }
        });
    }

    // Saved meanwhile (another window, or another laptop's sync): show that version and say this edit was not saved.
    private void changedElsewhere(UUID id) {
        runner.read(() -> notes.templates(true), list -> {
            templates.setAll(list);
            list.stream().filter(t -> t.id().equals(id)).findFirst().ifPresent(t -> fill(t, false));
            say(texts.get("settings.templates.changedElsewhere"), true);
        }, dialogs::showProblem);
    }

    // NoteTemplate.problem() names what is wrong: "name", "sections" or "section <key>"; the faulty section is chosen.
    private String problemText(String problem) {
        if (!problem.startsWith("section ")) {
            return texts.get("settings.templates.problem." + problem);
        }
        String key = problem.substring("section ".length());
        sections.stream().filter(d -> strip(d.key).equals(key)).reduce((first, last) -> last)
                .ifPresent(selectedSection::set);
        return key.isEmpty() ? texts.get("settings.templates.problem.sectionKey")
                : texts.get("settings.templates.problem.section", key);
    }

    private void say(String text, boolean problem) {
        messageIsProblem.set(problem);
        message.set(text);
    }

    private static String strip(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    /** A template in the list: its name, and "retired" when out of use. */
    public String templateText(NoteTemplate t) {
        String shown = t.name().isBlank() ? texts.get("settings.templates.unnamed") : t.name();
        return t.active() ? shown : texts.get("settings.templates.retiredName", shown);
    }

    /** Where the template being edited stands: new and not saved yet, retired, or in use. */
    public String statusText() {
        NoteTemplate t = editing.get();
        if (t == null) {
            return "";
        }
        return texts.get(isNew.get() ? "settings.templates.status.new"
                : t.active() ? "settings.templates.status.inUse" : "settings.templates.status.retired");
    }

    /** A section in the list: its heading (or "no heading yet"), key, and what Tandem writes into it. */
    public String sectionText(SectionDraft d) {
        String heading = strip(d.heading);
        String shown = texts.get("settings.templates.sectionRow", heading.isEmpty()
                ? texts.get("settings.templates.noHeading") : heading, strip(d.key));
        SectionFill f = d.fill.get();
        return f == null || f == SectionFill.NONE ? shown
                : texts.get("settings.templates.sectionRow.filled", shown, texts.get("settings.templates.filled." + f.name()));
    }

    public String kindText(VisitKind k) {
        return texts.get("visits.kind." + k.name());
    }

    public String fillText(SectionFill f) {
        return texts.get("settings.templates.fill." + f.name());
    }

    public Texts texts() {
        return texts;
    }

    /** Every template, retired ones too, by name. */
    public ObservableList<NoteTemplate> templates() {
        return templates;
    }

    /** The template as stored (with its revision), or a new one; null before the list is read. */
    public ReadOnlyObjectProperty<NoteTemplate> editing() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty isNew() {
        return isNew.getReadOnlyProperty();
    }

    public StringProperty name() {
        return name;
    }

    /** Whether the template is offered first for visits of this kind. */
    public BooleanProperty kind(VisitKind k) {
        return kinds.get(k);
    }

    /** The sections in the order the note shows them. */
    public ObservableList<SectionDraft> sections() {
        return sections;
    }

    /** The section whose key, heading, prompt and fill are being edited, or null. */
    public ObjectProperty<SectionDraft> selectedSection() {
        return selectedSection;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** "Saved.", "Retired.", or what stopped the save. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblem() {
        return messageIsProblem.getReadOnlyProperty();
    }
}
