package care.tandem.ui.referral;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.Urgency;
import care.tandem.i18n.Texts;
import care.tandem.service.NewReferral;
import care.tandem.service.ReferralService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.ProblemTexts;
import care.tandem.ui.family.DateInput;
import care.tandem.ui.family.FamilyFormat;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The new-referral dialog: for whom (the child or a caregiver), the need, the destination (those serving the need
 * first, then the rest of the directory, or one not in it, named), its phone, text, hours and languages to read to
 * the family, the reason, urgency, the follow-up date (by urgency, editable, never in the past), consent to share,
 * and referral or warm hand-off. It refers (sent), keeps a draft, or records that the family declined the offer, so
 * declined offers count. A failure is shown in the dialog and nothing typed is lost.
 */
public final class NewReferralViewModel {

    /** How the destination is chosen: an entry suggested for the need, another directory entry, or none. */
    public enum Pick { LISTED, OTHER, NOT_LISTED }

    /** One entry of the destination choice: a directory entry, "Other in the directory…" or "Not in the directory". */
    public record DestinationChoice(Pick pick, Destination destination) {
        public static final DestinationChoice OTHER = new DestinationChoice(Pick.OTHER, null);
        public static final DestinationChoice NOT_LISTED = new DestinationChoice(Pick.NOT_LISTED, null);

        static DestinationChoice of(Destination d) {
            return new DestinationChoice(Pick.LISTED, d);
        }
    }

    /** One fact about the chosen destination, to read to the family: "Phone", "1-877-847-3663". */
    public record Fact(String label, String value) {
    }

    /** The preset reasons a family gives for declining (bundle keys), offered before free text. */
    public static final List<String> DECLINE_REASONS = List.of("referral.new.decline.notInterested",
            "referral.new.decline.alreadyHelped", "referral.new.decline.later");

    private final ReferralService service;
    private final BackgroundRunner runner;
    private final ReferralWords words;
    private final Texts texts;
    private final FamilyFormat format;
    private final Family family;
    private final ReferralOffer offer;

    private final ObservableList<Member> people = FXCollections.observableArrayList();
    private final ObjectProperty<Member> subject = new SimpleObjectProperty<>(this, "subject");
    private final ObservableList<Need> needs = FXCollections.observableArrayList(Need.values());
    private final ObjectProperty<Need> need = new SimpleObjectProperty<>(this, "need");
    private final ObjectProperty<ReferralKind> kind = new SimpleObjectProperty<>(this, "kind", ReferralKind.COMMUNITY);
    private final ObservableList<DestinationChoice> destinations = FXCollections.observableArrayList();
    private final ObjectProperty<DestinationChoice> destination = new SimpleObjectProperty<>(this, "destination");
    private final ObservableList<Destination> directory = FXCollections.observableArrayList();
    private final ObjectProperty<Destination> otherDestination = new SimpleObjectProperty<>(this, "other");
    private final StringProperty destinationName = new SimpleStringProperty(this, "destinationName", "");
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObservableList<Urgency> urgencies = FXCollections.observableArrayList(Urgency.values());
    private final ObjectProperty<Urgency> urgency = new SimpleObjectProperty<>(this, "urgency", Urgency.ROUTINE);
    private final StringProperty followUpText = new SimpleStringProperty(this, "followUpText", "");
    private final ReadOnlyStringWrapper followUpWords = new ReadOnlyStringWrapper(this, "followUpWords", "");
    private final ReadOnlyBooleanWrapper followUpPast = new ReadOnlyBooleanWrapper(this, "followUpPast");
    private final BooleanProperty consent = new SimpleBooleanProperty(this, "consent");
    private final ReadOnlyBooleanWrapper privateReferral = new ReadOnlyBooleanWrapper(this, "privateReferral");
    private final ReadOnlyBooleanWrapper subjectRestricted = new ReadOnlyBooleanWrapper(this, "subjectRestricted");
    private final ReadOnlyBooleanWrapper warmHandoff = new ReadOnlyBooleanWrapper(this, "warmHandoff");
    private final BooleanProperty declining = new SimpleBooleanProperty(this, "declining");
    private final ObjectProperty<String> declineReason = new SimpleObjectProperty<>(this, "declineReason");
    private final StringProperty declineDetails = new SimpleStringProperty(this, "declineDetails", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    private LocalDate today;
    private Destination handoffDestination;
    /** The clinician chose the urgency or typed a date: a new need or urgency no longer overwrites it. */
    private boolean urgencyChosen;
    private boolean dateTyped;
    /** Set while this model changes a field itself, so the change does not count as the clinician's. */
    private boolean adjusting;
    private Snapshot beforeHandoff;

    /** What a warm hand-off fixes, kept so that going back to a referral restores what the clinician had. */
    private record Snapshot(Need need, Urgency urgency, String followUpText, boolean consent, boolean urgencyChosen,
                            boolean dateTyped, DestinationChoice destination) {
    }

    public NewReferralViewModel(ReferralService service, BackgroundRunner runner, ReferralWords words,
                                FamilyFormat format, Family family, ReferralOffer offer) {
        this.service = service;
        this.runner = runner;
        this.words = words;
        this.texts = words.texts();
        this.format = format;
        this.family = family;
        this.offer = offer == null ? ReferralOffer.blank() : offer;
        people.setAll(family.children());
        people.addAll(family.caregivers());
        subject.set(people.stream().filter(m -> m.id().equals(this.offer.subjectId())).findFirst()
                .orElseGet(() -> family.caregivers().stream().filter(m -> !m.restricted()).findFirst()
                        .orElse(people.isEmpty() ? null : people.get(0))));
        subjectRestricted.set(subject.get() != null && subject.get().restricted());
        subject.addListener((obs, old, now) -> subjectRestricted.set(now != null && now.restricted()));
        need.set(this.offer.need());
        urgency.set(defaultUrgency(this.offer.need()));
        reason.set(this.offer.reason());

        need.addListener((obs, old, now) -> {
            if (!urgencyChosen && kind.get() == ReferralKind.COMMUNITY) {
                adjust(() -> urgency.set(defaultUrgency(now)));
            }
            refreshDestinations();
        });
        urgency.addListener((obs, old, now) -> {
            if (!adjusting) {
                urgencyChosen = true;
            }
            if (!dateTyped) {
                adjust(this::defaultFollowUp);
            }
        });
        followUpText.addListener((obs, old, now) -> {
            if (!adjusting) {
                dateTyped = true;
            }
            describeFollowUp();
        });
        destination.addListener((obs, old, now) -> destinationChanged());
        otherDestination.addListener((obs, old, now) -> destinationChanged());
        kind.addListener((obs, old, now) -> kindChanged(now));
        // A message about what was wrong goes once the clinician changes something, so it never outlives its cause.
        for (ObservableValue<?> field : List.of(subject, need, destination, otherDestination, destinationName,
                reason, urgency, followUpText, declineReason, declineDetails)) {
            field.addListener((obs, old, now) -> {
                if (!adjusting && !busy.get()) {
                    message.set("");
                }
            });
        }
        refreshDestinations();
    }

    /** Reads today's date and the directory; the dialog can save once they are in. */
    public void load() {
        busy.set(true);
        runner.read(() -> new Loaded(service.today(), service.destinations(false)), l -> {
            busy.set(false);
            today = l.today();
            List<Destination> active = l.destinations().stream().filter(Destination::active)
                    .sorted(Comparator.comparing(Destination::name, String.CASE_INSENSITIVE_ORDER)).toList();
            directory.setAll(active);
            handoffDestination = active.stream()
                    .filter(d -> ReferralService.WARM_HANDOFF_KEY.equals(d.seedKey())).findFirst().orElse(null);
            adjust(this::defaultFollowUp);
            refreshDestinations();
            loaded.set(true);
        }, failure -> {
            busy.set(false);
            message.set(ProblemTexts.describe(failure, texts));
        });
    }

    private record Loaded(LocalDate today, List<Destination> destinations) {
    }

    // ---- actions ----

    /** Refers now: the referral is sent (or the warm hand-off made); {@code onSaved} gets it. */
    public void refer(Consumer<Referral> onSaved) {
        save(true, onSaved);
    }

    /** Keeps the referral as a draft to send later; a warm hand-off has no draft. */
    public void saveDraft(Consumer<Referral> onSaved) {
        if (warmHandoff.get()) {
            return;
        }
        save(false, onSaved);
    }

    /** Opens the "family declined" question (its reasons and details). */
    public void startDecline() {
        declining.set(true);
        message.set("");
    }

    /** Records the offer as declined by the family: a referral closed at once as "family declined". */
    public void decline(Consumer<Referral> onSaved) {
        Optional<String> problem = checkCommon();
        if (problem.isEmpty() && declineText().isEmpty()) {
            problem = Optional.of(texts.get("referral.new.error.declineReason"));
        }
        if (problem.isPresent()) {
            message.set(problem.get());
            return;
        }
        NewReferral n = build(false, null);
        String why = declineText();
        run(() -> service.declineOffer(n, why), onSaved);
    }

    private void save(boolean send, Consumer<Referral> onSaved) {
        Optional<String> problem = checkCommon();
        LocalDate followUp = null;
        if (problem.isEmpty()) {
            Optional<LocalDate> date = DateInput.parse(followUpText.get());
            if (followUpText.get() == null || followUpText.get().isBlank()) {
                problem = Optional.of(texts.get("referral.new.error.dateMissing"));
            } else if (date.isEmpty()) {
                problem = Optional.of(texts.get("referral.new.error.dateUnreadable", followUpText.get().strip()));
            } else if (date.get().isBefore(today)) {
                problem = Optional.of(texts.get("referral.new.error.datePast", words.date(date.get()),
                        words.date(today)));
            } else {
                followUp = date.get();
            }
        }
        if (problem.isPresent()) {
            message.set(problem.get());
            return;
        }
        if (warmHandoff.get()) {
            Member who = subject.get();
            run(() -> service.warmHandoff(family.id(), who.id(), offer.visitId(), offer.screeningId(), null),
                    onSaved);
        } else {
            NewReferral n = build(send, followUp);
            run(() -> service.create(n), onSaved);
        }
    }

    private void run(java.util.concurrent.Callable<Referral> work, Consumer<Referral> onSaved) {
        message.set("");
        busy.set(true);
        runner.write(work, saved -> {
            busy.set(false);
            onSaved.accept(saved);
        }, failure -> {
            busy.set(false);
            message.set(ProblemTexts.describe(failure, texts));
        });
    }

    /** What must be right for any save: loaded, someone, a need, a destination (or one named). */
    private Optional<String> checkCommon() {
        if (!loaded.get() || busy.get()) {
            return Optional.of(texts.get("referral.new.error.notReady"));
        }
        if (subject.get() == null) {
            return Optional.of(texts.get("referral.new.error.subject"));
        }
        if (need.get() == null) {
            return Optional.of(texts.get("referral.new.error.need"));
        }
        DestinationChoice choice = destination.get();
        if (choice == null || (choice.pick() == Pick.OTHER && otherDestination.get() == null)) {
            return Optional.of(texts.get("referral.new.error.destination"));
        }
        if (choice.pick() == Pick.NOT_LISTED && destinationName.get().isBlank()) {
            return Optional.of(texts.get("referral.new.error.destinationName"));
        }
        return Optional.empty();
    }

    private NewReferral build(boolean send, LocalDate followUp) {
        Destination d = chosenDestination();
        String why = reason.get() == null ? "" : reason.get().strip();
        if (destination.get().pick() == Pick.NOT_LISTED) {
            String name = destinationName.get().strip();
            why = why.isEmpty() ? name : texts.get("referral.new.reasonNamed", name, why);
        }
        return new NewReferral(family.id(), subject.get().id(), kind.get(), need.get(), d == null ? null : d.id(), why,
                urgency.get(), followUp, consent.get(), send, offer.visitId(), offer.screeningId(), null);
    }

    private String declineText() {
        String preset = declineReason.get() == null ? "" : texts.get(declineReason.get());
        String details = declineDetails.get() == null ? "" : declineDetails.get().strip();
        if (preset.isEmpty()) {
            return details;
        }
        return details.isEmpty() ? preset : texts.get("referral.new.decline.withDetails", preset, details);
    }

    // ---- what follows from what ----

    private static Urgency defaultUrgency(Need need) {
        return need == Need.CRISIS ? Urgency.URGENT : Urgency.ROUTINE;
    }

    private void defaultFollowUp() {
        if (today != null) {
            followUpText.set(DateInput.format(today.plusDays(urgency.get().followUpDays())));
        }
    }

    private void adjust(Runnable change) {
        boolean was = adjusting;
        adjusting = true;
        try {
            change.run();
        } finally {
            adjusting = was;
        }
    }

    /** Suggested destinations for the need first (the most specific first), then the other choices. */
    private void refreshDestinations() {
        DestinationChoice current = destination.get();
        List<DestinationChoice> choices = new ArrayList<>();
        if (warmHandoff.get()) {
            if (handoffDestination != null) {
                choices.add(DestinationChoice.of(handoffDestination));
            }
            destinations.setAll(choices);
            destination.set(choices.isEmpty() ? null : choices.get(0));
            destinationChanged();
            return;
        }
        Need n = need.get();
        if (n != null) {
            directory.stream().filter(d -> d.serves(n))
                    .sorted(Comparator.comparingInt((Destination d) -> d.needs().size())
                            .thenComparing(Destination::name, String.CASE_INSENSITIVE_ORDER))
                    .map(DestinationChoice::of).forEach(choices::add);
        }
        int suggested = choices.size();
        choices.add(DestinationChoice.OTHER);
        choices.add(DestinationChoice.NOT_LISTED);
        destinations.setAll(choices);
        if (current != null && choices.contains(current)
                && (current.pick() != Pick.LISTED || (n != null && current.destination().serves(n)))) {
            destination.set(current);
        } else {
            destination.set(suggested > 0 ? choices.get(0) : null);
        }
        destinationChanged();
    }

    private void destinationChanged() {
        Destination d = chosenDestination();
        List<Fact> out = new ArrayList<>();
        if (d != null) {
            fact(out, "referral.new.fact.phone", d.phone());
            fact(out, "referral.new.fact.text", d.text());
            fact(out, "referral.new.fact.hours", d.hours());
            fact(out, "referral.new.fact.languages", d.languages());
            fact(out, "referral.new.fact.web", d.web());
            fact(out, "referral.new.fact.notes", d.notes());
        }
        facts.setAll(out);
        Need n = need.get();
        privateReferral.set((n != null && n.isPrivate()) || (d != null && d.privateUse()));
    }

    private void fact(List<Fact> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Fact(texts.get(key), value));
        }
    }

    private void kindChanged(ReferralKind now) {
        boolean handoff = now == ReferralKind.WARM_HANDOFF;
        if (handoff == warmHandoff.get()) {
            return;
        }
        if (handoff) {
            beforeHandoff = new Snapshot(need.get(), urgency.get(), followUpText.get(), consent.get(), urgencyChosen,
                    dateTyped, destination.get());
            warmHandoff.set(true);
            // What the service records for a hand-off: mental health, today, agreed in person.
            adjust(() -> {
                need.set(Need.MENTAL_HEALTH);
                urgency.set(Urgency.SAME_DAY);
                dateTyped = false;
                defaultFollowUp();
                consent.set(true);
            });
            refreshDestinations();
        } else {
            warmHandoff.set(false);
            Snapshot s = beforeHandoff;
            adjust(() -> {
                need.set(s.need());
                urgency.set(s.urgency());
                followUpText.set(s.followUpText());
                consent.set(s.consent());
            });
            urgencyChosen = s.urgencyChosen();
            dateTyped = s.dateTyped();
            refreshDestinations();
            if (s.destination() != null && destinations.contains(s.destination())) {
                destination.set(s.destination());
            }
        }
    }

    private void describeFollowUp() {
        String text = followUpText.get();
        Optional<LocalDate> date = DateInput.parse(text);
        boolean past = date.isPresent() && today != null && date.get().isBefore(today);
        followUpPast.set(past);
        if (text == null || text.isBlank() || today == null) {
            followUpWords.set("");
        } else if (date.isEmpty()) {
            followUpWords.set(texts.get("referral.new.followUp.unreadable"));
        } else {
            long days = ChronoUnit.DAYS.between(today, date.get());
            String when = words.date(date.get());
            followUpWords.set(past ? texts.get("referral.new.followUp.past", when)
                    : days == 0 ? texts.get("referral.new.followUp.today", when)
                    : days == 1 ? texts.get("referral.new.followUp.tomorrow", when)
                    : texts.get("referral.new.followUp.inDays", when, days));
        }
    }

    // ---- words for the choices ----

    /** "Ana Pérez (Mother)", "Lucía Pérez (child, 2 mo)", with "Restricted — do not contact" for a restricted one. */
    public String personLabel(Member m) {
        String name = format.displayName(m);
        String age = m.isChild() ? format.age(m.birthDate()) : "";
        String what = !m.isChild() ? format.relationship(m.relationship())
                : age.isEmpty() ? texts.get("referral.new.person.childNoAge")
                : texts.get("referral.new.person.child", age);
        String label = what.isBlank() ? name : texts.get("referral.new.person", name, what);
        return m.restricted() ? texts.get("referral.new.person.restricted", label) : label;
    }

    public String needLabel(Need n) {
        return n == null ? "" : words.need(n);
    }

    public String urgencyLabel(Urgency u) {
        return u == null ? "" : words.urgency(u);
    }

    /** A destination's name, or "Other in the directory…" / "Not in the directory". */
    public String destinationLabel(DestinationChoice c) {
        if (c == null) {
            return "";
        }
        return switch (c.pick()) {
            case LISTED -> c.destination().name();
            case OTHER -> texts.get("referral.new.destination.other");
            case NOT_LISTED -> texts.get("referral.new.destination.notListed");
        };
    }

    /** The directory entry the referral goes to, or null when it is not in the directory (or not chosen). */
    public Destination chosenDestination() {
        DestinationChoice c = destination.get();
        if (c == null) {
            return null;
        }
        return switch (c.pick()) {
            case LISTED -> c.destination();
            case OTHER -> otherDestination.get();
            case NOT_LISTED -> null;
        };
    }

    // ---- state ----

    public Family family() {
        return family;
    }

    public ReferralOffer offer() {
        return offer;
    }

    public LocalDate today() {
        return today;
    }

    public ObservableList<Member> people() {
        return people;
    }

    public ObjectProperty<Member> subject() {
        return subject;
    }

    public ObservableList<Need> needs() {
        return needs;
    }

    public ObjectProperty<Need> need() {
        return need;
    }

    public ObjectProperty<ReferralKind> kind() {
        return kind;
    }

    public ObservableList<DestinationChoice> destinations() {
        return destinations;
    }

    public ObjectProperty<DestinationChoice> destination() {
        return destination;
    }

    public ObservableList<Destination> directory() {
        return directory;
    }

    public ObjectProperty<Destination> otherDestination() {
        return otherDestination;
    }

    public StringProperty destinationName() {
        return destinationName;
    }

    public ObservableList<Fact> facts() {
        return facts;
    }

    public StringProperty reason() {
        return reason;
    }

    public ObservableList<Urgency> urgencies() {
        return urgencies;
    }

    public ObjectProperty<Urgency> urgency() {
        return urgency;
    }

    public StringProperty followUpText() {
        return followUpText;
    }

    public ReadOnlyStringProperty followUpWords() {
        return followUpWords.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty followUpPast() {
        return followUpPast.getReadOnlyProperty();
    }

    public BooleanProperty consent() {
        return consent;
    }

    public ReadOnlyBooleanProperty privateReferral() {
        return privateReferral.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty subjectRestricted() {
        return subjectRestricted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty warmHandoff() {
        return warmHandoff.getReadOnlyProperty();
    }

    public BooleanProperty declining() {
        return declining;
    }

    public ObjectProperty<String> declineReason() {
        return declineReason;
    }

    public StringProperty declineDetails() {
        return declineDetails;
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loaded() {
        return loaded.getReadOnlyProperty();
    }
}
