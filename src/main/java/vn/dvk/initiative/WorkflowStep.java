package vn.dvk.initiative;

import java.util.Arrays;
import vn.dvk.shared.security.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The steps an initiative-year may take: from which states, to which state, who may take it, and
 * whether a reason is required. The one place where the movement's workflow is written down.
 */
public enum WorkflowStep {
    /** Nộp: the unit sends its registration for review. */
    SUBMIT(EnumSet.of(WorkflowState.DRAFT, WorkflowState.RETURNED), WorkflowState.SUBMITTED, false,
            Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR),
    /** Trả lại để bổ sung: back to the unit, with what to revise. */
    RETURN(EnumSet.of(WorkflowState.SUBMITTED, WorkflowState.EVALUATED), WorkflowState.RETURNED, true,
            Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER),
    /** Đánh giá: the evaluation's result (rating, score) is recorded. */
    EVALUATE(EnumSet.of(WorkflowState.SUBMITTED), WorkflowState.EVALUATED, false,
            Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER),
    /** Công nhận: by a decision of the standing committee. */
    RECOGNISE(EnumSet.of(WorkflowState.EVALUATED), WorkflowState.RECOGNISED, false,
            Role.ADMIN, Role.COMMITTEE_MEMBER),
    /** Không công nhận, with the reason. */
    NOT_RECOGNISE(EnumSet.of(WorkflowState.EVALUATED), WorkflowState.NOT_RECOGNISED, true,
            Role.ADMIN, Role.COMMITTEE_MEMBER),
    /** Đề nghị khen thưởng: listed in a commendation proposal. */
    PROPOSE(EnumSet.of(WorkflowState.RECOGNISED), WorkflowState.PROPOSED, false,
            Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER),
    /** The proposal was withdrawn or not granted: back to recognised. */
    WITHDRAW(EnumSet.of(WorkflowState.PROPOSED), WorkflowState.RECOGNISED, true,
            Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER),
    /** Khen thưởng: the authority's decision named it. */
    COMMEND(EnumSet.of(WorkflowState.PROPOSED), WorkflowState.COMMENDED, false,
            Role.ADMIN, Role.COMMITTEE_MEMBER),
    /** Mở lại: a committee member re-opens a locked (or refused) record for change. */
    REOPEN(EnumSet.of(WorkflowState.RECOGNISED, WorkflowState.NOT_RECOGNISED, WorkflowState.PROPOSED,
            WorkflowState.COMMENDED), WorkflowState.EVALUATED, true, Role.COMMITTEE_MEMBER),
    /** Dừng: the initiative stopped working this year. */
    DISCONTINUE(EnumSet.of(WorkflowState.DRAFT, WorkflowState.SUBMITTED, WorkflowState.RETURNED, WorkflowState.EVALUATED,
            WorkflowState.NOT_RECOGNISED), WorkflowState.DISCONTINUED, true, Role.ADMIN, Role.MOBILISATION_OFFICER);

    private final Set<WorkflowState> from;
    private final WorkflowState to;
    private final boolean reasonRequired;
    private final Set<Role> roles;

    WorkflowStep(Set<WorkflowState> from, WorkflowState to, boolean reasonRequired, Role first, Role... more) {
        this.from = from;
        this.to = to;
        this.reasonRequired = reasonRequired;
        this.roles = EnumSet.of(first, more);
    }

    public boolean allowedFrom(WorkflowState state) {
        return from.contains(state);
    }

    public Set<WorkflowState> from() {
        return from;
    }

    public WorkflowState to() {
        return to;
    }

    public boolean reasonRequired() {
        return reasonRequired;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** The steps that may be taken from a state, in the order a page offers them. */
    public static List<WorkflowStep> offeredFrom(WorkflowState state) {
        return Arrays.stream(values()).filter(s -> s.allowedFrom(state)).toList();
    }
}
