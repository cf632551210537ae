package care.tandem.ui.family;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date typed into a date field the way US clinic forms write it: MM/DD/YYYY (also with dashes or
 * dots, one-digit month or day, or the eight digits run together), or ISO YYYY-MM-DD. A two-digit year is
 * refused, since 03/04/24 could be 1924 or 2024 for a caregiver's birth date.
 */
public final class DateInput {
    private static final Pattern US = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern RUN_TOGETHER = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");

    private DateInput() {
    }

    /** The date in {@code text}; empty when it is blank or cannot be read as a real date. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher m = US.matcher(t);
        if (m.matches()) {
            return of(m.group(3), m.group(1), m.group(2));
        }
        m = ISO.matcher(t);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3));
        }
        m = RUN_TOGETHER.matcher(t);
        if (m.matches()) {
            return of(m.group(3), m.group(1), m.group(2));
        }
        return Optional.empty();
    }

    /** True when {@code text} holds something that is not a readable date (blank is readable: no date). */
    public static boolean isUnreadable(String text) {
        return text != null && !text.isBlank() && parse(text).isEmpty();
    }

    /** MM/DD/YYYY. */
    public static String format(LocalDate date) {
        return String.format(Locale.ROOT, "%02d/%02d/%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
    }

    private static Optional<LocalDate> of(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
