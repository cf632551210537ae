package care.tandem.ui.caregiver;

import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.AnswerState;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.i18n.Texts;
import care.tandem.service.AccountService;
import care.tandem.service.ScreeningService;
import care.tandem.service.SignInResult;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.signin.SignInMessages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The caregiver's pages: one question at a time through the screens handed over, each answer saved at once, a
 * positive PHQ-2/GAD-2 running straight on into the PHQ-9/GAD-7 without a word about the result, and the
 * clinician's password to blank/unblank or to take the laptop back. It knows nothing of the family but the
 * caregiver's first name, and never exposes a score.
 */
public final class CaregiverViewModel {

    /** What the caregiver sees under any cover. */
    public enum Page { LOADING, QUESTION, END }

    /** What hides the page: nothing, the neutral blank page, or the neutral page with the clinician's password. */
    public enum Cover { NONE, BLANK, PASSWORD }

    /** One answer button: its position (the digit key), wording in the instrument's own language, and whether chosen. */
    public record Choice(int position, String code, String text, boolean selected) {
    }

    /** What the services give the caregiver pages: the service calls, so tests can use the real ones. */
    public record Services(ScreeningService screening, AccountService accounts, BackgroundRunner runner,
                           DialogService dialogs, Clock clock) {
    }

    private record Loaded(Screening screening, Instrument instrument) {
    }

    private record Finished(UUID followUpId) {
    }

    private final Services services;
    private final Texts texts;
    private final List<UUID> ids;
    private final boolean privateAllowed;
    private final Consumer<List<UUID>> onHandBack;

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.LOADING);
    private final ObjectProperty<Cover> cover = new SimpleObjectProperty<>(Cover.NONE);
    private final BooleanProperty leaving = new SimpleBooleanProperty();
    private final StringProperty greeting = new SimpleStringProperty("");
    private final StringProperty stem = new SimpleStringProperty("");
    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty progressText = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final BooleanProperty multi = new SimpleBooleanProperty();
    private final BooleanProperty declined = new SimpleBooleanProperty();
    private final BooleanProperty canBack = new SimpleBooleanProperty();
    private final BooleanProperty canNext = new SimpleBooleanProperty();
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty handedBack = new SimpleBooleanProperty();

    private int screenIndex = -1;
    private Screening screen;
    private Instrument instrument;
    private List<Item> questions = List.of();
    private int questionIndex;
    private final Map<String, Answer> answers = new HashMap<>();
    private final Set<String> toggled = new LinkedHashSet<>();
    private final Set<UUID> followUps = new LinkedHashSet<>();

    /**
     * @param texts          Tandem's words in the caregiver's language (the questions come from the instrument)
     * @param screeningIds   the screens handed over, in order, already started
     * @param privateAllowed the caregiver is alone: interpersonal-safety questions may be asked
     * @param onHandBack     after the clinician's password: every screen given, follow-ups included
     */
    public CaregiverViewModel(Services services, Texts texts, List<UUID> screeningIds, String caregiverFirstName,
                              boolean privateAllowed, Consumer<List<UUID>> onHandBack) {
        this.services = services;
        this.texts = texts;
        this.ids = new ArrayList<>(screeningIds);
        this.privateAllowed = privateAllowed;
        this.onHandBack = onHandBack;
        String name = caregiverFirstName == null ? "" : caregiverFirstName.strip();
        greeting.set(name.isEmpty() ? texts.get("caregiver.helloNoName") : texts.get("caregiver.hello", name));
    }

    /** Opens the first screen that still has questions. */
    public void start() {
        nextScreen();
    }

    // ---- answering ----

    /** The answer button at this position (1-based; digit key or click): chosen and saved, then on to the next. */
    public void choose(int position) {
        if (!answering() || position < 1 || position > current().options().size()) {
            return;
        }
        Item item = current();
        AnswerOption option = item.options().get(position - 1);
        if (item.kind() == ItemKind.MULTI_CHOICE) {
            if (!toggled.remove(option.code())) {
                toggled.add(option.code());
            }
            declined.set(false);
            showQuestion();
            return;
        }
        save(Answer.choice(item.code(), option.code()));
        advance();
    }

    /** "Prefer not to answer": recorded as declined, then on to the next. */
    public void decline() {
        if (!answering()) {
            return;
        }
        save(Answer.declined(current().code()));
        advance();
    }

    /** Next (Enter, →): on when the question has an answer; a multiple choice is saved here. */
    public void next() {
        if (!answering() || !canNext.get()) {
            return;
        }
        Item item = current();
        if (item.kind() == ItemKind.MULTI_CHOICE && !toggled.isEmpty()) {
            Answer chosen = Answer.choices(item.code(), List.copyOf(toggled));
            if (!chosen.equals(answers.get(item.code()))) {
                save(chosen);
            }
        }
        advance();
    }

    /** Back (Backspace, ←): the previous question of this screen, its answer shown. */
    public void back() {
        if (!answering() || questionIndex == 0) {
            return;
        }
        int previous = questionIndex - 1;
        while (previous > 0 && !asked(questions.get(previous))) {
            previous--;
        }
        questionIndex = previous;
        loadToggles();
        showQuestion();
    }

    /** Whether a question is asked, given the answers so far (an imported form's enableWhen; bundled: always). */
    private boolean asked(Item item) {
        return instrument.enabled(item.code(), answers);
    }

    private boolean answering() {
        return page.get() == Page.QUESTION && cover.get() == Cover.NONE && !busy.get();
    }

    private Item current() {
        return questions.get(questionIndex);
    }

    // Saved at once, one at a time on the writer: a crash or a lock loses nothing, and the finish queues behind it.
    private void save(Answer answer) {
        answers.put(answer.item(), answer);
        UUID id = screen.id();
        services.runner().write(() -> services.screening().answer(id, answer), progress -> { },
                services.dialogs()::showProblem);
    }

    private void advance() {
        int next = questionIndex + 1;
        while (next < questions.size() && !asked(questions.get(next))) {
            next++;
        }
        if (next < questions.size()) {
            questionIndex = next;
            loadToggles();
            showQuestion();
        } else {
            finishScreen();
        }
    }

    // ---- screens ----

    private void nextScreen() {
        screenIndex++;
        if (screenIndex >= ids.size()) {
            page.set(Page.END);
            clearQuestion();
            return;
        }
        page.set(Page.LOADING);
        UUID id = ids.get(screenIndex);
        busy.set(true);
        services.runner().write(() -> load(id), loaded -> {
            busy.set(false);
            show(loaded);
        }, failure -> {
            busy.set(false);
            services.dialogs().showProblem(failure);
            nextScreen();
        });
    }

    private Loaded load(UUID id) {
        ScreeningService service = services.screening();
        Screening x = service.open(id);
        Instrument ins = service.instrumentOf(x); // the version it began with
        if (!privateAllowed && x.status() == ScreeningStatus.IN_PROGRESS && ins.hasPrivateItems()
                && ins.privateItems().stream().anyMatch(code -> x.answers().stream()
                .noneMatch(a -> a.item().equals(code)))) {
            return new Loaded(service.deferPrivate(id).screening(), ins);
        }
        return new Loaded(x, ins);
    }

    private void show(Loaded loaded) {
        screen = loaded.screening();
        instrument = loaded.instrument();
        if (screen.status() != ScreeningStatus.IN_PROGRESS) {
            nextScreen();
            return;
        }
        answers.clear();
        screen.answers().forEach(a -> answers.put(a.item(), a));
        Set<String> hidden = privateAllowed ? Set.of() : instrument.privateItems();
        questions = instrument.items().stream()
                .filter(i -> i.kind() != ItemKind.INTEGER && !i.options().isEmpty())
                .filter(i -> !InstrumentLibrary.isDerived(instrument, i.code()))
                .filter(i -> !hidden.contains(i.code()))
                .toList();
        questionIndex = 0;
        while (questionIndex < questions.size()
                && (isAnswered(questions.get(questionIndex)) || !asked(questions.get(questionIndex)))) {
            questionIndex++;
        }
        if (questions.isEmpty() || questionIndex >= questions.size()) {
            questionIndex = Math.max(0, questions.size() - 1);
            finishScreen();
            return;
        }
        note.set(followUps.contains(screen.id()) ? texts.get("caregiver.more") : "");
        loadToggles();
        page.set(Page.QUESTION);
        showQuestion();
    }

    private boolean isAnswered(Item item) {
        Answer a = answers.get(item.code());
        return a != null && (a.answered() || a.state() == AnswerState.DECLINED);
    }

    /**
     * The last question is answered: finished (unless private questions were deferred, so the clinician can still
     * ask them), and a positive first step leads straight into its follow-up. Nothing of the result is said.
     */
    private void finishScreen() {
        UUID id = screen.id();
        Instrument ins = instrument;
        boolean deferred = answers.values().stream().anyMatch(a -> a.state() == AnswerState.DEFERRED);
        page.set(Page.LOADING);
        clearQuestion();
        busy.set(true);
        services.runner().write(() -> {
            if (deferred) {
                return new Finished(null);
            }
            Screening done = services.screening().finish(id).screening();
            boolean positive = done.score() != null && done.score().positive();
            if (positive && ins.rules().followUp() != null) {
                return new Finished(services.screening().followUp(id).id());
            }
            return new Finished(null);
        }, finished -> {
            busy.set(false);
            if (finished.followUpId() != null) {
                followUps.add(finished.followUpId());
                ids.add(screenIndex + 1, finished.followUpId());
            }
            nextScreen();
        }, failure -> {
            busy.set(false);
            services.dialogs().showProblem(failure);
            nextScreen();
        });
    }

    private void loadToggles() {
        toggled.clear();
        Answer a = answers.get(current().code());
        if (a != null && a.answered()) {
            toggled.addAll(a.codes());
        }
        declined.set(a != null && a.state() == AnswerState.DECLINED);
    }

    private void showQuestion() {
        Item item = current();
        String language = screen.language();
        // A section's own words (the AHC's PHQ-2 time frame) stand in for the instrument's instructions.
        stem.set(item.intro() != null ? item.intro().in(language)
                : instrument.stem() == null ? "" : instrument.stem().in(language));
        question.set(item.text().in(language));
        multi.set(item.kind() == ItemKind.MULTI_CHOICE);
        List<Choice> list = new ArrayList<>();
        for (int i = 0; i < item.options().size(); i++) {
            AnswerOption o = item.options().get(i);
            list.add(new Choice(i + 1, o.code(), o.display().in(language), toggled.contains(o.code())));
        }
        choices.setAll(list);
        progressText.set(texts.get("caregiver.progress", questionIndex + 1, questions.size()));
        progress.set((questionIndex + 1) / (double) questions.size());
        canBack.set(questionIndex > 0);
        canNext.set(!toggled.isEmpty() || declined.get());
    }

    private void clearQuestion() {
        stem.set("");
        question.set("");
        note.set("");
        choices.clear();
        progressText.set("");
        progress.set(0);
        canBack.set(false);
        canNext.set(false);
    }

    // ---- covering and leaving ----

    /** Esc: the page is hidden at once behind a neutral one; only the clinician's password brings it back. */
    public void blank() {
        if (handedBack.get()) {
            return;
        }
        leaving.set(false);
        password.set("");
        message.set("");
        cover.set(Cover.BLANK);
    }

    /** The window lost focus (Alt+Tab): covered, and the clinician's password asked before anything shows. */
    public void lostFocus() {
        if (handedBack.get() || cover.get() == Cover.PASSWORD && !leaving.get()) {
            return;
        }
        leaving.set(false);
        password.set("");
        message.set("");
        cover.set(Cover.PASSWORD);
    }

    /** A key or click on the blank page: the password box, still showing nothing else. */
    public void askPasswordToShow() {
        if (cover.get() == Cover.BLANK) {
            cover.set(Cover.PASSWORD);
        }
    }

    /** The discreet "Clinician" button: the password to take the laptop back. */
    public void askToLeave() {
        if (handedBack.get() || cover.get() != Cover.NONE) {
            return;
        }
        leaving.set(true);
        password.set("");
        message.set("");
        cover.set(Cover.PASSWORD);
    }

    /** Back to the questions from the leaving password (nothing was hidden, so no password is needed). */
    public void cancelLeaving() {
        if (cover.get() == Cover.PASSWORD && leaving.get()) {
            leaving.set(false);
            password.set("");
            message.set("");
            cover.set(Cover.NONE);
        }
    }

    /** On the end page, the password box is on the page itself: typing there means taking the laptop back. */
    public void leaveFromEndPage() {
        if (page.get() == Page.END && cover.get() == Cover.NONE) {
            leaving.set(true);
            submitPassword();
        }
    }

    /** Checks the clinician's password: shows the page again, or hands the laptop back. */
    public void submitPassword() {
        boolean onEnd = page.get() == Page.END && cover.get() == Cover.NONE;
        if (busy.get() || handedBack.get() || cover.get() != Cover.PASSWORD && !onEnd) {
            return;
        }
        if (password.get() == null || password.get().isEmpty()) {
            message.set(texts.get("caregiver.password.required"));
            return;
        }
        char[] secret = password.get().toCharArray();
        password.set("");
        busy.set(true);
        boolean toLeave = leaving.get() || onEnd;
        services.runner().write(() -> services.accounts().unlock(secret), result -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            if (result instanceof SignInResult.Success) {
                message.set("");
                if (toLeave) {
                    handBack();
                } else {
                    cover.set(Cover.NONE);
                }
            } else {
                message.set(SignInMessages.describeUnlock(result, texts, services.clock().getZone(),
                        services.clock().instant()));
            }
        }, failure -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            services.dialogs().showProblem(failure);
        });
    }

    // A screen left half-way stays in progress, to be resumed; only a screen answered to its end was finished.
    private void handBack() {
        handedBack.set(true);
        cover.set(Cover.BLANK);
        clearQuestion();
        onHandBack.accept(List.copyOf(ids));
    }

    // ---- state for the view ----

    /** Every screen given so far, follow-ups included, in order. */
    public List<UUID> screeningIds() {
        return List.copyOf(ids);
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObjectProperty<Cover> coverProperty() {
        return cover;
    }

    /** The password box is there to take the laptop back (not only to show the page again). */
    public BooleanProperty leavingProperty() {
        return leaving;
    }

    public StringProperty greetingProperty() {
        return greeting;
    }

    /** The instrument's stem in its own words ("Over the last 2 weeks..."), or empty. */
    public StringProperty stemProperty() {
        return stem;
    }

    public StringProperty questionProperty() {
        return question;
    }

    /** "A few more questions" on a follow-up screen; otherwise empty. */
    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty multiProperty() {
        return multi;
    }

    public BooleanProperty declinedProperty() {
        return declined;
    }

    public BooleanProperty canBackProperty() {
        return canBack;
    }

    public BooleanProperty canNextProperty() {
        return canNext;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty handedBackProperty() {
        return handedBack;
    }
}
