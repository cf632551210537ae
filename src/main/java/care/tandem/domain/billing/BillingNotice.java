package care.tandem.domain.billing;

import java.util.Objects;
import java.util.UUID;

/**
 * Something the billing help says instead of suggesting a code: what is missing (a follow-up plan, the minutes) or
 * why a screen gets no code of its own.
 *
 * @param screeningId the screen it is about, or null for the visit
 */
public record BillingNotice(Words words, UUID screeningId) {

    public BillingNotice {
        Objects.requireNonNull(words, "words");
    }
}
