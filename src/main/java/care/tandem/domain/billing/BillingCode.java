package care.tandem.domain.billing;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the clinic's code table: a CPT, HCPCS or ICD-10-CM code with its modifier, a short local label in
 * English and Spanish (paraphrased, never AMA descriptor text), how far the references confirm it, and where that
 * comes from.
 *
 * @param key          the name the billing rules know a seeded code by ("maternal-depression-positive"), kept when
 *                     the clinic edits the code itself; null for a code the clinic added
 * @param modifier     such as "HD", or empty
 * @param source       the references behind the code and its mark (DOMAIN.md / SPANISH-AND-CODES.md sections)
 * @param confidential the code reveals a safety result (Z63.0, Z91.41x): it never goes on a family copy unless the
 *                     clinician chooses to include it
 * @param active       false once the clinic took it out of use (kept for codes already accepted)
 */
public record BillingCode(UUID id, String key, CodeSystem system, String code, String modifier, String label,
                          String labelEs, Verification verification, String source, boolean confidential,
                          boolean active, long revision) {

    public BillingCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(verification, "verification");
        code = Objects.requireNonNullElse(code, "").strip().toUpperCase(Locale.ROOT);
        modifier = Objects.requireNonNullElse(modifier, "").strip().toUpperCase(Locale.ROOT);
        label = Objects.requireNonNullElse(label, "").strip();
        labelEs = Objects.requireNonNullElse(labelEs, "").strip();
        source = Objects.requireNonNullElse(source, "").strip();
    }

    /** The code as a claim shows it: "G8431-HD", "96127", "Z59.41". */
    public String display() {
        return modifier.isEmpty() ? code : code + "-" + modifier;
    }

    /** The label in a language ("en", "es"); the English one where no Spanish label was written. */
    public String label(String language) {
        return "es".equals(language) && !labelEs.isEmpty() ? labelEs : label;
    }
}
