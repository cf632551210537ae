package care.tandem.ui.referral;

import care.tandem.domain.referral.Need;

import java.util.Objects;
import java.util.UUID;

/**
 * What a referral is offered from: a positive screen (its subject, need, visit and screen) or the family page
 * (all null but what the clinician picks).
 *
 * @param subjectId   the person to preselect, or null
 * @param need        the need to preselect (destinations serving it are suggested), or null
 * @param visitId     the visit it is made in, or null
 * @param screeningId the screen that prompted it, or null
 * @param reason      a short neutral sentence to prefill the reason with ("Positive Hunger Vital Sign on 4 Dec
 *                    2026"), or empty; never words that reveal a private result
 */
public record ReferralOffer(UUID subjectId, Need need, UUID visitId, UUID screeningId, String reason) {

    public ReferralOffer {
        reason = Objects.requireNonNullElse(reason, "").strip();
    }

    /** An offer without a prefilled reason. */
    public ReferralOffer(UUID subjectId, Need need, UUID visitId, UUID screeningId) {
        this(subjectId, need, visitId, screeningId, "");
    }

    /** An offer from the family page, with nothing preselected. */
    public static ReferralOffer blank() {
        return new ReferralOffer(null, null, null, null, "");
    }
}
