package care.tandem.domain.screening;

/** What the clinician did about an urgent alert (UX.md). COULD_NOT_COMPLETE needs a reason. */
public enum AlertAction {
    ASSESSED_NO_CURRENT_RISK, SAFETY_PLAN_MADE, GAVE_988, WARM_HANDOFF, EMERGENCY_SERVICES, COULD_NOT_COMPLETE;

    public boolean needsReason() {
        return this == COULD_NOT_COMPLETE;
    }
}
