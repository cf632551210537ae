package care.tandem.domain.referral;

/**
 * What a referral is for: the need a screen found, or the clinician named. A need for interpersonal safety is
 * private like the screen behind it (ARCHITECTURE.md, safety and privacy rules).
 */
public enum Need {
    FOOD,
    HOUSING,
    UTILITIES,
    TRANSPORTATION,
    FINANCIAL,
    EMPLOYMENT,
    EDUCATION,
    SOCIAL_SUPPORT,
    INTERPERSONAL_SAFETY,
    MENTAL_HEALTH,
    CRISIS,
    SUBSTANCE_USE,
    TOBACCO,
    CHILD_DEVELOPMENT,
    PARENTING_SUPPORT,
    OTHER;

    /** Whether a referral for this need reveals a private (interpersonal-safety) result. */
    public boolean isPrivate() {
        return this == INTERPERSONAL_SAFETY;
    }
}
