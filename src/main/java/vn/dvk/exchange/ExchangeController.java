package vn.dvk.exchange;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.initiative.InitiativeFilter;
import vn.dvk.initiative.Kind;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.validation.PlausibleYear;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import vn.dvk.shared.VietnameseText;

/** The import page: choose a file, see the preview, confirm; the template; exports of the list. */
@Controller
class ExchangeController {

    private static final String PAGE = "exchange/import";

    private final Exchange exchange;

    ExchangeController(Exchange exchange) {
        this.exchange = exchange;
    }

    @GetMapping("/exchange/import")
    String form() {
        return PAGE;
    }

    /** Checks the file, keeps it and previews it as a job; the job's page follows it. */
    @PostMapping("/exchange/import")
    String preview(@RequestParam("file") MultipartFile file, @RequestParam(required = false) @PlausibleYear Integer year,
                   @RequestParam(defaultValue = "INITIATIVES") Exchange.What what, Model model) throws IOException {
        model.addAttribute("year", year);
        model.addAttribute("what", what);
        try {
            if (file.isEmpty()) {
                throw Exchange.empty();
            }
            return "redirect:/exchange/jobs/" + exchange.startPreview(what, file.getBytes(), file.getOriginalFilename(), year);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("error", e);
            return PAGE;
        }
    }

    /**
     * The column-mapping step: each column's field (parameters c0, c1… by column index, "" to leave one out), values
     * mapped for this file (valueField, valueTyped, valueAs side by side) and optionally the header row; previews the
     * kept file again that way.
     */
    @PostMapping("/exchange/import/{id}/mapping")
    String remap(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
        Map<Integer, String> columns = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.matches("c\\d{1,3}") && !values.isEmpty()) {
                columns.put(Integer.valueOf(name.substring(1)), values.get(0) == null ? "" : values.get(0).strip());
            }
        });
        Map<String, Map<String, String>> mapped = new LinkedHashMap<>();
        List<String> fields = form.getOrDefault("valueField", List.of());
        List<String> typed = form.getOrDefault("valueTyped", List.of());
        List<String> as = form.getOrDefault("valueAs", List.of());
        for (int i = 0; i < Math.min(fields.size(), Math.min(typed.size(), as.size())); i++) {
            if (as.get(i) != null && !as.get(i).isBlank()) {
                mapped.computeIfAbsent(fields.get(i), f -> new LinkedHashMap<>())
                        .put(VietnameseText.fold(typed.get(i)), as.get(i));
            }
        }
        String row = form.getFirst("headerRow");
        try {
            Long headerRow = row == null || row.isBlank() ? null : parseRow(row);
            return "redirect:/exchange/jobs/" + exchange.startRemap(id, new ColumnMapping.Choice(headerRow, columns, mapped));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("error", e);
            return PAGE;
        }
    }

    private static Long parseRow(String row) {
        try {
            return Long.valueOf(row.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("import.mapping.headerRow", row);
        }
    }

    @PostMapping("/exchange/import/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam(defaultValue = "false") boolean goodRowsOnly) {
        return "redirect:/exchange/jobs/" + exchange.startConfirm(id, goodRowsOnly);
    }

    /** A job: its progress while it runs (the bar refreshes itself), then its preview, result or file. */
    @GetMapping("/exchange/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        ImportJobs.Job job = exchange.job(id);
        model.addAttribute("job", job);
        if (job.finished()) {
            ImportPipeline.Report report = job.state() == ImportJobs.State.DONE ? exchange.report(job) : null;
            if (report != null) {
                model.addAttribute("report", report);
                model.addAttribute("preview", new Exchange.Preview(job.uploadId(), report));
                if (job.kind() == ImportJobs.Kind.IMPORT) {
                    model.addAttribute("confirmed", true);
                }
            }
        }
        return PAGE;
    }

    @GetMapping("/exchange/jobs/{id}/progress")
    String progress(@PathVariable String id, Model model, HttpServletResponse response) {
        ImportJobs.Job job = exchange.job(id);
        model.addAttribute("job", job);
        if (job.finished()) {
            response.setHeader("HX-Redirect", "/exchange/jobs/" + id);
        }
        return PAGE + " :: progress";
    }

    /** Cancels the job and shows it; a job that has already ended stays as it is, and the page says why (409). */
    @PostMapping("/exchange/jobs/{id}/cancel")
    String cancel(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            exchange.cancel(id);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            response.setStatus(409);
            model.addAttribute("cancelRefused", e);
            return job(id, model);
        }
        return "redirect:/exchange/jobs/" + id;
    }

    @GetMapping("/exchange/jobs/{id}/file")
    ResponseEntity<byte[]> jobFile(@PathVariable String id) {
        ImportJobs.Job job = exchange.job(id);
        boolean csv = job.kind() == ImportJobs.Kind.EXPORT_CSV;
        return ExchangeApiController.file(exchange.jobFile(id), job.fileName(), csv ? "text/csv;charset=UTF-8" : ExchangeApiController.XLSX);
    }

    /** A whole list exported as a job (for large lists); the job's page offers the file. */
    @PostMapping("/exchange/export")
    String startExport(@RequestParam(defaultValue = "xlsx") String format, InitiativeFilter filter) {
        return "redirect:/exchange/jobs/" + exchange.startExport(filter.query(), "csv".equals(format));
    }

    @GetMapping("/exchange/import/{id}/rejected.xlsx")
    ResponseEntity<byte[]> rejected(@PathVariable String id) {
        return ExchangeApiController.file(exchange.rejected(id), "dong-bi-tu-choi.xlsx", ExchangeApiController.XLSX);
    }

    @GetMapping("/exchange/template.xlsx")
    ResponseEntity<byte[]> template() {
        return ExchangeApiController.file(exchange.templateBytes(), "mau-nhap-mo-hinh.xlsx", ExchangeApiController.XLSX);
    }
}
