package care.tandem.ui.referral;

import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.FormatLocale;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Referrals in the clinician's words: statuses, needs, urgencies, contact outcomes, follow-up dates with "Overdue 3
 * days" (always in words as well as colour), and the "Private referral" wording that hides a private referral's
 * need, destination and reason until it is opened.
 */
public final class ReferralWords {
    private final Texts texts;
    private final DateTimeFormatter dates;

    public ReferralWords(Texts texts) {
        this.texts = texts;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(FormatLocale.of(texts));
    }

    public Texts texts() {
        return texts;
    }

    public String status(ReferralStatus s) {
        return texts.get("referral.status." + s.name());
    }

    public String need(Need n) {
        return texts.get("referral.need." + n.name());
    }

    public String urgency(Urgency u) {
        return texts.get("referral.urgency." + u.name());
    }

    public String contact(ContactOutcome c) {
        return texts.get("referral.contact." + c.name());
    }

    public String kind(ReferralKind k) {
        return texts.get("referral.kind." + k.name());
    }

    public String date(LocalDate d) {
        return d == null ? "" : dates.format(d);
    }

    /** "Private referral" for a private one (until opened), else "Food — CalFresh". */
    public String title(Referral r) {
        if (r.privateReferral()) {
            return texts.get("referral.private");
        }
        String destination = r.destinationName().isBlank() ? r.reason() : r.destinationName();
        return destination.isBlank() ? need(r.need()) : texts.get("referral.title", need(r.need()), destination);
    }

    /** "Follow up 4 Dec 2026", "Overdue 3 days", "Due today", or the closed status. */
    public String followUp(Referral r, LocalDate today) {
        if (!r.open()) {
            return status(r.status());
        }
        long overdue = r.overdueDays(today);
        if (overdue > 0) {
            return texts.get(overdue == 1 ? "referral.overdue.one" : "referral.overdue.many", overdue);
        }
        if (r.followUpDate() != null && r.followUpDate().equals(today)) {
            return texts.get("referral.followup.today");
        }
        return texts.get("referral.followup.on", date(r.followUpDate()));
    }
}
