package care.tandem.domain.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One administration of one instrument within a visit: about {@code subjectId} (the caregiver screened),
 * answered by {@code respondentId} in {@code language} by {@code mode}. {@code score} is the score of the answers
 * so far (null for a screen not done). {@code correctsId}: the screen entered in error that this one replaces;
 * {@code followsId}: the PHQ-2/GAD-2 whose answers this PHQ-9/GAD-7 kept.
 */
public record Screening(UUID id, UUID visitId, UUID familyId, UUID subjectId, UUID respondentId, String instrument,
                        String instrumentVersion, String language, AdministrationMode mode, ScreeningStatus status,
                        NotDoneReason notDoneReason, String errorReason, UUID correctsId, UUID followsId,
                        boolean safetyDeferred, UUID clinicianId, Instant startedAt, Instant completedAt, Score score,
                        List<Answer> answers, long revision) {

    public Screening {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** Whether it still counts: neither entered in error nor not done. */
    public boolean counts() {
        return status == ScreeningStatus.COMPLETED || status == ScreeningStatus.IN_PROGRESS;
    }
}
