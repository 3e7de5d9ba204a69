package vn.dvk.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.PageResponse;
import vn.dvk.shared.web.ApiController;

import java.time.Instant;

@ApiController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail")
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "Audit entries inside the caller's scope (and the caller's own), newest first")
    PageResponse<AuditTrail.EntryView> list(@RequestParam(required = false) String actor,
                                            @RequestParam(required = false) String action,
                                            @RequestParam(required = false) String objectType,
                                            @RequestParam(required = false) Instant from,
                                            @RequestParam(required = false) Instant to,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(required = false) Integer size) {
        return PageResponse.of(trail.search(new AuditTrail.Query(actor, action, objectType, from, to), page,
                PageResponse.size(size)), v -> v);
    }

    @GetMapping("/verify")
    @Operation(summary = "Whether the hash chain is intact (system administrators)")
    AuditTrail.Verification verify() {
        return trail.verify();
    }
}
