package vn.dvk.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.validation.PlausibleYear;
import vn.dvk.shared.web.ApiController;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;

@ApiController
@RequestMapping("/api/v1")
@Tag(name = "Periods, plans and conferences", description = "Giai đoạn, kế hoạch, chỉ tiêu, tiến độ; phong trào liên kết; hội nghị")
class PlanningApiController {

    private final Plans plans;
    private final Movements movements;
    private final Conferences conferences;

    PlanningApiController(Plans plans, Movements movements, Conferences conferences) {
        this.plans = plans;
        this.movements = movements;
        this.conferences = conferences;
    }

    /** A period starts in a sane year; it may reach (and be oriented to) years ahead, as its own rules allow. */
    record PeriodInput(@Size(max = 200) String name, @PlausibleYear Integer fromYear, Integer toYear, Integer orientedTo) {
    }

    @GetMapping("/periods")
    List<Plans.PeriodView> periods() {
        return plans.periods();
    }

    @PostMapping("/periods")
    Plans.PeriodView addPeriod(@RequestBody PeriodInput input) {
        return plans.addPeriod(input.name(), input.fromYear(), input.toYear(), input.orientedTo());
    }

    @GetMapping("/plans")
    List<Plans.PlanView> plans() {
        return plans.list();
    }

    @PostMapping("/plans")
    @Operation(summary = "A plan of a unit for a period, citing its founding documents (number, date, issuing body)")
    Plans.PlanView create(@RequestBody Plans.PlanInput input) {
        return plans.create(input);
    }

    @GetMapping("/plans/{id}")
    Plans.PlanView plan(@PathVariable long id) {
        return plans.get(id);
    }

    @GetMapping("/plans/{id}/targets")
    List<Plans.Target> targets(@PathVariable long id) {
        return plans.targets(id);
    }

    record TargetsInput(List<Plans.Target> targets, Long version) {
    }

    @PutMapping("/plans/{id}/targets")
    @Operation(summary = "Set targets per child unit, year and metric (NEW_MODELS, NEW_ETHNIC_MINORITY, REGISTERED, RECOGNISED) in one call")
    List<Plans.Target> setTargets(@PathVariable long id, @RequestBody TargetsInput input) {
        return plans.setTargets(id, input.targets() == null ? List.of() : input.targets(), input.version());
    }

    @GetMapping("/plans/{id}/progress")
    @Operation(summary = "Target against actual from the registry, by child unit, year and metric; units behind are flagged")
    Plans.Progress progress(@PathVariable long id) {
        return plans.progress(id);
    }

    @GetMapping("/movements")
    List<Movements.MovementView> movements() {
        return movements.all();
    }

    record MovementInput(@Size(max = 40) String code, @Size(max = 300) String nameVi, @Size(max = 300) String nameEn) {
    }

    @PostMapping("/movements")
    Movements.MovementView addMovement(@RequestBody MovementInput input) {
        return movements.add(input.code(), input.nameVi(), input.nameEn());
    }

    @GetMapping("/initiatives/{id}/movements")
    List<Movements.MovementView> movementsOf(@PathVariable long id) {
        return movements.of(id);
    }

    @PutMapping("/initiatives/{id}/movements")
    List<Movements.MovementView> link(@PathVariable long id, @RequestBody Set<String> codes) {
        return movements.link(id, codes);
    }

    @GetMapping("/reports/movements")
    @Operation(summary = "Registrations of a year under a unit counted by linked movement")
    Map<String, Long> byMovement(@RequestParam(required = false) String unit, @RequestParam int year) {
        return movements.countsByMovement(unit, year);
    }

    @GetMapping("/conferences")
    List<Conferences.ConferenceView> conferences() {
        return conferences.list();
    }

    @PostMapping("/conferences")
    @Operation(summary = "Record a conference or review with its papers, each linked to initiatives by code")
    Conferences.ConferenceView record(@RequestBody Conferences.ConferenceInput input) {
        return conferences.record(input);
    }

    @GetMapping("/conferences/{id}")
    Conferences.ConferenceView conference(@PathVariable long id) {
        return conferences.get(id);
    }

    @GetMapping("/conferences/{id}/draft.{format:docx|pdf}")
    @Operation(summary = "A review's report drafted from the period's figures (Word or PDF), in the organiser's layout")
    ResponseEntity<byte[]> draft(@PathVariable long id, @PathVariable String format) {
        return draftFile(conferences, id, format);
    }

    static ResponseEntity<byte[]> draftFile(Conferences conferences, long id, String format) {
        String name = conferences.drafted(id).fileStem() + "." + format;
        return ResponseEntity.ok().header("Content-Disposition", ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType("pdf".equals(format) ? MediaType.APPLICATION_PDF
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body("pdf".equals(format) ? conferences.draftPdf(id) : conferences.draft(id));
    }
}
