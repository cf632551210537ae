package care.tandem.domain.screening;

import java.util.List;

/**
 * What a clinic adds to a Questionnaire it imports, where the file does not say it: items whose answer needs
 * same-day action (by linkId; any answer worth a point or more is critical), and the total at which a screen is
 * positive.
 *
 * @param critical   linkIds of items to treat as critical
 * @param positiveAt the total at which the screen is positive, or null to keep the file's (or the published) rule
 */
public record ImportMarks(List<String> critical, Integer positiveAt) {

    public ImportMarks {
        critical = List.copyOf(critical);
    }

    public static ImportMarks none() {
        return new ImportMarks(List.of(), null);
    }
}
