package vn.dvk.initiative;

import org.junit.jupiter.api.Test;
import vn.dvk.shared.DomainException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.dvk.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state machine of an initiative-year, without Spring. */
class WorkflowRulesTests {

    /**
     * The movement's workflow written out by hand, independently of {@link WorkflowStep}: for each
     * state, the steps allowed and where they lead. Everything not listed must be refused.
     */
    private static final Map<WorkflowState, Map<WorkflowStep, WorkflowState>> ALLOWED = Map.of(
            WorkflowState.DRAFT, Map.of(WorkflowStep.SUBMIT, WorkflowState.SUBMITTED,
                    WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.SUBMITTED, Map.of(WorkflowStep.RETURN, WorkflowState.RETURNED,
                    WorkflowStep.EVALUATE, WorkflowState.EVALUATED, WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.RETURNED, Map.of(WorkflowStep.SUBMIT, WorkflowState.SUBMITTED,
                    WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.EVALUATED, Map.of(WorkflowStep.RETURN, WorkflowState.RETURNED,
                    WorkflowStep.RECOGNISE, WorkflowState.RECOGNISED, WorkflowStep.NOT_RECOGNISE, WorkflowState.NOT_RECOGNISED,
                    WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.RECOGNISED, Map.of(WorkflowStep.PROPOSE, WorkflowState.PROPOSED,
                    WorkflowStep.REOPEN, WorkflowState.EVALUATED),
            WorkflowState.NOT_RECOGNISED, Map.of(WorkflowStep.REOPEN, WorkflowState.EVALUATED,
                    WorkflowStep.DISCONTINUE, WorkflowState.DISCONTINUED),
            WorkflowState.PROPOSED, Map.of(WorkflowStep.COMMEND, WorkflowState.COMMENDED,
                    WorkflowStep.WITHDRAW, WorkflowState.RECOGNISED, WorkflowStep.REOPEN, WorkflowState.EVALUATED),
            WorkflowState.COMMENDED, Map.of(WorkflowStep.REOPEN, WorkflowState.EVALUATED),
            WorkflowState.DISCONTINUED, Map.of());

    /** A registration brought to a state through allowed steps only. */
    private static Registration in(WorkflowState state) {
        List<WorkflowStep> path = switch (state) {
            case DRAFT -> List.of();
            case SUBMITTED -> List.of(WorkflowStep.SUBMIT);
            case RETURNED -> List.of(WorkflowStep.SUBMIT, WorkflowStep.RETURN);
            case EVALUATED -> List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE);
            case RECOGNISED -> List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE, WorkflowStep.RECOGNISE);
            case NOT_RECOGNISED -> List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE, WorkflowStep.NOT_RECOGNISE);
            case PROPOSED -> List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE, WorkflowStep.RECOGNISE,
                    WorkflowStep.PROPOSE);
            case COMMENDED -> List.of(WorkflowStep.SUBMIT, WorkflowStep.EVALUATE, WorkflowStep.RECOGNISE,
                    WorkflowStep.PROPOSE, WorkflowStep.COMMEND);
            case DISCONTINUED -> List.of(WorkflowStep.DISCONTINUE);
        };
        Registration r = draft();
        path.forEach(step -> r.take(step, Rating.PASS, null));
        assertThat(r.getWorkflowState()).isEqualTo(state);
        return r;
    }

    @ParameterizedTest(name = "{0} × every step")
    @EnumSource(WorkflowState.class)
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
        assertThat(WorkflowStep.REOPEN.roles()).containsExactly(Role.COMMITTEE_MEMBER);
        assertThat(WorkflowStep.REOPEN.reasonRequired()).isTrue();
        assertThat(WorkflowStep.RETURN.reasonRequired()).isTrue();
        assertThat(WorkflowStep.NOT_RECOGNISE.reasonRequired()).isTrue();
        assertThat(WorkflowStep.DISCONTINUE.allowedFrom(WorkflowState.RECOGNISED)).isFalse();
    }
}
