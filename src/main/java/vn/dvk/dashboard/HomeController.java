package vn.dvk.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.Sectors;
import vn.dvk.organisation.Organisations;
import vn.dvk.report.Reports;
import vn.dvk.report.Summary;
import vn.dvk.report.Trend;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start page: the movement's key figures in the user's scope for a year (the latest with data
 * by default) and charts by sector, by year and by child unit (ECharts, fed from a JSON block the
 * page's script reads, so the page keeps its no-inline-script policy).
 */
@Controller
class HomeController {

    static final int YEARS = 10;
    static final int CHILDREN = 20;

    private final AdminUnits units;
    private final Organisations organisations;
    private final Reports reports;
    private final Sectors sectors;
    private final JsonMapper json;
    private final vn.dvk.report.ReportMap map;

    private final Clock clock;

    HomeController(AdminUnits units, Organisations organisations, Reports reports, Sectors sectors, JsonMapper json,
                   vn.dvk.report.ReportMap map, Clock clock) {
        this.clock = clock;
        this.map = map;
        this.units = units;
        this.organisations = organisations;
        this.reports = reports;
        this.sectors = sectors;
        this.json = json;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) Integer year, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("provinces", units.countValidOn(AdminUnitLevel.PROVINCE, today));
        model.addAttribute("communes", units.countValidOn(AdminUnitLevel.COMMUNE, today));
        model.addAttribute("organisations", organisations.search(new Organisations.Query(null, null, null), 0, 1).getTotalElements());
        if (CurrentUser.get().isPresent()) {
            try {
                int shown = year != null ? year : reports.latestYear().orElse(today.getYear());
                Summary summary = reports.summary(null, shown);
                Trend trend = reports.trend(summary.unit(), Math.max(1990, shown - YEARS + 1), shown);
                model.addAttribute("summary", summary);
                model.addAttribute("chartData", chartData(summary, trend));
                model.addAttribute("drawMap", map.drawable(summary));
            } catch (DomainException e) {
                model.addAttribute("error", e);
            }
        }
        return "home";
    }

    /** What the charts draw; "</" is escaped so that no text can close the JSON block. */
    private String chartData(Summary summary, Trend trend) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Map<String, Object>> bySector = new ArrayList<>();
        sectors.all().forEach(s -> bySector.add(Map.of("name", s.label(), "value", summary.bySector().getOrDefault(s.code(), 0L))));
        data.put("bySector", bySector);
        data.put("years", trend.years().stream().map(Trend.Year::year).toList());
        data.put("totals", trend.years().stream().map(Trend.Year::total).toList());
        data.put("newByYear", trend.years().stream().map(y -> y.byStatus().getOrDefault("NEW", 0L)).toList());
        List<Summary.Row> children = summary.children().stream().filter(r -> r.total() > 0)
                .sorted(Comparator.comparingLong(Summary.Row::total).reversed()).limit(CHILDREN).toList();
        data.put("children", children.stream().map(Summary.Row::name).toList());
        data.put("childTotals", children.stream().map(Summary.Row::total).toList());
        return json.writeValueAsString(data).replace("</", "<\\/");
    }
}
