package vn.dvk.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.web.ApiController;

@ApiController
@Tag(name = "Reports")
class ReportApiController {

    private final Reports reports;

    ReportApiController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/summary")
    @Operation(summary = "The movement's figures for a unit (as it was in the year) and everything under it, for a year")
    Summary summary(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return reports.summary(unit, year);
    }
}
