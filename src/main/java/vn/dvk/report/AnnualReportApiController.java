package vn.dvk.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.document.IssuedDocumentView;
import vn.dvk.shared.web.ApiController;

import java.net.URI;
import java.time.LocalDate;

@ApiController
@Tag(name = "Reports")
class AnnualReportApiController {

    private final AnnualReports annual;
    private final Reports reports;
    private final ReportAssessments assessments;

    AnnualReportApiController(AnnualReports annual, Reports reports, ReportAssessments assessments) {
        this.annual = annual;
        this.reports = reports;
        this.assessments = assessments;
    }

    @GetMapping("/api/v1/reports/annual.{format:docx|pdf}")
    @Operation(summary = "The annual report of the movement for a unit and year, in the layout of its issuing organisation "
            + "(organisation: the caller's own by default); number and date as they will print (no number: left blank)")
    ResponseEntity<byte[]> document(@PathVariable String format, @RequestParam(required = false) String unit,
                                    @RequestParam(required = false) Integer year, @RequestParam(required = false) Long organisation,
                                    @RequestParam(required = false) Integer number,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        AnnualReports.Draft draft = annual.draft(unit, year, organisation, number, date);
        return "pdf".equals(format)
                ? ReportApiController.file(annual.pdf(draft), annual.fileStem(draft) + ".pdf", MediaType.APPLICATION_PDF)
                : ReportApiController.file(annual.docx(draft), annual.fileStem(draft) + ".docx", ReportApiController.DOCX);
    }

    @PostMapping("/api/v1/reports/annual")
    @Operation(summary = "Issue the annual report as a numbered, dated document of the organisation (the next number of its "
            + "year unless one is given); answers the issued document, whose files download from /api/v1/documents/{id}.docx|pdf")
    ResponseEntity<IssuedDocumentView> issue(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                                             @RequestParam(required = false) Long organisation,
                                             @RequestParam(required = false) Integer number,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        IssuedDocumentView issued = annual.issue(annual.draft(unit, year, organisation, number, date));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/documents/" + issued.id())).body(issued);
    }

    @GetMapping("/api/v1/reports/assessment")
    @Operation(summary = "The office's own assessment of a unit's year (strengths, weaknesses, causes, directions)")
    ReportAssessments.Assessment assessment(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        Summary s = reports.summary(unit, year);
        return assessments.of(s.unitId(), s.year());
    }

    @PutMapping("/api/v1/reports/assessment")
    ReportAssessments.Assessment saveAssessment(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                                                @RequestBody ReportAssessments.Assessment assessment) {
        return annual.saveAssessment(unit, year, assessment);
    }
}
