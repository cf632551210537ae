package care.tandem.domain.screening;

/** Why a whole screen was not given. */
public enum NotDoneReason {
    DECLINED, CAREGIVER_NOT_PRESENT, NOT_APPROPRIATE_NOW, DONE_ELSEWHERE
}
