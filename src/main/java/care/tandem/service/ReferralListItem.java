package care.tandem.service;

import care.tandem.domain.family.Family;
import care.tandem.domain.referral.Referral;

/**
 * One row of the referral worklist: the referral, its family (names, the caregivers' safe-contact preferences and
 * restrictions, for the call), the referrer's display name, and how many days it is overdue (0: not overdue).
 */
public record ReferralListItem(Referral referral, Family family, String referrerName, long overdueDays) {
}
