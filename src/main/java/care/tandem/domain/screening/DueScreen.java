package care.tandem.domain.screening;

import java.util.UUID;

/**
 * A screen due today: which instrument, for whom (a caregiver; null = any caregiver of the household), and why
 * ({@code ageMonths}: the well visit it belongs to; null for the yearly social-needs screen).
 */
public record DueScreen(String instrument, UUID subjectId, Reason reason, Integer ageMonths) {

    public enum Reason { DEPRESSION_WELL_VISIT, SOCIAL_NEEDS_YEARLY }
}
