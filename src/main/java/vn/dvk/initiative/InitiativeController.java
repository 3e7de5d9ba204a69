package vn.dvk.initiative;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.validation.Inputs;
import vn.dvk.shared.validation.PlausibleYear;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.dvk.shared.VietnamTime;
import vn.dvk.shared.security.CurrentUser;

/** The initiative pages: the filtered list, the detail page with history and replicas, the forms. */
@Controller
@RequestMapping("/initiatives")
class InitiativeController {

    private static final String LIST = "initiatives/list";
    private static final String ROWS = "initiatives/list :: rows";
    private static final String DETAIL = "initiatives/detail";
    private static final String FORM = "initiatives/form";
    private static final int PAGE_SIZE = 50;

    private final InitiativeRegistry registry;
    private final Registrations registrations;
    private final Replications replications;
    private final Sectors sectors;
    private final Attachments attachments;
    private final InitiativeHistory history;

    private final InitiativeWorkflow workflow;

    private final Clock clock;
    private final Inputs inputs;

    InitiativeController(InitiativeRegistry registry, Registrations registrations, Replications replications, Sectors sectors,
                         Attachments attachments, InitiativeHistory history, InitiativeWorkflow workflow, Clock clock,
                         Inputs inputs) {
        this.clock = clock;
        this.inputs = inputs;
        this.workflow = workflow;
        this.registry = registry;
        this.registrations = registrations;
        this.replications = replications;
        this.sectors = sectors;
        this.attachments = attachments;
        this.history = history;
    }

    /**
     * What the form binds (by its constructor): never the id. The page shown again after a refusal
     * shows the record as bound, so nothing needs to change it.
     */
    record Form(String code, String name, Kind kind, Holder holder, String sector, String unitCode, Long unitId,
                Long organisationId, String responsibleOfficer, Integer startYear, String description, String method,
                String results, Set<TargetGroup> targetGroups, Boolean featured, Boolean confirmDuplicate, Long version) {

        /** A box left unticked is sent as nothing or as its marker (_featured): both mean false. */
        Form {
            targetGroups = targetGroups == null ? EnumSet.noneOf(TargetGroup.class) : targetGroups;
            featured = featured != null && featured;
            confirmDuplicate = confirmDuplicate != null && confirmDuplicate;
        }

        /**
         * A new initiative's form: a model of a collective, in the unit asked for, started this year, led by
         * the user's own organisation (a commune editor registers for it).
         */
        static Form blank(String unitCode, Long organisationId, int startYear) {
            return new Form(null, null, Kind.MODEL, Holder.COLLECTIVE, null, unitCode, null, organisationId, null, startYear, null,
                    null, null, null, false, false, null);
        }

        static Form of(InitiativeView v) {
            return new Form(v.code(), v.name(), v.kind(), v.holder(), v.sector(), v.unitCode(), v.unitId(), v.organisationId(),
                    v.responsibleOfficer(), v.startYear(), v.description(), v.method(), v.results(),
                    v.targetGroups().isEmpty() ? EnumSet.noneOf(TargetGroup.class) : EnumSet.copyOf(v.targetGroups()),
                    v.featured(), false, v.version());
        }

        InitiativeDraft draft() {
            return new InitiativeDraft(code, name, kind, holder, sector, unitCode, unitId, organisationId, responsibleOfficer,
                    startYear, description, method, results, targetGroups, featured, version);
        }
    }

    @InitBinder("form")
    void forbidId(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("sectors", sectors.all());
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("holders", Holder.values());
        model.addAttribute("statuses", RegistrationStatus.values());
        model.addAttribute("targetGroupChoices", TargetGroup.values());
    }

    @GetMapping
    String list(@ModelAttribute("filter") InitiativeFilter filter, @RequestParam(required = false) String structure, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var query = filter.query();
        model.addAttribute("query", query);
        try {
            model.addAttribute("structure", "today".equalsIgnoreCase(structure) ? "today" : null);
            model.addAttribute("page", registry.search(query, "today".equalsIgnoreCase(structure), page, PAGE_SIZE));
        } catch (DomainException e) {
            model.addAttribute("error", e);
        }
        return htmx != null ? ROWS : LIST;
    }

    /** The page's parts are read for the initiative as read once here (the read checks the caller's scope). */
    @GetMapping("/{id}")
    String detail(@PathVariable Long id, Model model) {
        InitiativeView initiative = registry.get(id);
        model.addAttribute("initiative", initiative);
        model.addAttribute("replicas", replications.replicationTree(initiative));
        model.addAttribute("attachments", attachments.of(initiative));
        model.addAttribute("unitEnded", registrations.unitEnded(initiative));
        model.addAttribute("history", history.of(id));
        model.addAttribute("timeline", workflow.timeline(initiative));
        Map<Integer, List<WorkflowStep>> steps = new HashMap<>();
        Map<Integer, List<WorkflowStep>> decided = new HashMap<>();
        initiative.registrations().forEach(r -> {
            steps.put(r.year(), workflow.offered(initiative, r));
            decided.put(r.year(), workflow.decided(r.workflowState()));
        });
        model.addAttribute("steps", steps);
        model.addAttribute("decided", decided);
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("zone", VietnamTime.ZONE);
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        return DETAIL;
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) String unit, Model model) {
        Long organisation = CurrentUser.get().map(CurrentUser::organisationId).orElse(null);
        model.addAttribute("form", Form.blank(unit, organisation, LocalDate.now(clock).getYear()));
        return FORM;
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") Form form, Model model, RedirectAttributes redirect) {
        try {
            if (!form.confirmDuplicate() && form.name() != null) {
                List<InitiativeRow> duplicates = duplicatesOf(form);
                if (!duplicates.isEmpty()) {
                    model.addAttribute("duplicates", duplicates);
                    return FORM;
                }
            }
            inputs.check(form.draft());
            InitiativeRegistry.Created created = registry.create(form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/initiatives/" + created.initiative().id();
        } catch (DomainException e) {
            return refused(e, model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable Long id, Model model) {
        InitiativeView initiative = registry.get(id);
        model.addAttribute("initiative", initiative);
        model.addAttribute("form", Form.of(initiative));
        return FORM;
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable Long id, @ModelAttribute("form") Form form, Model model, RedirectAttributes redirect) {
        try {
            inputs.check(form.draft());
            registry.update(id, form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/initiatives/" + id;
        } catch (DomainException e) {
            model.addAttribute("initiative", registry.get(id));
            return refused(e, model);
        }
    }

    @PostMapping("/{id}/registrations")
    String register(@PathVariable Long id, @RequestParam(required = false) @PlausibleYear Integer year,
                    @RequestParam(required = false) RegistrationStatus status, RedirectAttributes redirect) {
        return act(id, redirect, () -> registrations.register(id, year == null ? LocalDate.now(clock).getYear() : year, status, null));
    }

    /** A workflow step from the initiative's page (the steps without a decision; see WorkflowApiController). */
    @PostMapping("/{id}/years/{year}/step")
    String step(@PathVariable Long id, @PathVariable @PlausibleYear int year, @RequestParam String step,
                @RequestParam(required = false) String reason, @RequestParam(required = false) Rating rating,
                @RequestParam(required = false) BigDecimal score, RedirectAttributes redirect) {
        WorkflowStep which = WorkflowApiController.stepOf(step.toLowerCase(Locale.ROOT).replace('_', '-'));
        try {
            workflow.take(id, year, which, new StepInput(reason, rating, score, null, null));
            // plain values only: flash attributes live in the (JDBC) session; the year as text, printed without separators
            redirect.addFlashAttribute("stepTaken", which.name());
            redirect.addFlashAttribute("stepYear", year);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", e);
        }
        return "redirect:/initiatives/" + id;
    }

    @PostMapping("/{id}/move-to-successor")
    String moveToSuccessor(@PathVariable Long id, RedirectAttributes redirect) {
        try {
            InitiativeView moved = registrations.moveToSuccessor(id);
            redirect.addFlashAttribute("moved", moved.unitName());
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", e);
        }
        return "redirect:/initiatives/" + id;
    }

    @PostMapping("/{id}/discontinue")
    String discontinue(@PathVariable Long id, @RequestParam(required = false) @PlausibleYear Integer fromYear,
                       @RequestParam(defaultValue = "") @Size(max = 500) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> registrations.discontinue(id, fromYear == null ? LocalDate.now(clock).getYear() : fromYear, reason));
    }

    @PostMapping("/{id}/replicas")
    String replicate(@PathVariable Long id, @RequestParam(defaultValue = "") String unitCode,
                     @RequestParam(required = false) Long organisationId,
                     @RequestParam(required = false) @PlausibleYear Integer startYear,
                     RedirectAttributes redirect) {
        try {
            InitiativeRegistry.Created created = replications.replicate(id, unitCode, null, organisationId, startYear, null);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/initiatives/" + created.initiative().id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", e);
            return "redirect:/initiatives/" + id;
        }
    }

    @PostMapping("/renew")
    String renew(@RequestParam(defaultValue = "") String unit, @RequestParam(required = false) @PlausibleYear Integer year,
                 RedirectAttributes redirect) {
        int target = year == null ? LocalDate.now(clock).getYear() : year;
        try {
            redirect.addFlashAttribute("renewed", registrations.renew(unit, target));
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", e);
        }
        redirect.addAttribute("unit", unit);
        redirect.addAttribute("year", target);
        return "redirect:/initiatives";
    }

    private String act(Long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", e);
        }
        return "redirect:/initiatives/" + id;
    }

    private List<InitiativeRow> duplicatesOf(Form form) {
        return registry.possibleDuplicates(form.draft());
    }

    private String refused(DomainException e, Model model) {
        model.addAttribute("fieldErrors", e.problemsByField());
        model.addAttribute("error", e);
        return FORM;
    }
}
