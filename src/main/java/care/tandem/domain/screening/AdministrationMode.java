package care.tandem.domain.screening;

/** How a screen was given: the caregiver alone on the laptop, read out by the clinician, or through an interpreter. */
public enum AdministrationMode {
    SELF, CLINICIAN, INTERPRETER
}
