package vn.dvk.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.Organisations;

import java.time.LocalDate;

@Controller
class HomeController {

    private final AdminUnits units;
    private final Organisations organisations;

    HomeController(AdminUnits units, Organisations organisations) {
        this.units = units;
        this.organisations = organisations;
    }

    @GetMapping("/")
    String home(Model model) {
        LocalDate today = LocalDate.now();
        model.addAttribute("provinces", units.countValidOn(AdminUnitLevel.PROVINCE, today));
        model.addAttribute("communes", units.countValidOn(AdminUnitLevel.COMMUNE, today));
        model.addAttribute("organisations", organisations.search(new Organisations.Query(null, null, null), 0, 1).getTotalElements());
        return "home";
    }
}
