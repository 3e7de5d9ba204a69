package vn.dvk.workflow;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.DomainException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Controller
class InspectionController {

    static final int FOLLOW_UP_ROWS = 3;

    private final Inspections inspections;

    private final Clock clock;

    InspectionController(Inspections inspections, Clock clock) {
        this.clock = clock;
        this.inspections = inspections;
    }

    @GetMapping("/inspections")
    String list(Model model) {
        model.addAttribute("inspections", inspections.recent());
        model.addAttribute("overdue", inspections.overdue());
        return "workflow/inspections";
    }

    @GetMapping("/inspections/new")
    String form(@RequestParam(required = false) String unit, @RequestParam(required = false) Long initiative, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("initiative", initiative);
        model.addAttribute("rows", FOLLOW_UP_ROWS);
        model.addAttribute("today", LocalDate.now(clock));
        return "workflow/inspection-form";
    }

    @PostMapping("/inspections")
    String record(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> task,
                  @RequestParam(required = false) List<String> assignee,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> dueOn,
                  Model model, RedirectAttributes redirect) {
        List<InspectionInput.FollowUpInput> followUps = new ArrayList<>();
        for (int n = 0; task != null && n < task.size(); n++) {
            followUps.add(new InspectionInput.FollowUpInput(task.get(n), assignee != null && n < assignee.size() ? assignee.get(n) : null,
                    dueOn != null && n < dueOn.size() ? dueOn.get(n) : null));
        }
        Long initiative = form.get("initiative") == null || form.get("initiative").isBlank() ? null : Long.valueOf(form.get("initiative"));
        LocalDate date = form.get("date") == null || form.get("date").isBlank() ? null : LocalDate.parse(form.get("date"));
        try {
            InspectionView saved = inspections.record(new InspectionInput(form.get("unit"), null, initiative, form.get("kind"), date,
                    form.get("inspectors"), form.get("findings"), followUps));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/inspections/" + saved.id();
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
            model.addAttribute("form", form);
            return form(form.get("unit"), initiative, model);
        }
    }

    @GetMapping("/inspections/{id}")
    String detail(@PathVariable Long id, Model model) {
        model.addAttribute("inspection", inspections.get(id));
        return "workflow/inspection";
    }

    @PostMapping("/inspections/{id}/follow-ups/{followUpId}/done")
    String done(@PathVariable Long id, @PathVariable Long followUpId, RedirectAttributes redirect) {
        try {
            inspections.done(id, followUpId);
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", e);
        }
        return "redirect:/inspections/" + id;
    }
}
