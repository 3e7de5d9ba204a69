package vn.dvk.exchange;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.storage.UploadNames;
import vn.dvk.shared.web.ProblemMessages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.shared.tabular.FormulaGuard;

/** Import and export of initiatives: what the pages and the API call (the export itself is {@link InitiativeExport}). */
@Service
public class Exchange {

    /** The file name kept with an upload and a job (their columns hold 255). */
    static final int MAX_FILE_NAME = 200;

    /** What a file sent for import holds. */
    public enum What { INITIATIVES, OUTCOMES, SCORES }

    private final InitiativeImport importer;
    private final OutcomeImport outcomes;
    private final ScoreImport scores;
    private final ImportUploads uploads;
    private final Sectors sectors;
    private final ProblemMessages messages;
    private final ImportJobs jobs;
    private final ImportPipeline pipeline;
    private final ImportMappings mappings;
    private final InitiativeExport export;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Exchange(InitiativeImport importer, ImportUploads uploads, Sectors sectors, ProblemMessages messages, ImportJobs jobs,
             OutcomeImport outcomes, ScoreImport scores, ImportPipeline pipeline, ImportMappings mappings, InitiativeExport export) {
        this.export = export;
        this.pipeline = pipeline;
        this.mappings = mappings;
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.scores = scores;
        this.importer = importer;
        this.uploads = uploads;
        this.sectors = sectors;
        this.messages = messages;
    }

    /** The preview of a file just sent: kept for confirmation under the returned id. */
    record Preview(String uploadId, ImportPipeline.Report report) {
    }

    Preview preview(byte[] content, String fileName, Integer year) {
        return preview(What.INITIATIVES, content, fileName, year);
    }

    Preview preview(What what, byte[] content, String originalName, Integer year) {
        return preview(what, content, originalName, year, null);
    }

    /** The preview of a file just sent, its columns read as the mapping says where it says (null: as found). */
    Preview preview(What what, byte[] content, String originalName, Integer year, ColumnMapping.Choice mapping) {
        String fileName = UploadNames.clean(originalName, MAX_FILE_NAME, "tep-nhap");
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR, Role.COMMITTEE_MEMBER);
        ImportPipeline.Report report = previewRemembering(user, what, content, fileName, year, null, mapping);
        return new Preview(uploads.keep(user.id(), fileName, year, content, what, mapping), report);
    }

    /** The column-mapping step answered at once (the API without async): the kept file previewed again as chosen. */
    Preview remap(String uploadId, ColumnMapping.Choice mapping) {
        Remapped r = remapped(uploadId, mapping);
        return new Preview(uploadId, previewRemembering(r.user(), r.upload().what(), r.upload().content(), r.upload().fileName(),
                r.upload().year(), null, r.choice()));
    }

    /** A kept upload of the user with the mapping chosen for it: checked (unknown fields refused now), then kept with the file. */
    private record Remapped(CurrentUser user, ImportUploads.Upload upload, ColumnMapping.Choice choice) {
    }

    private Remapped remapped(String uploadId, ColumnMapping.Choice mapping) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR, Role.COMMITTEE_MEMBER);
        ImportUploads.Upload upload = uploads.get(uploadId, user.id());
        ColumnMapping.Choice choice = mapping == null || mapping.isEmpty() ? null : mapping;
        pipeline.check(handler(upload.what()), choice);
        uploads.map(uploadId, user.id(), choice);
        return new Remapped(user, upload, choice);
    }

    private ImportPipeline.Report run(What what, byte[] content, String fileName, Integer year, boolean write, boolean goodRowsOnly,
                                      ImportJobs.Progress progress) {
        return run(what, content, fileName, year, write, goodRowsOnly, progress, null);
    }

    private ImportPipeline.Report run(What what, byte[] content, String fileName, Integer year, boolean write, boolean goodRowsOnly,
                                      ImportJobs.Progress progress, ColumnMapping.Choice mapping) {
        return pipeline.run(handler(what), content, fileName, year, write, goodRowsOnly, progress, mapping);
    }

    /** Imports a kept file: all or nothing, or only its good rows (the others kept as a workbook to download). */
    Preview confirm(String uploadId, boolean goodRowsOnly) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR, Role.COMMITTEE_MEMBER);
        ImportUploads.Upload upload = uploads.get(uploadId, user.id());
        ImportPipeline.Report report = run(upload.what(), upload.content(), upload.fileName(), upload.year(), true, goodRowsOnly, null,
                upload.mapping());
        if (goodRowsOnly && !report.rejected().isEmpty()) {
            uploads.keepRejected(uploadId, rejectedWorkbook(report));
        }
        return new Preview(uploadId, report);
    }

    // ---- the same as jobs (pages, and the API with async=true)

    /** Checks the file at once (hostile files are refused before anything is kept), then previews it as a job. */
    String startPreview(byte[] content, String fileName, Integer year) {
        return startPreview(What.INITIATIVES, content, fileName, year);
    }

    String startPreview(What what, byte[] content, String originalName, Integer year) {
        return startPreview(what, content, originalName, year, null);
    }

    /** As above, reading the columns as the mapping says (sent with the file through the API). */
    String startPreview(What what, byte[] content, String originalName, Integer year, ColumnMapping.Choice mapping) {
        String fileName = UploadNames.clean(originalName, MAX_FILE_NAME, "tep-nhap");
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR, Role.COMMITTEE_MEMBER);
        SpreadsheetFiles.inspect(content);
        String uploadId = uploads.keep(user.id(), fileName, year, content, what, mapping);
        return jobs.start(user.id(), ImportJobs.Kind.PREVIEW, uploadId, fileName,
                progress -> outcome(previewRemembering(user, what, content, fileName, year, progress, mapping)));
    }

    /**
     * The column-mapping step: previews a kept file again with the columns and values the officer chose, keeps the
     * choice with the file (confirming reads it the same way) and remembers the columns for the next file with the
     * same header from the officer's unit.
     */
    String startRemap(String uploadId, ColumnMapping.Choice mapping) {
        // a mapping naming unknown fields is refused now, not in the job
        Remapped r = remapped(uploadId, mapping);
        return jobs.start(r.user().id(), ImportJobs.Kind.PREVIEW, uploadId, r.upload().fileName(),
                progress -> outcome(previewRemembering(r.user(), r.upload().what(), r.upload().content(), r.upload().fileName(),
                        r.upload().year(), progress, r.choice())));
    }

    private ImportPipeline.Report previewRemembering(CurrentUser user, What what, byte[] content, String fileName, Integer year,
                                                     ImportJobs.Progress progress, ColumnMapping.Choice mapping) {
        ImportPipeline.Report report = run(what, content, fileName, year, false, false, progress, mapping);
        if (mapping != null && report.mapping() != null) {
            try {
                mappings.remember(user, handler(what).auditType(), report.mapping().signature(), mapping);
            } catch (DataAccessException e) {
                // a colleague remembered the same header at the same moment: theirs stands
            }
        }
        return report;
    }

    private ImportPipeline.RowHandler handler(What what) {
        return switch (what) {
            case INITIATIVES -> importer;
            case OUTCOMES -> outcomes;
            case SCORES -> scores;
        };
    }

    String startConfirm(String uploadId, boolean goodRowsOnly) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR, Role.COMMITTEE_MEMBER);
        ImportUploads.Upload upload = uploads.get(uploadId, user.id());
        return jobs.start(user.id(), ImportJobs.Kind.IMPORT, uploadId, upload.fileName(), progress -> {
            ImportPipeline.Report report = run(upload.what(), upload.content(), upload.fileName(), upload.year(), true,
                    goodRowsOnly, progress, upload.mapping());
            if (goodRowsOnly && !report.rejected().isEmpty()) {
                uploads.keepRejected(uploadId, rejectedWorkbook(report));
            }
            return outcome(report);
        });
    }

    /** The query's unit and values as the list would read them: 404 for a unit outside the caller's scope, 400 for bad values. */
    void checkQuery(InitiativeQuery query) {
        export.check(query);
    }

    String startExport(InitiativeQuery query, boolean csv) {
        return export.start(query, csv);
    }

    private static ImportJobs.Outcome outcome(ImportPipeline.Report report) {
        ImportPipeline.Report kept = new ImportPipeline.Report(report.fileName(), report.encoding(), report.rows(), report.counts(),
                report.lines(), report.problems(), report.problemRows(), report.conversions(), report.conversionCount(),
                report.written(), report.goodRowsOnly(), List.of(), Map.of(), report.header(), report.skipped(), report.skippedCount(),
                report.warnings(), report.inferred(), report.nothingToChange(), report.mapping());
        return new ImportJobs.Outcome(JSON.writeValueAsString(kept), null,
                "%d dòng: thêm %d, sửa %d, giữ nguyên %d, lỗi %d%s".formatted(report.rows(),
                        report.count(ImportPipeline.Action.CREATE), report.count(ImportPipeline.Action.UPDATE),
                        report.count(ImportPipeline.Action.UNCHANGED), report.count(ImportPipeline.Action.REJECTED),
                        report.written() ? ", đã ghi" : ", chưa ghi"));
    }

    ImportJobs.Job job(String id) {
        return jobs.get(id, CurrentUser.get().orElseThrow(Permissions::forbidden).id());
    }

    /** The report a finished import job left. */
    ImportPipeline.Report report(ImportJobs.Job job) {
        return job.result() == null || job.kind() == ImportJobs.Kind.EXPORT_CSV || job.kind() == ImportJobs.Kind.EXPORT_XLSX ? null
                : JSON.readValue(job.result(), ImportPipeline.Report.class);
    }

    ImportJobs.Cancellation cancel(String id) {
        return jobs.cancel(id, CurrentUser.get().orElseThrow(Permissions::forbidden).id());
    }

    byte[] jobFile(String id) {
        return jobs.file(id, CurrentUser.get().orElseThrow(Permissions::forbidden).id());
    }

    byte[] rejected(String uploadId) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR, Role.COMMITTEE_MEMBER);
        return uploads.rejected(uploadId, user.id());
    }

    /** The rejected rows as they were sent, with the row number in front and the reasons after. */
    private byte[] rejectedWorkbook(ImportPipeline.Report report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Dòng bị từ chối");
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("Dòng");
            for (int c = 0; c < report.header().size(); c++) {
                head.createCell(c + 1).setCellValue(report.header().get(c));
            }
            head.createCell(report.header().size() + 1).setCellValue("Lý do");
            CellStyle text = FormulaGuard.textStyle(workbook);
            int r = 1;
            for (List<String> cells : report.rejected()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    FormulaGuard.setText(row.createCell(c), cells.get(c) == null ? "" : cells.get(c), text);
                }
                long number = Long.parseLong(cells.get(0));
                List<FieldProblem> problems = report.rejectedProblems().getOrDefault(number, List.of());
                row.createCell(report.header().size() + 1).setCellValue(String.join("; ", problems.stream()
                        .map(p -> p.column() + ": " + messages.text(p.messageKey(), p.args())).toList()));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] templateBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InitiativeWorkbooks.template(out, lists());
        return out.toByteArray();
    }

    private InitiativeWorkbooks.Lists lists() {
        return new InitiativeWorkbooks.Lists(List.of("Mô hình", "Điển hình"), List.of("Tập thể", "Cá nhân"),
                sectors.all().stream().filter(Sectors.SectorView::active).map(Sectors.SectorView::nameVi).toList(),
                List.of("Mới", "Duy trì"));
    }

    /** Every initiative of the list (in the caller's scope), with the year's registration when a year is asked for. */
    void export(InitiativeQuery query, boolean csv, OutputStream out) {
        export(query, csv, out, null);
    }

    /** As above, following its progress; returns how many initiatives it wrote. */
    long export(InitiativeQuery query, boolean csv, OutputStream out, ImportJobs.Progress progress) {
        return export.export(query, csv, out, progress);
    }

    static DomainException empty() {
        return DomainException.invalid("import.file.empty");
    }
}
