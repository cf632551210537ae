package care.tandem.domain.user;

/** What a Tandem user may do; an associate (trainee) works under a supervising clinician. */
public enum Role {
    ADMINISTRATOR, CLINICIAN, ASSOCIATE, SUPERVISOR;

    /** True for roles whose signed notes need a supervisor's co-signature. */
    public boolean needsSupervisor() {
        return this == ASSOCIATE;
    }
}
