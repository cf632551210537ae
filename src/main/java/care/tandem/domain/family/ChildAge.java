package care.tandem.domain.family;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A child's age in the unit pediatric clinicians write it in: days, then weeks, months,
 * years and months, and finally years.
 *
 * <p>A month or year is completed when the birth day-of-month is reached; a child born on the 31st
 * (or on 29 February) completes it on the first day of the next month when the month is shorter,
 * which is how {@link Period#between} counts and how legal ages are usually counted.
 *
 * @param major days, weeks, months or years, depending on {@code unit}
 * @param minor the months after {@code major} years for {@link Unit#YEARS_MONTHS}, otherwise 0
 */
public record ChildAge(Unit unit, int major, int minor) {

    /** The unit an age is expressed in, chosen by how old the child is. */
    public enum Unit { DAYS, WEEKS, MONTHS, YEARS_MONTHS, YEARS }

    public ChildAge {
        Objects.requireNonNull(unit, "unit");
        if (major < 0) {
            throw new IllegalArgumentException("major must not be negative: " + major);
        }
        if (unit == Unit.YEARS_MONTHS ? minor < 0 || minor > 11 : minor != 0) {
            throw new IllegalArgumentException("minor out of range for " + unit + ": " + minor);
        }
    }

    /**
     * The age on {@code today} of a child born on {@code birth}.
     *
     * @throws IllegalArgumentException if {@code birth} is after {@code today}
     */
    public static ChildAge between(LocalDate birth, LocalDate today) {
        Objects.requireNonNull(birth, "birth");
        Objects.requireNonNull(today, "today");
        if (birth.isAfter(today)) {
            throw new IllegalArgumentException("birth date is after today");
        }
        long days = ChronoUnit.DAYS.between(birth, today);
        if (days < 14) {
            return new ChildAge(Unit.DAYS, (int) days, 0);
        }
        Period period = Period.between(birth, today);
        long months = period.toTotalMonths();
        if (months < 2) {
            return new ChildAge(Unit.WEEKS, (int) (days / 7), 0);
        }
        if (months < 24) {
            return new ChildAge(Unit.MONTHS, (int) months, 0);
        }
        if (period.getYears() < 6) {
            return new ChildAge(Unit.YEARS_MONTHS, period.getYears(), period.getMonths());
        }
        return new ChildAge(Unit.YEARS, period.getYears(), 0);
    }

    /** Completed years. */
    public int years() {
        return switch (unit) {
            case DAYS, WEEKS -> 0;
            case MONTHS -> major / 12;
            case YEARS_MONTHS, YEARS -> major;
        };
    }

    /** English abbreviation such as "6 wk" or "2 y 3 mo", for logs and the command line only; the UI localises. */
    public String englishShort() {
        return switch (unit) {
            case DAYS -> major + " d";
            case WEEKS -> major + " wk";
            case MONTHS -> major + " mo";
            case YEARS_MONTHS -> major + " y " + minor + " mo";
            case YEARS -> major + " y";
        };
    }
}
