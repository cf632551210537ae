package care.tandem.ui.screening;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.AlertAction;
import care.tandem.domain.screening.AlertKind;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Item;
import care.tandem.service.FamilyService;
import care.tandem.service.ScreeningService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The urgent-alert dialog's state: the alerts still to act on, the one shown now in words (instrument, item text,
 * answer given or "ask directly", the family when several may be named), the action chosen and its reason. It is
 * finished only once every alert is recorded; there is no other way out.
 */
public final class AlertDialogViewModel {

    /** One alert as the dialog words it. {@code family} is empty unless the dialog names families. */
    public record Shown(Alert alert, String heading, String family, String caregiver, String item, String answer,
                        String raisedAt, String progress) {
    }

    private final ScreeningService screening;
    private final FamilyService families;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ScreeningWords words;
    private final boolean nameFamily;
    private final List<Alert> queue;
    private final Runnable after;
    private final ReadOnlyObjectWrapper<Shown> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObjectProperty<AlertAction> action = new SimpleObjectProperty<>(this, "action");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final List<Shown> shown = new ArrayList<>();
    private int index;

    /**
     * @param nameFamily the alerts may come from several families: each names its family
     * @param after      run once every alert is recorded
     */
    public AlertDialogViewModel(ScreeningService screening, FamilyService families, BackgroundRunner runner,
                                DialogService dialogs, ScreeningWords words, List<Alert> alerts, boolean nameFamily,
                                Runnable after) {
        this.screening = screening;
        this.families = families;
        this.runner = runner;
        this.dialogs = dialogs;
        this.words = words;
        this.queue = List.copyOf(alerts);
        this.nameFamily = nameFamily;
        this.after = after;
    }

    /** Words the alerts (off the FX thread: instruments and families are read) and shows the first. */
    public void load() {
        busy.set(true);
        runner.read(this::word, list -> {
            busy.set(false);
            shown.clear();
            shown.addAll(list);
            index = 0;
            showCurrent();
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /** Records the chosen action for the alert shown; COULD_NOT_COMPLETE needs a reason. */
    public void record() {
        Shown now = current.get();
        AlertAction chosen = action.get();
        if (now == null || busy.get()) {
            return;
        }
        if (chosen == null) {
            message.set(words.texts().get("alert.choose"));
            return;
        }
        String note = reason.get() == null ? "" : reason.get().strip();
        if (chosen.needsReason() && note.isEmpty()) {
            message.set(words.texts().get("alert.reason.required"));
            return;
        }
        busy.set(true);
        runner.write(() -> screening.act(now.alert().id(), chosen, note), acted -> {
            busy.set(false);
            next();
        }, failure -> {
            busy.set(false);
            if (failure instanceof ProblemException p && p.problem() == Problem.ALERT_CLOSED) {
                // Acted on elsewhere (another laptop, another window): nothing left to do here.
                next();
            } else {
                dialogs.showProblem(failure);
            }
        });
    }

    /** Tells the person why the dialog stays (a close request, Esc). */
    public void refuseClose() {
        message.set(words.texts().get("alert.cannotClose"));
    }

    private void next() {
        index++;
        showCurrent();
    }

    private void showCurrent() {
        action.set(null);
        reason.set("");
        message.set("");
        if (index < shown.size()) {
            current.set(shown.get(index));
            return;
        }
        current.set(null);
        finished.set(true);
        after.run();
    }

    private List<Shown> word() {
        InstrumentLibrary library = screening.instruments();
        Map<UUID, Optional<Family>> known = new HashMap<>();
        String language = words.texts().locale().getLanguage().isEmpty() ? "en"
                : words.texts().locale().getLanguage();
        List<Shown> list = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            Alert a = queue.get(i);
            Optional<Family> family = known.computeIfAbsent(a.familyId(), families::find);
            Optional<Item> item = library.find(a.instrument()).flatMap((Instrument x) -> x.item(a.item()));
            String number = item.map(x -> String.valueOf(x.number())).orElse(a.item());
            String instrument = words.instrument(a.instrument());
            String heading = words.texts().get("alert.heading." + a.kind().name(), instrument, number);
            String familyText = nameFamily ? family.map(f -> words.texts().get("alert.family", surname(f))).orElse("")
                    : "";
            String caregiver = family.flatMap(f -> f.members().stream().filter(m -> m.id().equals(a.subjectId()))
                    .findFirst()).map(m -> words.texts().get("alert.caregiver", m.fullName())).orElse("");
            String itemText = words.texts().get("alert.item", number,
                    item.map(x -> x.text().in(language)).orElse(a.item()));
            String answer;
            if (a.kind() == AlertKind.ASK_DIRECTLY || a.answerCode() == null || a.answerCode().isBlank()) {
                answer = words.texts().get("alert.askDirectly", number);
            } else {
                answer = words.texts().get("alert.answer", item.flatMap(x -> x.option(a.answerCode()))
                        .map(o -> o.display().in(language)).orElse(a.answerCode()));
            }
            list.add(new Shown(a, heading, familyText, caregiver, itemText, answer,
                    words.texts().get("alert.raisedAt", words.date(a.raisedAt())),
                    queue.size() > 1 ? words.texts().get("alert.progress", i + 1, queue.size()) : ""));
        }
        return list;
    }

    private String surname(Family f) {
        String name = f.members().stream().map(Member::familyName).filter(n -> !n.isBlank()).findFirst().orElse("");
        return name.isEmpty() ? words.texts().get("family.noName") : words.texts().get("family.title", name);
    }

    public ReadOnlyObjectProperty<Shown> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Shown current() {
        return current.get();
    }

    public ObjectProperty<AlertAction> actionProperty() {
        return action;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public List<Alert> alerts() {
        return queue;
    }
}
