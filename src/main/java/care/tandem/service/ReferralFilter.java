package care.tandem.service;

import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.ReferralStatus;

import java.util.Set;
import java.util.UUID;

/**
 * What the referral worklist shows. Null or empty means "any".
 *
 * @param referrerId only referrals made by this clinician
 * @param statuses   only these statuses; empty: the open ones
 * @param familyId   only this family
 * @param overdueOnly only referrals past their follow-up date
 */
public record ReferralFilter(UUID referrerId, Need need, Set<ReferralStatus> statuses, UUID familyId,
                             boolean overdueOnly) {

    public ReferralFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Every open referral. */
    public static ReferralFilter open() {
        return new ReferralFilter(null, null, Set.of(), null, false);
    }
}
