package vn.dvk.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.dvk.initiative.InitiativeFilter;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.Kind;
import vn.dvk.shared.validation.PlausibleYear;
import vn.dvk.shared.web.ApiController;
import vn.dvk.shared.web.ProblemMessages;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;

@ApiController
@RequestMapping("/api/v1")
@Tag(name = "Import and export", description = "Nhập, xuất danh sách mô hình, điển hình bằng Excel / CSV")
class ExchangeApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Exchange exchange;
    private final ProblemMessages messages;

    ExchangeApiController(Exchange exchange, ProblemMessages messages) {
        this.exchange = exchange;
        this.messages = messages;
    }

    @GetMapping("/imports/initiatives/template.xlsx")
    @Operation(summary = "The xlsx template: Vietnamese headers, drop-down lists, an instructions sheet")
    ResponseEntity<byte[]> template() {
        return file(exchange.templateBytes(), "mau-nhap-mo-hinh.xlsx", XLSX);
    }

    @PostMapping(path = "/imports/{what:initiatives|outcomes|scores}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Send a file (xlsx, xls, CSV) of initiatives, outcome indicators or evaluation scores for import: "
            + "answers the preview (nothing written) and the id to confirm")
    ResponseEntity<Map<String, Object>> preview(@PathVariable String what, @RequestPart("file") MultipartFile file,
                                                @RequestParam(required = false) @PlausibleYear Integer year,
                                                @RequestParam(defaultValue = "false") boolean async,
                                                @RequestParam(required = false) String mapping) throws IOException {
        if (file.isEmpty()) {
            throw Exchange.empty();
        }
        Exchange.What kind = Exchange.What.valueOf(what.toUpperCase(Locale.ROOT));
        ColumnMapping.Choice choice = ColumnMapping.fromRequest(mapping);
        if (async) {
            return accepted(exchange.startPreview(kind, file.getBytes(), file.getOriginalFilename(), year, choice));
        }
        return ResponseEntity.ok(json(exchange.preview(kind, file.getBytes(), file.getOriginalFilename(), year, choice)));
    }

    @PostMapping(path = "/imports/{what:initiatives|outcomes|scores}/{id}/mapping", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The column-mapping step: preview a sent file again with its columns (by letter or number from 1) and "
            + "unknown values mapped, e.g. {\"headerRow\": 6, \"columns\": {\"B\": \"NAME\", \"E\": \"SECTOR=Kinh tế\", \"F\": \"\"}, "
            + "\"values\": {\"SECTOR\": {\"Môi trường\": \"Kinh tế\"}}}; confirming then imports the file read this way, and the "
            + "columns are remembered for the next file with the same header from the caller's unit")
    ResponseEntity<Map<String, Object>> remap(@PathVariable String id, @RequestBody(required = false) String body,
                                              @RequestParam(defaultValue = "false") boolean async) {
        ColumnMapping.Choice choice = ColumnMapping.fromRequest(body);
        if (async) {
            return accepted(exchange.startRemap(id, choice));
        }
        return ResponseEntity.ok(json(exchange.remap(id, choice)));
    }

    private static ResponseEntity<Map<String, Object>> accepted(String jobId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/jobs/" + jobId)
                .body(Map.of("jobId", jobId, "status", "/api/v1/jobs/" + jobId));
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "An import or export job: state, progress, and its report (imports) or file link (exports) when done; "
            + "a job whose server stopped is FAILED, with the reason")
    Map<String, Object> job(@PathVariable String id) {
        return json(exchange.job(id));
    }

    private Map<String, Object> json(ImportJobs.Job job) {
        String id = job.id();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("kind", job.kind());
        json.put("state", job.state());
        json.put("done", job.done());
        json.put("total", job.total());
        json.put("percent", job.percent());
        if (job.error() != null) {
            json.put("error", messages.text(job.errorKey(), job.errorArgs()));
        }
        ImportPipeline.Report report = job.state() == ImportJobs.State.DONE ? exchange.report(job) : null;
        if (report != null) {
            json.put("report", json(new Exchange.Preview(job.uploadId(), report)));
        } else if (job.state() == ImportJobs.State.DONE) {
            json.put("file", "/api/v1/jobs/" + id + "/file");
        }
        return json;
    }

    @PostMapping("/jobs/{id}/cancel")
    @Operation(summary = "Cancel a job: 202 when its server is asked to stop it (its transaction rolls back; follow the job), "
            + "200 when it is cancelled at once (still waiting, or its server stopped), 409 when it has already ended")
    ResponseEntity<Map<String, Object>> cancel(@PathVariable String id) {
        ImportJobs.Cancellation cancellation = exchange.cancel(id);
        return ResponseEntity.status(cancellation.stopped() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/jobs/" + id).body(json(cancellation.job()));
    }

    @GetMapping("/jobs/{id}/file")
    @Operation(summary = "The file an export job wrote")
    ResponseEntity<byte[]> jobFile(@PathVariable String id) {
        ImportJobs.Job job = exchange.job(id);
        return file(exchange.jobFile(id), job.fileName(), job.kind() == ImportJobs.Kind.EXPORT_CSV ? "text/csv;charset=UTF-8" : XLSX);
    }

    @PostMapping("/exports/initiatives")
    @Operation(summary = "Export the whole list in the caller's scope as a job (format xlsx or csv): 202 with the job")
    ResponseEntity<Map<String, Object>> startExport(@RequestParam(defaultValue = "xlsx") String format,
                                                    @ParameterObject InitiativeFilter filter) {
        return accepted(exchange.startExport(filter.query(), "csv".equalsIgnoreCase(format)));
    }

    @PostMapping("/imports/{what:initiatives|outcomes|scores}/{id}/confirm")
    @Operation(summary = "Import a previewed file: all or nothing (422 with every problem by row and column), or only its good rows")
    ResponseEntity<Map<String, Object>> confirm(@PathVariable String id, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
                                                @RequestParam(defaultValue = "false") boolean async) {
        if (async) {
            return accepted(exchange.startConfirm(id, goodRowsOnly));
        }
        Exchange.Preview preview = exchange.confirm(id, goodRowsOnly);
        boolean refused = !preview.report().written() && !preview.report().nothingToChange() && preview.report().problemRows() > 0;
        return ResponseEntity.status(refused ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).body(json(preview));
    }

    @GetMapping("/imports/{what:initiatives|outcomes|scores}/{id}/rejected.xlsx")
    @Operation(summary = "The rows left out by an import of good rows only, with their reasons")
    ResponseEntity<byte[]> rejected(@PathVariable String id) {
        return file(exchange.rejected(id), "dong-bi-tu-choi.xlsx", XLSX);
    }

    @GetMapping({"/initiatives/export.xlsx", "/initiatives/export.csv"})
    @Operation(summary = "Every initiative of the list in the caller's scope, in the template's columns (streamed)")
    ResponseEntity<StreamingResponseBody> export(HttpServletRequest request,
                                                 @ParameterObject InitiativeFilter filter) {
        boolean csv = request.getRequestURI().endsWith(".csv");
        return export(filter.query(), csv);
    }

    /** Streamed while the list is read, page by page (the security context follows the async write). */
    static ResponseEntity<StreamingResponseBody> export(Exchange exchange, InitiativeQuery query, boolean csv) {
        // asked before the answer starts: once the file is streaming, a unit outside the scope could only end it empty
        exchange.checkQuery(query);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"danh-sach-mo-hinh." + (csv ? "csv" : "xlsx") + "\"")
                .contentType(MediaType.parseMediaType(csv ? "text/csv;charset=UTF-8" : XLSX))
                .body(out -> exchange.export(query, csv, out));
    }

    private ResponseEntity<StreamingResponseBody> export(InitiativeQuery query, boolean csv) {
        return export(exchange, query, csv);
    }

    static ResponseEntity<byte[]> file(byte[] bytes, String fileName, String type) {
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .contentType(MediaType.parseMediaType(type)).body(bytes);
    }

    private Map<String, Object> json(Exchange.Preview preview) {
        ImportPipeline.Report report = preview.report();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", preview.uploadId());
        json.put("fileName", report.fileName());
        json.put("encoding", report.encoding());
        json.put("rows", report.rows());
        json.put("created", report.count(ImportPipeline.Action.CREATE));
        json.put("updated", report.count(ImportPipeline.Action.UPDATE));
        json.put("unchanged", report.count(ImportPipeline.Action.UNCHANGED));
        json.put("rejected", report.count(ImportPipeline.Action.REJECTED));
        json.put("written", report.written());
        json.put("goodRowsOnly", report.goodRowsOnly());
        json.put("lines", report.lines());
        json.put("conversions", report.conversions());
        json.put("conversionCount", report.conversionCount());
        json.put("errors", messages.items(report.problems()));
        json.put("skipped", report.skipped().stream().map(s -> {
            Map<String, Object> item = new LinkedHashMap<>(messages.item(s));
            item.put("reason", s.messageKey().substring(s.messageKey().lastIndexOf('.') + 1));
            return item;
        }).toList());
        json.put("skippedCount", report.skippedCount());
        json.put("warnings", messages.items(report.warnings()));
        json.put("inferred", messages.items(report.inferred()));
        json.put("nothingToChange", report.nothingToChange());
        if (report.mapping() != null) {
            json.put("mapping", mappingJson(report.mapping()));
        }
        if ((report.written() || report.nothingToChange()) && !report.rejected().isEmpty()) {
            json.put("rejectedWorkbook", "/api/v1/imports/initiatives/" + preview.uploadId() + "/rejected.xlsx");
        }
        return json;
    }

    /** The columns as read (with the letter to name each in a mapping), the fields to choose from and the values not understood. */
    private static Map<String, Object> mappingJson(ColumnMapping.Shown shown) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("headerRow", shown.headerRow());
        json.put("needsMapping", shown.needsMapping());
        json.put("remembered", shown.remembered());
        json.put("columns", shown.columns().stream().map(c -> {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("column", c.letter());
            column.put("header", c.header());
            column.put("field", c.key() == null || c.key().isEmpty() ? null : c.key());
            column.put("how", c.how());
            column.put("samples", c.samples());
            return column;
        }).toList());
        json.put("fields", shown.fields().stream().map(f -> Map.of("key", f.key(), "label", f.label())).toList());
        json.put("accepted", shown.accepted());
        json.put("unknownValues", shown.unknownValues().stream().map(u -> Map.of("field", u.key(), "column", u.column(),
                "value", u.typed(), "rows", u.rows())).toList());
        return json;
    }

    static List<String> columns() {
        return InitiativeColumns.headers();
    }
}
