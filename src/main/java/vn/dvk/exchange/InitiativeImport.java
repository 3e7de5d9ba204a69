package vn.dvk.exchange;

import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.Holder;
import vn.dvk.initiative.InitiativeDraft;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.initiative.Kind;
import vn.dvk.initiative.RegistrationStatus;
import vn.dvk.initiative.Sectors;
import vn.dvk.initiative.TargetGroup;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.tabular.Row;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports initiatives, each with its registration for a year, from a workbook in the template's
 * columns. The same run gives the preview and the import: every row is checked and written inside one
 * transaction, which a dry run (and an all-or-nothing import with any problem) rolls back; so the
 * preview says exactly what confirming will do. Rows are matched to the registry by code, or by unit
 * and name when they have none, so importing a file twice changes nothing the second time.
 */
@Component
class InitiativeImport {

    enum Action { CREATE, UPDATE, UNCHANGED, REJECTED }

    /** A row's outcome as the preview lists it. */
    record Line(long row, Action action, String code, String name, String unit, List<String> changed) {
    }

    /** Text changed when read: legacy font converted, decomposed letters composed. */
    record Conversion(long row, String column, String from, String to) {
    }

    record Report(String fileName, String encoding, long rows, Map<Action, Long> counts, List<Line> lines,
                  List<FieldProblem> problems, long problemRows, List<Conversion> conversions, long conversionCount,
                  boolean written, boolean goodRowsOnly, List<List<String>> rejected,
                  Map<Long, List<FieldProblem>> rejectedProblems, List<String> header) {

        public long count(Action action) {
            return counts.getOrDefault(action, 0L);
        }
    }

    static final int SHOWN_LINES = 500;
    static final int SHOWN_PROBLEMS = 1_000;
    static final int SHOWN_CONVERSIONS = 200;
    private static final int FLUSH_EVERY = 500;
    private static final int HEADER_WITHIN = 30;

    private final InitiativeRegistry registry;
    private final Sectors sectors;
    private final AdminUnits units;
    private final TransactionTemplate transactions;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InitiativeImport(InitiativeRegistry registry, Sectors sectors, AdminUnits units, PlatformTransactionManager transactions,
                     EntityManager entityManager, ApplicationEventPublisher events, Clock clock) {
        this.registry = registry;
        this.sectors = sectors;
        this.units = units;
        this.transactions = new TransactionTemplate(transactions);
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    /** Runs the import: {@code write} false is the preview; {@code goodRowsOnly} writes the rows without problems. */
    Report run(byte[] content, String fileName, Integer defaultYear, boolean write, boolean goodRowsOnly) {
        return run(content, fileName, defaultYear, write, goodRowsOnly, null);
    }

    /** As above, telling {@code progress} (when given) how many rows there are and how far it is. */
    Report run(byte[] content, String fileName, Integer defaultYear, boolean write, boolean goodRowsOnly,
               ImportJobs.Progress progress) {
        SpreadsheetFiles.Kind kind = SpreadsheetFiles.inspect(content);
        // first pass: the header row and the file's encoding
        LegacyText.Detector detector = new LegacyText.Detector();
        Map<InitiativeColumns, Integer>[] columns = new Map[] {null};
        long[] headerRow = {0};
        long[] dataRows = {0};
        List<String> header = new ArrayList<>();
        SpreadsheetFiles.rows(content, kind, row -> {
            if (columns[0] == null) {
                if (row.number() <= HEADER_WITHIN) {
                    Map<InitiativeColumns, Integer> found = Map.of();
                    for (LegacyText.Encoding guess : LegacyText.Encoding.values()) {
                        if (found.isEmpty()) {
                            found = InitiativeColumns.locate(row.cells().stream().map(c -> LegacyText.repair(c, guess)).toList());
                        }
                    }
                    if (!found.isEmpty()) {
                        columns[0] = found;
                        headerRow[0] = row.number();
                        header.addAll(row.cells());
                    }
                }
                return;
            }
            row.cells().forEach(detector::add);
            dataRows[0]++;
        });
        if (columns[0] == null) {
            throw DomainException.invalid("import.initiatives.noHeader", HEADER_WITHIN);
        }
        LegacyText.Encoding encoding = detector.verdict();
        if (progress != null) {
            progress.total(dataRows[0]);
        }
        Gazetteer gazetteer = new Gazetteer(units.allAboveVillages());
        Run run = new Run(columns[0], encoding, detector.mixed(), gazetteer, defaultYear, goodRowsOnly);
        Report[] report = {null};
        transactions.executeWithoutResult(status -> {
            SpreadsheetFiles.rows(content, kind, row -> {
                if (row.number() > headerRow[0]) {
                    if (!row.isBlank()) {
                        run.row(row);
                    }
                    if (progress != null) {
                        progress.done(row.number() - headerRow[0]);
                    }
                }
            });
            boolean commit = write && run.failedWrites == 0 && (goodRowsOnly || run.problemRows == 0)
                    && run.counts.getOrDefault(Action.CREATE, 0L) + run.counts.getOrDefault(Action.UPDATE, 0L) > 0;
            if (commit) {
                events.publishEvent(AuditEvent.of(AuditEvent.Action.IMPORT, "INITIATIVE_IMPORT", fileName, scopeUnit(),
                        "%s: %d dòng, thêm %d, sửa %d, giữ nguyên %d, bỏ qua %d".formatted(fileName, run.rows,
                                run.counts.getOrDefault(Action.CREATE, 0L), run.counts.getOrDefault(Action.UPDATE, 0L),
                                run.counts.getOrDefault(Action.UNCHANGED, 0L), run.problemRows)));
            } else {
                status.setRollbackOnly();
            }
            report[0] = new Report(fileName, encoding.name(), run.rows, run.counts, run.lines, run.problems, run.problemRows,
                    run.conversions, run.conversionCount, commit, goodRowsOnly, run.rejected, run.rejectedProblems, header);
        });
        return report[0];
    }

    private static Long scopeUnit() {
        return CurrentUser.get().map(u -> u.scope().national() ? null : u.scope().unitId()).orElse(null);
    }

    /** The state of one import run over the rows of the file. */
    private final class Run {
        final Map<InitiativeColumns, Integer> columns;
        final LegacyText.Encoding encoding;
        final boolean mixed;
        final Gazetteer gazetteer;
        final Integer defaultYear;
        final boolean goodRowsOnly;
        final Map<Action, Long> counts = new EnumMap<>(Action.class);
        final List<Line> lines = new ArrayList<>();
        final List<FieldProblem> problems = new ArrayList<>();
        final List<Conversion> conversions = new ArrayList<>();
        final List<List<String>> rejected = new ArrayList<>();
        final Map<String, Long> seen = new HashMap<>();
        final Map<String, String> sectorNames = new HashMap<>();
        final String within;
        final Long organisationId;
        long rows;
        long problemRows;
        long conversionCount;
        long failedWrites;

        Run(Map<InitiativeColumns, Integer> columns, LegacyText.Encoding encoding, boolean mixed, Gazetteer gazetteer,
            Integer defaultYear, boolean goodRowsOnly) {
            this.columns = columns;
            this.encoding = encoding;
            this.mixed = mixed;
            this.gazetteer = gazetteer;
            this.defaultYear = defaultYear;
            this.goodRowsOnly = goodRowsOnly;
            CurrentUser user = CurrentUser.get().orElseThrow();
            this.within = user.scope().national() ? null : user.scope().prefix().replace("%", "");
            this.organisationId = user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER) ? null : user.organisationId();
            sectors.all().forEach(s -> {
                sectorNames.put(VietnameseText.fold(s.nameVi()), s.code());
                sectorNames.put(VietnameseText.fold(s.nameEn()), s.code());
                sectorNames.put(VietnameseText.fold(s.code()), s.code());
            });
        }

        String cell(Row row, InitiativeColumns column) {
            Integer index = columns.get(column);
            if (index == null || index >= row.cells().size() || row.cells().get(index) == null) {
                return "";
            }
            String raw = row.cells().get(index);
            String repaired = VietnameseText.clean(LegacyText.repair(raw, encoding, mixed));
            String plain = VietnameseText.clean(raw);
            if (repaired != null && !repaired.equals(plain)) {
                conversionCount++;
                if (conversions.size() < SHOWN_CONVERSIONS) {
                    conversions.add(new Conversion(row.number(), column.header, plain, repaired));
                }
            } else if (raw != null && !raw.equals(java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFC))) {
                conversionCount++;
                if (conversions.size() < SHOWN_CONVERSIONS) {
                    conversions.add(new Conversion(row.number(), column.header, raw.strip() + " (NFD)", repaired));
                }
            }
            return repaired == null ? "" : repaired;
        }

        void row(Row row) {
            rows++;
            if (rows % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
            List<FieldProblem> found = new ArrayList<>();
            long n = row.number();
            String code = cell(row, InitiativeColumns.CODE);
            String name = cell(row, InitiativeColumns.NAME);
            if (name.isEmpty()) {
                found.add(FieldProblem.cell(n, InitiativeColumns.NAME.header, "import.cell.required"));
            }
            Kind kind = choice(row, InitiativeColumns.KIND, Map.of("mo hinh", Kind.MODEL, "model", Kind.MODEL,
                    "dien hinh", Kind.EXEMPLAR, "exemplar", Kind.EXEMPLAR), found);
            Holder holder = choice(row, InitiativeColumns.HOLDER, Map.of("tap the", Holder.COLLECTIVE,
                    "collective", Holder.COLLECTIVE, "ca nhan", Holder.INDIVIDUAL, "individual", Holder.INDIVIDUAL), found);
            String sector = choice(row, InitiativeColumns.SECTOR, sectorNames, found);
            Integer year = number(row, InitiativeColumns.YEAR, found);
            if (year == null) {
                year = defaultYear;
            }
            int thisYear = LocalDate.now(clock).getYear();
            if (year == null) {
                found.add(FieldProblem.cell(n, InitiativeColumns.YEAR.header, "import.cell.required"));
            } else if (year < 1945 || year > thisYear + 1) {
                found.add(FieldProblem.cell(n, InitiativeColumns.YEAR.header, "import.cell.yearRange", 1945, thisYear + 1));
            }
            Integer startYear = number(row, InitiativeColumns.START_YEAR, found);
            RegistrationStatus status = choice(row, InitiativeColumns.STATUS, Map.of("moi", RegistrationStatus.NEW,
                    "xay dung moi", RegistrationStatus.NEW, "dang ky moi", RegistrationStatus.NEW, "new", RegistrationStatus.NEW,
                    "duy tri", RegistrationStatus.MAINTAINED, "maintained", RegistrationStatus.MAINTAINED,
                    "duy tri nhan rong", RegistrationStatus.MAINTAINED), found);
            LocalDate on = year != null && year >= 1945 && year <= thisYear + 1 ? LocalDate.of(year, 12, 31) : LocalDate.now(clock);
            Gazetteer.Found place = gazetteer.find(cell(row, InitiativeColumns.PROVINCE), cell(row, InitiativeColumns.DISTRICT),
                    cell(row, InitiativeColumns.COMMUNE), on, within);
            AdminUnitView unit = place.unit();
            if (unit == null) {
                found.add(FieldProblem.cell(n, place.column(), place.problemKey(), place.typed(),
                        String.join("; ", place.suggestions())));
            } else if (place.understoodAs() != null) {
                conversionCount++;
                if (conversions.size() < SHOWN_CONVERSIONS) {
                    conversions.add(new Conversion(n, place.column(), place.typed(), place.understoodAs()));
                }
            }
            Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
            if (flag(row, InitiativeColumns.ETHNIC_MINORITY)) {
                groups.add(TargetGroup.ETHNIC_MINORITY);
            }
            if (flag(row, InitiativeColumns.RELIGIOUS)) {
                groups.add(TargetGroup.RELIGIOUS);
            }
            boolean featured = flag(row, InitiativeColumns.FEATURED);
            String responsible = cell(row, InitiativeColumns.RESPONSIBLE);
            String description = cell(row, InitiativeColumns.DESCRIPTION);
            String method = cell(row, InitiativeColumns.METHOD);
            String results = cell(row, InitiativeColumns.RESULTS);

            InitiativeView existing = null;
            if (unit != null && !name.isEmpty()) {
                Long province = unit.path().length() > 1 ? Long.valueOf(unit.path().split("/")[1]) : unit.id();
                existing = !code.isEmpty() ? registry.findByCode(province, code).orElse(null)
                        : registry.findByUnitAndName(unit.id(), name).orElse(null);
                String key = (existing != null ? "id" + existing.id() : !code.isEmpty() ? province + "/" + code
                        : unit.id() + "/" + VietnameseText.fold(name)) + "@" + year;
                Long earlier = seen.putIfAbsent(key, n);
                if (earlier != null) {
                    found.add(FieldProblem.cell(n, InitiativeColumns.NAME.header, "import.row.duplicate", earlier));
                }
            }
            InitiativeDraft draft = null;
            List<String> changed = new ArrayList<>();
            if (found.isEmpty()) {
                draft = existing == null
                        ? new InitiativeDraft(code.isEmpty() ? null : code, name, kind, holder, sector, null, unit.id(),
                        organisationId, blankToNull(responsible), startYear, blankToNull(description), blankToNull(method),
                        blankToNull(results), groups, featured, null)
                        : merge(existing, name, kind, holder, sector, unit, responsible, startYear, description, method,
                        results, groups, featured, changed);
                for (FieldProblem problem : registry.problems(draft, existing == null ? null : existing.id())) {
                    found.add(FieldProblem.cell(n, columnOf(problem.field()), problem.messageKey(), problem.args()));
                }
            }
            if (!found.isEmpty()) {
                reject(row, found);
                return;
            }
            Action action;
            String savedCode = existing != null ? existing.code() : code;
            try {
                InitiativeView view;
                if (existing == null) {
                    view = registry.create(draft).initiative();
                    action = Action.CREATE;
                } else if (!changed.isEmpty()) {
                    view = registry.update(existing.id(), draft);
                    action = Action.UPDATE;
                } else {
                    view = existing;
                    action = Action.UNCHANGED;
                }
                savedCode = view.code();
                final int registrationYear = year;
                boolean registered = view.registrations().stream().anyMatch(r -> r.year() == registrationYear);
                if (!registered) {
                    registry.register(view.id(), year, status, organisationId);
                    if (action == Action.UNCHANGED) {
                        action = Action.UPDATE;
                    }
                    changed.add("đăng ký năm " + year);
                }
            } catch (DomainException e) {
                failedWrites++;
                FieldProblem problem = e.problems().isEmpty() ? FieldProblem.cell(n, InitiativeColumns.NAME.header, e.messageKey(), e.args())
                        : FieldProblem.cell(n, columnOf(e.problems().get(0).field()), e.problems().get(0).messageKey(),
                        e.problems().get(0).args());
                reject(row, List.of(problem));
                return;
            }
            counts.merge(action, 1L, Long::sum);
            if (lines.size() < SHOWN_LINES) {
                lines.add(new Line(n, action, savedCode, name, unit.fullName(), changed));
            }
        }

        private void reject(Row row, List<FieldProblem> found) {
            problemRows++;
            counts.merge(Action.REJECTED, 1L, Long::sum);
            for (FieldProblem problem : found) {
                if (problems.size() < SHOWN_PROBLEMS) {
                    problems.add(problem);
                }
            }
            if (goodRowsOnly && rejected.size() < SpreadsheetFiles.MAX_ROWS) {
                List<String> cells = new ArrayList<>(row.cells());
                cells.add(0, String.valueOf(row.number()));
                rejected.add(cells);
                rejectedProblems.put(row.number(), found);
            }
        }

        final Map<Long, List<FieldProblem>> rejectedProblems = new HashMap<>();

        private <T> T choice(Row row, InitiativeColumns column, Map<String, T> values, List<FieldProblem> found) {
            String text = cell(row, column);
            if (text.isEmpty()) {
                found.add(FieldProblem.cell(row.number(), column.header, "import.cell.required"));
                return null;
            }
            T value = values.get(VietnameseText.fold(text));
            if (value == null) {
                found.add(FieldProblem.cell(row.number(), column.header, "import.cell.notInList", text));
            }
            return value;
        }

        private Integer number(Row row, InitiativeColumns column, List<FieldProblem> found) {
            String text = cell(row, column);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return (int) Double.parseDouble(text.replace(",", "."));
            } catch (NumberFormatException e) {
                found.add(FieldProblem.cell(row.number(), column.header, "import.cell.notYear", text));
                return null;
            }
        }

        private boolean flag(Row row, InitiativeColumns column) {
            return Set.of("x", "co", "1", "yes", "true", "v", "dung").contains(VietnameseText.fold(cell(row, column)));
        }
    }

    /** The existing initiative with what the row changes; blank cells keep what is there. */
    private static InitiativeDraft merge(InitiativeView existing, String name, Kind kind, Holder holder, String sector,
                                         AdminUnitView unit, String responsible, Integer startYear, String description,
                                         String method, String results, Set<TargetGroup> groups, boolean featured,
                                         List<String> changed) {
        String newName = differs(existing.name(), name, "tên", changed);
        Kind newKind = kind != existing.kind() ? note(kind, "loại", changed) : existing.kind();
        Holder newHolder = holder != existing.holder() ? note(holder, "tập thể/cá nhân", changed) : existing.holder();
        String newSector = !Objects.equals(sector, existing.sector()) ? note(sector, "lĩnh vực", changed) : existing.sector();
        Long unitId = !Objects.equals(unit.id(), existing.unitId()) ? note(unit.id(), "địa bàn", changed) : existing.unitId();
        String newResponsible = differs(existing.responsibleOfficer(), responsible, "người phụ trách", changed);
        Integer newStart = startYear != null && !startYear.equals(existing.startYear()) ? note(startYear, "năm bắt đầu", changed)
                : existing.startYear();
        String newDescription = differs(existing.description(), description, "mô tả", changed);
        String newMethod = differs(existing.method(), method, "cách làm", changed);
        String newResults = differs(existing.results(), results, "kết quả", changed);
        Set<TargetGroup> newGroups = existing.targetGroups() == null ? Set.of() : existing.targetGroups();
        if (!groups.isEmpty() && !groups.equals(newGroups)) {
            newGroups = note(groups, "vùng đồng bào", changed);
        }
        boolean newFeatured = featured && !existing.featured() ? note(true, "tiêu biểu", changed) : existing.featured();
        return new InitiativeDraft(existing.code(), newName, newKind, newHolder, newSector, null, unitId,
                existing.organisationId(), newResponsible, newStart, newDescription, newMethod, newResults, newGroups,
                newFeatured, existing.version());
    }

    private static String differs(String before, String typed, String label, List<String> changed) {
        if (typed == null || typed.isEmpty() || typed.equals(VietnameseText.clean(before))) {
            return before;
        }
        changed.add(label);
        return typed;
    }

    private static <T> T note(T value, String label, List<String> changed) {
        changed.add(label);
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String columnOf(String field) {
        return switch (field == null ? "" : field) {
            case "code" -> InitiativeColumns.CODE.header;
            case "kind" -> InitiativeColumns.KIND.header;
            case "holder" -> InitiativeColumns.HOLDER.header;
            case "sector" -> InitiativeColumns.SECTOR.header;
            case "unitCode", "unitId" -> InitiativeColumns.COMMUNE.header;
            case "startYear" -> InitiativeColumns.START_YEAR.header;
            case "description" -> InitiativeColumns.DESCRIPTION.header;
            case "method" -> InitiativeColumns.METHOD.header;
            case "results" -> InitiativeColumns.RESULTS.header;
            case "responsibleOfficer" -> InitiativeColumns.RESPONSIBLE.header;
            default -> InitiativeColumns.NAME.header;
        };
    }
}
