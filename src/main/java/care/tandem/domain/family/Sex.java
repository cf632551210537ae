package care.tandem.domain.family;

/** Administrative sex as recorded by the clinic (FHIR administrative-gender). */
public enum Sex { FEMALE, MALE, OTHER, UNKNOWN }
