package care.tandem.domain.screening;

/**
 * Where a screen stands. Only an IN_PROGRESS screen takes answers; a COMPLETED or NOT_DONE one is final and can
 * only be marked ENTERED_IN_ERROR (with a reason), after which a corrected screen is recorded in its place.
 */
public enum ScreeningStatus {
    IN_PROGRESS, COMPLETED, NOT_DONE, ENTERED_IN_ERROR
}
