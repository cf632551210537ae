package care.tandem.domain.family;

/** Whether a household member is a child in care or one of the child's caregivers. */
public enum MemberKind { CHILD, CAREGIVER }
