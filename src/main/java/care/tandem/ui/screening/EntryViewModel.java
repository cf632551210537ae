package care.tandem.ui.screening;

import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.AnswerState;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Scorer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.service.ScreeningProgress;
import care.tandem.service.ScreeningService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The clinician's entry of one screen, item by item from the keyboard: a digit picks an answer (by points where
 * the options score 0…n, otherwise by position; score-entry instruments always by printed position), Enter moves
 * on, Backspace back, D records a decline. Every answer is saved at once; an urgent alert it raises is handed to
 * the window at once. Results show the moment the last item is in. Also a finished screen's correction, and a
 * read-only view of results.
 */
public final class EntryViewModel {

    /** What the window is for. */
    public enum Mode { ENTRY, CORRECTION, READ_ONLY }

    /** The key that records "declined / prefer not to answer". */
    public static final String DECLINE_KEY = "D";

    /** One item of the screen with its answer so far. */
    public final class Row {
        private final Item item;
        private final int index;
        private final boolean privateItem;
        private final boolean required;
        private final ObjectProperty<Answer> answer = new SimpleObjectProperty<>();

        Row(Item item, int index, boolean privateItem, boolean required) {
            this.item = item;
            this.index = index;
            this.privateItem = privateItem;
            this.required = required;
        }

        public Item item() {
            return item;
        }

        public int index() {
            return index;
        }

        public boolean privateItem() {
            return privateItem;
        }

        public boolean required() {
            return required;
        }

        public ObjectProperty<Answer> answer() {
            return answer;
        }

        /** The item's wording in the screen's language. */
        public String text() {
            return item.text().in(language);
        }

        /** Whether the answer may be shown here: private answers only while being entered, or after "Private". */
        public boolean answerVisible() {
            return !privateItem || privateShown.get() || (mode == Mode.ENTRY && current.get() == index);
        }

        /** The chosen answer(s) in words, or empty. */
        public String answerText() {
            Answer a = answer.get();
            if (a == null) {
                return "";
            }
            if (a.state() == AnswerState.DECLINED) {
                return texts("screening.entry.declined");
            }
            if (a.state() == AnswerState.DEFERRED) {
                return texts("screening.entry.deferred");
            }
            if (a.value() != null) {
                return Integer.toString(a.value());
            }
            List<String> words = new ArrayList<>();
            for (String code : a.codes()) {
                item.option(code).ifPresent(o -> words.add(o.display().in(language)));
            }
            return String.join(", ", words);
        }

        public boolean isChosen(AnswerOption o) {
            Answer a = answer.get();
            return a != null && a.codes().contains(o.code());
        }
    }

    private final ScreeningService service;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final care.tandem.i18n.Texts texts;

    private Mode mode = Mode.ENTRY;
    private String language = "en";
    private final ObjectProperty<Instrument> instrument = new SimpleObjectProperty<>();
    private final ObjectProperty<Screening> screening = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final StringProperty typed = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Score> score = new SimpleObjectProperty<>();
    private final BooleanProperty resultsShown = new SimpleBooleanProperty();
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final BooleanProperty followUpOffered = new SimpleBooleanProperty();
    private final BooleanProperty privateShown = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty reason = new SimpleStringProperty("");
    private final IntegerProperty answeredCount = new SimpleIntegerProperty();
    private Consumer<List<Alert>> alertSink = alerts -> { };
    private Runnable onChanged = () -> { };
    private Runnable onCorrected = () -> { };

    public EntryViewModel(ScreeningService service, BackgroundRunner runner, DialogService dialogs,
                          care.tandem.i18n.Texts texts) {
        this.service = service;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
    }

    /** Where the alerts an answer raises go (the urgent-alert dialog), on the FX thread. */
    public void onAlerts(Consumer<List<Alert>> sink) {
        this.alertSink = sink;
    }

    /** Run after anything was saved, so the page behind refreshes. */
    public void onChanged(Runnable r) {
        this.onChanged = r;
    }

    /** Run after a correction was saved. */
    public void onCorrected(Runnable r) {
        this.onCorrected = r;
    }

    /**
     * Shows a screen: to enter (at its first unanswered item), to correct (its answers editable, nothing saved
     * until the correction is saved), or read-only.
     */
    public void open(Screening s, Instrument ins, Mode how) {
        this.mode = how;
        this.language = s.language() == null ? "en" : s.language();
        instrument.set(ins);
        screening.set(s);
        Set<String> privateItems = ins.privateItems();
        Set<String> required = ins.requiredItems();
        List<Row> made = new ArrayList<>();
        for (int i = 0; i < ins.items().size(); i++) {
            Item item = ins.items().get(i);
            Row r = new Row(item, i, privateItems.contains(item.code()), required.contains(item.code()));
            s.answers().stream().filter(a -> a.item().equals(item.code())).findFirst().ifPresent(r.answer::set);
            made.add(r);
        }
        typed.set("");
        message.set("");
        privateShown.set(false);
        followUpOffered.set(false);
        finished.set(how != Mode.ENTRY || s.status() != ScreeningStatus.IN_PROGRESS);
        rows.setAll(made);
        current.set(how == Mode.READ_ONLY ? -1 : firstToAnswer());
        rescore(how == Mode.CORRECTION ? Scorer.score(ins, answers()) : s.score());
        offerFollowUp();
    }

    /** The first item with no answer, else the first deferred one, else the first item. */
    private int firstToAnswer() {
        for (Row r : rows) {
            if (r.answer.get() == null) {
                return r.index;
            }
        }
        for (Row r : rows) {
            if (r.answer.get().state() == AnswerState.DEFERRED) {
                return r.index;
            }
        }
        return rows.isEmpty() ? -1 : 0;
    }

    // ---- keys ----

    /** Whether this screen takes answers now. */
    public boolean editable() {
        return (mode == Mode.ENTRY && !finished.get()) || mode == Mode.CORRECTION;
    }

    /** A digit typed: picks that answer of the current item, or adds to a number being typed. */
    public void digit(int d) {
        Row r = currentRow();
        if (r == null || !editable()) {
            return;
        }
        message.set("");
        Item item = r.item;
        if (item.kind() == ItemKind.INTEGER) {
            String next = typed.get() + d;
            int max = item.max() == null ? 99 : item.max();
            if (next.length() > Integer.toString(max).length()) {
                return;
            }
            typed.set(next);
            return;
        }
        Optional<AnswerOption> option = instrument.get().optionForDigit(item, d);
        if (option.isEmpty()) {
            message.set(texts("screening.entry.noSuchOption", d));
            return;
        }
        pick(r, option.get());
    }

    /** The digit that picks this option, as shown on its button. */
    public int keyFor(Item item, AnswerOption o) {
        return instrument.get().digitFor(item, o);
    }

    /** Picks (or for a choose-all item, toggles) an option of an item, and saves it. */
    public void pick(Row r, AnswerOption o) {
        if (!editable()) {
            return;
        }
        current.set(r.index);
        if (r.item.kind() == ItemKind.MULTI_CHOICE) {
            List<String> codes = new ArrayList<>();
            Answer a = r.answer.get();
            if (a != null && a.answered()) {
                codes.addAll(a.codes());
            }
            if (!codes.remove(o.code())) {
                codes.add(o.code());
            }
            if (codes.isEmpty()) {
                clear(r);
            } else {
                List<String> ordered = r.item.options().stream().map(x -> x.code()).filter(codes::contains).toList();
                save(r, Answer.choices(r.item.code(), ordered));
            }
            return;
        }
        save(r, Answer.choice(r.item.code(), o.code()));
    }

    /** Enter: keeps a typed number, then moves to the next item. */
    public void next() {
        Row r = currentRow();
        if (r == null) {
            return;
        }
        if (r.item.kind() == ItemKind.INTEGER && !typed.get().isEmpty() && editable()) {
            int value = Integer.parseInt(typed.get());
            Integer min = r.item.min();
            Integer max = r.item.max();
            if ((min != null && value < min) || (max != null && value > max)) {
                message.set(texts("screening.entry.outOfRange", min, max));
                typed.set("");
                return;
            }
            typed.set("");
            save(r, Answer.value(r.item.code(), value));
        }
        int next = current.get() + 1;
        while (next < rows.size() - 1 && !asked(rows.get(next))) {
            next++;
        }
        if (next < rows.size()) {
            current.set(next);
        }
        message.set("");
    }

    /** Whether an item is asked, given the answers so far (an imported form's enableWhen; bundled: always). */
    private boolean asked(Row r) {
        Map<String, Answer> given = new HashMap<>();
        answers().forEach(a -> given.put(a.item(), a));
        return instrument.get().enabled(r.item.code(), given);
    }

    /** Backspace: removes the last typed digit, else goes back one item. */
    public void previous() {
        if (!typed.get().isEmpty()) {
            typed.set(typed.get().substring(0, typed.get().length() - 1));
            return;
        }
        if (current.get() > 0) {
            current.set(current.get() - 1);
        }
        message.set("");
    }

    /** D: the caregiver preferred not to answer the current item. */
    public void decline() {
        Row r = currentRow();
        if (r == null || !editable()) {
            return;
        }
        typed.set("");
        save(r, Answer.declined(r.item.code()));
    }

    /** Makes an item the current one (a click on it). */
    public void select(int index) {
        if (index >= 0 && index < rows.size() && index != current.get()) {
            typed.set("");
            current.set(index);
        }
    }

    public Row currentRow() {
        int i = current.get();
        return i >= 0 && i < rows.size() ? rows.get(i) : null;
    }

    // ---- saving ----

    private void save(Row r, Answer a) {
        Answer before = r.answer.get();
        r.answer.set(a);
        countAnswers();
        if (mode == Mode.CORRECTION) {
            rescore(Scorer.score(instrument.get(), answers()));
            return;
        }
        var id = screening.get().id();
        runner.write(() -> service.answer(id, a), this::progressed, failure -> {
            r.answer.set(before);
            countAnswers();
            dialogs.showProblem(failure);
        });
    }

    private void clear(Row r) {
        Answer before = r.answer.get();
        r.answer.set(null);
        countAnswers();
        if (mode == Mode.CORRECTION) {
            rescore(Scorer.score(instrument.get(), answers()));
            return;
        }
        var id = screening.get().id();
        runner.write(() -> service.clear(id, r.item.code()), this::progressed, failure -> {
            r.answer.set(before);
            countAnswers();
            dialogs.showProblem(failure);
        });
    }

    private void progressed(ScreeningProgress p) {
        if (!p.screening().id().equals(screening.get().id())) {
            return;
        }
        screening.set(p.screening());
        rescore(p.screening().score());
        onChanged.run();
        if (!p.raised().isEmpty()) {
            alertSink.accept(p.raised());
        }
    }

    private void rescore(Score s) {
        score.set(s);
        countAnswers();
        resultsShown.set(s != null && (s.complete() || finished.get()));
        offerFollowUp();
    }

    private void countAnswers() {
        answeredCount.set((int) rows.stream().filter(r -> r.answer.get() != null).count());
    }

    private void offerFollowUp() {
        Instrument ins = instrument.get();
        Score s = score.get();
        followUpOffered.set(mode == Mode.ENTRY && ins != null && ins.rules().followUp() != null && s != null
                && s.complete() && s.positive());
    }

    /** The answers as they stand (for a correction). */
    public List<Answer> answers() {
        return rows.stream().map(r -> r.answer.get()).filter(a -> a != null).toList();
    }

    /** How many required items have no answer at all (a decline or deferral is an answer). */
    public int unanswered() {
        return (int) rows.stream().filter(r -> r.required && r.answer.get() == null).count();
    }

    /** Finishes the screen, after asking when items are still unanswered. */
    public void finish() {
        if (mode != Mode.ENTRY || finished.get()) {
            return;
        }
        int missing = unanswered();
        if (missing > 0 && !dialogs.confirm("screening.entry.finish.title", missing == 1
                ? "screening.entry.finish.incompleteOne" : "screening.entry.finish.incomplete", missing)) {
            return;
        }
        var id = screening.get().id();
        busy.set(true);
        runner.write(() -> service.finish(id), p -> {
            busy.set(false);
            finished.set(true);
            current.set(-1);
            progressed(p);
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /**
     * After a positive PHQ-2 or GAD-2: finishes it (when not yet finished) and continues in the PHQ-9 or GAD-7 with
     * the answers kept, at its first unanswered item.
     */
    public void continueWithFollowUp() {
        if (!followUpOffered.get()) {
            return;
        }
        var id = screening.get().id();
        boolean finishFirst = !finished.get();
        busy.set(true);
        runner.write(() -> {
            List<Alert> raised = finishFirst ? service.finish(id).raised() : List.of();
            Screening next = service.followUp(id);
            Instrument ins = service.instrumentOf(next);
            return new FollowUp(next, ins, raised);
        }, result -> {
            busy.set(false);
            open(result.screening(), result.instrument(), Mode.ENTRY);
            onChanged.run();
            if (!result.raised().isEmpty()) {
                alertSink.accept(result.raised());
            }
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    private record FollowUp(Screening screening, Instrument instrument, List<Alert> raised) {
    }

    /** Saves the corrected answers with the reason; the screen as first entered stays, marked entered in error. */
    public void saveCorrection() {
        if (mode != Mode.CORRECTION) {
            return;
        }
        String why = reason.get() == null ? "" : reason.get().strip();
        if (why.isEmpty()) {
            message.set(texts("screening.correct.reasonRequired"));
            return;
        }
        var id = screening.get().id();
        List<Answer> answers = answers();
        busy.set(true);
        runner.write(() -> service.correct(id, why, answers), p -> {
            busy.set(false);
            mode = Mode.READ_ONLY;
            finished.set(true);
            current.set(-1);
            screening.set(p.screening());
            rescore(p.screening().score());
            onChanged.run();
            onCorrected.run();
            if (!p.raised().isEmpty()) {
                alertSink.accept(p.raised());
            }
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /** "Private": shows the interpersonal-safety answers and result, and audits that they were viewed. */
    public void showPrivate() {
        if (privateShown.get()) {
            return;
        }
        privateShown.set(true);
        var id = screening.get().id();
        runner.write(() -> {
            service.viewedPrivate(id);
            return null;
        }, done -> { }, dialogs::showProblem);
    }

    private String texts(String key, Object... args) {
        return texts.get(key, args);
    }

    // ---- state ----

    public Mode mode() {
        return mode;
    }

    public String language() {
        return language;
    }

    public ObjectProperty<Instrument> instrument() {
        return instrument;
    }

    public ObjectProperty<Screening> screening() {
        return screening;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public IntegerProperty current() {
        return current;
    }

    public StringProperty typed() {
        return typed;
    }

    public StringProperty message() {
        return message;
    }

    public ObjectProperty<Score> score() {
        return score;
    }

    public BooleanProperty resultsShown() {
        return resultsShown;
    }

    public BooleanProperty finished() {
        return finished;
    }

    public BooleanProperty followUpOffered() {
        return followUpOffered;
    }

    public BooleanProperty privateShown() {
        return privateShown;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public StringProperty reason() {
        return reason;
    }

    public IntegerProperty answeredCount() {
        return answeredCount;
    }

    /** "6 of 9". */
    public String progressText() {
        return texts("screening.entry.progress", answeredCount.get(), rows.size());
    }
}
