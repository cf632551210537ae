package care.tandem.domain.referral;

/** A referral to a destination outside the visit, or a same-day warm hand-off to the behavioural-health clinician. */
public enum ReferralKind {
    COMMUNITY,
    WARM_HANDOFF
}
