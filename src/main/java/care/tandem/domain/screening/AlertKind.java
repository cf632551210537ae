package care.tandem.domain.screening;

/** Why an urgent alert was raised. */
public enum AlertKind {
    /** A critical item answered at or above its rule (PHQ-9 item 9 above 0; EPDS item 10 above "Never"). */
    CRITICAL,
    /** A critical item the caregiver declined: ask directly. */
    ASK_DIRECTLY
}
