package care.tandem.service;

import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.Urgency;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What the clinician fills in to refer.
 *
 * @param subjectId      the child or caregiver the referral is for
 * @param destinationId  a directory entry, or null for a destination named only in {@code reason}
 * @param followUpDate   null for the default of the urgency
 * @param send           true: sent now; false: kept as a draft
 * @param visitId        the visit it is made in, or null
 * @param screeningId    the screen that prompted it, or null
 * @param alertId        the urgent alert it answers, or null
 */
public record NewReferral(UUID familyId, UUID subjectId, ReferralKind kind, Need need, UUID destinationId,
                          String reason, Urgency urgency, LocalDate followUpDate, boolean consentToShare, boolean send,
                          UUID visitId, UUID screeningId, UUID alertId) {

    public NewReferral {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(urgency, "urgency");
        reason = Objects.requireNonNullElse(reason, "").strip();
    }
}
