package care.tandem.domain.note;

/**
 * The interventions a clinician ticks on a note; each is written into the note as a sentence. A referral or a
 * warm hand-off also creates or links the referral record.
 */
public enum Intervention {
    ANTICIPATORY_GUIDANCE,
    PSYCHOEDUCATION,
    BRIEF_INTERVENTION,
    SAFETY_PLANNING,
    WARM_HANDOFF,
    REFERRAL;

    /** True when ticking it creates or links a referral record. */
    public boolean makesReferral() {
        return this == WARM_HANDOFF || this == REFERRAL;
    }
}
