package vn.dvk.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.organisation.Organisations;
import vn.dvk.report.ReportCharts;
import vn.dvk.report.ReportMap;
import vn.dvk.report.Reports;
import vn.dvk.report.Summary;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Role;
import vn.dvk.workflow.Tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The start page of each role, always within the user's scope: their unit and its figures for a
 * year (this year by default, with the latest year that has data offered when this one has none),
 * charts by sector, by year and by child unit (ECharts, fed from a JSON block the page's script
 * reads); a unit editor's registrations of the year and the buttons to register, renew and import;
 * an officer's to-do list; a committee member's records waiting for recognition, each list a link
 * to the recognition form with its unit and year. National counts are for national users only.
 */
@Controller
class HomeController {

    static final int REGISTRATIONS = 20;

    private final AdminUnits units;
    private final Organisations organisations;
    private final Reports reports;
    private final ReportCharts charts;
    private final ReportMap map;
    private final InitiativeRegistry registry;
    private final Tasks tasks;
    private final Clock clock;

    HomeController(AdminUnits units, Organisations organisations, Reports reports, ReportCharts charts, ReportMap map,
                   InitiativeRegistry registry, Tasks tasks, Clock clock) {
        this.clock = clock;
        this.units = units;
        this.organisations = organisations;
        this.reports = reports;
        this.charts = charts;
        this.map = map;
        this.registry = registry;
        this.tasks = tasks;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) Integer year, Model model) {
        Optional<CurrentUser> user = CurrentUser.get();
        if (user.isEmpty() || user.get().scope().national()) {
            nationalCounts(model);
        }
        if (user.isPresent()) {
            try {
                startPage(user.get(), year == null ? reports.currentYear() : year, model);
            } catch (DomainException e) {
                model.addAttribute("error", e);
            }
        }
        return "home";
    }

    private void nationalCounts(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("provinces", units.countValidOn(AdminUnitLevel.PROVINCE, today));
        model.addAttribute("communes", units.countValidOn(AdminUnitLevel.COMMUNE, today));
        model.addAttribute("organisations", organisations.search(new Organisations.Query(null, null, null), 0, 1).getTotalElements());
    }

    private void startPage(CurrentUser user, int year, Model model) {
        Reports.Opening opening = reports.opening();
        model.addAttribute("opening", opening);
        model.addAttribute("successors", successorsOf(opening.unit()));
        Summary summary = reports.summary(null, year);
        model.addAttribute("summary", summary);
        model.addAttribute("chartData", charts.of(summary));
        model.addAttribute("drawMap", map.drawable(summary));
        if (user.has(Role.UNIT_EDITOR)) {
            model.addAttribute("registrations", registry.search(new InitiativeQuery(null, null, year, null, null, null, null, null,
                    null, null), 0, REGISTRATIONS));
        }
        if (user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER)) {
            model.addAttribute("tasks", tasks.mine());
        }
        if (user.hasAny(Role.ADMIN, Role.COMMITTEE_MEMBER)) {
            model.addAttribute("waiting", tasks.awaitingRecognitionByUnit());
        }
    }

    /** The units of today that continue a unit which no longer exists. */
    private List<String> successorsOf(AdminUnitView unit) {
        if (unit == null || unit.successorCodes() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return unit.successorCodes().stream().map(code -> units.findByCode(code, today)).flatMap(Optional::stream)
                .map(AdminUnitView::fullName).distinct().toList();
    }
}
