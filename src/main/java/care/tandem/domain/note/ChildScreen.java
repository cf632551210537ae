package care.tandem.domain.note;

/**
 * Standardised child screens given at the visit on the publisher's own form (licensed instruments Tandem does not
 * ship): recorded so the note and the billing help know they were given, one code per instrument.
 */
public enum ChildScreen {
    /** ASQ-3: developmental (DOMAIN.md §8, licence only). */
    ASQ_3(true),
    /** ASQ:SE-2: social-emotional. */
    ASQ_SE_2(false),
    /** M-CHAT-R/F: autism. */
    M_CHAT_R_F(true),
    /** Another standardised behavioural screen (the clinician names it in the note). */
    OTHER_BEHAVIOURAL(false);

    private final boolean developmental;

    ChildScreen(boolean developmental) {
        this.developmental = developmental;
    }

    /** True for a developmental screen (CPT 96110), false for an emotional/behavioural one (CPT 96127). */
    public boolean developmental() {
        return developmental;
    }
}
