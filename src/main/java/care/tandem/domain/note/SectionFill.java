package care.tandem.domain.note;

/** What Tandem writes into a note section for the clinician to keep or edit. */
public enum SectionFill {
    /** Nothing: the clinician writes it. */
    NONE,
    /** This visit's screening results and referrals, a sentence each (private ones go to the confidential part). */
    RESULTS,
    /** A sentence for each intervention ticked. */
    INTERVENTIONS
}
