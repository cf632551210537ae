package care.tandem.domain.note;

import java.time.Instant;
import java.util.Objects;

/**
 * A mandated report (child protective services) the clinician made: when, to whom and its reference. Recorded by the
 * clinician, never raised by a screen (DOMAIN.md §D: a disclosure is a clinical and legal judgement, not a rule).
 *
 * @param agency    to whom it was made (the county's CPS hotline, law enforcement, ...)
 * @param reference the report or call reference given, or empty
 */
public record MandatedReport(Instant madeAt, String agency, String reference) {

    public MandatedReport {
        Objects.requireNonNull(madeAt, "madeAt");
        agency = Objects.requireNonNullElse(agency, "").strip();
        reference = Objects.requireNonNullElse(reference, "").strip();
    }
}
