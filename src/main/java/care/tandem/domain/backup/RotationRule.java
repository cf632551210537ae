package care.tandem.domain.backup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which regular backups to keep: the newest of each of the last {@code daily} days that have one, of the last
 * {@code weekly} ISO weeks and of the last {@code monthly} months (the way restic's {@code --keep-daily/weekly/
 * monthly} count: buckets with no backup are skipped, not counted). Whatever else happens, the newest good backup is
 * kept, and copies of the other kinds (before a migration, before a restore, a damaged file) are never deleted.
 * Days, weeks and months are those of the clinic's time zone.
 *
 * @param daily   days kept (at least 1)
 * @param weekly  weeks kept (0 or more)
 * @param monthly months kept (0 or more)
 */
public record RotationRule(int daily, int weekly, int monthly) {

    /** A copy in the backups folder as rotation sees it. */
    public record Copy(BackupName name, boolean good) {
        Instant made() {
            return name.made();
        }
    }

    public RotationRule {
        if (daily < 1 || weekly < 0 || monthly < 0) {
            throw new IllegalArgumentException("at least one daily backup is kept; weeks and months are 0 or more");
        }
    }

    /** Seven daily, four weekly and twelve monthly backups: about a year of history in some 20 files. */
    public static RotationRule standard() {
        return new RotationRule(7, 4, 12);
    }

    /** The copies to delete, oldest first; every copy not listed is kept. */
    public List<Copy> toDelete(List<Copy> copies, ZoneId zone) {
        List<Copy> regular = copies.stream()
                .filter(c -> c.name().kind().rotates())
                .sorted(Comparator.comparing(Copy::made).thenComparing(c -> c.name().sequence()).reversed())
                .toList();
        Set<Copy> keep = new HashSet<>();
        regular.stream().filter(Copy::good).findFirst().ifPresent(keep::add);
        List<Copy> good = regular.stream().filter(Copy::good).toList();
        keep.addAll(newestPer(good, daily, c -> LocalDate.ofInstant(c.made(), zone)));
        keep.addAll(newestPer(good, weekly, c -> {
            LocalDate d = LocalDate.ofInstant(c.made(), zone);
            return d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }));
        keep.addAll(newestPer(good, monthly, c -> YearMonth.from(LocalDate.ofInstant(c.made(), zone))));
        return regular.stream().filter(c -> !keep.contains(c))
                .sorted(Comparator.comparing(Copy::made).thenComparing(c -> c.name().sequence()))
                .toList();
    }

    /** The newest copy of each of the {@code buckets} most recent buckets; {@code newestFirst} is sorted so. */
    private static List<Copy> newestPer(List<Copy> newestFirst, int buckets, Function<Copy, Object> bucketOf) {
        Map<Object, Copy> newest = new LinkedHashMap<>();
        for (Copy c : newestFirst) {
            if (newest.size() == buckets && !newest.containsKey(bucketOf.apply(c))) {
                break;
            }
            newest.putIfAbsent(bucketOf.apply(c), c);
        }
        return List.copyOf(newest.values());
    }
}
