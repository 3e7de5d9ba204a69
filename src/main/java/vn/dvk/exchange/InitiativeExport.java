package vn.dvk.exchange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeRow;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.initiative.Sectors;
import vn.dvk.initiative.TargetGroup;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.web.ProblemMessages;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.initiative.RegistrationStatus;

/** The list of initiatives as a workbook or CSV in the template's columns, read page by page while it is written. */
@Component
class InitiativeExport {

    static final int EXPORT_PAGE = 500;

    private final InitiativeRegistry registry;
    private final Sectors sectors;
    private final AdminUnits units;
    private final ProblemMessages messages;
    private final ApplicationEventPublisher events;
    private final ImportJobs jobs;

    InitiativeExport(InitiativeRegistry registry, Sectors sectors, AdminUnits units, ProblemMessages messages,
                     ApplicationEventPublisher events, ImportJobs jobs) {
        this.registry = registry;
        this.sectors = sectors;
        this.units = units;
        this.messages = messages;
        this.events = events;
        this.jobs = jobs;
    }

    /** The query's unit and values as the list would read them: 404 for a unit outside the caller's scope, 400 for bad values. */
    void check(InitiativeQuery query) {
        registry.search(query, 0, 1);
    }

    /** Writes the list as a job (the query checked first, so a bad one is refused before the job starts). */
    String start(InitiativeQuery query, boolean csv) {
        CurrentUser user = CurrentUser.get().orElseThrow(Permissions::forbidden);
        check(query);
        String name = "danh-sach-mo-hinh." + (csv ? "csv" : "xlsx");
        return jobs.start(user.id(), csv ? ImportJobs.Kind.EXPORT_CSV : ImportJobs.Kind.EXPORT_XLSX, null, name, progress -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rows = export(query, csv, out, progress);
            return new ImportJobs.Outcome("{\"rows\":" + rows + "}", out.toByteArray(), "xuất " + rows + " dòng");
        });
    }

    /**
     * Writes every initiative of the list (in the caller's scope), with the year's registration when a year is asked
     * for; returns how many it wrote.
     */
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
            String district = lineage.stream().filter(u -> u.level() == AdminUnitLevel.DISTRICT)
                    .map(AdminUnitView::name).findFirst().orElse("");
            String commune = lineage.stream().filter(u -> u.level() == AdminUnitLevel.COMMUNE)
                    .map(AdminUnitView::name).findFirst().orElse("");
            InitiativeView.RegistrationView registration = view.registrations().stream()
                    .filter(r -> query.year() == null || r.year() == query.year())
                    .max(Comparator.comparingInt(InitiativeView.RegistrationView::year)).orElse(null);
            return new InitiativeWorkbooks.Line(view.code(), view.name(), messages.text("kind." + view.kind()),
                    messages.text("holder." + view.holder()), sectorNames.getOrDefault(view.sector(), view.sector()), province,
                    district, commune, view.responsibleOfficer(), view.startYear() == null ? "" : String.valueOf(view.startYear()),
                    registration == null ? "" : String.valueOf(registration.year()),
                    registration == null ? "" : registration.status() == RegistrationStatus.NEW ? "Mới" : "Duy trì",
                    view.targetGroups() != null && view.targetGroups().contains(TargetGroup.ETHNIC_MINORITY),
                    view.targetGroups() != null && view.targetGroups().contains(TargetGroup.RELIGIOUS), view.featured(),
                    view.description(), view.method(), view.results());
        }
    }
}
