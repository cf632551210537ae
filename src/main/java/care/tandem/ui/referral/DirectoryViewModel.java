package care.tandem.ui.referral;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.i18n.Texts;
import care.tandem.service.ReferralService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The clinic's resource directory: the destinations (name, needs served, phone), one edited at a time (name, needs,
 * phone, text, web, languages, hours, notes, source, private), new ones added, removed ones kept for old referrals
 * and restorable. Unsaved changes are never dropped without asking.
 */
public final class DirectoryViewModel {
    private final ReferralService referrals;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ReferralWords words;
    private final Texts texts;
    private final ObservableList<Destination> entries = FXCollections.observableArrayList();
    private final BooleanProperty showRemoved = new SimpleBooleanProperty(this, "showRemoved");
    private final ReadOnlyObjectWrapper<Destination> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final ReadOnlyBooleanWrapper isNew = new ReadOnlyBooleanWrapper(this, "isNew");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty web = new SimpleStringProperty(this, "web", "");
    private final StringProperty languages = new SimpleStringProperty(this, "languages", "");
    private final StringProperty hours = new SimpleStringProperty(this, "hours", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final BooleanProperty privateUse = new SimpleBooleanProperty(this, "privateUse");
    private final Map<Need, BooleanProperty> needs = new EnumMap<>(Need.class);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper(this, "messageIsProblem");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private List<Destination> all = List.of();
    private boolean filling;

    public DirectoryViewModel(ReferralService referrals, BackgroundRunner runner, DialogService dialogs,
                              ReferralWords words) {
        this.referrals = referrals;
        this.runner = runner;
        this.dialogs = dialogs;
        this.words = words;
        this.texts = words.texts();
        for (Need n : Need.values()) {
            BooleanProperty p = new SimpleBooleanProperty(this, n.name());
            p.addListener((obs, old, now) -> changed());
            needs.put(n, p);
        }
        for (StringProperty p : List.of(name, phone, text, web, languages, hours, notes, source)) {
            p.addListener((obs, old, now) -> changed());
        }
        privateUse.addListener((obs, old, now) -> changed());
        showRemoved.addListener((obs, old, now) -> showEntries());
    }

    /** Loads the directory (seeded with the statewide destinations on first use). */
    public void load() {
        runner.read(() -> referrals.destinations(true), list -> {
            all = list;
            loaded.set(true);
            showEntries();
        }, dialogs::showProblem);
    }

    private void showEntries() {
        entries.setAll(all.stream().filter(d -> showRemoved.get() || d.active()).toList());
    }

    /**
     * Edits a destination; with unsaved changes to another, asks first.
     *
     * @return false when the clinician kept the unsaved changes
     */
    public boolean edit(Destination d) {
        if (d == null || (editing.get() != null && editing.get().id().equals(d.id()) && !isNew.get())) {
            return true;
        }
        if (!mayLeave()) {
            return false;
        }
        fill(d, false);
        message.set("");
        return true;
    }

    /** Starts a new destination (asking first about unsaved changes). */
    public boolean newEntry() {
        if (!mayLeave()) {
            return false;
        }
        fill(new Destination(UUID.randomUUID(), "", Set.of(), "", "", "", "", "", "", "", false, null, true, 0), true);
        message.set("");
        return true;
    }

    /** True when nothing unsaved would be lost, or the clinician agreed to lose it. */
    public boolean mayLeave() {
        return !dirty.get() || dialogs.confirm("referral.directory.discard.title", "referral.directory.discard.question");
    }

    /** Puts the stored version back into the form. */
    public void discard() {
        if (editing.get() != null) {
            fill(editing.get(), isNew.get());
            message.set("");
        }
    }

    private void fill(Destination d, boolean fresh) {
        filling = true;
        try {
            editing.set(d);
            isNew.set(fresh);
            name.set(d.name());
            phone.set(d.phone());
            text.set(d.text());
            web.set(d.web());
            languages.set(d.languages());
            hours.set(d.hours());
            notes.set(d.notes());
            source.set(d.source());
            privateUse.set(d.privateUse());
            needs.forEach((n, p) -> p.set(d.serves(n)));
        } finally {
            filling = false;
        }
        dirty.set(false);
    }

    private void changed() {
        if (!filling && editing.get() != null) {
            dirty.set(!form(editing.get().active()).equals(editing.get()));
        }
    }

    private Destination form(boolean active) {
        Destination d = editing.get();
        Set<Need> served = needs.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Need.class)));
        return new Destination(d.id(), name.get(), served, phone.get(), text.get(), web.get(), languages.get(),
                hours.get(), notes.get(), source.get(), privateUse.get(), d.seedKey(), active, d.revision());
    }

    /** Saves the form. */
    public void save() {
        if (editing.get() != null) {
            store(form(editing.get().active()), "referral.directory.saved");
        }
    }

    /** Takes the destination out of the directory (kept for the referrals made to it; it can be restored). */
    public void remove() {
        if (editing.get() != null && !isNew.get()) {
            store(form(false), "referral.directory.removed");
        }
    }

    /** Puts a removed destination back into the directory. */
    public void restore() {
        if (editing.get() != null && !isNew.get()) {
            store(form(true), "referral.directory.restored");
        }
    }

    private void store(Destination d, String doneKey) {
        if (busy.get()) {
            return;
        }
        if (d.name().isBlank()) {
            say(texts.get("referral.directory.nameNeeded"), true);
            return;
        }
        busy.set(true);
        runner.write(() -> {
            Destination saved = referrals.saveDestination(d);
            return new Saved(saved, referrals.destinations(true));
        }, s -> {
            busy.set(false);
            all = s.all();
            showEntries();
            fill(s.saved(), false);
            say(texts.get(doneKey, s.saved().name()), false);
        }, failure -> {
            busy.set(false);
            if (failure instanceof ProblemException p && p.problem() == Problem.RECORD_CHANGED_ELSEWHERE) {
                changedElsewhere(d.id());
            } else {
                dialogs.showProblem(failure);
            }
        });
    }

    private record Saved(Destination saved, List<Destination> all) {
    }

    // Someone saved it meanwhile (another laptop's sync): show theirs and say the edit was not saved.
    private void changedElsewhere(UUID id) {
        runner.read(() -> referrals.destinations(true), list -> {
            all = list;
            showEntries();
            list.stream().filter(d -> d.id().equals(id)).findFirst().ifPresent(d -> fill(d, false));
            say(texts.get("referral.directory.changedElsewhere"), true);
        }, dialogs::showProblem);
    }

    private void say(String text, boolean problem) {
        messageIsProblem.set(problem);
        message.set(text);
    }

    /** The needs a destination serves, in words, in the order of the list of needs. */
    public String needsText(Destination d) {
        return d.needs().stream().sorted().map(words::need).collect(Collectors.joining(", "));
    }

    /** The form's heading: the destination's name, or "New destination". */
    public String heading() {
        Destination d = editing.get();
        if (d == null) {
            return "";
        }
        return isNew.get() || d.name().isBlank() ? texts.get("referral.directory.new") : d.name();
    }

    /** Says that Tandem seeded this destination (its source is shown), or empty for one the clinic added. */
    public String seededText() {
        Destination d = editing.get();
        return d == null || d.seedKey() == null ? "" : texts.get("referral.directory.seeded");
    }

    public ObservableList<Destination> entries() {
        return entries;
    }

    public BooleanProperty showRemoved() {
        return showRemoved;
    }

    /** The destination as stored (with its revision), or a new one; null before one is chosen. */
    public ReadOnlyObjectProperty<Destination> editing() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty isNew() {
        return isNew.getReadOnlyProperty();
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty phone() {
        return phone;
    }

    public StringProperty text() {
        return text;
    }

    public StringProperty web() {
        return web;
    }

    public StringProperty languages() {
        return languages;
    }

    public StringProperty hours() {
        return hours;
    }

    public StringProperty notes() {
        return notes;
    }

    public StringProperty source() {
        return source;
    }

    public BooleanProperty privateUse() {
        return privateUse;
    }

    public BooleanProperty need(Need n) {
        return needs.get(n);
    }

    public ReadOnlyBooleanProperty dirty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** "Saved.", "Removed from the directory.", or what stopped the save. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblem() {
        return messageIsProblem.getReadOnlyProperty();
    }

    /** True once the directory was read (the empty list then says so instead of "Loading"). */
    public ReadOnlyBooleanProperty loaded() {
        return loaded.getReadOnlyProperty();
    }

    public ReferralWords words() {
        return words;
    }
}
