package vn.dvk.exchange;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeRow;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.initiative.Sectors;
import vn.dvk.initiative.TargetGroup;
import vn.dvk.shared.AuditEvent;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Import and export of initiatives: what the pages and the API call. */
@Service
public class Exchange {

    /** The file name kept with an upload and a job (their columns hold 255). */
    static final int MAX_FILE_NAME = 200;

    static final int EXPORT_PAGE = 500;

    /** What a file sent for import holds. */
    public enum What { INITIATIVES, OUTCOMES, SCORES }

    private final InitiativeImport importer;
    private final OutcomeImport outcomes;
    private final ScoreImport scores;
    private final ImportUploads uploads;
    private final InitiativeRegistry registry;
    private final Sectors sectors;
    private final AdminUnits units;
    private final ProblemMessages messages;
    private final ApplicationEventPublisher events;
    private final ImportJobs jobs;
    private final ImportPipeline pipeline;
    private final ImportMappings mappings;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    Exchange(InitiativeImport importer, ImportUploads uploads, InitiativeRegistry registry, Sectors sectors, AdminUnits units,
             ProblemMessages messages, ApplicationEventPublisher events, ImportJobs jobs, OutcomeImport outcomes,
             ScoreImport scores, ImportPipeline pipeline, ImportMappings mappings) {
        this.pipeline = pipeline;
        this.mappings = mappings;
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.scores = scores;
        this.importer = importer;
        this.uploads = uploads;
        this.registry = registry;
        this.sectors = sectors;
        this.units = units;
        this.messages = messages;
        this.events = events;
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
            } catch (org.springframework.dao.DataAccessException e) {
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
        registry.search(query, 0, 1);
    }

    String startExport(InitiativeQuery query, boolean csv) {
        CurrentUser user = CurrentUser.get().orElseThrow(Permissions::forbidden);
        checkQuery(query);
        String name = "danh-sach-mo-hinh." + (csv ? "csv" : "xlsx");
        return jobs.start(user.id(), csv ? ImportJobs.Kind.EXPORT_CSV : ImportJobs.Kind.EXPORT_XLSX, null, name, progress -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rows = export(query, csv, out, progress);
            return new ImportJobs.Outcome("{\"rows\":" + rows + "}", out.toByteArray(), "xuất " + rows + " dòng");
        });
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
            org.apache.poi.ss.usermodel.CellStyle text = vn.dvk.shared.tabular.FormulaGuard.textStyle(workbook);
            int r = 1;
            for (List<String> cells : report.rejected()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    vn.dvk.shared.tabular.FormulaGuard.setText(row.createCell(c), cells.get(c) == null ? "" : cells.get(c), text);
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

    /** Writes the list; returns how many initiatives it wrote. */
    long export(InitiativeQuery query, boolean csv, OutputStream out, ImportJobs.Progress progress) {
        Lines iterator = new Lines(query, progress);
        Iterable<InitiativeWorkbooks.Line> lines = () -> iterator;
        if (csv) {
            InitiativeWorkbooks.csv(out, lines);
        } else {
            InitiativeWorkbooks.xlsx(out, lines);
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.EXPORT, "INITIATIVE_EXPORT", csv ? "csv" : "xlsx",
                CurrentUser.get().map(u -> u.scope().national() ? null : u.scope().unitId()).orElse(null),
                "Xuất danh sách mô hình (" + (csv ? "CSV" : "xlsx") + "): " + iterator.written + " dòng"));
        return iterator.written;
    }

    /** Reads the list page by page while the workbook is written. */
    private final class Lines implements Iterator<InitiativeWorkbooks.Line> {
        private final InitiativeQuery query;
        private final Map<Long, List<AdminUnitView>> lineages = new HashMap<>();
        private final Map<String, String> sectorNames = new HashMap<>();
        private List<InitiativeView> page = List.of();
        private int next;
        private int pageNumber;
        private boolean last;
        private final ImportJobs.Progress progress;
        private long written;

        Lines(InitiativeQuery query, ImportJobs.Progress progress) {
            this.query = query;
            this.progress = progress;
            sectors.all().forEach(s -> sectorNames.put(s.code(), s.nameVi()));
        }

        @Override
        public boolean hasNext() {
            while (next >= page.size()) {
                if (last) {
                    return false;
                }
                Page<InitiativeRow> rows = registry.search(query, pageNumber++, EXPORT_PAGE);
                // the page's initiatives and where they lie, each read once for the page (not per row)
                page = registry.getAll(rows.getContent().stream().map(InitiativeRow::id).toList());
                lineages.clear();
                lineages.putAll(units.lineages(page.stream().map(InitiativeView::unitId).distinct().toList()));
                if (progress != null && pageNumber == 1) {
                    progress.total(rows.getTotalElements());
                }
                next = 0;
                last = !rows.hasNext();
            }
            return true;
        }

        @Override
        public InitiativeWorkbooks.Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            InitiativeView view = page.get(next++);
            written++;
            if (progress != null) {
                progress.done(written);
            }
            List<AdminUnitView> lineage = lineages.getOrDefault(view.unitId(), List.of());
            String province = lineage.isEmpty() ? "" : lineage.get(0).name();
            String district = lineage.stream().filter(u -> u.level() == vn.dvk.adminunit.AdminUnitLevel.DISTRICT)
                    .map(AdminUnitView::name).findFirst().orElse("");
            String commune = lineage.stream().filter(u -> u.level() == vn.dvk.adminunit.AdminUnitLevel.COMMUNE)
                    .map(AdminUnitView::name).findFirst().orElse("");
            InitiativeView.RegistrationView registration = view.registrations().stream()
                    .filter(r -> query.year() == null || r.year() == query.year())
                    .max(java.util.Comparator.comparingInt(InitiativeView.RegistrationView::year)).orElse(null);
            return new InitiativeWorkbooks.Line(view.code(), view.name(), messages.text("kind." + view.kind()),
                    messages.text("holder." + view.holder()), sectorNames.getOrDefault(view.sector(), view.sector()), province,
                    district, commune, view.responsibleOfficer(), view.startYear() == null ? "" : String.valueOf(view.startYear()),
                    registration == null ? "" : String.valueOf(registration.year()),
                    registration == null ? "" : registration.status() == vn.dvk.initiative.RegistrationStatus.NEW ? "Mới" : "Duy trì",
                    view.targetGroups() != null && view.targetGroups().contains(TargetGroup.ETHNIC_MINORITY),
                    view.targetGroups() != null && view.targetGroups().contains(TargetGroup.RELIGIOUS), view.featured(),
                    view.description(), view.method(), view.results());
        }
    }

    static DomainException empty() {
        return DomainException.invalid("import.file.empty");
    }
}
