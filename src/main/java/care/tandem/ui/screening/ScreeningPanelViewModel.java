package care.tandem.ui.screening;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.ScreenNeeds;
import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.DueScreen;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.service.ScreeningService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import care.tandem.ui.referral.ReferralOffer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The family page's screening panel: what is due today (what, for whom, why), unfinished screens to resume, and
 * the latest result per caregiver and instrument in words. Interpersonal-safety results stay behind "Private"
 * until the clinician reveals them, which is audited; a new family hides them again.
 */
public final class ScreeningPanelViewModel {

    /** A screen due today, ready to start. */
    public record DueLine(String text, String instrumentId, UUID caregiverId) {
    }

    /** A screen left unfinished. */
    public record UnfinishedLine(String text, UUID screeningId) {
    }

    /**
     * One latest result. {@code urgent}: "Urgent: item 9" (or "Ask directly") when a critical item was raised;
     * {@code privateText}: the private domains' result, shown only once revealed (null when the instrument has
     * none); {@code correctable}: a finished result that can be marked entered in error. {@code needs}: the needs a
     * referral may be offered for on the line ("Refer…"); {@code privateNeeds}: those of positive private domains,
     * offered only inside the revealed private part; {@code referReason}: the neutral reason that prefills a
     * referral ("Positive Hunger Vital Sign on 4 Dec 2026").
     */
    public record ResultLine(UUID screeningId, UUID subjectId, String instrumentId, String instrument, String who,
                             String band, String bandStyle, String outcome, String outcomeStyle, String domains,
                             String date, String urgent, String privateText, boolean correctable, UUID visitId,
                             List<Need> needs, List<Need> privateNeeds, String referReason) {
        public ResultLine {
            needs = needs == null ? List.of() : List.copyOf(needs);
            privateNeeds = privateNeeds == null ? List.of() : List.copyOf(privateNeeds);
        }

        public boolean hasPrivate() {
            return privateText != null;
        }

        /** The offer of a referral for {@code need} from this result. */
        public ReferralOffer offer(Need need) {
            return new ReferralOffer(subjectId, need, visitId, screeningId, referReason);
        }
    }

    /** Everything the panel shows for one family. */
    public record Panel(UUID familyId, List<DueLine> due, List<UnfinishedLine> unfinished, List<ResultLine> latest,
                        List<Alert> openAlerts) {
    }

    private final ScreeningService screening;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ScreeningWords words;
    private final ReadOnlyObjectWrapper<Panel> panel = new ReadOnlyObjectWrapper<>(this, "panel");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObservableSet<UUID> revealed = FXCollections.observableSet();
    private Family family;
    private long generation;

    public ScreeningPanelViewModel(ScreeningService screening, BackgroundRunner runner, DialogService dialogs,
                                   ScreeningWords words) {
        this.screening = screening;
        this.runner = runner;
        this.dialogs = dialogs;
        this.words = words;
    }

    /** Shows {@code family}'s screens (null: none); private results are hidden again. */
    public void show(Family family) {
        show(family, p -> { });
    }

    /**
     * Shows {@code family}'s screens and then hands the loaded panel (with the family's open alerts) to
     * {@code loaded}, so the caller shows the alerts before anything else.
     */
    public void show(Family shown, Consumer<Panel> loaded) {
        boolean other = family == null || shown == null || !family.id().equals(shown.id());
        family = shown;
        if (other) {
            revealed.clear();
            panel.set(null);
        }
        long mine = ++generation;
        if (shown == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        runner.read(() -> load(shown), p -> {
            if (mine == generation) {
                loading.set(false);
                panel.set(p);
                loaded.accept(p);
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                dialogs.showProblem(failure);
            }
        });
    }

    /** Loads again after a screen was started, finished, resumed or corrected. */
    public void refresh() {
        if (family != null) {
            show(family);
        }
    }

    /** Reveals a result's private part and audits the view; it stays shown until another family opens. */
    public void revealPrivate(UUID screeningId) {
        if (revealed.contains(screeningId)) {
            return;
        }
        runner.write(() -> {
            screening.viewedPrivate(screeningId);
            return screeningId;
        }, revealed::add, dialogs::showProblem);
    }

    public boolean isRevealed(UUID screeningId) {
        return revealed.contains(screeningId);
    }

    public ObservableSet<UUID> revealed() {
        return revealed;
    }

    public ReadOnlyObjectProperty<Panel> panelProperty() {
        return panel.getReadOnlyProperty();
    }

    public Panel panel() {
        return panel.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public Family family() {
        return family;
    }

    public ScreeningWords words() {
        return words;
    }

    // Off the FX thread: one read of the family's screens gives both the unfinished and the latest results.
    private Panel load(Family f) {
        InstrumentLibrary library = screening.instruments();
        Map<UUID, String> names = names(f);
        List<DueLine> due = screening.due(f.id()).stream()
                .map(d -> new DueLine(words.due(d, names), d.instrument(), d.subjectId())).toList();
        List<Screening> all = screening.forFamily(f.id());
        List<UnfinishedLine> unfinished = new ArrayList<>();
        Map<String, Screening> newest = new LinkedHashMap<>();
        for (Screening x : all) {
            if (x.status() == ScreeningStatus.IN_PROGRESS) {
                unfinished.add(unfinished(x, library.find(x.instrument()).orElse(null), names));
            } else if (x.status() == ScreeningStatus.COMPLETED || x.status() == ScreeningStatus.NOT_DONE) {
                newest.putIfAbsent(x.subjectId() + "/" + x.instrument(), x);
            }
        }
        List<ResultLine> latest = newest.values().stream()
                .map(x -> result(x, library.find(x.instrument()).orElse(null), names)).toList();
        return new Panel(f.id(), due, List.copyOf(unfinished), latest, screening.openAlerts(f.id()));
    }

    private UnfinishedLine unfinished(Screening x, Instrument instrument, Map<UUID, String> names) {
        int required = instrument == null ? 0 : instrument.requiredItems().size();
        int missing = x.score() == null ? required : x.score().missing().size();
        int answered = Math.max(0, required - missing);
        String text = words.texts().get("screening.panel.unfinished.line", words.instrument(x.instrument()),
                who(x.subjectId(), names), answered, required, words.date(x.startedAt()));
        return new UnfinishedLine(text, x.id());
    }

    ResultLine result(Screening x, Instrument instrument, Map<UUID, String> names) {
        Score score = x.score();
        boolean done = x.status() == ScreeningStatus.COMPLETED;
        String urgent = null;
        if (done && score != null && !score.critical().isEmpty()) {
            urgent = words.texts().get("screening.panel.urgent", itemNumbers(instrument, score.critical()));
        } else if (done && score != null && !score.askDirectly().isEmpty()) {
            urgent = words.texts().get("screening.panel.askDirectly", itemNumbers(instrument, score.askDirectly()));
        }
        boolean hasPrivate = instrument != null && instrument.hasPrivateItems();
        String date = words.date(x.completedAt() != null ? x.completedAt() : x.startedAt());
        List<Need> needs = new ArrayList<>();
        List<Need> privateNeeds = new ArrayList<>();
        if (done) {
            splitNeeds(score, needs, privateNeeds);
        }
        return new ResultLine(x.id(), x.subjectId(), x.instrument(), words.instrument(x.instrument()),
                who(x.subjectId(), names), done ? words.band(score) : "",
                done ? ScreeningWords.bandSeverity(score) : "severity-none",
                words.outcome(instrument, x), ScreeningWords.outcomeStyle(instrument, x),
                done ? words.positiveDomains(score) : "", date, urgent,
                hasPrivate ? words.privateText(done ? score : null) : null, done, x.visitId(), needs, privateNeeds,
                words.texts().get("referral.new.fromScreen", words.instrument(x.instrument()), date));
    }

    /**
     * The needs of a scored screen (ScreenNeeds), split so that a need only a private domain points to (and any
     * private need) is never offered on the public line.
     */
    static void splitNeeds(Score score, List<Need> needs, List<Need> privateNeeds) {
        if (score == null) {
            return;
        }
        Set<Need> fromPublic = new HashSet<>();
        Set<Need> fromPrivate = new HashSet<>();
        for (DomainScore d : score.domains().values()) {
            if (d.outcome() == Outcome.POSITIVE) {
                (d.privateDomain() ? fromPrivate : fromPublic).add(ScreenNeeds.of(d.id()));
            }
        }
        for (Need n : ScreenNeeds.of(score)) {
            boolean hidden = n.isPrivate() || (fromPrivate.contains(n) && !fromPublic.contains(n));
            (hidden ? privateNeeds : needs).add(n);
        }
    }

    private static String itemNumbers(Instrument instrument, List<String> codes) {
        List<String> numbers = new ArrayList<>();
        for (String code : codes) {
            numbers.add(instrument == null ? code
                    : instrument.item(code).map(i -> String.valueOf(i.number())).orElse(code));
        }
        return String.join(", ", numbers);
    }

    private String who(UUID subjectId, Map<UUID, String> names) {
        String name = subjectId == null ? null : names.get(subjectId);
        return name == null ? words.texts().get("due.anyCaregiver") : name;
    }

    /** Caregivers by their given name, as a clinician says it at the visit. */
    static Map<UUID, String> names(Family f) {
        Map<UUID, String> names = new HashMap<>();
        for (Member m : f.members()) {
            names.put(m.id(), m.givenName().isBlank() ? m.fullName() : m.givenName());
        }
        return names;
    }
}
