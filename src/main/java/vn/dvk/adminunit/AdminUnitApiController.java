package vn.dvk.adminunit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.PageResponse;
import vn.dvk.shared.web.ApiController;
import vn.dvk.shared.web.ProblemMessages;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@ApiController
@RequestMapping("/api/v1/admin-units")
@Tag(name = "Administrative units")
class AdminUnitApiController {

    private final AdminUnits units;
    private final AdminUnitImporter importer;
    private final ProblemMessages problems;

    private final UnitBoundaries boundaries;

    private final Clock clock;

    AdminUnitApiController(AdminUnits units, AdminUnitImporter importer, ProblemMessages problems, UnitBoundaries boundaries, Clock clock) {
        this.clock = clock;
        this.boundaries = boundaries;
        this.units = units;
        this.importer = importer;
        this.problems = problems;
    }

    record ImportReportJson(String kind, String format, long rows, Map<AdminUnitLevel, ImportReport.LevelCounts> levels,
                            ImportReport.LinkCounts successorLinks, List<Map<String, Object>> warnings) {
    }

    record AdminUnitJson(Long id, String code, String name, String fullName, AdminUnitLevel level, String levelLabel,
                         AdminUnitType type, String label, String parentCode, LocalDate validFrom, LocalDate validTo,
                         List<String> successorCodes) {
    }

    @GetMapping
    @Operation(summary = "Units valid on a date, filtered by level, parent and name (without regard to diacritics)")
    PageResponse<AdminUnitJson> list(@RequestParam(required = false) AdminUnitLevel level,
                                     @RequestParam(required = false) String parent,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(required = false) Integer size) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        var found = units.search(new AdminUnits.Query(level, parent, day, q), page, PageResponse.size(size));
        return PageResponse.of(found, this::json);
    }

    /** A unit offered to a person typing its name: the label to show and send back, and the unit. */
    record ChoiceJson(String label, Long id, String code, String fullName, AdminUnitLevel level, LocalDate validFrom,
                      LocalDate validTo) {
    }

    @GetMapping("/suggest")
    @Operation(summary = "Units whose name (diacritics aside) contains q, that existed in the year, inside the caller's scope "
            + "(with the units it continues): the labels a unit picker offers; any label, name or code is accepted where a unit is asked for")
    List<ChoiceJson> suggest(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Integer year) {
        return units.suggest(q, year, 20).stream().map(c -> new ChoiceJson(c.label(), c.unit().id(), c.unit().code(),
                c.unit().fullName(), c.unit().level(), c.unit().validFrom(), c.unit().validTo())).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "The version of a unit in force on a date (default today), or else its latest version")
    AdminUnitJson get(@PathVariable String code,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return json(units.getByCode(code, on == null ? LocalDate.now(clock) : on));
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Every version of a unit, oldest first")
    List<AdminUnitJson> versions(@PathVariable String code) {
        List<AdminUnitView> history = units.history(code);
        if (history.isEmpty()) {
            throw DomainException.notFound("adminUnit.notFound", code);
        }
        return history.stream().map(this::json).toList();
    }

    @PostMapping(path = "/boundaries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import unit boundaries for the map from a GeoJSON FeatureCollection (codeProperty names the "
            + "feature property holding the unit code; on: the day whose units the codes mean, today by default)")
    UnitBoundaries.Imported importBoundaries(@RequestPart("file") MultipartFile file,
                                             @RequestParam(required = false) String codeProperty,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                             LocalDate on) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return boundaries.importGeoJson(in, codeProperty, on);
        }
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the official list (GSO export or 2025 conversion table) as CSV or XLSX; idempotent")
    ImportReportJson importList(@RequestPart("file") MultipartFile file,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom)
            throws IOException {
        if (file.isEmpty()) {
            throw DomainException.invalid("import.file.empty");
        }
        try (InputStream in = file.getInputStream()) {
            ImportReport report = importer.importList(in, file.getOriginalFilename(), effectiveFrom);
            return new ImportReportJson(report.kind(), report.format(), report.rows(), report.levels(),
                    report.successorLinks(), problems.items(report.warnings()));
        }
    }

    private AdminUnitJson json(AdminUnitView v) {
        return new AdminUnitJson(v.id(), v.code(), v.name(), v.fullName(), v.level(),
                problems.text("adminUnit.level." + v.level()),
                v.type(), problems.text("adminUnit.type." + v.type()),
                v.parentCode(), v.validFrom(), v.validTo(), v.successorCodes());
    }
}
