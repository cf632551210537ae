package care.tandem.ui.referral;

import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Referral;
import care.tandem.i18n.Texts;
import care.tandem.service.ReferralService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Recording one follow-up contact about a referral in a couple of keys: a digit picks what came of it (the outcomes
 * are numbered 1–5), Enter saves with the next follow-up date already filled in (the urgency's default from today,
 * editable); the note is optional. The status does not change; the referral is no longer overdue.
 */
public final class FollowUpDialogViewModel {
    private final ReferralService referrals;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final Referral referral;
    private final NextFollowUp followUp;
    private final ObjectProperty<ContactOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty dateText = new SimpleStringProperty(this, "dateText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** @param today today by the clinic's clock (ReferralService.today(), read in the background) */
    public FollowUpDialogViewModel(ReferralService referrals, BackgroundRunner runner, DialogService dialogs,
                                   ReferralWords words, Referral referral, LocalDate today) {
        this.referrals = referrals;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = words.texts();
        this.referral = referral;
        this.followUp = new NextFollowUp(words, referral, today);
        dateText.set(followUp.defaultText());
        outcome.addListener((obs, old, now) -> message.set(""));
    }

    /** The outcomes in the order of their digits, 1 first. */
    public List<ContactOutcome> outcomes() {
        return List.of(ContactOutcome.values());
    }

    /** Picks the outcome numbered {@code digit} (1–5); false for any other digit. */
    public boolean pick(int digit) {
        if (digit < 1 || digit > ContactOutcome.values().length) {
            return false;
        }
        outcome.set(ContactOutcome.values()[digit - 1]);
        return true;
    }

    /** "Default for Routine: 14 days from today". */
    public String dateHint() {
        return followUp.hint();
    }

    /** Records the contact; {@code onSaved} gets the referral as it is now. */
    public void save(Consumer<Referral> onSaved) {
        if (busy.get()) {
            return;
        }
        ContactOutcome picked = outcome.get();
        if (picked == null) {
            message.set(texts.get("referral.followup.dialog.pickOutcome"));
            return;
        }
        Optional<LocalDate> nextDate = followUp.read(dateText.get(), message::set);
        if (nextDate.isEmpty()) {
            return;
        }
        message.set("");
        busy.set(true);
        String written = note.get() == null ? "" : note.get().strip();
        runner.write(() -> referrals.recordFollowUp(referral.id(), picked, written, nextDate.get()), saved -> {
            busy.set(false);
            onSaved.accept(saved);
        }, failure -> {
            busy.set(false);
            dialogs.showProblem(failure);
        });
    }

    public Referral referral() {
        return referral;
    }

    public ObjectProperty<ContactOutcome> outcome() {
        return outcome;
    }

    public StringProperty note() {
        return note;
    }

    /** The next follow-up date as typed (MM/DD/YYYY); blank means the default. */
    public StringProperty dateText() {
        return dateText;
    }

    /** What stops the save, or empty. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }
}
