package vn.dvk.report;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.validation.PlausibleYear;

import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The summary page: every figure a link to the initiatives behind it, every child unit a link to its own summary. */
@Controller
class ReportController {

    private final Reports reports;
    private final Sectors sectors;
    private final ReportDocuments documents;
    private final OutcomeIndicators outcomes;
    private final OutcomeSheets sheets;
    private final ReportMap map;
    private final ReportCharts charts;

    @GetMapping(path = "/reports/map.json", produces = "application/geo+json")
    @ResponseBody
    String map(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
               @RequestParam(required = false) String structure) {
        return map.featureCollection(reports.summary(unit, year, "today".equalsIgnoreCase(structure)));
    }

    private final Clock clock;

    ReportController(Reports reports, Sectors sectors, ReportDocuments documents, OutcomeIndicators outcomes, OutcomeSheets sheets,
                     ReportMap map, ReportCharts charts, Clock clock) {
        this.sheets = sheets;
        this.clock = clock;
        this.charts = charts;
        this.map = map;
        this.reports = reports;
        this.sectors = sectors;
        this.documents = documents;
        this.outcomes = outcomes;
    }

    @PostMapping("/reports/outcomes")
    String recordOutcome(@RequestParam(required = false) String unit, @RequestParam(required = false) @PlausibleYear Integer year,
                         @RequestParam(required = false) String name, @RequestParam(required = false) String measure,
                         @RequestParam(required = false) String value, @RequestParam(required = false) String note,
                         RedirectAttributes redirect) {
        try {
            outcomes.record(new OutcomeIndicators.Input(unit, year, name, measure, value, note));
            redirect.addFlashAttribute("outcomeSaved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("outcomeError", e);
        }
        redirect.addAttribute("unit", unit);
        redirect.addAttribute("year", year);
        return "redirect:/reports";
    }

    @PostMapping("/reports/outcomes/import")
    String importOutcomes(@RequestParam(required = false) String unit, @RequestParam(required = false) @PlausibleYear Integer year,
                          @RequestParam("file") MultipartFile file,
                          RedirectAttributes redirect) throws IOException {
        try {
            OutcomeSheets.Imported imported = sheets.importAll(file.getBytes(), file.getOriginalFilename());
            redirect.addFlashAttribute("outcomeImported", List.of(imported.created(), imported.updated(), imported.unchanged()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("outcomeError", e);
        }
        redirect.addAttribute("unit", unit);
        redirect.addAttribute("year", year);
        return "redirect:/reports";
    }

    @GetMapping("/reports/summary.{format:xlsx|docx|pdf}")
    ResponseEntity<byte[]> document(@PathVariable String format,
                                                             @RequestParam(required = false) String unit,
                                                             @RequestParam(required = false) Integer year,
                                                             @RequestParam(required = false) String issuer,
                                                             @RequestParam(required = false) String number,
                                                             @RequestParam(required = false) String style) {
        return ReportApiController.document(reports, documents, format, unit, year,
                ReportApiController.heading(issuer, number, null, style, clock));
    }

    /**
     * The summary; asked for nothing, it opens on the user's own unit this year in today's structure,
     * or, for a unit that no longer exists, in the latest year with data (see {@link Reports#opening}).
     */
    @GetMapping("/reports")
    String summary(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) String structure, Model model) {
        boolean ownUnit = unit == null || unit.isBlank();
        Reports.Opening opening = reports.opening();
        boolean opened = ownUnit && year == null;
        boolean today = structure == null ? opened && opening.today() : "today".equalsIgnoreCase(structure);
        int shown = year != null ? year : opened ? opening.year() : reports.currentYear();
        model.addAttribute("today", today);
        model.addAttribute("unit", unit);
        model.addAttribute("year", shown);
        model.addAttribute("sectors", sectors.all());
        model.addAttribute("opening", ownUnit ? opening : null);
        model.addAttribute("openedOnLatest", opened && opening.ended() != null);
        try {
            Summary summary = reports.summary(unit, shown, today);
            model.addAttribute("summary", summary);
            model.addAttribute("chartData", charts.of(summary));
            model.addAttribute("drawMap", map.drawable(summary));
            model.addAttribute("outcomes", today ? List.of() : outcomes.of(reports.unitFor(unit, shown), shown));
        } catch (DomainException e) {
            model.addAttribute("error", e);
        }
        return "report/summary";
    }
}
