package care.tandem.domain.billing;

/**
 * How far the design references confirm a code for the use Tandem suggests it for, with their marks (DOMAIN.md and
 * SPANISH-AND-CODES.md legends): confirmed by a primary source, secondary or conflicting sources only, or not found.
 */
public enum Verification {
    CONFIRMED("✅"),
    CONFLICTING("⚠️"),
    UNVERIFIED("❓");

    private final String symbol;

    Verification(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True when the clinician is told to verify the code with the member's plan before billing it. */
    public boolean verifyWithPlan() {
        return this != CONFIRMED;
    }
}
