package care.tandem.domain.referral;

/** What came of a follow-up contact about a referral. */
public enum ContactOutcome {
    /** Spoke with the caregiver. */
    REACHED,
    NO_ANSWER,
    LEFT_MESSAGE,
    TEXTED,
    /** Spoke with the destination (the programme or agency). */
    SPOKE_WITH_DESTINATION
}
