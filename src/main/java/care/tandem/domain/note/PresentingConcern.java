package care.tandem.domain.note;

/** The presenting concerns a clinician picks from (plus free text on the note). */
public enum PresentingConcern {
    COLIC_FUSSINESS,
    FEEDING,
    SLEEP,
    TANTRUMS_BEHAVIOUR,
    ANXIETY_SEPARATION,
    SIBLING_CONFLICT,
    DEVELOPMENTAL_DELAY,
    /** Perinatal mood and anxiety disorder in a caregiver. */
    PERINATAL_MOOD_ANXIETY,
    TRAUMA_PTSD,
    /** Chronic illness and adherence, such as asthma. */
    CHRONIC_ILLNESS_ADHERENCE
}
