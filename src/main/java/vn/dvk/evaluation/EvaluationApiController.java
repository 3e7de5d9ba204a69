package vn.dvk.evaluation;

import vn.dvk.shared.web.Conflicts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import vn.dvk.initiative.InitiativeWorkflow;
import vn.dvk.shared.validation.PlausibleYear;
import vn.dvk.shared.web.ApiController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

@ApiController
@Tag(name = "Evaluation")
class EvaluationApiController {

    private final Evaluations evaluations;

    EvaluationApiController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    record SheetRequest(Map<Long, BigDecimal> scores, Boolean submit, Long version) {
    }

    @GetMapping("/api/v1/criteria-sets")
    List<CriteriaSetView> sets() {
        return evaluations.sets();
    }

    @GetMapping("/api/v1/criteria-sets/{id}")
    CriteriaSetView set(@PathVariable Long id) {
        return evaluations.set(id);
    }

    @PostMapping("/api/v1/criteria-sets")
    @Operation(summary = "Create a criteria set for a unit and period (administrators)")
    ResponseEntity<CriteriaSetView> create(@RequestBody Evaluations.SetInput input) {
        CriteriaSetView created = evaluations.saveSet(null, input);
        return ResponseEntity.created(URI.create("/api/v1/criteria-sets/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/criteria-sets/{id}")
    @Operation(summary = "Edit a criteria set not yet used by any sheet (administrators)")
    CriteriaSetView update(@PathVariable Long id, @RequestBody Evaluations.SetInput input) {
        return Conflicts.withCurrent(() -> evaluations.saveSet(id, input), () -> set(id));
    }

    @GetMapping("/api/v1/initiatives/{id}/years/{year}/evaluations")
    @Operation(summary = "The criteria set, every evaluator's sheet and the average of the submitted ones")
    Evaluations.Board board(@PathVariable Long id, @PathVariable int year) {
        return evaluations.board(id, year);
    }

    @PutMapping("/api/v1/initiatives/{id}/years/{year}/evaluations/mine")
    @Operation(summary = "Score the caller's sheet (criterion id → score, clamped to its range); submit=true fixes it")
    SheetView score(@PathVariable Long id, @PathVariable @PlausibleYear int year, @RequestBody SheetRequest request) {
        return evaluations.score(id, year, request.scores(), Boolean.TRUE.equals(request.submit()), request.version());
    }

    @PostMapping("/api/v1/initiatives/{id}/years/{year}/evaluations/result")
    @Operation(summary = "Record the evaluation: the average of the submitted sheets and its rating")
    InitiativeWorkflow.Taken finalise(@PathVariable Long id, @PathVariable @PlausibleYear int year) {
        return evaluations.finalise(id, year);
    }
}
