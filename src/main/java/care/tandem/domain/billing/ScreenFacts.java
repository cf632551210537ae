package care.tandem.domain.billing;

import care.tandem.domain.family.Relationship;
import care.tandem.domain.screening.Outcome;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One finished screen of the visit, as the billing rules see it.
 *
 * @param instrument      the instrument id ("phq9", "epds", "pearls", "ahc-hrsn", ...)
 * @param subjectRelation the screened caregiver's relationship to the children, or null when the child was screened
 * @param outcome         the instrument's result (no code for an incomplete one)
 * @param positiveDomains the ids of the domains that are positive ("food", "safety", ...)
 * @param privateDomains  the ids of the instrument's private domains (interpersonal safety)
 * @param aceCount        the PEARLS Part 1 ACE count, or null
 * @param followsId       the short screen (PHQ-2, GAD-2) whose answers this one continued, or null
 */
public record ScreenFacts(UUID screeningId, String instrument, Relationship subjectRelation, Outcome outcome,
                          Set<String> positiveDomains, Set<String> privateDomains, Integer aceCount, UUID followsId) {

    public ScreenFacts {
        Objects.requireNonNull(screeningId, "screeningId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(outcome, "outcome");
        positiveDomains = Set.copyOf(positiveDomains);
        privateDomains = Set.copyOf(privateDomains);
    }

    public boolean aboutChild() {
        return subjectRelation == null;
    }

    /** Positive or negative: a result a code can report. */
    public boolean scored() {
        return outcome == Outcome.POSITIVE || outcome == Outcome.NEGATIVE;
    }

    public boolean positive() {
        return outcome == Outcome.POSITIVE;
    }
}
