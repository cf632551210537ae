package care.tandem.domain.billing;

import care.tandem.domain.note.ChildScreen;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A code the billing rules suggest for a visit; never billed until the clinician accepts it.
 *
 * @param why          why it is suggested
 * @param screeningId  the screen it comes from, or null
 * @param childScreen  the child screen given on the publisher's form it comes from, or null
 * @param confidential it reveals a safety result (the code itself, or a private domain it comes from)
 * @param notes        what the clinician should know before accepting it (frequency limits, the FQHC rule, ...)
 */
public record BillingSuggestion(BillingCode code, Words why, UUID screeningId, ChildScreen childScreen,
                                boolean confidential, List<Words> notes) {

    public BillingSuggestion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(why, "why");
        confidential = confidential || code.confidential();
        notes = List.copyOf(notes);
    }

    /** A code from the table the clinician picked without a rule suggesting it. */
    public static BillingSuggestion chosen(BillingCode code) {
        return new BillingSuggestion(code, Words.of("billing.why.chosen"), null, null, false, List.of());
    }

    /** ✅, ⚠️ or ❓, as the code table marks the code. */
    public Verification mark() {
        return code.verification();
    }

    /** True for a code marked ⚠️ or ❓: shown as "verify with your plan". */
    public boolean verifyWithPlan() {
        return mark().verifyWithPlan();
    }
}
