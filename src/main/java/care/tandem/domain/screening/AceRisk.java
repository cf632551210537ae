package care.tandem.domain.screening;

/**
 * The ACEs Aware toxic-stress risk tier from a PEARLS Part 1 ACE count and whether an ACE-associated health
 * condition (AAHC) is present: 0 low; 1–3 without AAHC low; 1–3 with AAHC intermediate; 4 or more high.
 * DOMAIN.md §6.1 marks this ⚠️ (secondary sources agree; the April 2020 algorithm PDF was not read), so the
 * screen shows the tier with that caveat. Billing follows the count alone (≥ 4 G9919, 0–3 G9920), not the tier.
 */
public final class AceRisk {
    public static final String LOW = "low";
    public static final String INTERMEDIATE = "intermediate";
    public static final String HIGH = "high";

    private AceRisk() {
    }

    /** The tier, or null when it cannot be told yet (a count of 1–3 with the AAHC question unanswered). */
    public static String tier(Integer aceCount, Boolean aahc) {
        if (aceCount == null) {
            return null;
        }
        if (aceCount >= 4) {
            return HIGH;
        }
        if (aceCount == 0) {
            return LOW;
        }
        if (aahc == null) {
            return null;
        }
        return aahc ? INTERMEDIATE : LOW;
    }

    /** The Medi-Cal ACE screening code for a count: G9919 at 4 or more, G9920 at 0–3 (DOMAIN.md §6.2 ✅). */
    public static String billingCode(int aceCount) {
        return aceCount >= 4 ? "G9919" : "G9920";
    }
}
