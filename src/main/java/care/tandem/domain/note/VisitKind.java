package care.tandem.domain.note;

/** What kind of visit this was; picks the note template offered first and drives billing suggestions. */
public enum VisitKind {
    /** A well-child visit with dyadic screening (the short dyadic check-in note). */
    WELL_CHILD_DYADIC,
    /** A dyadic behavioural-health visit (the full dyadic note; DHCS "DBH well-child visit"). */
    DYADIC_BEHAVIOURAL_HEALTH,
    FOLLOW_UP,
    TELEHEALTH
}
