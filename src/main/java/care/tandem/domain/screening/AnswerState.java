package care.tandem.domain.screening;

/** Whether a question has an answer. */
public enum AnswerState {
    ANSWERED,
    /** The caregiver chose "prefer not to answer" (or the form's "don't know / refused"). */
    DECLINED,
    /** Deliberately not asked now (interpersonal safety deferred because the caregiver was not alone). */
    DEFERRED
}
