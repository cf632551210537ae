package care.tandem.domain.screening;

/** OPEN until acted on; WITHDRAWN when the answer behind it was changed before completion or entered in error. */
public enum AlertStatus {
    OPEN, ACTED, WITHDRAWN
}
