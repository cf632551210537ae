package care.tandem.service;

import care.tandem.domain.screening.Alert;
import care.tandem.domain.screening.Screening;

import java.util.List;

/** A screen after a step (an answer, a deferral, finishing), with the urgent alerts that step raised. */
public record ScreeningProgress(Screening screening, List<Alert> raised) {

    public ScreeningProgress {
        raised = List.copyOf(raised);
    }
}
