package vn.dvk.organisation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.DomainException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


@Controller
@RequestMapping("/organisations")
class OrganisationController {

    private static final String LIST = "organisations/list";
    private static final String DETAIL = "organisations/detail";
    private static final String FORM = "organisations/form";
    private static final int PAGE_SIZE = 50;
    private static final int OPTIONS = 500;
    private static final String OPTIONS_FRAGMENT = "organisations/options :: options";

    private final Organisations organisations;
    private final AdminUnits units;

    private final Clock clock;

    OrganisationController(Organisations organisations, AdminUnits units, Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.units = units;
    }

    /** What the form binds (by its constructor): never the id. */
    record Form(String name, OrganisationType type, String unitCode, Long unitId, Long parentId, Long version) {

        static Form of(OrganisationView v) {
            return new Form(v.name(), v.type(), v.unitCode(), v.unitId(), v.parentId(), v.version());
        }

        OrganisationDraft draft() {
            return new OrganisationDraft(name, type, unitCode, unitId, parentId, version);
        }
    }

    @InitBinder("form")
    void forbidId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("types")
    OrganisationType[] types() {
        return OrganisationType.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) OrganisationType type,
                @RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("unit", unit);
        try {
            model.addAttribute("page", organisations.search(new Organisations.Query(q, type, unit), page, PAGE_SIZE));
        } catch (DomainException e) {
            model.addAttribute("error", e);
        }
        return LIST;
    }

    /**
     * The options of an organisation picker (htmx): the organisations of the unit's province (so a
     * commune's form also offers the district's bodies), inside the user's scope; the selected one
     * is kept. The unit is the hidden unitId while the typed code still names it.
     */
    @GetMapping("/options")
    String options(@RequestParam(required = false) String unitCode, @RequestParam(required = false) Long unitId,
                   @RequestParam(required = false) Long selected, Model model) {
        List<OrganisationView> options = new ArrayList<>();
        provinceOf(unitCode, unitId).ifPresent(province -> options.addAll(
                organisations.search(new Organisations.Query(null, null, null, province), 0, OPTIONS).getContent()));
        if (selected != null && options.stream().noneMatch(o -> o.id().equals(selected))) {
            organisations.find(selected).ifPresent(o -> options.add(0, o));
        }
        model.addAttribute("options", options);
        model.addAttribute("selected", selected);
        return OPTIONS_FRAGMENT;
    }

    private Optional<Long> provinceOf(String unitCode, Long unitId) {
        try {
            return units.resolve(unitId, unitCode, LocalDate.now(clock)).map(u -> units.lineage(u.id()).get(0).id());
        } catch (DomainException e) {
            return Optional.empty(); // a name that is not clear yet: the form says so when sent
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable Long id, Model model) {
        model.addAttribute("organisation", organisations.get(id));
        model.addAttribute("children", organisations.children(id));
        return DETAIL;
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) String unit, @RequestParam(required = false) Long parent, Model model) {
        model.addAttribute("form", new Form(null, null, unit, null, parent, null));
        return FORM;
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") Form form, Model model, RedirectAttributes redirect) {
        try {
            OrganisationView created = organisations.create(form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/organisations/" + created.id();
        } catch (DomainException e) {
            return formWithErrors(e, model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable Long id, Model model) {
        OrganisationView organisation = organisations.get(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", Form.of(organisation));
        return FORM;
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable Long id, @ModelAttribute("form") Form form, Model model, RedirectAttributes redirect) {
        try {
            organisations.update(id, form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/organisations/" + id;
        } catch (DomainException e) {
            model.addAttribute("organisation", organisations.get(id));
            return formWithErrors(e, model);
        }
    }

    private String formWithErrors(DomainException e, Model model) {
        model.addAttribute("fieldErrors", e.problemsByField());
        model.addAttribute("error", e);
        return FORM;
    }
}
