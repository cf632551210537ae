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

    /**
     * True when its sentence belongs in the note's confidential part: a safety plan answers a private result (suicide
     * risk, interpersonal safety), so even naming it could reveal that result on a family copy.
     */
    public boolean confidential() {
        return this == SAFETY_PLANNING;
    }
}
