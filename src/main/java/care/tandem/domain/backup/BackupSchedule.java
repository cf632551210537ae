package care.tandem.domain.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a scheduled backup is due: when there is none yet, or the newest regular backup is a day old (or dated in the
 * future, which a clock set back would make: that one cannot be trusted to say how old the newest backup is).
 */
public final class BackupSchedule {
    /** How often a backup is made while Tandem is open. */
    public static final Duration INTERVAL = Duration.ofHours(24);

    private BackupSchedule() {
    }

    public static boolean isDue(Optional<Instant> newestRegular, Instant now) {
        if (newestRegular.isEmpty()) {
            return true;
        }
        Instant newest = newestRegular.get();
        return newest.isAfter(now.plusSeconds(60)) || !newest.plus(INTERVAL).isAfter(now);
    }
}
