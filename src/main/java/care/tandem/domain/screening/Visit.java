package care.tandem.domain.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A visit: the date, the child seen, the caregivers present and the clinician. Notes and referrals attach later. */
public record Visit(UUID id, UUID familyId, UUID childId, LocalDate date, UUID clinicianId, List<UUID> caregivers,
                    long revision) {

    public Visit {
        caregivers = List.copyOf(caregivers);
    }
}
