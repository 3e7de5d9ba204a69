package vn.dvk.evaluation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.DecimalText;
import vn.dvk.shared.DomainException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dvk.shared.FieldProblem;

/** The evaluation sheet page of an initiative-year, and the administrators' criteria sets. */
@Controller
class EvaluationController {

    static final int SPARE_ROWS = 3;

    private final Evaluations evaluations;

    EvaluationController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/initiatives/{id}/years/{year}/evaluation")
    String board(@PathVariable Long id, @PathVariable int year, Model model) {
        model.addAttribute("board", evaluations.board(id, year));
        return "evaluation/sheet";
    }

    @PostMapping("/initiatives/{id}/years/{year}/evaluation")
    String score(@PathVariable Long id, @PathVariable int year, @RequestParam Map<String, String> form,
                 @RequestParam(defaultValue = "false") boolean submit, Model model, RedirectAttributes redirect) {
        Map<Long, BigDecimal> scores = new HashMap<>();
        Map<String, String> invalid = new HashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("score-")) {
                Long criterion = Long.valueOf(key.substring("score-".length()));
                try {
                    scores.put(criterion, DecimalText.parse(value));
                } catch (NumberFormatException e) {
                    invalid.put(key, value);
                }
            }
        });
        try {
            if (!invalid.isEmpty()) {
                throw new DomainException(DomainException.Kind.INVALID, invalid.keySet().stream()
                        .map(k -> FieldProblem.field(k, "error.invalid")).toList(), "error.validation");
            }
            Long version = form.get("version") == null || form.get("version").isBlank() ? null : Long.valueOf(form.get("version"));
            evaluations.score(id, year, scores, submit, version);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/initiatives/" + id + "/years/" + year + "/evaluation";
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
            model.addAttribute("given", form);
            return board(id, year, model);
        }
    }

    @PostMapping("/initiatives/{id}/years/{year}/evaluation/result")
    String finalise(@PathVariable Long id, @PathVariable int year, Model model, RedirectAttributes redirect) {
        try {
            evaluations.finalise(id, year);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/initiatives/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", e);
            return board(id, year, model);
        }
    }

    @GetMapping("/admin/criteria")
    String sets(Model model) {
        model.addAttribute("sets", evaluations.sets());
        return "evaluation/sets";
    }

    @GetMapping({"/admin/criteria/new", "/admin/criteria/{id}"})
    String editSet(@PathVariable(required = false) Long id, Model model) {
        CriteriaSetView set = id == null ? null : evaluations.set(id);
        model.addAttribute("set", set);
        List<CriterionView> rows = new ArrayList<>(set == null ? List.of() : set.criteria());
        for (int n = 0; n < SPARE_ROWS; n++) {
            rows.add(new CriterionView(null, "", "", "", null, false, rows.size() + 1));
        }
        model.addAttribute("rows", rows);
        return "evaluation/set-form";
    }

    @PostMapping({"/admin/criteria/new", "/admin/criteria/{id}"})
    String saveSet(@PathVariable(required = false) Long id, @RequestParam Map<String, String> form,
                   @RequestParam(name = "groupName", required = false) List<String> groups,
                   @RequestParam(name = "criterionName", required = false) List<String> names,
                   @RequestParam(name = "guidance", required = false) List<String> guidance,
                   @RequestParam(name = "maxScore", required = false) List<String> maxScores,
                   @RequestParam(name = "bonus", required = false) List<String> bonusRows,
                   Model model, RedirectAttributes redirect) {
        List<Evaluations.CriterionInput> criteria = new ArrayList<>();
        int count = names == null ? 0 : names.size();
        for (int n = 0; n < count; n++) {
            criteria.add(new Evaluations.CriterionInput(at(groups, n), at(names, n), at(guidance, n), number(at(maxScores, n)),
                    bonusRows != null && bonusRows.contains(String.valueOf(n))));
        }
        try {
            CriteriaSetView saved = evaluations.saveSet(id, new Evaluations.SetInput(form.get("name"), form.get("unitCode"),
                    integer(form.get("fromYear")), integer(form.get("toYear")), number(form.get("excellentFrom")),
                    number(form.get("goodFrom")), number(form.get("passFrom")), form.containsKey("active"), criteria,
                    form.get("version") == null || form.get("version").isBlank() ? null : Long.valueOf(form.get("version"))));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/criteria/" + saved.id();
        } catch (DomainException e) {
            model.addAttribute("error", e);
            model.addAttribute("fieldErrors", e.problemsByField());
            return editSet(id, model);
        }
    }

    private static String at(List<String> values, int n) {
        return values != null && n < values.size() ? values.get(n) : null;
    }

    private static BigDecimal number(String text) {
        try {
            return DecimalText.parse(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
