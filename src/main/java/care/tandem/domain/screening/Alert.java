package care.tandem.domain.screening;

import java.time.Instant;
import java.util.UUID;

/**
 * An urgent alert from a screen: the item and answer that raised it, and (once acted on) the action, who and when.
 * {@code answerCode} is the LOINC answer code (empty for a declined item).
 */
public record Alert(UUID id, UUID screeningId, UUID familyId, UUID subjectId, String instrument, String item,
                    String answerCode, AlertKind kind, AlertStatus status, Instant raisedAt, AlertAction action,
                    String actionNote, UUID actedBy, Instant actedAt) {

    public boolean open() {
        return status == AlertStatus.OPEN;
    }
}
