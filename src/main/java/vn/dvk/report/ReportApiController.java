package vn.dvk.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.web.ApiController;

import java.time.Clock;
import java.time.LocalDate;

@ApiController
@Tag(name = "Reports")
class ReportApiController {

    static final org.springframework.http.MediaType XLSX =
            org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final org.springframework.http.MediaType DOCX =
            org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Reports reports;
    private final ReportDocuments documents;
    private final OutcomeIndicators outcomes;
    private final OutcomeSheets sheets;
    private final ReportMap map;

    @GetMapping(path = "/api/v1/reports/map", produces = "application/geo+json")
    @Operation(summary = "The summary's child units with their imported boundaries and totals, as GeoJSON")
    String map(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
               @RequestParam(required = false) String structure) {
        return map.featureCollection(reports.summary(unit, year, "today".equalsIgnoreCase(structure)));
    }

    private final Clock clock;

    ReportApiController(Reports reports, ReportDocuments documents, OutcomeIndicators outcomes, OutcomeSheets sheets, ReportMap map,
                        Clock clock) {
        this.sheets = sheets;
        this.clock = clock;
        this.map = map;
        this.reports = reports;
        this.documents = documents;
        this.outcomes = outcomes;
    }

    @GetMapping("/api/v1/reports/outcomes")
    @Operation(summary = "The outcome indicators of a unit (as it was in the year) for a year")
    java.util.List<OutcomeView> outcomes(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        if (year == null) {
            throw new vn.dvk.shared.DomainException(vn.dvk.shared.DomainException.Kind.INVALID,
                    java.util.List.of(vn.dvk.shared.FieldProblem.field("year", "validation.NotNull")), "error.validation");
        }
        return outcomes.of(reports.unitFor(unit, year), year);
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/reports/outcomes")
    @Operation(summary = "Record (or correct) an outcome indicator of a unit for a year")
    OutcomeView recordOutcome(@org.springframework.web.bind.annotation.RequestBody OutcomeIndicators.Input input) {
        return outcomes.record(input);
    }

    @org.springframework.web.bind.annotation.PostMapping(path = "/api/v1/reports/outcomes/import",
            consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import outcome indicators from CSV or XLSX (Mã đơn vị, Năm, Chỉ tiêu, Đơn vị tính, Giá trị, Ghi chú); all or nothing")
    OutcomeSheets.Imported importOutcomes(@RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return sheets.importAll(file.getBytes(), file.getOriginalFilename());
    }

    static ReportDocuments.Heading heading(String issuer, String number, java.time.LocalDate date, String style, Clock clock) {
        return new ReportDocuments.Heading(issuer == null || issuer.isBlank() ? "Ban Dân vận" : issuer.strip(),
                number == null || number.isBlank() ? null : number.strip(), date == null ? LocalDate.now(clock) : date,
                "state".equalsIgnoreCase(style));
    }

    static org.springframework.http.ResponseEntity<byte[]> file(byte[] bytes, String name, org.springframework.http.MediaType type) {
        return org.springframework.http.ResponseEntity.ok().contentType(type)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @GetMapping("/api/v1/reports/summary.{format:xlsx|docx|pdf}")
    @Operation(summary = "The summary as an xlsx table or a Word report (issuer, number, date head the document; "
            + "style=state for the state header, the party one by default)")
    org.springframework.http.ResponseEntity<byte[]> document(@org.springframework.web.bind.annotation.PathVariable String format,
            @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String issuer, @RequestParam(required = false) String number,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso =
                    org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate date,
            @RequestParam(required = false) String style) {
        return document(reports, documents, format, unit, year, heading(issuer, number, date, style, clock));
    }

    static org.springframework.http.ResponseEntity<byte[]> document(Reports reports, ReportDocuments documents, String format,
                                                                    String unit, Integer year, ReportDocuments.Heading heading) {
        Summary s = reports.summary(unit, year);
        // "tong-hop-dan-van-kheo-2021-huyen-dam-rong": the figures' table; the report itself is /reports/annual
        String stem = "tong-hop-dan-van-kheo-" + s.year() + "-" + (s.name() == null ? "toan-quoc"
                : vn.dvk.shared.office.OfficialDocument.slug(s.name()));
        return switch (format) {
            case "xlsx" -> file(documents.xlsx(s, heading), stem + ".xlsx", XLSX);
            case "pdf" -> file(documents.pdf(s, heading), stem + ".pdf", org.springframework.http.MediaType.APPLICATION_PDF);
            default -> file(documents.docx(s, heading), stem + ".docx", DOCX);
        };
    }

    @GetMapping("/api/v1/reports/summary")
    @Operation(summary = "The movement's figures for a unit and everything under it, for a year; the unit as it was in "
            + "the year, or with structure=today in today's structure (old units counted under their successors)")
    Summary summary(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) String structure) {
        return reports.summary(unit, year, "today".equalsIgnoreCase(structure));
    }

    @GetMapping("/api/v1/reports/trend")
    @Operation(summary = "Each year of a period (e.g. 2016–2018) for a unit, and the initiatives of the period, each counted once")
    Trend trend(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer from,
                @RequestParam(required = false) Integer to) {
        return reports.trend(unit, from, to);
    }
}
