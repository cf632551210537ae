package care.tandem.domain.screening;

/**
 * The result of one domain. {@code score}: the sum of a domain scored by a sum (AHC safety 4–20) once all its
 * items are answered, else null.
 */
public record DomainScore(String id, Outcome outcome, Integer score, boolean core, boolean privateDomain) {
}
