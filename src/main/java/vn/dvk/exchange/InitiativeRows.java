package vn.dvk.exchange;

import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.initiative.Holder;
import vn.dvk.initiative.InitiativeDraft;
import vn.dvk.initiative.InitiativeIntake;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.Registrations;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One import run over the rows of an initiatives file ({@link InitiativeImport}): each row checked, matched to the
 * registry by code, or by unit and name when it has none, and written (new initiatives in batches); the rows placed
 * less precisely than the others are warned about.
 */
final class InitiativeRows implements ImportPipeline.RowHandler.Session {

    private final InitiativeRegistry registry;
    private final InitiativeIntake intake;
    private final Registrations registrations;
    private final Clock clock;
    final Gazetteer gazetteer;
    final Integer defaultYear;
    final Map<String, Long> seen = new HashMap<>();
    final InitiativeValues values;
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
    /** False for a preview, which is rolled back: its new initiatives take provisional codes. */
    final boolean write;
    final RowPlaces places;
    /** The rows written to a province or district, and the most precise level any row reached. */
    final List<Object[]> coarse = new ArrayList<>();
    int deepest;
    final int scopeDepth;
    AdminUnitView unitOfRow;
    ImportPipeline.Cells cellsOfRow;

    InitiativeRows(InitiativeRegistry registry, InitiativeIntake intake, Registrations registrations, Sectors sectors,
                   Clock clock, Gazetteer gazetteer, Integer defaultYear, ImportPipeline.Context context, boolean write) {
        this.registry = registry;
        this.write = write;
        this.intake = intake;
        this.registrations = registrations;
        this.values = new InitiativeValues(sectors.all());
        this.clock = clock;
        this.gazetteer = gazetteer;
        this.defaultYear = defaultYear;
        this.context = context;
        CurrentUser user = CurrentUser.get().orElseThrow();
        this.within = user.scope().national() ? null : user.scope().prefix().replace("%", "");
        AdminUnitView scopeUnit = user.scope().national() ? null : gazetteer.unit(user.scope().unitId());
        this.scopeDepth = scopeUnit == null ? 0 : depth(scopeUnit.level());
        this.places = new RowPlaces(gazetteer, within, defaultYear, context, clock);
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
            List<Long> ids = intake.createAllImported(batch, write);
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

    @Override
    public boolean group(long number, String text) {
        String sector = values.sectorOfHeading(text);
        if (sector != null) {
            groupSector = sector;
            groupSectorRow = number;
            return true;
        }
        return places.group(number, text);
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
        Gazetteer.Found place = places.place(cell(InitiativeColumns.PROVINCE), cell(InitiativeColumns.DISTRICT),
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
                    : InitiativeChanges.merge(existing, name, kind, holder, sector, unit, responsible, startYear, description, method,
                    results, groups, featured, changed);
            List<FieldProblem> refused = existing == null ? intake.problemsOfNew(draft, unit, year)
                    : registry.problems(draft, existing.id());
            for (FieldProblem problem : refused) {
                found.add(FieldProblem.cell(n, InitiativeColumns.headerOf(problem.field()), problem.messageKey(), problem.args()));
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
            if (batch.size() >= InitiativeImport.BATCH) {
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
                    : FieldProblem.cell(n, InitiativeColumns.headerOf(e.problems().get(0).field()), e.problems().get(0).messageKey(),
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
                    String.join("; ", new LinkedHashSet<>(labels.values()))));
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

    /** How precise a level is: a row on a district, where the others are on communes, is less precise. */
    private static int depth(AdminUnitLevel level) {
        return switch (level) {
            case PROVINCE -> 1;
            case DISTRICT -> 2;
            case COMMUNE -> 3;
            case VILLAGE -> 4;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
