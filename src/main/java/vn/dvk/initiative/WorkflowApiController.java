package vn.dvk.initiative;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.validation.PlausibleYear;
import vn.dvk.shared.web.ApiController;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The workflow steps of an initiative-year that need no document: submit, return, evaluate,
 * not-recognise, withdraw, reopen, discontinue. Recognition and commendation carry a decision and
 * are answered by the workflow module (…/recognise, /api/v1/recognitions, /api/v1/commendation-proposals).
 */
@ApiController
@Tag(name = "Workflow")
class WorkflowApiController {

    private static final List<WorkflowStep> PLAIN_STEPS = List.of(WorkflowStep.SUBMIT, WorkflowStep.RETURN,
            WorkflowStep.EVALUATE, WorkflowStep.NOT_RECOGNISE, WorkflowStep.WITHDRAW, WorkflowStep.REOPEN,
            WorkflowStep.DISCONTINUE);

    private final InitiativeWorkflow workflow;

    WorkflowApiController(InitiativeWorkflow workflow) {
        this.workflow = workflow;
    }

    record StepRequest(@Size(max = 2000) String reason, Rating rating, @DecimalMax("99999.99") BigDecimal score) {
    }

    @PostMapping("/api/v1/initiatives/{id}/years/{year}/{step:submit|return|evaluate|not-recognise|withdraw|reopen|discontinue}")
    @Operation(summary = "Take a workflow step on the initiative's registration of a year (409 when the state does not allow it)")
    InitiativeWorkflow.Taken take(@PathVariable Long id, @PathVariable @PlausibleYear int year, @PathVariable String step,
                                  @RequestBody(required = false) StepRequest request) {
        WorkflowStep which = stepOf(step);
        StepRequest body = request == null ? new StepRequest(null, null, null) : request;
        return workflow.take(id, year, which, new StepInput(body.reason(), body.rating(), body.score(), null, null));
    }

    @GetMapping("/api/v1/initiatives/{id}/timeline")
    @Operation(summary = "Every workflow step of the initiative: year, step, states, who, when, reason, document")
    List<TimelineEntry> timeline(@PathVariable Long id) {
        return workflow.timeline(id);
    }

    static WorkflowStep stepOf(String path) {
        WorkflowStep step = WorkflowStep.valueOf(path.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (!PLAIN_STEPS.contains(step)) {
            throw DomainException.notFound("error.notFound");
        }
        return step;
    }
}
