package care.tandem.domain.sync;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A hybrid logical clock timestamp: when a change was made, ordered the same way on every laptop
 * even when their wall clocks disagree.
 *
 * <p>Ordered by wall millis, then counter, then device id. {@link #encode()} gives a fixed-width
 * lower-case string ({@code 13 hex millis - 4 hex counter - device uuid}) that sorts as text in
 * the same order, so the database can compare stamps with a plain string comparison.
 *
 * @param millis  wall-clock milliseconds since the epoch, possibly pushed ahead by a faster peer
 * @param counter orders events within the same millisecond
 * @param device  the device that made the event; breaks the last tie
 */
public record Hlc(long millis, int counter, UUID device) implements Comparable<Hlc> {

    /** Largest millis that fits 13 hex digits (about the year 144,000). */
    public static final long MAX_MILLIS = 0xF_FFFF_FFFF_FFFFL;
    /** Largest counter that fits 4 hex digits. */
    public static final int MAX_COUNTER = 0xFFFF;

    private static final Pattern ENCODED = Pattern.compile(
            "[0-9a-f]{13}-[0-9a-f]{4}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int ENCODED_LENGTH = 13 + 1 + 4 + 1 + 36;

    // Unsigned, so that the order matches the hex text; UUID.compareTo compares signed halves.
    private static final Comparator<Hlc> ORDER = Comparator.comparingLong(Hlc::millis)
            .thenComparingInt(Hlc::counter)
            .thenComparing(Hlc::device, (a, b) -> {
                int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            });

    public Hlc {
        Objects.requireNonNull(device, "device");
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("HLC millis out of range: " + millis);
        }
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("HLC counter out of range: " + counter);
        }
    }

    /** The fixed-width text form, e.g. {@code 0018e4a5c3f20-0000-6f1c...}; sorts like {@link #compareTo}. */
    public String encode() {
        return String.format(Locale.ROOT, "%013x-%04x-%s", millis, counter, device);
    }

    /**
     * Reads the text form written by {@link #encode()}.
     *
     * @throws IllegalArgumentException if {@code text} is not in that exact form
     */
    public static Hlc parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("HLC timestamp is missing");
        }
        if (text.length() != ENCODED_LENGTH || !ENCODED.matcher(text).matches()) {
            throw new IllegalArgumentException("Not an HLC timestamp (expected " + ENCODED_LENGTH
                    + " characters: 13 lower-case hex digits of millis, '-', 4 of counter, '-', device UUID): \""
                    + abbreviate(text) + "\"");
        }
        long millis = Long.parseLong(text.substring(0, 13), 16);
        int counter = Integer.parseInt(text.substring(14, 18), 16);
        UUID device = UUID.fromString(text.substring(19));
        return new Hlc(millis, counter, device);
    }

    @Override
    public int compareTo(Hlc other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(Hlc other) {
        return compareTo(other) > 0;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
