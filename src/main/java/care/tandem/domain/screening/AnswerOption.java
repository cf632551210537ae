package care.tandem.domain.screening;

/**
 * One printed answer of a choice item: its LOINC answer code (LA…), its wording, and the points it scores
 * (null where the option scores nothing, as in the AHC housing items).
 */
public record AnswerOption(String code, LocalText display, Integer points) {
}
