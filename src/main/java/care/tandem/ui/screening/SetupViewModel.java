package care.tandem.ui.screening;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.NotDoneReason;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;
import care.tandem.i18n.Texts;
import care.tandem.service.ScreeningService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The set-up step of a screen: which child's visit, who is present, who is screened and who answers, the
 * instrument, its language (never one the instrument has no verified wording in, unless the clinic allowed it),
 * how it is given, and for an instrument with private questions whether the caregiver is alone now.
 */
public final class SetupViewModel {

    /** What was started: the screen, its instrument, and whether the private questions may be asked now. */
    public record Started(Screening screening, Instrument instrument, Member subject, boolean privateAllowed) {
    }

    private final ScreeningService service;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final Family family;

    private final ObservableList<Member> children = FXCollections.observableArrayList();
    private final ObjectProperty<Member> child = new SimpleObjectProperty<>();
    private final ObservableList<Member> caregivers = FXCollections.observableArrayList();
    private final Map<UUID, BooleanProperty> present = new LinkedHashMap<>();
    private final ObjectProperty<Member> subject = new SimpleObjectProperty<>();
    private final ObjectProperty<Member> respondent = new SimpleObjectProperty<>();
    private final ObservableList<Instrument> instruments = FXCollections.observableArrayList();
    private final ObjectProperty<Instrument> instrument = new SimpleObjectProperty<>();
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    private final StringProperty language = new SimpleStringProperty();
    private final StringProperty languageNote = new SimpleStringProperty("");
    private final ObjectProperty<AdministrationMode> mode = new SimpleObjectProperty<>(AdministrationMode.CLINICIAN);
    private final javafx.beans.property.BooleanProperty selfAllowed = new javafx.beans.property.SimpleBooleanProperty(true);
    private final BooleanProperty privateQuestion = new SimpleBooleanProperty();
    /** null until the clinician answers the "alone" question; true = ask them, false = defer. */
    private final ObjectProperty<Boolean> askPrivate = new SimpleObjectProperty<>();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canStart;
    private String preselectedInstrument;
    private int languageRequest;

    public SetupViewModel(ScreeningService service, BackgroundRunner runner, DialogService dialogs, Texts texts,
                          Family family, String instrumentId, UUID caregiverId) {
        this.service = service;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        this.family = family;
        this.preselectedInstrument = instrumentId;
        children.setAll(family.children());
        if (!children.isEmpty()) {
            child.set(children.get(0));
        }
        caregivers.setAll(family.caregivers());
        for (Member c : caregivers) {
            present.put(c.id(), new SimpleBooleanProperty(true));
        }
        Member first = caregivers.stream().filter(c -> c.id().equals(caregiverId)).findFirst()
                .orElse(caregivers.isEmpty() ? null : caregivers.get(0));
        subject.set(first);
        respondent.set(first);
        subject.addListener((obs, old, now) -> {
            respondent.set(now);
            chooseLanguage();
        });
        instrument.addListener((obs, old, now) -> {
            privateQuestion.set(now != null && now.hasPrivateItems());
            askPrivate.set(null);
            // Score entry (EPDS, PEARLS) is the clinician entering the printed form: never the caregiver alone.
            selfAllowed.set(now == null || !now.scoreEntry());
            if (!selfAllowed.get() && mode.get() == AdministrationMode.SELF) {
                mode.set(AdministrationMode.CLINICIAN);
            }
            loadLanguages();
        });
        canStart = Bindings.createBooleanBinding(() -> loaded.get() && !busy.get() && child.get() != null
                        && subject.get() != null && instrument.get() != null && language.get() != null
                        && (!privateQuestion.get() || askPrivate.get() != null),
                loaded, busy, child, subject, instrument, language, privateQuestion, askPrivate);
    }

    /** Reads the instruments (the first read loads their files) and preselects the one asked for. */
    public void load() {
        busy.set(true);
        runner.read(() -> service.instruments().all(), all -> {
            busy.set(false);
            instruments.setAll(all);
            loaded.set(true);
            Instrument pick = all.stream().filter(i -> i.id().equals(preselectedInstrument)).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0));
            instrument.set(pick);
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    private void loadLanguages() {
        Instrument ins = instrument.get();
        if (ins == null) {
            languages.clear();
            language.set(null);
            return;
        }
        int request = ++languageRequest;
        runner.read(() -> service.languages(ins.id()), langs -> {
            if (request != languageRequest) {
                return;
            }
            languages.setAll(langs);
            chooseLanguage();
        }, dialogs::showProblem);
    }

    /**
     * The caregiver's preferred language when the instrument has it here; otherwise English through an
     * interpreter, saying why.
     */
    private void chooseLanguage() {
        Instrument ins = instrument.get();
        Member who = subject.get();
        if (ins == null || languages.isEmpty()) {
            return;
        }
        String preferred = who == null ? "en" : who.preferredLanguage();
        if (languages.contains(preferred)) {
            language.set(preferred);
            if (mode.get() == AdministrationMode.INTERPRETER && !preferred.equals("en")) {
                mode.set(AdministrationMode.CLINICIAN);
            }
            languageNote.set("");
        } else {
            language.set("en");
            if (!preferred.equals("en")) {
                mode.set(AdministrationMode.INTERPRETER);
                languageNote.set(texts.get("screening.setup.languageMissing", languageName(preferred),
                        EntryTexts.instrumentName(texts, ins)));
            } else {
                languageNote.set("");
            }
        }
    }

    /** The language as the clinician reads it, labelled when its wording is not verified. */
    public String languageLabel(String lang) {
        Instrument ins = instrument.get();
        String name = languageName(lang);
        if (ins != null && ins.unverifiedLanguages().contains(lang)) {
            return texts.get("screening.setup.languageUnverified", name);
        }
        return name;
    }

    private String languageName(String lang) {
        return switch (lang) {
            case "en" -> texts.get("screening.setup.language.en");
            case "es" -> texts.get("screening.setup.language.es");
            default -> lang;
        };
    }

    /** The instrument as listed: its name, marked where the clinician enters the printed score. */
    public String instrumentLabel(Instrument ins) {
        String name = EntryTexts.instrumentName(texts, ins);
        return ins.scoreEntry() ? texts.get("screening.setup.scoreEntry", name) : name;
    }

    /** "Is Ana alone right now? …" for the instrument's private questions. */
    public String aloneQuestion() {
        Member who = subject.get();
        return texts.get("screening.setup.alone", who == null ? "" : who.givenName());
    }

    /** Creates today's visit and starts the screen; defers the private questions when the clinician said so. */
    public void start(Consumer<Started> onStarted) {
        if (!canStart.get()) {
            return;
        }
        Instrument ins = instrument.get();
        UUID familyId = family.id();
        UUID childId = child.get().id();
        List<UUID> here = presentIds();
        Member who = subject.get();
        UUID answering = respondent.get() == null ? who.id() : respondent.get().id();
        String lang = language.get();
        AdministrationMode how = mode.get();
        boolean allowPrivate = !ins.hasPrivateItems() || Boolean.TRUE.equals(askPrivate.get());
        busy.set(true);
        runner.write(() -> {
            Visit v = service.visitToday(familyId, childId, here);
            Screening s = service.start(v.id(), who.id(), answering, ins.id(), lang, how);
            if (!allowPrivate) {
                s = service.deferPrivate(s.id()).screening();
            }
            return s;
        }, s -> {
            busy.set(false);
            onStarted.accept(new Started(s, ins, who, allowPrivate));
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    /** Records the chosen screen as not done in today's visit, with the reason. */
    public void notDone(NotDoneReason reason, Consumer<Screening> onDone) {
        if (reason == null || child.get() == null || subject.get() == null || instrument.get() == null) {
            return;
        }
        UUID familyId = family.id();
        UUID childId = child.get().id();
        List<UUID> here = presentIds();
        UUID who = subject.get().id();
        String ins = instrument.get().id();
        busy.set(true);
        runner.write(() -> {
            Visit v = service.visitToday(familyId, childId, here);
            return service.notDone(v.id(), who, ins, reason);
        }, s -> {
            busy.set(false);
            onDone.accept(s);
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    private List<UUID> presentIds() {
        return caregivers.stream().filter(c -> present.get(c.id()).get()).map(Member::id).toList();
    }

    public ObservableList<Member> children() {
        return children;
    }

    public ObjectProperty<Member> child() {
        return child;
    }

    public ObservableList<Member> caregivers() {
        return caregivers;
    }

    public BooleanProperty present(UUID caregiverId) {
        return present.get(caregiverId);
    }

    public ObjectProperty<Member> subject() {
        return subject;
    }

    public ObjectProperty<Member> respondent() {
        return respondent;
    }

    public ObservableList<Instrument> instruments() {
        return instruments;
    }

    public ObjectProperty<Instrument> instrument() {
        return instrument;
    }

    public ObservableList<String> languages() {
        return languages;
    }

    public StringProperty language() {
        return language;
    }

    public StringProperty languageNote() {
        return languageNote;
    }

    /** Whether the caregiver may answer alone on the laptop (not for score entry). */
    public javafx.beans.property.ReadOnlyBooleanProperty selfAllowed() {
        return selfAllowed;
    }

    public ObjectProperty<AdministrationMode> mode() {
        return mode;
    }

    public BooleanProperty privateQuestion() {
        return privateQuestion;
    }

    public ObjectProperty<Boolean> askPrivate() {
        return askPrivate;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public BooleanProperty loaded() {
        return loaded;
    }

    public BooleanBinding canStart() {
        return canStart;
    }
}
