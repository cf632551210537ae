package care.tandem.service;

import care.tandem.domain.sync.HybridClock;
import care.tandem.domain.user.User;
import care.tandem.persistence.WriteStamp;

import java.time.Clock;
import java.util.UUID;

/** Makes the {@link WriteStamp} for a write: the signed-in user, this device, wall time and the HLC. */
public final class Stamps {
    private final Clock clock;
    private final HybridClock hlc;
    private final UUID deviceId;
    private final Session session;

    public Stamps(Clock clock, HybridClock hlc, UUID deviceId, Session session) {
        this.clock = clock;
        this.hlc = hlc;
        this.deviceId = deviceId;
        this.session = session;
    }

    /** A stamp for the signed-in user, or for no user before anyone has signed in (first start, sign-in). */
    public WriteStamp now() {
        return now(session.user().map(User::id).orElse(null));
    }

    public WriteStamp now(UUID userId) {
        return new WriteStamp(userId, deviceId, clock.instant(), hlc.now().encode());
    }

    public Clock clock() {
        return clock;
    }

    public UUID deviceId() {
        return deviceId;
    }
}
