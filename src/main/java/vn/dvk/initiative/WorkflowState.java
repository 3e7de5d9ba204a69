package vn.dvk.initiative;

/** Where an initiative-year (a registration) stands on its way from registration to commendation. */
public enum WorkflowState {
    DRAFT, SUBMITTED, RETURNED, EVALUATED, RECOGNISED, NOT_RECOGNISED, PROPOSED, COMMENDED, DISCONTINUED;

    /** Recognised records are locked: changing them needs an explicit re-opening by a committee member. */
    public boolean locked() {
        return this == RECOGNISED || this == PROPOSED || this == COMMENDED;
    }
}
