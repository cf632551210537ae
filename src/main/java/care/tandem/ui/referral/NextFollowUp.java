package care.tandem.ui.referral;

import care.tandem.domain.referral.Referral;
import care.tandem.ui.family.DateInput;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The next follow-up date the follow-up and status dialogs ask for: filled in with the urgency's default (today plus
 * its days), typed as MM/DD/YYYY, never before today.
 */
final class NextFollowUp {
    private final ReferralWords words;
    private final Referral referral;
    private final LocalDate today;

    /** @param today today by the clinic's clock (ReferralService.today()) */
    NextFollowUp(ReferralWords words, Referral referral, LocalDate today) {
        this.words = words;
        this.referral = referral;
        this.today = today;
    }

    /** The urgency's default: today plus its days. */
    private LocalDate defaultDate() {
        return today.plusDays(referral.urgency().followUpDays());
    }

    /** The default as the date field first shows it (MM/DD/YYYY). */
    String defaultText() {
        return DateInput.format(defaultDate());
    }

    /** "Default for Routine: 14 days from today". */
    String hint() {
        int days = referral.urgency().followUpDays();
        String key = days == 0 ? "referral.followup.dialog.dateHint.zero"
                : days == 1 ? "referral.followup.dialog.dateHint.one" : "referral.followup.dialog.dateHint";
        return words.texts().get(key, words.urgency(referral.urgency()), days);
    }

    /**
     * The date typed, the default when blank; empty when it is not a date or is before today, after handing
     * {@code problem} what to say.
     */
    Optional<LocalDate> read(String typed, Consumer<String> problem) {
        if (typed == null || typed.isBlank()) {
            return Optional.of(defaultDate());
        }
        Optional<LocalDate> date = DateInput.parse(typed);
        if (date.isEmpty()) {
            problem.accept(words.texts().get("referral.followup.dialog.badDate"));
            return Optional.empty();
        }
        if (date.get().isBefore(today)) {
            problem.accept(words.texts().get("referral.followup.dialog.pastDate"));
            return Optional.empty();
        }
        return date;
    }
}
