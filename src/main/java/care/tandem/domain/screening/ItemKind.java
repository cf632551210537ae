package care.tandem.domain.screening;

/** How an item is answered. */
public enum ItemKind {
    /** One option. */
    CHOICE,
    /** Any number of options ("choose all that apply"). */
    MULTI_CHOICE,
    /** A whole number in a range (PEARLS counts). */
    INTEGER
}
