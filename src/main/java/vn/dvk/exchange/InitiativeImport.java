package vn.dvk.exchange;

import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.Holder;
import vn.dvk.initiative.InitiativeDraft;
import vn.dvk.initiative.InitiativeIntake;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.initiative.Kind;
import vn.dvk.initiative.RegistrationStatus;
import vn.dvk.initiative.Registrations;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Initiatives, each with its registration for a year, in the template's columns ({@link InitiativeColumns}):
 * rows are matched to the registry by code, or by unit and name when they have none, so importing a
 * file twice changes nothing the second time. Runs through the {@link ImportPipeline}.
 */
@Component
class InitiativeImport implements ImportPipeline.RowHandler {

    private final InitiativeRegistry registry;
    private final InitiativeIntake intake;
    private final Registrations registrations;
    private final Sectors sectors;
    private final AdminUnits units;
    private final Clock clock;
    private final ImportPipeline pipeline;
    /** New initiatives are written this many at a time. */
    static final int BATCH = 500;

    InitiativeImport(InitiativeRegistry registry, InitiativeIntake intake, Registrations registrations, Sectors sectors,
                     AdminUnits units, Clock clock, ImportPipeline pipeline) {
        this.registry = registry;
        this.intake = intake;
        this.registrations = registrations;
        this.sectors = sectors;
        this.units = units;
        this.clock = clock;
        this.pipeline = pipeline;
    }

    /** Runs the import: {@code write} false is the preview; {@code goodRowsOnly} writes the rows without problems. */
    ImportPipeline.Report run(byte[] content, String fileName, Integer defaultYear, boolean write, boolean goodRowsOnly) {
        return run(content, fileName, defaultYear, write, goodRowsOnly, null);
    }

    ImportPipeline.Report run(byte[] content, String fileName, Integer defaultYear, boolean write, boolean goodRowsOnly,
                              ImportJobs.Progress progress) {
        return pipeline.run(this, content, fileName, defaultYear, write, goodRowsOnly, progress);
    }

    @Override
    public String auditType() {
        return "INITIATIVE_IMPORT";
    }

    /**
     * The columns a header row names. A title that is a value ("Tập thể", "Mới", "Kinh tế"), under a title naming its
     * field ("Lĩnh vực|Kinh tế" for a title over two rows) or beside another value of the same field, is an x-mark
     * column ({@code SECTOR=Kinh tế}). Empty unless the row names the initiative and at least two more fields.
     */
    @Override
    public Map<String, Integer> locate(List<String> cells) {
        InitiativeValues values = values();
        Map<String, Integer> found = new HashMap<>();
        Map<String, Map<String, Integer>> marks = new HashMap<>();
        java.util.Set<String> underTheirField = new java.util.HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            int bar = cell.indexOf('|');
            String parent = bar < 0 ? null : cell.substring(0, bar);
            String title = bar < 0 ? cell : cell.substring(bar + 1);
            InitiativeColumns column = InitiativeColumns.of(title);
            InitiativeColumns parentColumn = parent == null ? null : InitiativeColumns.of(parent);
            String field = ColumnMapping.ignorable(title) ? null : values.fieldOf(ImportPipeline.headerKey(title));
            if (field != null && (column == null || parentColumn != null && parentColumn.name().equals(field))) {
                marks.computeIfAbsent(field, f -> new java.util.LinkedHashMap<>()).putIfAbsent(markLabel(values, field, title), i);
                if (parentColumn != null && parentColumn.name().equals(field)) {
                    underTheirField.add(field);
                }
            } else if (column != null) {
                found.putIfAbsent(column.name(), i);
            } else if (parentColumn != null) {
                found.putIfAbsent(parentColumn.name(), i);
            }
        }
        marks.forEach((field, columns) -> {
            if (!found.containsKey(field) && (columns.size() >= 2 || underTheirField.contains(field))) {
                columns.forEach((label, index) -> found.put(field + "=" + label, index));
            }
        });
        Map<String, Integer> kinds = marks.getOrDefault("KIND", Map.of());
        if (!found.containsKey(InitiativeColumns.NAME.name()) && kinds.size() == 1 && !underTheirField.contains("KIND")) {
            // a lone "Mô hình" or "Điển hình" over the names
            found.put(InitiativeColumns.NAME.name(), kinds.values().iterator().next());
        }
        long fields = found.keySet().stream().map(ColumnMapping::field).distinct().count();
        return found.containsKey(InitiativeColumns.NAME.name()) && fields >= 3 ? found : Map.of();
    }

    /** The list's value a mark column's title stands for ("Văn hoá - Xã hội" for "VH-XH"). */
    private static String markLabel(InitiativeValues values, String field, String title) {
        String label = switch (field) {
            case "KIND" -> InitiativeValues.KIND_LABELS.get(InitiativeValues.lookup(InitiativeValues.KINDS, title));
            case "HOLDER" -> InitiativeValues.HOLDER_LABELS.get(InitiativeValues.lookup(InitiativeValues.HOLDERS, title));
            case "STATUS" -> InitiativeValues.STATUS_LABELS.get(InitiativeValues.lookup(InitiativeValues.STATUSES, title));
            default -> values.sectorLabels.get(InitiativeValues.lookup(values.sectorNames, title));
        };
        return label == null ? VietnameseText.clean(title) : label;
    }

    private volatile InitiativeValues cachedValues;
    private volatile long cachedAt;

    /** The values, the sectors read again at most once a minute (a header search asks often). */
    private InitiativeValues values() {
        long now = System.nanoTime();
        if (cachedValues == null || now - cachedAt > 60_000_000_000L) {
            cachedValues = new InitiativeValues(sectors.all());
            cachedAt = now;
        }
        return cachedValues;
    }

    @Override
    public List<String> fields() {
        List<String> keys = new ArrayList<>(java.util.Arrays.stream(InitiativeColumns.values()).map(Enum::name).toList());
        keys.addAll(values().markKeys());
        return keys;
    }

    @Override
    public List<String> accepted(String key) {
        return values().accepted(key);
    }

    /**
     * A column whose title is not known: its values tell ("Hình thức" holding "Mới"/"Duy trì" is the status, holding
     * "Mô hình" the kind; "Đơn vị chủ trì" holding "Xã …" is the commune). Null when they do not.
     */
    @Override
    public String guess(String header, List<String> samples) {
        InitiativeValues values = values();
        List<String> filled = samples.stream().filter(v -> v != null && !v.isBlank()).toList();
        if (filled.isEmpty() || filled.stream().allMatch(ColumnMapping::marks)) {
            return null;
        }
        String title = ImportPipeline.headerKey(header);
        // the values of one list, most of them (an office's own word or two among them is for the mapping step to settle)
        Map<String, Integer> fieldsOfValues = new HashMap<>();
        int others = 0;
        for (String value : filled) {
            String field = values.fieldOf(value);
            if (field == null) {
                others++;
            } else {
                fieldsOfValues.merge(field, 1, Integer::sum);
            }
        }
        if (fieldsOfValues.size() == 1 && fieldsOfValues.values().iterator().next() >= others) {
            return fieldsOfValues.keySet().iterator().next();
        }
        if (filled.stream().allMatch(v -> Years.read(v) != null && v.strip().length() <= 12)) {
            return title.contains("bat dau") || title.contains("xay dung") ? InitiativeColumns.START_YEAR.name()
                    : InitiativeColumns.YEAR.name();
        }
        if (title.matches("(ten )?(mo hinh|dien hinh|sang kien|cach lam hay)( .*)?") && fieldsOfValues.isEmpty()
                && filled.stream().allMatch(v -> v.strip().length() > 12)) {
            // names of initiatives under a title that is not one of ours ("Mô hình dân vận khéo", "Sáng kiến")
            return InitiativeColumns.NAME.name();
        }
        String unitType = null;
        for (String value : filled) {
            String type = Gazetteer.typeWord(VietnameseText.fold(value));
            if (type == null || unitType != null && !unitType.equals(type)) {
                return null;
            }
            unitType = type;
        }
        return switch (unitType) {
            case "tinh" -> InitiativeColumns.PROVINCE.name();
            case "huyen", "quan", "thi xa" -> InitiativeColumns.DISTRICT.name();
            case "xa", "phuong", "thi tran", "dac khu" -> InitiativeColumns.COMMUNE.name();
            default -> null;
        };
    }

    @Override
    public String noHeaderKey() {
        return "import.initiatives.noHeader";
    }

    @Override
    public String header(String key) {
        String value = ColumnMapping.markValue(key);
        String header = InitiativeColumns.valueOf(ColumnMapping.field(key)).header;
        return value == null ? header : header + ": " + value + " (x)";
    }

    @Override
    public Session start(Integer defaultYear, boolean write) {
        return start(defaultYear, write, new ImportPipeline.Context(List.of()));
    }

    @Override
    public Session start(Integer defaultYear, boolean write, ImportPipeline.Context context) {
        return new Run(new Gazetteer(units.allAboveVillages()), defaultYear, context);
    }

    /** How precise a level is: a row on a district, where the others are on communes, is less precise. */
    private static int depth(AdminUnitLevel level) {
        return switch (level) {
            case PROVINCE -> 1;
            case DISTRICT -> 2;
            case COMMUNE -> 3;
            case VILLAGE -> 4;
        };
    }

    /** The state of one import run over the rows of the file. */
    private final class Run implements Session {
        final Gazetteer gazetteer;
        final Integer defaultYear;
        final Map<String, Long> seen = new HashMap<>();
        final InitiativeValues values = new InitiativeValues(sectors.all());
        /** The sector of the last sector heading ("II. LĨNH VỰC VĂN HÓA - XÃ HỘI") over the rows that follow, and its row. */
        String groupSector;
        long groupSectorRow;
        final Map<Long, Map<String, Long>> namesByUnit = new HashMap<>();
        final Map<Long, Map<String, Long>> codesByProvince = new HashMap<>();
        /** New initiatives of this file not written yet (the batch), and those written, by match key. */
        final Map<String, InitiativeIntake.ImportedNew> pending = new HashMap<>();
        final Map<String, Long> createdHere = new HashMap<>();
        final List<InitiativeIntake.ImportedNew> batch = new ArrayList<>();
        final List<String> batchKeys = new ArrayList<>();
        final List<String> written = new ArrayList<>();
        final String within;
        final Long organisationId;
        final ImportPipeline.Context context;
        /** The unit the lines above the table name (issuing body, title), and the row that names it. */
        AdminUnitView bannerUnit;
        long bannerRow;
        /** The unit of the last group row ("Xã Phi Liêng" over its rows), and its row. */
        AdminUnitView groupUnit;
        long groupRow;
        /** The rows written to a province or district, and the most precise level any row reached. */
        final List<Object[]> coarse = new ArrayList<>();
        int deepest;
        final int scopeDepth;
        AdminUnitView unitOfRow;
        ImportPipeline.Cells cellsOfRow;

        Run(Gazetteer gazetteer, Integer defaultYear, ImportPipeline.Context context) {
            this.gazetteer = gazetteer;
            this.defaultYear = defaultYear;
            this.context = context;
            CurrentUser user = CurrentUser.get().orElseThrow();
            this.within = user.scope().national() ? null : user.scope().prefix().replace("%", "");
            AdminUnitView scopeUnit = user.scope().national() ? null : gazetteer.unit(user.scope().unitId());
            this.scopeDepth = scopeUnit == null ? 0 : depth(scopeUnit.level());
            readBanner();
            this.organisationId = user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER) ? null : user.organisationId();
        }

        /** The repaired text of the current row's cell under the column ("" when empty or absent). */
        String cell(InitiativeColumns column) {
            return cellsOfRow.get(column.name());
        }

        /** Writes the new initiatives kept back so far. */
        @Override
        public void finish() {
            if (!batch.isEmpty()) {
                List<Long> ids = intake.createAllImported(batch);
                for (int k = 0; k < ids.size(); k++) {
                    written.add(String.valueOf(ids.get(k)));
                    // a later row of the same initiative (another year) registers it as an existing one
                    createdHere.put(batchKeys.get(k), ids.get(k));
                    pending.remove(batchKeys.get(k));
                }
                batch.clear();
                batchKeys.clear();
            }
        }

        @Override
        public ImportPipeline.Line row(long number, ImportPipeline.Cells cells, List<FieldProblem> found) {
            cellsOfRow = cells;
            unitOfRow = null;
            ImportPipeline.Line line = row(new Row(number, List.of()), found);
            if (line != null && found.isEmpty() && unitOfRow != null) {
                int depth = depth(unitOfRow.level());
                deepest = Math.max(deepest, depth);
                if (depth < depth(AdminUnitLevel.COMMUNE) && coarse.size() < ImportPipeline.SHOWN_PROBLEMS) {
                    coarse.add(new Object[] {number, unitOfRow});
                }
            }
            return line;
        }

        /** Rows that land on a district or province while the file's other rows or the user's scope are more precise. */
        @Override
        public List<FieldProblem> warnings() {
            int wanted = Math.max(deepest, scopeDepth);
            List<FieldProblem> warnings = new ArrayList<>();
            for (Object[] row : coarse) {
                AdminUnitView unit = (AdminUnitView) row[1];
                if (depth(unit.level()) < wanted) {
                    warnings.add(FieldProblem.cell((Long) row[0], InitiativeColumns.COMMUNE.header,
                            "import.precision." + unit.level().name(), unit.fullName()));
                }
            }
            return warnings;
        }

        private LocalDate dayOfContext() {
            Integer year = defaultYear != null ? defaultYear : context.titleYear();
            int thisYear = LocalDate.now(clock).getYear();
            return year != null && year >= 1945 && year <= thisYear + 1 ? LocalDate.of(year, 12, 31) : LocalDate.now(clock);
        }

        /** The unit named above the table: the most precise one of the issuing body and title lines, when only one is. */
        private void readBanner() {
            LocalDate on = dayOfContext();
            List<Object[]> found = new ArrayList<>();
            for (AdminUnitLevel level : List.of(AdminUnitLevel.PROVINCE, AdminUnitLevel.DISTRICT, AdminUnitLevel.COMMUNE)) {
                String inside = found.isEmpty() ? within : ((AdminUnitView) found.get(found.size() - 1)[0]).subtreePrefix();
                List<Object[]> atLevel = new ArrayList<>();
                for (ImportPipeline.Context.Line line : context.above()) {
                    if (SheetLayout.motto(line.text())) {
                        continue;
                    }
                    for (List<String> mention : SheetLayout.unitMentions(line.text())) {
                        AdminUnitView unit = named(mention, level, on, inside);
                        if (unit != null && atLevel.stream().noneMatch(u -> ((AdminUnitView) u[0]).id().equals(unit.id()))) {
                            atLevel.add(new Object[] {unit, line.row()});
                        }
                    }
                }
                if (atLevel.size() > 1) {
                    break;
                }
                found.addAll(atLevel);
            }
            if (!found.isEmpty()) {
                bannerUnit = (AdminUnitView) found.get(found.size() - 1)[0];
                bannerRow = (Long) found.get(found.size() - 1)[1];
            }
        }

        /** The unit of the level a mention names exactly ("xa phi lieng"), inside the prefix; null when none or several. */
        private AdminUnitView named(List<String> mention, AdminUnitLevel level, LocalDate on, String inside) {
            for (String text : mention) {
                String type = Gazetteer.typeWord(text);
                boolean fits = switch (level) {
                    case PROVINCE -> "tinh".equals(type) || "thanh pho".equals(type);
                    case DISTRICT -> List.of("huyen", "quan", "thi xa", "thanh pho").contains(type);
                    default -> List.of("xa", "phuong", "thi tran", "dac khu").contains(type);
                };
                if (!fits) {
                    return null;
                }
                Gazetteer.Found place = gazetteer.find(level == AdminUnitLevel.PROVINCE ? text : "",
                        level == AdminUnitLevel.DISTRICT ? text : "", level == AdminUnitLevel.COMMUNE ? text : "", on, inside);
                if (place.unit() != null && place.understoodAs() == null && place.unit().level() == level) {
                    return place.unit();
                }
            }
            return null;
        }

        @Override
        public boolean group(long number, String text) {
            String sector = values.sectorOfHeading(text);
            if (sector != null) {
                groupSector = sector;
                groupSectorRow = number;
                return true;
            }
            LocalDate on = dayOfContext();
            List<List<String>> mentions = SheetLayout.unitMentions(text);
            if (mentions.isEmpty()) {
                mentions = List.of(List.of("xa " + VietnameseText.fold(text)), List.of("huyen " + VietnameseText.fold(text)));
            }
            for (String inside : bannerUnit != null ? java.util.Arrays.asList(bannerUnit.subtreePrefix(), within)
                    : java.util.Collections.singletonList(within)) {
                for (List<String> mention : mentions) {
                    for (AdminUnitLevel level : List.of(AdminUnitLevel.COMMUNE, AdminUnitLevel.DISTRICT, AdminUnitLevel.PROVINCE)) {
                        AdminUnitView unit = named(mention, level, on, inside);
                        if (unit != null) {
                            groupUnit = unit;
                            groupRow = number;
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /**
         * Where a row is: as its columns say, completed by the group row above it or the unit above the
         * table when the row leaves its locality out (the preview says where it came from).
         */
        private Gazetteer.Found place(String province, String district, String commune, LocalDate on) {
            AdminUnitView known = groupUnit != null ? groupUnit : bannerUnit;
            if (known == null) {
                return gazetteer.find(province, district, commune, on, within);
            }
            String key = groupUnit != null ? "import.inferred.unitFromGroup" : "import.inferred.unitFromTitle";
            long source = groupUnit != null ? groupRow : bannerRow;
            boolean noParents = province.isEmpty() && district.isEmpty();
            if (noParents && commune.isEmpty()) {
                context.used(InitiativeColumns.COMMUNE.header, source, key, known.fullName());
                return Gazetteer.Found.of(known);
            }
            if (commune.isEmpty() && known.level() == AdminUnitLevel.COMMUNE) {
                Gazetteer.Found typed = gazetteer.find(province, district, "", on, within);
                if (typed.unit() != null && known.path().startsWith(typed.unit().subtreePrefix())) {
                    context.used(InitiativeColumns.COMMUNE.header, source, key, known.fullName());
                    return Gazetteer.Found.of(known);
                }
                return typed;
            }
            if (noParents && known.level() != AdminUnitLevel.COMMUNE) {
                Gazetteer.Found under = gazetteer.find("", "", commune, on, known.subtreePrefix());
                if (under.unit() != null) {
                    context.used(InitiativeColumns.DISTRICT.header, source, key, known.fullName());
                    return under;
                }
            }
            return gazetteer.find(province, district, commune, on, within);
        }

        ImportPipeline.Line row(Row row, List<FieldProblem> found) {
            long n = row.number();
            String code = cell(InitiativeColumns.CODE);
            String name = cell(InitiativeColumns.NAME);
            if (name.isEmpty()) {
                found.add(FieldProblem.cell(n, InitiativeColumns.NAME.header, "import.cell.required"));
            }
            Kind kind = choice(row, InitiativeColumns.KIND, InitiativeValues.KINDS, InitiativeValues.KIND_LABELS, found);
            Holder holder = choice(row, InitiativeColumns.HOLDER, InitiativeValues.HOLDERS, InitiativeValues.HOLDER_LABELS, found);
            String sector = choice(row, InitiativeColumns.SECTOR, values.sectorNames, values.sectorLabels, found);
            Integer typed = number(row, InitiativeColumns.YEAR, found);
            // a year left out comes from the import or the title; one typed wrong is not replaced (the row is refused)
            Integer year = cell(InitiativeColumns.YEAR).isEmpty() ? context.yearOf(null, defaultYear, InitiativeColumns.YEAR.header)
                    : typed != null ? typed : defaultYear;
            int thisYear = LocalDate.now(clock).getYear();
            if (year == null) {
                found.add(FieldProblem.cell(n, InitiativeColumns.YEAR.header, "import.cell.required"));
            } else if (year < 1945 || year > thisYear + 1) {
                found.add(FieldProblem.cell(n, InitiativeColumns.YEAR.header, "import.cell.yearRange", 1945, thisYear + 1));
            }
            Integer startYear = number(row, InitiativeColumns.START_YEAR, found);
            RegistrationStatus status = choice(row, InitiativeColumns.STATUS, InitiativeValues.STATUSES, InitiativeValues.STATUS_LABELS,
                    found);
            LocalDate on = year != null && year >= 1945 && year <= thisYear + 1 ? LocalDate.of(year, 12, 31) : LocalDate.now(clock);
            Gazetteer.Found place = place(cell(InitiativeColumns.PROVINCE), cell(InitiativeColumns.DISTRICT),
                    cell(InitiativeColumns.COMMUNE), on);
            AdminUnitView unit = place.unit();
            unitOfRow = unit;
            if (unit == null) {
                found.add(FieldProblem.cell(n, place.column(), place.problemKey(), place.typed(),
                        String.join("; ", place.suggestions())));
            } else if (place.understoodAs() != null) {
                cellsOfRow.understood(place.column(), place.typed(), place.understoodAs());
            }
            Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
            if (flag(InitiativeColumns.ETHNIC_MINORITY)) {
                groups.add(TargetGroup.ETHNIC_MINORITY);
            }
            if (flag(InitiativeColumns.RELIGIOUS)) {
                groups.add(TargetGroup.RELIGIOUS);
            }
            boolean featured = flag(InitiativeColumns.FEATURED);
            String responsible = cell(InitiativeColumns.RESPONSIBLE);
            String description = cell(InitiativeColumns.DESCRIPTION);
            String method = cell(InitiativeColumns.METHOD);
            String results = cell(InitiativeColumns.RESULTS);

            InitiativeView existing = null;
            InitiativeIntake.ImportedNew pendingMatch = null;
            String matchKey = null;
            if (unit != null && !name.isEmpty()) {
                Long province = unit.provinceId();
                matchKey = !code.isEmpty() ? province + "/" + code : unit.id() + "/" + VietnameseText.fold(name);
                Long createdId = createdHere.get(matchKey);
                Long existingId = createdId != null ? createdId : !code.isEmpty()
                        ? codesByProvince.computeIfAbsent(province, intake::codesOfProvince).get(code)
                        : namesByUnit.computeIfAbsent(unit.id(), intake::namesOfUnit).get(VietnameseText.fold(name));
                existing = existingId == null ? null : registry.get(existingId);
                pendingMatch = existing == null ? pending.get(matchKey) : null;
                String key = (existing != null && createdId == null ? "id" + existing.id() : matchKey) + "@" + year;
                Long earlier = seen.putIfAbsent(key, n);
                if (earlier != null) {
                    found.add(FieldProblem.cell(n, InitiativeColumns.NAME.header, "import.row.duplicate", earlier));
                }
            }
            InitiativeDraft draft = null;
            List<String> changed = new ArrayList<>();
            if (found.isEmpty() && pendingMatch == null) {
                draft = existing == null
                        ? new InitiativeDraft(code.isEmpty() ? null : code, name, kind, holder, sector, null, unit.id(),
                        organisationId, blankToNull(responsible), startYear, blankToNull(description), blankToNull(method),
                        blankToNull(results), groups, featured, null)
                        : merge(existing, name, kind, holder, sector, unit, responsible, startYear, description, method,
                        results, groups, featured, changed);
                List<FieldProblem> refused = existing == null ? intake.problemsOfNew(draft, unit, year)
                        : registry.problems(draft, existing.id());
                for (FieldProblem problem : refused) {
                    found.add(FieldProblem.cell(n, columnOf(problem.field()), problem.messageKey(), problem.args()));
                }
            }
            if (!found.isEmpty()) {
                return null;
            }
            ImportPipeline.Action action;
            String savedCode = existing != null ? existing.code() : code;
            if (pendingMatch != null) {
                // another year of an initiative this file creates: registered with it
                pendingMatch.years().add(new InitiativeIntake.Registering(year, status));
                return new ImportPipeline.Line(n, ImportPipeline.Action.UPDATE, savedCode, name, unit.fullName(),
                        List.of("đăng ký năm " + year));
            }
            if (existing == null) {
                // new initiatives are written in batches (see finish)
                InitiativeIntake.ImportedNew created = new InitiativeIntake.ImportedNew(draft, unit,
                        new ArrayList<>(List.of(new InitiativeIntake.Registering(year, status))), organisationId,
                        gazetteer.lineage(unit));
                batch.add(created);
                batchKeys.add(matchKey);
                pending.put(matchKey, created);
                if (batch.size() >= BATCH) {
                    finish();
                }
                return new ImportPipeline.Line(n, ImportPipeline.Action.CREATE, savedCode, name, unit.fullName(), changed);
            }
            try {
                InitiativeView view;
                if (!changed.isEmpty()) {
                    view = registry.update(existing.id(), draft);
                    action = ImportPipeline.Action.UPDATE;
                } else {
                    view = existing;
                    action = ImportPipeline.Action.UNCHANGED;
                }
                savedCode = view.code();
                if (action == ImportPipeline.Action.UPDATE) {
                    written.add(String.valueOf(view.id()));
                }
                final int registrationYear = year;
                boolean registered = view.registrations().stream().anyMatch(r -> r.year() == registrationYear);
                if (!registered) {
                    registrations.register(view.id(), year, status, organisationId);
                    if (action == ImportPipeline.Action.UNCHANGED) {
                        action = ImportPipeline.Action.UPDATE;
                    }
                    changed.add("đăng ký năm " + year);
                }
            } catch (DomainException e) {
                // refused while writing: the pipeline cannot commit this import and names the row
                FieldProblem problem = e.problems().isEmpty() ? FieldProblem.cell(n, InitiativeColumns.NAME.header, e.messageKey(), e.args())
                        : FieldProblem.cell(n, columnOf(e.problems().get(0).field()), e.problems().get(0).messageKey(),
                        e.problems().get(0).args());
                throw new DomainException(e.kind(), List.of(problem), e.messageKey(), e.args());
            }
            return new ImportPipeline.Line(n, action, savedCode, name, unit.fullName(), changed);
        }

        @Override
        public AuditEvent.Related written() {
            return new AuditEvent.Related(InitiativeRegistry.OBJECT_TYPE, written);
        }


        /**
         * A value typed freely ("VH-XH", "ĐK mới", "TT"): understood by its words, with or without diacritics, spaces
         * or dashes, and shown in the preview as the list's value; anything else is refused with the accepted values.
         */
        private <T> T choice(Row row, InitiativeColumns column, Map<String, T> values, Map<T, String> labels,
                             List<FieldProblem> found) {
            String text = cell(column);
            List<String> marked = text.isEmpty() ? cellsOfRow.marked(column.name()) : null;
            if (marked != null && marked.size() > 1) {
                found.add(FieldProblem.cell(row.number(), column.header, "import.cell.severalMarked", String.join(", ", marked)));
                return null;
            }
            if (marked != null && marked.size() == 1) {
                text = marked.get(0);
            }
            if (text.isEmpty() && column == InitiativeColumns.SECTOR && groupSector != null) {
                text = this.values.sectorLabels.getOrDefault(groupSector, groupSector);
                context.used(column.header, groupSectorRow, "import.inferred.sectorFromGroup", text);
            }
            if (text.isEmpty()) {
                found.add(FieldProblem.cell(row.number(), column.header, "import.cell.required"));
                return null;
            }
            String key = VietnameseText.fold(text);
            T value = InitiativeValues.lookup(values, text);
            if (value == null) {
                found.add(FieldProblem.cell(row.number(), column.header, "import.cell.notInListOf", text,
                        String.join("; ", new java.util.LinkedHashSet<>(labels.values()))));
                return null;
            }
            String label = labels.get(value);
            if (label != null && !VietnameseText.fold(label).equals(key)) {
                cellsOfRow.understood(column.header, text, label);
            }
            return value;
        }

        private Integer number(Row row, InitiativeColumns column, List<FieldProblem> found) {
            return cellsOfRow.year(column.name(), row.number(), found);
        }

        private boolean flag(InitiativeColumns column) {
            return Set.of("x", "co", "1", "yes", "true", "v", "dung").contains(VietnameseText.fold(cell(column)));
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
        if (typed == null || typed.isEmpty() || sameText(typed, VietnameseText.clean(before))) {
            return before;
        }
        changed.add(label);
        return typed;
    }

    /** The same text, where a tone mark sits aside: "Hoà"/"Hòa", "thuỷ"/"thủy" (old and new placement); case still counts. */
    static boolean sameText(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(b) || VietnameseText.spellingKey(a).equals(VietnameseText.spellingKey(b))
                && toneless(a).equals(toneless(b));
    }

    private static String toneless(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[\u0300\u0301\u0303\u0309\u0323]", "");
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
            case "year" -> InitiativeColumns.YEAR.header;
            default -> InitiativeColumns.NAME.header;
        };
    }
}
