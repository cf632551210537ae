package care.tandem.domain.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What is due today from the youngest child's age and the household's past screens. A well visit at m months
 * opens a window from two weeks before m months to two weeks before the next scheduled visit (three months for
 * the last); a caregiver is due once per window. Social needs are due when no social-needs screen was given in
 * the last {@code socialNeedsMonths}. A screen recorded as not done counts as given (its reason says why).
 */
public final class DueScreens {

    /** A past screen, as far as the schedule cares. */
    public record Past(UUID subjectId, String instrument, LocalDate date) {
    }

    private DueScreens() {
    }

    public static List<DueScreen> due(ScreeningSchedule schedule, LocalDate youngestChildBirth, List<UUID> caregivers,
                                      List<Past> past, LocalDate today) {
        List<DueScreen> due = new ArrayList<>();
        if (youngestChildBirth != null) {
            List<Integer> months = schedule.depressionMonths();
            for (int k = 0; k < months.size(); k++) {
                int m = months.get(k);
                LocalDate from = youngestChildBirth.plusMonths(m).minusWeeks(2);
                LocalDate to = k + 1 < months.size()
                        ? youngestChildBirth.plusMonths(months.get(k + 1)).minusWeeks(2)
                        : youngestChildBirth.plusMonths(m + 3L).minusWeeks(2);
                if (today.isBefore(from) || !today.isBefore(to)) {
                    continue;
                }
                for (UUID caregiver : caregivers) {
                    boolean given = past.stream().anyMatch(p -> caregiver.equals(p.subjectId())
                            && ScreeningSchedule.DEPRESSION.contains(p.instrument()) && !p.date().isBefore(from));
                    if (!given) {
                        due.add(new DueScreen(schedule.depressionInstrument(), caregiver,
                                DueScreen.Reason.DEPRESSION_WELL_VISIT, m));
                    }
                }
            }
        }
        if (!caregivers.isEmpty()) {
            LocalDate since = today.minusMonths(schedule.socialNeedsMonths());
            boolean given = past.stream().anyMatch(p -> ScreeningSchedule.SOCIAL_NEEDS.contains(p.instrument())
                    && p.date().isAfter(since));
            if (!given) {
                due.add(new DueScreen(schedule.socialNeedsInstrument(), null, DueScreen.Reason.SOCIAL_NEEDS_YEARLY, null));
            }
        }
        return due;
    }
}
