package care.tandem.domain.billing;

/** The code set a billing code belongs to. */
public enum CodeSystem {
    /** AMA CPT: stored with short local labels only, never the AMA descriptor text (DOMAIN.md §B, §F.15). */
    CPT,
    HCPCS,
    ICD_10_CM;

    /** True for a procedure code (what was done); false for a diagnosis code (why it was done). */
    public boolean procedure() {
        return this != ICD_10_CM;
    }
}
