package care.tandem.domain.sync;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues hybrid logical clock timestamps for this device: close to wall time, but never going
 * backwards and always after every timestamp seen from other devices (Kulkarni et al., "Logical
 * Physical Clocks", 2014).
 *
 * <p>Thread-safe. A new clock knows nothing of earlier runs; to stay monotonic across a restart
 * with the wall clock set back, {@link #observe} the latest stored timestamp at start-up.
 */
public final class HybridClock {

    private final Clock clock;
    private final UUID deviceId;
    private long lastMillis;
    private int lastCounter;

    public HybridClock(Clock clock, UUID deviceId) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    }

    /** A timestamp for a local event, later than every one this clock has issued or observed. */
    public synchronized Hlc now() {
        long wall = clock.millis();
        if (wall > lastMillis) {
            return advanceTo(wall, 0);
        }
        return advanceTo(lastMillis, lastCounter + 1);
    }

    /**
     * Takes in a timestamp received from another device and returns the timestamp of its receipt,
     * later than both {@code remote} and everything issued here before.
     */
    public synchronized Hlc observe(Hlc remote) {
        Objects.requireNonNull(remote, "remote");
        long wall = clock.millis();
        long millis = Math.max(wall, Math.max(lastMillis, remote.millis()));
        int counter;
        if (millis == lastMillis && millis == remote.millis()) {
            counter = Math.max(lastCounter, remote.counter()) + 1;
        } else if (millis == lastMillis) {
            counter = lastCounter + 1;
        } else if (millis == remote.millis()) {
            counter = remote.counter() + 1;
        } else {
            counter = 0;
        }
        return advanceTo(millis, counter);
    }

    public UUID deviceId() {
        return deviceId;
    }

    private Hlc advanceTo(long millis, int counter) {
        if (counter > Hlc.MAX_COUNTER) {
            // More than 65,535 events in one millisecond: borrow the next millisecond rather than wrap.
            millis++;
            counter = 0;
        }
        lastMillis = millis;
        lastCounter = counter;
        return new Hlc(millis, counter, deviceId);
    }
}
