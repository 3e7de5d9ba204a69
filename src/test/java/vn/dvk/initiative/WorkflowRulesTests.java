package vn.dvk.initiative;

import org.junit.jupiter.api.Test;
import vn.dvk.shared.DomainException;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state machine of an initiative-year, without Spring. */
class WorkflowRulesTests {

    /**
     * The movement's workflow written out by hand, independently of {@link WorkflowStep}: for each
     * state, the steps allowed and where they lead. Everything not listed must be refused.
     */
    private static final java.util.Map<WorkflowState, java.util.Map<WorkflowStep, WorkflowState>> ALLOWED = java.util.Map.of(
            WorkflowState.DRAFT, java.util.Map.of(WorkflowStep.SUBMIT, WorkflowState.SUBMITTED,
                    WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.SUBMITTED, java.util.Map.of(WorkflowStep.RETURN, WorkflowState.RETURNED,
                    WorkflowStep.EVALUATE, WorkflowState.EVALUATED, WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.RETURNED, java.util.Map.of(WorkflowStep.SUBMIT, WorkflowState.SUBMITTED,
                    WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.EVALUATED, java.util.Map.of(WorkflowStep.RETURN, WorkflowState.RETURNED,
                    WorkflowStep.RECOGNISE, WorkflowState.RECOGNISED, WorkflowStep.NOT_RECOGNISE, WorkflowState.NOT_RECOGNISED,
                    WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.RECOGNISED, java.util.Map.of(WorkflowStep.PROPOSE, WorkflowState.PROPOSED,
                    WorkflowStep.REOPEN, WorkflowState.EVALUATED),
            WorkflowState.NOT_RECOGNISED, java.util.Map.of(WorkflowStep.REOPEN, WorkflowState.EVALUATED,
                    WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.PROPOSED, java.util.Map.of(WorkflowStep.COMMEND, WorkflowState.COMMENDED,
                    WorkflowStep.WITHDRAW, WorkflowState.RECOGNISED, WorkflowStep.REOPEN, WorkflowState.EVALUATED),
            WorkflowState.COMMENDED, java.util.Map.of(WorkflowStep.REOPEN, WorkflowState.EVALUATED),
            WorkflowState.DISCONTINUED, java.util.Map.of());

    /** A registration brought to a state through allowed steps only. */
    private static Registration in(WorkflowState state) {
        java.util.List<WorkflowStep> path = switch (state) {
            case DRAFT -> java.util.List.of();
            case SUBMITTED -> java.util.List.of(WorkflowStep.SUBMIT);
            case RETURNED -> java.util.List.of(WorkflowStep.SUBMIT, WorkflowStep.RETURN);
            case EVALUATED -> java.util.List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE);
            case RECOGNISED -> java.util.List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE, WorkflowStep.RECOGNISE);
            case NOT_RECOGNISED -> java.util.List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE, WorkflowStep.NOT_RECOGNISE);
            case PROPOSED -> java.util.List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE, WorkflowStep.RECOGNISE,
                    WorkflowStep.PROPOSE);
            case COMMENDED -> java.util.List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE, WorkflowStep.RECOGNISE,
                    WorkflowStep.PROPOSE, WorkflowStep.COMMEND);
            case DISCONTINUED -> java.util.List.of(WorkflowStep.DISCONTINUE);
        };
        Registration r = draft();
        path.forEach(step -> r.take(step, Rating.PASS, null));
        assertThat(r.getWorkflowState()).isEqualTo(state);
        return r;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} × every step")
    @org.junit.jupiter.params.provider.EnumSource(WorkflowState.class)
    void everyStateTimesEveryStepIsAllowedOrRefusedAsTheTableSays(WorkflowState state) {
        for (WorkflowStep step : WorkflowStep.values()) {
            Registration r = in(state);
            WorkflowState expected = ALLOWED.get(state).get(step);
            if (expected == null) {
                assertThatThrownBy(() -> r.take(step, Rating.PASS, null))
                        .as("%s from %s", step, state)
                        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
                assertThat(r.getWorkflowState()).as("unchanged after a refused %s", step).isEqualTo(state);
            } else {
                assertThat(r.take(step, Rating.PASS, null)).isEqualTo(state);
                assertThat(r.getWorkflowState()).as("%s from %s", step, state).isEqualTo(expected);
            }
        }
    }

    private static Registration draft() {
        return new Registration(2021, RegistrationStatus.NEW, null);
    }

    @Test
    void theUsualPathLeadsFromDraftToCommended() {
        Registration r = draft();
        r.take(WorkflowStep.SUBMIT, null, null);
        r.take(WorkflowStep.EVALUATE, Rating.GOOD, BigDecimal.valueOf(81));
        assertThat(r.getRating()).isEqualTo(Rating.GOOD);
        r.take(WorkflowStep.RECOGNISE, null, null);
        r.take(WorkflowStep.PROPOSE, null, null);
        assertThat(r.take(WorkflowStep.COMMEND, null, null)).isEqualTo(WorkflowState.PROPOSED);
        assertThat(r.getWorkflowState()).isEqualTo(WorkflowState.COMMENDED);
    }

    @Test
    void illegalStepsAreConflictsNamingTheStepAndTheState() {
        Registration r = draft();
        assertThatThrownBy(() -> r.take(WorkflowStep.RECOGNISE, null, null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("workflow.illegal");
                });
        r.take(WorkflowStep.SUBMIT, null, null);
        assertThatThrownBy(() -> r.take(WorkflowStep.SUBMIT, null, null)).isInstanceOf(DomainException.class);
        r.take(WorkflowStep.RETURN, null, null);
        assertThat(r.getWorkflowState()).isEqualTo(WorkflowState.RETURNED);
        r.take(WorkflowStep.SUBMIT, null, null);
        assertThat(r.getWorkflowState()).isEqualTo(WorkflowState.SUBMITTED);
    }

    @Test
    void onlyRecognisedProposedAndCommendedRecordsAreLockedAndOnlyCommitteeMembersReopenThem() {
        for (WorkflowState state : WorkflowState.values()) {
            assertThat(state.locked()).isEqualTo(state == WorkflowState.RECOGNISED || state == WorkflowState.PROPOSED
                    || state == WorkflowState.COMMENDED);
            if (state.locked()) {
                assertThat(WorkflowStep.REOPEN.allowedFrom(state)).isTrue();
            }
        }
        assertThat(WorkflowStep.REOPEN.roles()).containsExactly(vn.dvk.shared.security.Role.COMMITTEE_MEMBER);
        assertThat(WorkflowStep.REOPEN.reasonRequired()).isTrue();
        assertThat(WorkflowStep.RETURN.reasonRequired()).isTrue();
        assertThat(WorkflowStep.NOT_RECOGNISE.reasonRequired()).isTrue();
        assertThat(WorkflowStep.DISCONTINUE.allowedFrom(WorkflowState.RECOGNISED)).isFalse();
    }
}
