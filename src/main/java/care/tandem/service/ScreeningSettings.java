package care.tandem.service;

import care.tandem.domain.screening.ScreeningSchedule;

/**
 * The clinic's screening settings: the due-screen schedule; whether the unverified US-Spanish GAD-2/GAD-7 wording
 * may be offered (SPANISH-AND-CODES.md §1.2 ⚠️); and the EPDS thresholds (positive at {@code epdsPositive},
 * "likely depression" from {@code epdsLikely}; DOMAIN.md §1: 10 and 13).
 */
public record ScreeningSettings(ScreeningSchedule schedule, boolean unverifiedGadSpanish, int epdsPositive,
                                int epdsLikely) {

    public static final int EPDS_POSITIVE = 10;
    public static final int EPDS_LIKELY = 13;

    public ScreeningSettings {
        if (epdsPositive < 1 || epdsPositive > 30 || epdsLikely < epdsPositive || epdsLikely > 30) {
            throw new IllegalArgumentException("EPDS thresholds out of range");
        }
    }

    public static ScreeningSettings standard() {
        return new ScreeningSettings(ScreeningSchedule.standard(), false, EPDS_POSITIVE, EPDS_LIKELY);
    }
}
