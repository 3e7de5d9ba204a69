package vn.dvk.initiative;

/**
 * Published inside the transaction of every workflow step, for whoever must hear of it (the
 * notifications); {@code submittedBy} is who last submitted the initiative-year, if anyone.
 */
public record WorkflowStepTaken(Long initiativeId, String code, String name, int year, WorkflowStep step,
                                WorkflowState from, WorkflowState to, String actor, String reason, String document,
                                String submittedBy) {
}
