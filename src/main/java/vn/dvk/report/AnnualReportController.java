package vn.dvk.report;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.office.OfficialDocument;

import java.time.LocalDate;

/**
 * The page that makes the annual report: what will print (organ, number, date, signer), the sentences
 * written from the figures, the office's own assessment typed before generating, and the downloads.
 */
@Controller
class AnnualReportController {

    private static final String PAGE = "report/annual";

    private final AnnualReports annual;

    AnnualReportController(AnnualReports annual) {
        this.annual = annual;
    }

    @GetMapping("/reports/annual")
    String page(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Long organisation, @RequestParam(required = false) Integer number,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        try {
            AnnualReports.Draft draft = annual.draft(unit, year, organisation, number, date);
            OfficialDocument document = annual.document(draft);
            model.addAttribute("draft", draft);
            model.addAttribute("s", draft.summary());
            model.addAttribute("settings", draft.settings());
            model.addAttribute("previewNumber", document.numberLine());
            model.addAttribute("previewDate", OfficialDocument.datePart(draft.date()));
            model.addAttribute("nextNumber", annual.nextNumber(draft));
            model.addAttribute("body", document.body());
            model.addAttribute("fileStem", annual.fileStem(draft));
        } catch (DomainException e) {
            model.addAttribute("error", e);
        }
        return PAGE;
    }

    @PostMapping("/reports/annual/assessment")
    String saveAssessment(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                          @RequestParam(required = false) Long organisation, @RequestParam(required = false) String strengths,
                          @RequestParam(required = false) String weaknesses, @RequestParam(required = false) String causes,
                          @RequestParam(required = false) String directions, RedirectAttributes redirect) {
        try {
            annual.saveAssessment(unit, year, new ReportAssessments.Assessment(strengths, weaknesses, causes,
                    directions));
            redirect.addFlashAttribute("assessmentSaved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e);
        }
        return back(unit, year, organisation, redirect);
    }

    @PostMapping("/reports/annual/issue")
    String issue(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) Long organisation, @RequestParam(required = false) Integer number,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issued", annual.issue(annual.draft(unit, year, organisation, number, date)));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e);
        }
        return back(unit, year, organisation, redirect);
    }

    private static String back(String unit, Integer year, Long organisation, RedirectAttributes redirect) {
        redirect.addAttribute("unit", unit);
        redirect.addAttribute("year", year);
        if (organisation != null) {
            redirect.addAttribute("organisation", organisation);
        }
        return "redirect:/reports/annual";
    }

    @GetMapping("/reports/annual.{format:docx|pdf}")
    ResponseEntity<byte[]> download(@PathVariable String format, @RequestParam(required = false) String unit,
                                    @RequestParam(required = false) Integer year, @RequestParam(required = false) Long organisation,
                                    @RequestParam(required = false) Integer number,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        AnnualReports.Draft draft = annual.draft(unit, year, organisation, number, date);
        return "pdf".equals(format)
                ? ReportApiController.file(annual.pdf(draft), annual.fileStem(draft) + ".pdf", MediaType.APPLICATION_PDF)
                : ReportApiController.file(annual.docx(draft), annual.fileStem(draft) + ".docx", ReportApiController.DOCX);
    }
}
