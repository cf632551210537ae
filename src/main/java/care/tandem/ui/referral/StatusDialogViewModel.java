package care.tandem.ui.referral;

import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.ReferralTransitions;
import care.tandem.i18n.Texts;
import care.tandem.service.ReferralService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Changing a referral's status: only the statuses the transition table allows next are offered ("referred elsewhere"
 * as its own choice, which needs a new destination from the directory and makes the new, linked referral); a status
 * that needs a reason says so before saving and is refused without one; an open status gets its next follow-up date
 * (the urgency's default). In "try again" mode: a new referral, linked to a closed one, to a destination.
 */
public final class StatusDialogViewModel {

    /** What the dialog is for. */
    public enum Mode { CHANGE, TRY_AGAIN }

    /** One status offered; {@code elsewhere} for "referred elsewhere" (a new destination, a new linked referral). */
    public record Option(ReferralStatus status, boolean elsewhere, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ReferralService referrals;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ReferralWords words;
    private final Texts texts;
    private final Referral referral;
    private final NextFollowUp followUp;
    private final Mode mode;
    private final ObservableList<Option> options = FXCollections.observableArrayList();
    private final ObjectProperty<Option> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty dateText = new SimpleStringProperty(this, "dateText", "");
    private final ObservableList<Destination> destinations = FXCollections.observableArrayList();
    private final ObjectProperty<Destination> destination = new SimpleObjectProperty<>(this, "destination");
    private final BooleanProperty send = new SimpleBooleanProperty(this, "send", true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding reasonNeeded;
    private final BooleanBinding dateShown;
    private final BooleanBinding destinationShown;
    private final BooleanBinding noteShown;
    private final StringBinding reasonHint;

    /** @param today today by the clinic's clock (ReferralService.today(), read in the background) */
    public StatusDialogViewModel(ReferralService referrals, BackgroundRunner runner, DialogService dialogs,
                                 ReferralWords words, Referral referral, LocalDate today, Mode mode) {
        this.referrals = referrals;
        this.runner = runner;
        this.dialogs = dialogs;
        this.words = words;
        this.texts = words.texts();
        this.referral = referral;
        this.followUp = new NextFollowUp(words, referral, today);
        this.mode = mode;
        if (mode == Mode.CHANGE) {
            Option elsewhere = null;
            for (ReferralStatus s : ReferralTransitions.next(referral.status())) {
                if (s == ReferralStatus.REFERRED_ELSEWHERE) {
                    elsewhere = new Option(s, true, texts.get("referral.status.dialog.elsewhere"));
                } else {
                    options.add(new Option(s, false, words.status(s)));
                }
            }
            if (elsewhere != null) {
                options.add(elsewhere);
            }
        }
        dateText.set(followUp.defaultText());
        reasonNeeded = Bindings.createBooleanBinding(() -> mode == Mode.CHANGE && chosen.get() != null
                && chosen.get().status().needsReason(), chosen);
        dateShown = Bindings.createBooleanBinding(() -> mode == Mode.CHANGE && chosen.get() != null
                && !chosen.get().status().closed(), chosen);
        destinationShown = Bindings.createBooleanBinding(() -> mode == Mode.TRY_AGAIN
                || (chosen.get() != null && chosen.get().elsewhere()), chosen);
        noteShown = Bindings.createBooleanBinding(() -> mode == Mode.CHANGE
                && (chosen.get() == null || !chosen.get().elsewhere()), chosen);
        reasonHint = Bindings.createStringBinding(() -> reasonNeeded.get()
                ? texts.get("referral.status.dialog.reasonNeeded", words.status(chosen.get().status()))
                : "", reasonNeeded, chosen);
        chosen.addListener((obs, old, now) -> message.set(""));
        reason.addListener((obs, old, now) -> {
            if (now != null && !now.isBlank()) {
                message.set("");
            }
        });
    }

    /** Loads the directory for a new destination (suggested ones, serving the need, first). */
    public void loadDestinations() {
        runner.read(() -> referrals.destinations(false), all -> {
            List<Destination> list = new ArrayList<>(all.stream()
                    .filter(d -> mode == Mode.TRY_AGAIN || !d.id().equals(referral.destinationId())).toList());
            list.sort(Comparator.comparing((Destination d) -> !d.serves(referral.need()))
                    .thenComparing(Destination::name, String.CASE_INSENSITIVE_ORDER));
            destinations.setAll(list);
            if (mode == Mode.TRY_AGAIN) {
                list.stream().filter(d -> d.id().equals(referral.destinationId())).findFirst()
                        .ifPresent(destination::set);
            }
        }, dialogs::showProblem);
    }

    /** "CalFresh (suggested)" for a destination serving the referral's need. */
    public String destinationLabel(Destination d) {
        if (d == null) {
            return "";
        }
        return d.serves(referral.need()) ? texts.get("referral.status.dialog.suggested", d.name()) : d.name();
    }

    /** Chooses "referred elsewhere" when it is offered (the Refer elsewhere button). */
    public void chooseElsewhere() {
        options.stream().filter(Option::elsewhere).findFirst().ifPresent(chosen::set);
    }

    /** Saves the change; {@code onSaved} gets the referral to show now (the new one after elsewhere or try again). */
    public void save(Consumer<Referral> onSaved) {
        if (busy.get()) {
            return;
        }
        Option picked = chosen.get();
        if (mode == Mode.CHANGE && picked == null) {
            message.set(texts.get("referral.status.dialog.pickStatus"));
            return;
        }
        String why = reason.get() == null ? "" : reason.get().strip();
        if (reasonNeeded.get() && why.isEmpty()) {
            message.set(texts.get("referral.status.dialog.reasonMissing", words.status(picked.status())));
            return;
        }
        Destination to = destination.get();
        if (destinationShown.get() && to == null) {
            message.set(texts.get("referral.status.dialog.pickDestination"));
            return;
        }
        LocalDate next = null;
        if (dateShown.get()) {
            Optional<LocalDate> d = followUp.read(dateText.get(), message::set);
            if (d.isEmpty()) {
                return;
            }
            next = d.get();
        }
        message.set("");
        busy.set(true);
        LocalDate nextFollowUp = next;
        String written = note.get() == null ? "" : note.get().strip();
        boolean sendNow = send.get();
        runner.write(() -> {
            if (mode == Mode.TRY_AGAIN) {
                return referrals.tryAgain(referral.id(), to.id(), sendNow);
            }
            if (picked.elsewhere()) {
                return referrals.referElsewhere(referral.id(), why, to.id(), sendNow);
            }
            return referrals.changeStatus(referral.id(), picked.status(), why, written, nextFollowUp);
        }, saved -> {
            busy.set(false);
            onSaved.accept(saved);
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    public Mode mode() {
        return mode;
    }

    public Referral referral() {
        return referral;
    }

    /** The statuses offered: only those that may follow the current one. */
    public ObservableList<Option> options() {
        return options;
    }

    public ObjectProperty<Option> chosen() {
        return chosen;
    }

    public StringProperty reason() {
        return reason;
    }

    public StringProperty note() {
        return note;
    }

    public StringProperty dateText() {
        return dateText;
    }

    public ObservableList<Destination> destinations() {
        return destinations;
    }

    public ObjectProperty<Destination> destination() {
        return destination;
    }

    /** Sent now (true) or kept as a draft, for the new referral. */
    public BooleanProperty send() {
        return send;
    }

    public BooleanBinding reasonNeeded() {
        return reasonNeeded;
    }

    public BooleanBinding dateShown() {
        return dateShown;
    }

    public BooleanBinding destinationShown() {
        return destinationShown;
    }

    public BooleanBinding noteShown() {
        return noteShown;
    }

    /** "On hold needs a reason: …", shown before saving; empty when none is needed. */
    public StringBinding reasonHint() {
        return reasonHint;
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** "Follow-up default for Routine: 14 days". */
    public String dateHint() {
        return followUp.hint();
    }
}
