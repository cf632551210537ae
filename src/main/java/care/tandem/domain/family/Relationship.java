package care.tandem.domain.family;

/** A caregiver's relationship to the children of the household. */
public enum Relationship { MOTHER, FATHER, GRANDPARENT, FOSTER_PARENT, LEGAL_GUARDIAN, OTHER }
