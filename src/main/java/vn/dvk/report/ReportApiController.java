package vn.dvk.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.shared.web.ApiController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.office.OfficialDocument;

@ApiController
@Tag(name = "Reports")
class ReportApiController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

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
    List<OutcomeView> outcomes(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        if (year == null) {
            throw new DomainException(DomainException.Kind.INVALID,
                    List.of(FieldProblem.field("year", "validation.NotNull")), "error.validation");
        }
        return outcomes.of(reports.unitFor(unit, year), year);
    }

    @PostMapping("/api/v1/reports/outcomes")
    @Operation(summary = "Record (or correct) an outcome indicator of a unit for a year")
    OutcomeView recordOutcome(@RequestBody OutcomeIndicators.Input input) {
        return outcomes.record(input);
    }

    @PostMapping(path = "/api/v1/reports/outcomes/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import outcome indicators from CSV or XLSX (Mã đơn vị, Năm, Chỉ tiêu, Đơn vị tính, Giá trị, Ghi chú); all or nothing")
    OutcomeSheets.Imported importOutcomes(@RequestParam("file") MultipartFile file)
            throws IOException {
        return sheets.importAll(file.getBytes(), file.getOriginalFilename());
    }

    static ReportDocuments.Heading heading(String issuer, String number, LocalDate date, String style, Clock clock) {
        return new ReportDocuments.Heading(issuer == null || issuer.isBlank() ? "Ban Dân vận" : issuer.strip(),
                number == null || number.isBlank() ? null : number.strip(), date == null ? LocalDate.now(clock) : date,
                "state".equalsIgnoreCase(style));
    }

    static ResponseEntity<byte[]> file(byte[] bytes, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                        .attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @GetMapping("/api/v1/reports/summary.{format:xlsx|docx|pdf}")
    @Operation(summary = "The summary as an xlsx table or a Word report (issuer, number, date head the document; "
            + "style=state for the state header, the party one by default)")
    ResponseEntity<byte[]> document(@PathVariable String format,
            @RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String issuer, @RequestParam(required = false) String number,
            @RequestParam(required = false) @DateTimeFormat(iso =
                    DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String style) {
        return document(reports, documents, format, unit, year, heading(issuer, number, date, style, clock));
    }

    static ResponseEntity<byte[]> document(Reports reports, ReportDocuments documents, String format,
                                                                    String unit, Integer year, ReportDocuments.Heading heading) {
        Summary s = reports.summary(unit, year);
        // "tong-hop-dan-van-kheo-2021-huyen-dam-rong": the figures' table; the report itself is /reports/annual
        String stem = "tong-hop-dan-van-kheo-" + s.year() + "-" + (s.name() == null ? "toan-quoc"
                : OfficialDocument.slug(s.name()));
        return switch (format) {
            case "xlsx" -> file(documents.xlsx(s, heading), stem + ".xlsx", XLSX);
            case "pdf" -> file(documents.pdf(s, heading), stem + ".pdf", MediaType.APPLICATION_PDF);
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
