package vn.dvk.initiative;

import org.junit.jupiter.api.Test;
import vn.dvk.shared.DomainException;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state machine of an initiative-year, without Spring. */
class WorkflowRulesTests {

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
