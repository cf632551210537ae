package care.tandem.domain.family;

/** How a caregiver may safely be contacted on their phone. */
public record ContactPreferences(boolean okToCall, boolean okToText, boolean okToLeaveMessage) {
    /** Nothing allowed until the caregiver says so. */
    public static final ContactPreferences NONE = new ContactPreferences(false, false, false);
}
