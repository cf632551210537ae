package care.tandem.domain.screening;

/**
 * What a screen or a domain shows. An unfinished screen is POSITIVE when the answers given already reach the
 * rule, otherwise INCOMPLETE: never NEGATIVE until every item the rule needs is answered.
 */
public enum Outcome {
    POSITIVE, NEGATIVE, INCOMPLETE, NOT_SCORED
}
