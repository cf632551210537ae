package care.tandem.domain.referral;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * How a referral's loop went: days from referral to its first update and to its closure (calendar days in the
 * clinic's time zone), and the outcome. Null days: not yet.
 */
public record LoopMeasures(Long daysToFirstUpdate, Long daysToClosure, ReferralStatus.Result outcome) {

    public static LoopMeasures of(Referral r, ZoneId zone) {
        return new LoopMeasures(days(r.createdAt(), r.firstUpdateAt(), zone), days(r.createdAt(), r.closedAt(), zone),
                r.status().result());
    }

    private static Long days(Instant from, Instant to, ZoneId zone) {
        if (from == null || to == null) {
            return null;
        }
        return ChronoUnit.DAYS.between(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate());
    }
}
