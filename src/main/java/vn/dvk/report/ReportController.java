package vn.dvk.report;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.DomainException;

import java.time.LocalDate;

/** The summary page: every figure a link to the initiatives behind it, every child unit a link to its own summary. */
@Controller
class ReportController {

    private final Reports reports;
    private final Sectors sectors;
    private final ReportDocuments documents;

    ReportController(Reports reports, Sectors sectors, ReportDocuments documents) {
        this.reports = reports;
        this.sectors = sectors;
        this.documents = documents;
    }

    @GetMapping("/reports/summary.{format:xlsx|docx}")
    org.springframework.http.ResponseEntity<byte[]> document(@org.springframework.web.bind.annotation.PathVariable String format,
                                                             @RequestParam(required = false) String unit,
                                                             @RequestParam(required = false) Integer year,
                                                             @RequestParam(required = false) String issuer,
                                                             @RequestParam(required = false) String number,
                                                             @RequestParam(required = false) String style) {
        return ReportApiController.document(reports, documents, format, unit, year,
                ReportApiController.heading(issuer, number, null, style));
    }

    @GetMapping("/reports")
    String summary(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now().getYear() : year;
        model.addAttribute("unit", unit);
        model.addAttribute("year", shown);
        model.addAttribute("sectors", sectors.all());
        try {
            model.addAttribute("summary", reports.summary(unit, shown));
        } catch (DomainException e) {
            model.addAttribute("error", e);
        }
        return "report/summary";
    }
}
