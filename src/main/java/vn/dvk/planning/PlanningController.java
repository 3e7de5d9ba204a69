package vn.dvk.planning;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.web.FlashProblem;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.validation.PlausibleYear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/** Pages: plans and their targets and progress, conferences, and the planning part of an initiative's page. */
@Controller
class PlanningController {

    private final Plans plans;
    private final Movements movements;
    private final Conferences conferences;

    PlanningController(Plans plans, Movements movements, Conferences conferences) {
        this.plans = plans;
        this.movements = movements;
        this.conferences = conferences;
    }

    @GetMapping("/plans")
    String plans(Model model) {
        model.addAttribute("plans", plans.list());
        model.addAttribute("periods", plans.periods());
        return "planning/plans";
    }

    @PostMapping("/periods")
    String addPeriod(@RequestParam @Size(max = 200) String name, @RequestParam(required = false) @PlausibleYear Integer fromYear,
                     @RequestParam(required = false) Integer toYear, @RequestParam(required = false) Integer orientedTo,
                     RedirectAttributes redirect) {
        try {
            plans.addPeriod(name, fromYear, toYear, orientedTo);
        } catch (DomainException e) {
            FlashProblem.put(redirect, e);
        }
        return "redirect:/plans";
    }

    @PostMapping("/plans")
    String create(@RequestParam String unitCode, @RequestParam(required = false) Long periodId, @RequestParam String title,
                  @RequestParam(required = false) String docNumber,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate docDate,
                  @RequestParam(required = false) String docIssuer, @RequestParam(required = false) String docTitle,
                  Model model) {
        try {
            Plans.PlanView plan = plans.create(new Plans.PlanInput(unitCode, periodId, title,
                    List.of(new Plans.Document(docNumber, docDate, docIssuer, docTitle))));
            return "redirect:/plans/" + plan.id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("error", e);
            return plans(model);
        }
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable long id, @RequestParam(defaultValue = "NEW_MODELS") Metric metric, Model model) {
        Plans.PlanView plan = plans.get(id);
        model.addAttribute("plan", plan);
        model.addAttribute("metric", metric);
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("children", plans.children(plan));
        Map<String, Integer> amounts = new HashMap<>();
        plans.targets(id).stream().filter(t -> t.metric() == metric).forEach(t -> amounts.put(t.unitId() + ":" + t.year(), t.amount()));
        model.addAttribute("amounts", amounts);
        model.addAttribute("progress", plans.progress(id));
        return "planning/plan";
    }

    /** The one screen: every child unit and year of one metric; an empty box removes that target. */
    @PostMapping("/plans/{id}/targets")
    String targets(@PathVariable long id, @RequestParam Metric metric, @RequestParam(required = false) Long version,
                   HttpServletRequest request, RedirectAttributes redirect) {
        Plans.PlanView plan = plans.get(id);
        List<Plans.Target> set = new ArrayList<>();
        List<Plans.Target> cleared = new ArrayList<>();
        for (var child : plans.children(plan)) {
            for (int year : plan.period().years()) {
                String typed = request.getParameter("t_" + child.id() + "_" + year);
                if (typed == null || typed.isBlank()) {
                    cleared.add(new Plans.Target(child.id(), year, metric, 0));
                } else {
                    try {
                        set.add(new Plans.Target(child.id(), year, metric, Integer.parseInt(typed.strip())));
                    } catch (NumberFormatException e) {
                        FlashProblem.put(redirect, "plan.amount");
                        return "redirect:/plans/" + id + "?metric=" + metric;
                    }
                }
            }
        }
        try {
            plans.saveTargets(id, set, cleared, version);
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            FlashProblem.put(redirect, e);
        }
        return "redirect:/plans/" + id + "?metric=" + metric;
    }

    @GetMapping("/conferences")
    String conferences(Model model) {
        model.addAttribute("conferences", conferences.list());
        model.addAttribute("periods", plans.periods());
        model.addAttribute("kinds", Conferences.Kind.values());
        return "planning/conferences";
    }

    @PostMapping("/conferences")
    String record(@RequestParam(required = false) Conferences.Kind kind, @RequestParam String title,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                  @RequestParam String organiser, @RequestParam String unitCode, @RequestParam(required = false) Long periodId,
                  @RequestParam(required = false) String attendees, @RequestParam(required = false) String conclusions,
                  @RequestParam(required = false) List<String> paperTitle, @RequestParam(required = false) List<String> paperPresenter,
                  @RequestParam(required = false) List<String> paperInitiatives, Model model) {
        List<Conferences.Paper> papers = new ArrayList<>();
        for (int i = 0; paperTitle != null && i < paperTitle.size(); i++) {
            String codes = paperInitiatives != null && i < paperInitiatives.size() ? paperInitiatives.get(i) : "";
            papers.add(new Conferences.Paper(paperTitle.get(i), paperPresenter != null && i < paperPresenter.size() ? paperPresenter.get(i) : null,
                    Arrays.stream(codes == null ? new String[0] : codes.split("[,;\\s]+")).filter(c -> !c.isBlank()).toList()));
        }
        try {
            return "redirect:/conferences/" + conferences.record(new Conferences.ConferenceInput(kind, title, heldOn, organiser, unitCode,
                    periodId, attendees, conclusions, papers)).id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("error", e);
            return conferences(model);
        }
    }

    @GetMapping("/conferences/{id}")
    String conference(@PathVariable long id, Model model) {
        model.addAttribute("c", conferences.get(id));
        return "planning/conference";
    }

    @GetMapping("/conferences/{id}/draft.{format:docx|pdf}")
    ResponseEntity<byte[]> draft(@PathVariable long id, @PathVariable String format) {
        return PlanningApiController.draftFile(conferences, id, format);
    }

    /** The report's registrations counted by linked movement (loaded by htmx into the report page). */
    @GetMapping("/reports/movements")
    String byMovement(@RequestParam(required = false) String unit, @RequestParam int year, Model model) {
        model.addAttribute("counts", movements.countsByMovement(unit, year));
        model.addAttribute("movements", movements.all());
        return "planning/movements :: counts";
    }

    @GetMapping("/admin/movements")
    String movementsAdmin(Model model) {
        model.addAttribute("movements", movements.all());
        return "planning/movements";
    }

    @PostMapping("/admin/movements")
    String addMovement(@RequestParam @Size(max = 40) String code, @RequestParam @Size(max = 300) String nameVi,
                       @RequestParam(required = false) @Size(max = 300) String nameEn,
                       RedirectAttributes redirect) {
        try {
            movements.add(code, nameVi, nameEn);
            redirect.addFlashAttribute("added", code);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.problems().isEmpty() ? e.messageKey() : e.problems().get(0).messageKey());
            redirect.addFlashAttribute("problemArg", code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        }
        return "redirect:/admin/movements";
    }

    /** The planning part of an initiative's page (loaded by htmx): linked movements and the conferences it was presented at. */
    @GetMapping("/initiatives/{id}/planning")
    String initiativePart(@PathVariable long id, Model model) {
        model.addAttribute("initiativeId", id);
        model.addAttribute("all", movements.all());
        model.addAttribute("linked", movements.of(id).stream().map(Movements.MovementView::code).toList());
        model.addAttribute("presented", conferences.presenting(id));
        return "planning/initiative :: part";
    }

    @PostMapping("/initiatives/{id}/movements")
    String link(@PathVariable long id, @RequestParam(required = false) List<String> movement) {
        movements.link(id, new LinkedHashSet<>(movement == null ? List.of() : movement));
        return "redirect:/initiatives/" + id;
    }
}
