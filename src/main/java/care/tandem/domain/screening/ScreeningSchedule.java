package care.tandem.domain.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * When screens are due, as the clinic sets it. Default: caregiver depression at the 1, 2, 4 and 6-month well
 * visits (Bright Futures / AAP 2019 perinatal depression guidance), with the PHQ-2; social needs (the AHC HRSN)
 * at least every 12 months.
 */
public record ScreeningSchedule(List<Integer> depressionMonths, String depressionInstrument, int socialNeedsMonths,
                                String socialNeedsInstrument) {

    /** Instruments that count as a caregiver depression screen, whichever the schedule gives. */
    public static final List<String> DEPRESSION = List.of("phq2", "phq9", "epds");
    /** Instruments that count as a social-needs screen. */
    public static final List<String> SOCIAL_NEEDS = List.of("ahc-hrsn");

    public ScreeningSchedule {
        depressionMonths = List.copyOf(depressionMonths.stream().sorted().distinct().toList());
        if (depressionMonths.stream().anyMatch(m -> m < 1 || m > 36) || socialNeedsMonths < 1 || socialNeedsMonths > 60) {
            throw new IllegalArgumentException("schedule out of range");
        }
        if (!DEPRESSION.contains(depressionInstrument) || !SOCIAL_NEEDS.contains(socialNeedsInstrument)) {
            throw new IllegalArgumentException("instrument not schedulable");
        }
    }

    public static ScreeningSchedule standard() {
        return new ScreeningSchedule(List.of(1, 2, 4, 6), "phq2", 12, "ahc-hrsn");
    }

    /** As stored in the clinic settings: {@code 1,2,4,6;phq2;12;ahc-hrsn}. */
    public String encode() {
        List<String> months = new ArrayList<>();
        depressionMonths.forEach(m -> months.add(Integer.toString(m)));
        return String.join(",", months) + ";" + depressionInstrument + ";" + socialNeedsMonths + ";" + socialNeedsInstrument;
    }

    /** @throws IllegalArgumentException when the text is not a schedule */
    public static ScreeningSchedule decode(String text) {
        String[] parts = text.split(";", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a schedule");
        }
        List<Integer> months = new ArrayList<>();
        for (String m : parts[0].split(",")) {
            if (!m.isBlank()) {
                months.add(Integer.parseInt(m.trim()));
            }
        }
        return new ScreeningSchedule(months, parts[1], Integer.parseInt(parts[2].trim()), parts[3]);
    }
}
