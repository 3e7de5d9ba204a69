package vn.dvk.initiative;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry's side of an import (the exchange module reads the file): matching rows to the
 * initiatives already registered, checking new ones in memory, and writing thousands of them at once
 * under the same rules as {@link InitiativeRegistry#create} and {@link Registrations#register}.
 */
@Service
@Transactional(readOnly = true)
public class InitiativeIntake {

    private final InitiativeRegistry registry;
    private final InitiativeRepository initiatives;
    private final Sectors sectors;
    private final AdminUnits units;
    private final Clock clock;
    private final CodeNumbering numbering;
    private final BulkInserts bulk;
    private final RegistrationTally tally;
    private final InitiativeWords words;

    InitiativeIntake(InitiativeRegistry registry, InitiativeRepository initiatives, Sectors sectors, AdminUnits units, Clock clock,
                     CodeNumbering numbering, BulkInserts bulk, RegistrationTally tally, InitiativeWords words) {
        this.registry = registry;
        this.initiatives = initiatives;
        this.sectors = sectors;
        this.units = units;
        this.clock = clock;
        this.numbering = numbering;
        this.bulk = bulk;
        this.tally = tally;
        this.words = words;
    }

    /** A new initiative of an import, with its registration for a year; its unit resolved by the import. */
    public record ImportedNew(InitiativeDraft draft, AdminUnitView unit, List<Registering> years, Long organisationId,
                              List<AdminUnitView> lineage) {
    }

    /** A year an imported initiative is registered for. */
    public record Registering(int year, RegistrationStatus status) {
    }

    /**
     * What creating this draft in this unit and registering it for the year would be refused for,
     * checked in memory (the rules of {@link InitiativeRegistry#create} and {@link Registrations#register}
     * that need no database: the import has resolved the unit in the user's scope and the owning organisation).
     */
    public List<FieldProblem> problemsOfNew(InitiativeDraft draft, AdminUnitView unit, int year) {
        List<FieldProblem> problems = new ArrayList<>();
        draft.checkFields(problems, sectors::exists, LocalDate.now(clock).getYear());
        CurrentUser user = CurrentUser.get().orElse(null);
        if (user == null || !user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR)) {
            problems.add(FieldProblem.field("", "error.forbidden"));
        } else if (unit == null || !user.scope().covers(unit)) {
            problems.add(FieldProblem.field("unitCode", "organisation.unitOutOfScope"));
        }
        if (draft.startYear() != null && year < draft.startYear()) {
            problems.add(FieldProblem.field("year", "registration.beforeStart", year, draft.startYear()));
        }
        return problems;
    }

    /** The initiatives of a unit by folded name (the first of each name), for matching imported rows. */
    public Map<String, Long> namesOfUnit(Long unitId) {
        Map<String, Long> names = new HashMap<>();
        initiatives.idsAndNamesOfUnit(unitId).forEach(row -> names.putIfAbsent(VietnameseText.fold((String) row[1]), (Long) row[0]));
        return names;
    }

    /** The initiatives of a province by code, for matching imported rows. */
    public Map<String, Long> codesOfProvince(Long provinceId) {
        Map<String, Long> codes = new HashMap<>();
        initiatives.idsAndCodesOfProvince(provinceId).forEach(row -> codes.put((String) row[1], (Long) row[0]));
        return codes;
    }

    /**
     * Creates the new initiatives of an import, each registered for its year, as one batch: codes
     * reserved per province in one step, entities written in JDBC batches, the word index, the change
     * log and the kept counts updated once for the batch. The import's own audit entry (file, counts)
     * stands for them (it lists their ids). Returns the ids, in order. An import that writes takes its codes
     * without holding the province's counter until it ends ({@link CodeNumbering#reserveApart}); a preview
     * ({@code write} false) takes provisional ones and moves no counter.
     */
    @Transactional
    public List<Long> createAllImported(List<ImportedNew> rows, boolean write) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        Map<Long, List<AdminUnitView>> lineages = new HashMap<>();
        Map<Long, Set<String>> typedCodes = new HashMap<>();
        for (ImportedNew row : rows) {
            // the import knows every unit already (its gazetteer); otherwise they are read here
            List<AdminUnitView> lineage = lineages.computeIfAbsent(row.unit().id(),
                    id -> row.lineage() != null && !row.lineage().isEmpty() ? row.lineage() : units.lineage(id));
            Long provinceId = lineage.get(0).id();
            if (row.draft().hasCode()) {
                String code = row.draft().code().strip();
                if (!typedCodes.computeIfAbsent(provinceId, p -> new HashSet<>()).add(code)) {
                    throw registry.duplicateCode(code, initiatives.findByProvinceIdAndCode(provinceId, code).orElse(null));
                }
                registry.requireUniqueCode(provinceId, code, null);
            }
        }
        Map<Long, CodeNumbering.Need> needs = codesNeeded(rows, lineages);
        Map<Long, Deque<String>> reserved = write ? numbering.reserveApart(needs) : numbering.provisional(needs);
        Instant now = clock.instant();
        List<Initiative> created = new ArrayList<>();
        for (ImportedNew row : rows) {
            List<AdminUnitView> lineage = lineages.get(row.unit().id());
            Long provinceId = lineage.get(0).id();
            String code = row.draft().hasCode() ? row.draft().code().strip() : reserved.get(provinceId).pop();
            Initiative initiative = new Initiative(code, provinceId, now);
            initiative.describe(row.draft().description(row.unit()), InitiativeViews.locality(lineage));
            row.years().stream().sorted(Comparator.comparingInt(Registering::year))
                    .forEach(y -> initiative.register(y.year(), y.status(), row.organisationId()));
            created.add(initiative);
        }
        bulk.insert(created);
        Map<RegistrationTally.Key, Long> counts = new HashMap<>();
        created.forEach(i -> RegistrationTally.keys(i).forEach(key -> counts.merge(key, 1L, Long::sum)));
        tally.addAll(counts);
        words.addAll(created);
        return created.stream().map(Initiative::getId).toList();
    }

    /** How many generated codes each province needs: one per row typed without a code. */
    private static Map<Long, CodeNumbering.Need> codesNeeded(List<ImportedNew> rows, Map<Long, List<AdminUnitView>> lineages) {
        Map<Long, CodeNumbering.Need> needed = new HashMap<>();
        for (ImportedNew row : rows) {
            if (!row.draft().hasCode()) {
                AdminUnitView province = lineages.get(row.unit().id()).get(0);
                needed.merge(province.id(), new CodeNumbering.Need(province.code(), 1),
                        (a, b) -> new CodeNumbering.Need(a.provinceCode(), a.count() + b.count()));
            }
        }
        return needed;
    }
}
