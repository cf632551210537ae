package care.tandem.domain.sync;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a laptop holds of each laptop's changes: per device, the newest HLC stamp up to which it holds every change
 * that device made (a version vector of HLC stamps). A package carries its writer's knowledge, so the reader can
 * tell a change made after seeing its own value (take it) from one made at the same time (a conflict).
 *
 * <p>Immutable; stamps are kept in their fixed-width text form ({@link Hlc#encode()}), which sorts in HLC order.
 */
public final class Knowledge {
    private static final int DEVICE_START = 19;

    private final Map<String, String> newest;

    private Knowledge(Map<String, String> newest) {
        this.newest = newest;
    }

    public static Knowledge none() {
        return new Knowledge(Collections.emptyMap());
    }

    /** From a map of device id to newest stamp (as written in a package). */
    public static Knowledge of(Map<String, String> newest) {
        Knowledge k = none();
        for (String hlc : newest.values()) {
            k = k.with(hlc);
        }
        return k;
    }

    /** This knowledge and everything up to {@code hlc} from the device that made it. */
    public Knowledge with(String hlc) {
        if (hlc == null || knows(hlc)) {
            return this;
        }
        Map<String, String> copy = new TreeMap<>(newest);
        copy.put(device(hlc), hlc);
        return new Knowledge(Collections.unmodifiableMap(copy));
    }

    /** Everything either knows. */
    public Knowledge merge(Knowledge other) {
        Knowledge k = this;
        for (String hlc : other.newest.values()) {
            k = k.with(hlc);
        }
        return k;
    }

    /** Whether the change stamped {@code hlc} is known: its device's newest known stamp is the same or later. */
    public boolean knows(String hlc) {
        if (hlc == null || hlc.isEmpty()) {
            return true;
        }
        String known = newest.get(device(hlc));
        return known != null && known.compareTo(hlc) >= 0;
    }

    /** Device id to newest stamp, sorted by device id. */
    public Map<String, String> asMap() {
        return newest;
    }

    /** The device part of a stamp's text form. */
    public static String device(String hlc) {
        return hlc.substring(DEVICE_START);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Knowledge k && k.newest.equals(newest);
    }

    @Override
    public int hashCode() {
        return newest.hashCode();
    }

    @Override
    public String toString() {
        return "Knowledge" + newest;
    }
}
