package care.tandem.domain.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One append-only step in a referral's history: its creation, a status change, or a follow-up contact.
 *
 * @param status         the status after this step
 * @param previousStatus the status before it (null for the creation)
 * @param contact        for a follow-up contact, what came of it; else null
 * @param followUpDate   the next follow-up date set by this step (null once closed)
 */
public record ReferralEvent(UUID id, UUID referralId, Kind kind, ReferralStatus status, ReferralStatus previousStatus,
                            ContactOutcome contact, String reason, String note, LocalDate followUpDate, UUID by,
                            Instant at) {

    public enum Kind { CREATED, STATUS, FOLLOW_UP }

    public ReferralEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        reason = Objects.requireNonNullElse(reason, "");
        note = Objects.requireNonNullElse(note, "");
    }
}
