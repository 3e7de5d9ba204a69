package vn.dvk.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import vn.dvk.shared.web.ApiController;

import java.net.URI;
import java.util.List;

@ApiController
@Tag(name = "Inspections")
class InspectionApiController {

    private final Inspections inspections;

    InspectionApiController(Inspections inspections) {
        this.inspections = inspections;
    }

    @GetMapping("/api/v1/inspections")
    @Operation(summary = "The newest inspection and urging visits in the caller's scope")
    List<InspectionView> recent() {
        return inspections.recent();
    }

    @PostMapping("/api/v1/inspections")
    @Operation(summary = "Record an inspection or urging visit (kiểm tra, đôn đốc) with its follow-up tasks")
    ResponseEntity<InspectionView> record(@RequestBody InspectionInput input) {
        InspectionView created = inspections.record(input);
        return ResponseEntity.created(URI.create("/api/v1/inspections/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/inspections/{id}")
    InspectionView get(@PathVariable Long id) {
        return inspections.get(id);
    }

    @PostMapping("/api/v1/inspections/{id}/follow-ups/{followUpId}/done")
    InspectionView.FollowUpView done(@PathVariable Long id, @PathVariable Long followUpId) {
        return inspections.done(id, followUpId);
    }

    @GetMapping("/api/v1/follow-ups/overdue")
    @Operation(summary = "Follow-up tasks past their due date and not done, in the caller's scope")
    List<InspectionView.FollowUpView> overdue() {
        return inspections.overdue();
    }

    @GetMapping("/api/v1/initiatives/{id}/inspections")
    List<InspectionView> ofInitiative(@PathVariable Long id) {
        return inspections.ofInitiative(id);
    }
}
