package vn.dvk.adminunit;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.DomainException;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;

/** The unit browser: provinces, drill-down to communes and villages, search, history, import. */
@Controller
@RequestMapping("/units")
class AdminUnitController {

    static final LocalDate BEFORE_REFORM = ConversionTable.REFORM_2025.minusDays(1);
    private static final String BROWSE = "units/browse";
    private static final String UNIT = "units/unit";
    private static final String CHILDREN = "units/fragments :: children";
    private static final String RESULTS = "units/fragments :: results";
    private static final String IMPORT = "units/import";

    private final AdminUnits units;
    private final AdminUnitImporter importer;

    private final UnitBoundaries boundaries;

    private final Clock clock;

    AdminUnitController(AdminUnits units, AdminUnitImporter importer, UnitBoundaries boundaries, Clock clock) {
        this.clock = clock;
        this.boundaries = boundaries;
        this.units = units;
        this.importer = importer;
    }

    @GetMapping
    String browse(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  @RequestParam(required = false) String q, Model model) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        model.addAttribute("on", day);
        model.addAttribute("beforeReform", BEFORE_REFORM);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("provinces", units.provinces(day));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("results", searchAnyTime(day, q));
        }
        return BROWSE;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  @RequestParam(defaultValue = "") String q, Model model) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        model.addAttribute("on", day);
        model.addAttribute("q", q);
        if (!q.isBlank()) {
            model.addAttribute("results", searchAnyTime(day, q));
        }
        return RESULTS;
    }

    /** The units of the day with the name; when none, those of any time (an old commune merged since). */
    private Page<AdminUnitView> searchAnyTime(LocalDate day, String q) {
        var found = units.search(new AdminUnits.Query(null, null, day, q), 0, 50);
        return found.getTotalElements() > 0 ? found : units.search(new AdminUnits.Query(null, null, null, q), 0, 50);
    }

    /**
     * The unit picker's suggestions (htmx): the units named like the text in the form field
     * {@code field}, that existed in the form's year, inside the user's scope, as datalist options
     * whose value is the label the form sends back.
     */
    @GetMapping("/suggest")
    String suggest(@RequestParam(defaultValue = "unitCode") String field, @RequestParam Map<String, String> params,
                   Model model) {
        String text = params.getOrDefault(field, params.getOrDefault("q", ""));
        model.addAttribute("choices", units.suggest(text, yearOf(params), 12));
        return "units/fragments :: options";
    }

    /** The year a form works on: its year field, else its start year, else this year. */
    private static Integer yearOf(Map<String, String> params) {
        for (String name : List.of("year", "startYear", "regYear", "toYear")) {
            String value = params.get(name);
            if (value != null && value.strip().matches("\\d{4}")) {
                return Integer.valueOf(value.strip());
            }
        }
        return null;
    }

    @GetMapping("/{id}")
    String unit(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                Model model) {
        AdminUnitView unit = units.findById(id).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", id));
        LocalDate day = dayFor(unit, on);
        model.addAttribute("unit", unit);
        model.addAttribute("on", day);
        model.addAttribute("lineage", units.lineage(id));
        model.addAttribute("children", units.children(id, day));
        model.addAttribute("versions", units.history(unit.code()));
        model.addAttribute("successors", successors(unit, day));
        return UNIT;
    }

    @GetMapping("/{id}/children")
    String children(@PathVariable Long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    Model model) {
        AdminUnitView unit = units.findById(id).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", id));
        LocalDate day = dayFor(unit, on);
        model.addAttribute("on", day);
        model.addAttribute("children", units.children(id, day));
        return CHILDREN;
    }

    @GetMapping("/import")
    String importForm() {
        return IMPORT;
    }

    @PostMapping("/import")
    String importList(@RequestParam("file") MultipartFile file,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                      Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("error", new DomainException(DomainException.Kind.INVALID, "import.file.empty"));
            return IMPORT;
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("report", importer.importList(in, file.getOriginalFilename(), effectiveFrom));
        } catch (DomainException e) {
            model.addAttribute("error", e);
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return IMPORT;
    }

    @GetMapping("/boundaries")
    String boundaryForm() {
        return "units/boundaries";
    }

    @PostMapping("/boundaries")
    String importBoundaries(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String codeProperty,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                            Model model) throws IOException {
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("imported", boundaries.importGeoJson(in, codeProperty, on));
        } catch (DomainException e) {
            model.addAttribute("error", e);
        }
        return "units/boundaries";
    }

    /** A unit no longer in force is shown as it was on its last day. */
    private LocalDate dayFor(AdminUnitView unit, LocalDate requested) {
        if (requested != null) {
            return requested;
        }
        LocalDate today = LocalDate.now(clock);
        if (unit.isValidOn(today)) {
            return today;
        }
        return unit.validTo() != null && unit.validTo().isBefore(today) ? unit.validTo() : unit.validFrom();
    }

    private List<AdminUnitView> successors(AdminUnitView unit, LocalDate day) {
        return unit.successorCodes().stream()
                .map(code -> units.findByCode(code, unit.validTo() == null ? day : unit.validTo().plusDays(1)))
                .flatMap(Optional::stream)
                .toList();
    }
}
