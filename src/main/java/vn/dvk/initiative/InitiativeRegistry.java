package vn.dvk.initiative;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.OrganisationView;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registers, edits, finds and replicates initiatives. Reads stay inside the user's scope;
 * administrators and mobilisation officers write anywhere in it, unit editors only their own
 * organisation's initiatives.
 */
@Service
@Transactional(readOnly = true)
public class InitiativeRegistry {

    public static final String OBJECT_TYPE = "INITIATIVE";
    static final double DUPLICATE_SIMILARITY = 0.9;
    static final int MAX_NAME = 300;
    static final int MAX_TEXT = 4000;
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private final InitiativeRepository initiatives;
    private final InitiativeSearch search;
    private final InitiativeWords words;
    private final Sectors sectors;
    private final AdminUnits units;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RegistrationTally tally;
    private final BulkInserts bulk;
    private final RegistrationStepRepository steps;
    private final CodeNumbering numbering;

    InitiativeRegistry(InitiativeRepository initiatives, InitiativeSearch search,
                       InitiativeWords words, Sectors sectors, AdminUnits units, Organisations organisations,
                       ApplicationEventPublisher events, Clock clock, RegistrationTally tally, BulkInserts bulk,
                       RegistrationStepRepository steps, CodeNumbering numbering) {
        this.steps = steps;
        this.numbering = numbering;
        this.tally = tally;
        this.bulk = bulk;
        this.initiatives = initiatives;
        this.search = search;
        this.words = words;
        this.sectors = sectors;
        this.units = units;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }


    /** A created initiative and the initiatives of the same unit with a very similar name. */
    public record Created(InitiativeView initiative, List<InitiativeRow> possibleDuplicates) {
    }

    /** A node of the replication tree: the initiative, where it is, and its own replicas. */
    public record ReplicaNode(Long id, String code, String name, Long unitId, String unitName, Integer startYear,
                              List<ReplicaNode> replicas) {
    }

    // ---- reading

    /**
     * The list: a unit code means the unit as it was in the year asked for (on 31 December), or
     * today's when no year is given — so "674, 2021" is the Đam Rông district of 2021.
     */
    public Page<InitiativeRow> search(InitiativeQuery query, int page, int size) {
        LocalDate on = query.year() != null && query.year() > 1900 && query.year() < 3000 ? LocalDate.of(query.year(), 12, 31)
                : LocalDate.now(clock);
        AdminUnitView unit = query.unitCode() == null || query.unitCode().isBlank() ? null
                : units.getByCode(query.unitCode().strip(), on);
        if (unit != null) {
            // a unit sharing nothing with the scope is not there for the caller: 404, not an empty list
            Permissions.requireOverlap(unit, "adminUnit.notFound", query.unitCode().strip());
        }
        Page<InitiativeRow> rows = search.search(query, unit, CurrentUser.currentScope(), Math.max(0, page), size);
        return new PageImpl<>(label(rows.getContent()), rows.getPageable(), rows.getTotalElements());
    }

    /**
     * The list with the unit meant in today's structure: the initiatives of every unit, of any time,
     * that lies in it today (so a report "in today's structure" can be traced to its initiatives).
     */
    public Page<InitiativeRow> search(InitiativeQuery query, boolean todaysStructure, int page, int size) {
        if (!todaysStructure || query.unitCode() == null || query.unitCode().isBlank()) {
            return search(query, page, size);
        }
        LocalDate today = LocalDate.now(clock);
        AdminUnitView unit = units.getByCode(query.unitCode().strip(), today);
        Permissions.requireOverlap(unit, "adminUnit.notFound", query.unitCode().strip());
        Page<InitiativeRow> rows = search.search(query, null, units.placedUnder(unit, today), CurrentUser.currentScope(),
                Math.max(0, page), size);
        return new PageImpl<>(label(rows.getContent()), rows.getPageable(), rows.getTotalElements());
    }

    /** Initiative-years in a state in the current user's scope (of one organisation when given), newest first. */
    public Page<InitiativeRow> inState(WorkflowState state, Long organisationId, int size) {
        Permissions.require(Role.values());
        return search.inState(state.name(), CurrentUser.currentScope(), organisationId, size);
    }

    public InitiativeView get(Long id) {
        return view(readable(id));
    }

    /** The initiatives replicated from this one, and theirs, with the localities they reached. */
    public ReplicaNode replicationTree(Long id) {
        return node(readable(id), new HashSet<>());
    }

    /** Initiatives of the same unit whose name is very close to this one (diacritics and case aside). */
    public List<InitiativeRow> possibleDuplicates(Long unitId, String name, Long excludeId) {
        String folded = VietnameseText.fold(name);
        List<Initiative> similar = initiatives.findByUnitId(unitId).stream()
                .filter(i -> !i.getId().equals(excludeId))
                .filter(i -> SIMILARITY.apply(VietnameseText.fold(i.getName()), folded) >= DUPLICATE_SIMILARITY)
                .toList();
        return label(similar.stream().map(this::row).toList());
    }

    /** Likely duplicates of a draft before it is saved (the unit resolved as create would). */
    public List<InitiativeRow> possibleDuplicates(InitiativeDraft draft) {
        AdminUnitView unit = resolveUnit(draft, new ArrayList<>(), LocalDate.now(clock));
        return unit == null || blank(draft.name()) ? List.of() : possibleDuplicates(unit.id(), draft.name(), null);
    }

    /** The initiatives with this code (one per province at most) that the current user may see. */
    public List<InitiativeView> findByCode(String code) {
        return initiatives.findByCode(code.strip()).stream().filter(this::visible).map(this::view).toList();
    }

    /** True when the initiative exists and lies inside the current user's scope. */
    /** 404 unless the initiative exists and lies in the caller's scope: asked before anything about a request's body is said. */
    @Transactional(readOnly = true)
    public void requireReadable(Long id) {
        readable(id);
    }

    public boolean isReadable(Long id) {
        return initiatives.findById(id).filter(this::visible).isPresent();
    }

    private boolean visible(Initiative initiative) {
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElse(null);
        return unit != null && CurrentUser.currentScope().covers(unit);
    }

    /**
     * What creating (or, with {@code existingId}, updating) this draft would be refused for, without
     * writing: the same checks as {@link #create} and {@link #update}.
     */
    public List<FieldProblem> problems(InitiativeDraft draft, Long existingId) {
        try {
            check(draft, existingId == null ? null : initiatives.findById(existingId).orElse(null));
            return List.of();
        } catch (DomainException e) {
            return e.problems().isEmpty() ? List.of(FieldProblem.field("", e.messageKey(), e.args())) : e.problems();
        }
    }

    // ---- writing

    @Transactional
    public Created create(InitiativeDraft draft) {
        Checked checked = check(draft, null);
        Long provinceId = checked.lineage().get(0).id();
        String code = blank(draft.code()) ? numbering.next(provinceId, checked.lineage().get(0).code()) : draft.code().strip();
        requireUniqueCode(provinceId, code, null);
        Initiative initiative = new Initiative(code, provinceId, clock.instant());
        initiative.describe(checked.description(), locality(checked.lineage()));
        List<InitiativeRow> duplicates = possibleDuplicates(checked.unit().id(), draft.name(), null);
        try {
            initiatives.saveAndFlush(initiative);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // another user took the code between the check and this insert (the unique index decides)
            throw duplicateCode(code, null);
        }
        words.replace(initiative.getId(), initiative.getSearchKey());
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, OBJECT_TYPE, initiative.getId(), initiative.getUnitId(),
                initiative.getCode() + " " + initiative.getName()).withChanges(AuditEvent.diff(Map.of(), initiative.snapshot())));
        return new Created(view(initiative), duplicates);
    }

    // ---- imports: many new initiatives at once

    /** A new initiative of an import, with its registration for a year; its unit resolved by the import. */
    public record ImportedNew(InitiativeDraft draft, AdminUnitView unit, List<Registering> years, Long organisationId,
                              List<AdminUnitView> lineage) {
    }

    /** A year an imported initiative is registered for. */
    public record Registering(int year, RegistrationStatus status) {
    }

    /**
     * What creating this draft in this unit and registering it for the year would be refused for,
     * checked in memory (the rules of {@link #create} and {@link #register} that need no database:
     * the import has resolved the unit in the user's scope and the owning organisation).
     */
    public List<FieldProblem> problemsOfNew(InitiativeDraft draft, AdminUnitView unit, int year) {
        List<FieldProblem> problems = new ArrayList<>();
        fieldProblems(draft, problems);
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
        Map<String, Long> names = new java.util.HashMap<>();
        initiatives.idsAndNamesOfUnit(unitId).forEach(row -> names.putIfAbsent(VietnameseText.fold((String) row[1]), (Long) row[0]));
        return names;
    }

    /** The initiatives of a province by code, for matching imported rows. */
    public Map<String, Long> codesOfProvince(Long provinceId) {
        Map<String, Long> codes = new java.util.HashMap<>();
        initiatives.idsAndCodesOfProvince(provinceId).forEach(row -> codes.put((String) row[1], (Long) row[0]));
        return codes;
    }

    /**
     * Creates the new initiatives of an import, each registered for its year, as one batch: codes
     * reserved per province in one step, entities written in JDBC batches, the word index, the change
     * log and the kept counts updated once for the batch. The import's own audit entry (file, counts)
     * stands for them (it lists their ids). Returns the ids, in order.
     */
    @Transactional
    public List<Long> createAllImported(List<ImportedNew> rows) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        Map<Long, List<AdminUnitView>> lineages = new java.util.HashMap<>();
        List<Initiative> created = new ArrayList<>();
        Map<Long, java.util.Set<String>> typedCodes = new java.util.HashMap<>();
        for (ImportedNew row : rows) {
            // the import knows every unit already (its gazetteer); otherwise they are read here
            List<AdminUnitView> lineage = lineages.computeIfAbsent(row.unit().id(),
                    id -> row.lineage() != null && !row.lineage().isEmpty() ? row.lineage() : units.lineage(id));
            Long provinceId = lineage.get(0).id();
            if (!blank(row.draft().code())) {
                String code = row.draft().code().strip();
                if (!typedCodes.computeIfAbsent(provinceId, p -> new java.util.HashSet<>()).add(code)
                        || initiatives.findByProvinceIdAndCode(provinceId, code).isPresent()) {
                    throw duplicateCode(code, initiatives.findByProvinceIdAndCode(provinceId, code).orElse(null));
                }
            }
        }
        // codes for the rows without one, reserved for all provinces at once
        Map<Long, CodeNumbering.Need> needed = new java.util.HashMap<>();
        for (ImportedNew row : rows) {
            if (blank(row.draft().code())) {
                AdminUnitView province = lineages.get(row.unit().id()).get(0);
                needed.merge(province.id(), new CodeNumbering.Need(province.code(), 1),
                        (a, b) -> new CodeNumbering.Need(a.provinceCode(), a.count() + b.count()));
            }
        }
        Map<Long, java.util.Deque<String>> reserved = numbering.reserve(needed);
        Instant now = clock.instant();
        for (ImportedNew row : rows) {
            List<AdminUnitView> lineage = lineages.get(row.unit().id());
            Long provinceId = lineage.get(0).id();
            String code = blank(row.draft().code()) ? reserved.get(provinceId).pop() : row.draft().code().strip();
            InitiativeDraft d = row.draft();
            Initiative initiative = new Initiative(code, provinceId, now);
            initiative.describe(new Initiative.Description(VietnameseText.clean(d.name()), d.kind(), d.holder(), d.sector(),
                    row.unit().id(), d.organisationId(), d.responsibleOfficer(), d.startYear(), d.description(), d.method(), d.results(),
                    d.targetGroups(), Boolean.TRUE.equals(d.featured())), locality(lineage));
            row.years().stream().sorted(java.util.Comparator.comparingInt(Registering::year))
                    .forEach(y -> initiative.register(y.year(), y.status(), row.organisationId()));
            created.add(initiative);
        }
        bulk.insert(created);
        Map<RegistrationTally.Key, Long> counts = new java.util.HashMap<>();
        created.forEach(i -> RegistrationTally.keys(i).forEach(key -> counts.merge(key, 1L, Long::sum)));
        tally.addAll(counts);
        words.addAll(created);
        return created.stream().map(Initiative::getId).toList();
    }

    @Transactional
    public InitiativeView update(Long id, InitiativeDraft draft) {
        Initiative initiative = writable(id);
        if (draft.version() == null || draft.version() != initiative.getVersion()) {
            throw DomainException.conflict("error.stale");
        }
        Checked checked = check(draft, initiative);
        initiative.requireUnlocked();
        Map<String, Object> before = initiative.snapshot();
        Long provinceId = checked.lineage().get(0).id();
        String locality = locality(checked.lineage());
        if (!blank(draft.code()) && !draft.code().strip().equals(initiative.getCode())) {
            if (!provinceId.equals(initiative.getProvinceId())) {
                throw DomainException.invalid("initiative.codeOtherProvince");
            }
            requireUniqueCode(provinceId, draft.code().strip(), id);
            initiative.recode(draft.code().strip(), locality);
        }
        List<RegistrationTally.Key> counted = RegistrationTally.keys(initiative);
        initiative.describe(checked.description(), locality);
        tally.change(counted, RegistrationTally.keys(initiative));
        initiatives.flush();
        words.replace(id, initiative.getSearchKey());
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, OBJECT_TYPE, id, initiative.getUnitId(),
                initiative.getCode() + " " + initiative.getName()).withChanges(AuditEvent.diff(before, initiative.snapshot())));
        return view(initiative);
    }

    @Transactional
    public void delete(Long id) {
        Initiative initiative = writable(id);
        if (!initiative.isDeletable() || !initiatives.replicaIds(id).isEmpty()) {
            throw DomainException.conflict("initiative.notDeletable", initiative.getName());
        }
        tally.change(RegistrationTally.keys(initiative), List.of());
        initiatives.delete(initiative);
        words.removed(id);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.DELETE, OBJECT_TYPE, id, initiative.getUnitId(),
                initiative.getCode() + " " + initiative.getName()).withChanges(AuditEvent.diff(initiative.snapshot(), Map.of())));
    }

    @Transactional
    public InitiativeView register(Long id, int year, RegistrationStatus status, Long organisationId) {
        Initiative initiative = writable(id);
        Long organisation = organisationId != null ? organisationId : initiative.getOrganisationId();
        if (organisation != null && organisations.find(organisation).isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID,
                    List.of(FieldProblem.field("organisationId", "organisation.notFound", organisation)), "error.validation");
        }
        if (status == null) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("status", "validation.NotNull")),
                    "error.validation");
        }
        Registration registered = registerIn(initiative, year, status, organisation);
        tally.add(RegistrationTally.Key.of(registered), 1);
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "REGISTRATION", id + "/" + year, initiative.getUnitId(),
                initiative.getCode() + " " + year + " " + status));
        return view(initiative);
    }

    /**
     * "Register last year's initiatives again": every initiative under the unit registered in the
     * year before and not discontinued is registered as MAINTAINED for the year, in one action.
     */
    @Transactional
    public int renew(String unitCode, int year) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        AdminUnitView unit = units.getByCode(unitCode.strip(), LocalDate.now(clock));
        if (!user.scope().covers(unit)) {
            // a unit outside the caller's scope answers as one that does not exist, and nothing is written
            throw DomainException.notFound("adminUnit.notFound", unitCode.strip());
        }
        int renewed = 0;
        int page = 0;
        Page<InitiativeRow> previous;
        List<Long> ids = new ArrayList<>();
        do {
            previous = search.search(new InitiativeQuery(null, null, year - 1, null, null, null, null, null, null, null),
                    unit, user.scope(), page++, 500);
            previous.getContent().forEach(r -> ids.add(r.id()));
        } while (previous.hasNext());
        Map<RegistrationTally.Key, Long> counts = new HashMap<>();
        for (Initiative initiative : ids.isEmpty() ? List.<Initiative>of() : initiatives.lockAllById(ids)) {
            boolean mayWrite = user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER)
                    || mayWriteAsEditor(user, initiative.getOrganisationId());
            boolean open = initiative.getDiscontinuedFrom() == null || initiative.getDiscontinuedFrom() > year;
            if (mayWrite && open && initiative.registrationFor(year).isEmpty()) {
                Long organisation = initiative.registrationFor(year - 1).map(Registration::getOrganisationId)
                        .orElse(initiative.getOrganisationId());
                Registration registered = registerIn(initiative, year, RegistrationStatus.MAINTAINED, organisation);
                counts.merge(RegistrationTally.Key.of(registered), 1L, Long::sum);
                renewed++;
            }
        }
        tally.addAll(counts);
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "REGISTRATION", null, unit.id(),
                "renewed " + renewed + " initiatives of " + unit.fullName() + " for " + year));
        return renewed;
    }

    @Transactional
    public InitiativeView discontinue(Long id, int fromYear, String reason) {
        Initiative initiative = writable(id);
        Map<String, Object> before = initiative.snapshot();
        initiative.discontinue(fromYear, reason);
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.STATE_CHANGE, OBJECT_TYPE, id, initiative.getUnitId(),
                "discontinued from " + fromYear + ": " + reason).withChanges(AuditEvent.diff(before, initiative.snapshot())));
        return view(initiative);
    }

    /**
     * Creates a replica of the pilot in another locality: kind, holder, sector, description, method
     * and target groups come from the pilot; results, code, featured and registrations do not.
     */
    @Transactional
    public Created replicate(Long pilotId, String unitCode, Long unitId, Long organisationId, Integer startYear, String name) {
        Initiative pilot = readable(pilotId);
        InitiativeDraft draft = new InitiativeDraft(null, blank(name) ? pilot.getName() : name, pilot.getKind(),
                pilot.getHolder(), pilot.getSector(), unitCode, unitId, organisationId, null, startYear,
                pilot.getDescription(), pilot.getMethod(), null, pilot.targetGroups(), false, null);
        Created created = create(draft);
        Initiative replica = initiatives.findById(created.initiative().id()).orElseThrow();
        replica.replicateFrom(pilot, ancestry(pilot));
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, OBJECT_TYPE, replica.getId(), replica.getUnitId(),
                "replicated from " + pilot.getCode() + " " + pilot.getName()));
        return new Created(view(replica), created.possibleDuplicates());
    }

    @Transactional
    public InitiativeView measure(Long id, String name, String unit, int year, BigDecimal value) {
        Initiative initiative = writable(id);
        if (blank(name) || blank(unit) || value == null) {
            throw DomainException.invalid("indicator.incomplete");
        }
        initiative.requireUnlocked();
        initiative.measure(name, unit, year, value);
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, OBJECT_TYPE, id, initiative.getUnitId(),
                "indicator " + name + " " + year + " = " + value + " " + unit));
        return view(initiative);
    }

    /** Refuses unless the current user may change the initiative (for its attachments). */
    void requireWritable(Long id) {
        writable(id);
    }

    /**
     * Refuses (409) to change what belongs to the whole record — its files, its linked movements —
     * while every year it is registered for is recognised (or proposed, or commended): nothing open
     * is left for the change to belong to until a committee member re-opens a year or a new year is
     * registered.
     */
    public void requireOpenYear(Long id) {
        requireOpenYear(readable(id));
    }

    private static void requireOpenYear(Initiative initiative) {
        List<Registration> years = initiative.getRegistrations();
        if (!years.isEmpty() && years.stream().noneMatch(Registration::isOpen)) {
            int latest = years.stream().mapToInt(Registration::getYear).max().orElseThrow();
            throw DomainException.conflict("initiative.allYearsLocked", initiative.getName(), latest);
        }
    }

    /**
     * Refuses unless the current user may add a file to the initiative now: they may write it and a
     * year of it is open (see {@link #requireOpenYear(Long)}).
     */
    void requireAttachable(Long id) {
        requireOpenYear(writable(id));
    }

    /**
     * Refuses unless a file uploaded at {@code uploadedAt} may be removed: the user may write the
     * initiative, a year of it is open, and the file was not already there when a year still
     * recognised was recognised (it is part of that year's recognised dossier).
     */
    void requireRemovable(Long id, String fileName, Instant uploadedAt) {
        Initiative initiative = writable(id);
        requireOpenYear(initiative);
        List<RegistrationStep> history = steps.timelineOf(id);
        for (Registration year : initiative.getRegistrations()) {
            if (year.isOpen()) {
                continue;
            }
            Instant locked = history.stream().filter(s -> s.view().year() == year.getYear() && s.view().toState().locked())
                    .map(s -> s.view().at()).max(java.util.Comparator.naturalOrder()).orElse(null);
            if (locked == null || !uploadedAt.isAfter(locked)) {
                throw DomainException.conflict("attachment.recognised", fileName, year.getYear());
            }
        }
    }

    Long unitOf(Long id) {
        return initiatives.findById(id).map(Initiative::getUnitId).orElse(null);
    }

    // ---- rules and helpers

    private record Checked(AdminUnitView unit, List<AdminUnitView> lineage, Initiative.Description description) {
    }

    /** The rules of a draft's own fields (no database); returns the cleaned name. */
    private String fieldProblems(InitiativeDraft draft, List<FieldProblem> problems) {
        String name = VietnameseText.clean(draft.name());
        if (name == null || name.isEmpty()) {
            problems.add(FieldProblem.field("name", "validation.NotBlank"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.field("name", "validation.Size"));
        }
        if (draft.kind() == null) {
            problems.add(FieldProblem.field("kind", "validation.NotNull"));
        }
        if (draft.holder() == null) {
            problems.add(FieldProblem.field("holder", "validation.NotNull"));
        }
        if (!sectors.exists(draft.sector())) {
            problems.add(FieldProblem.field("sector", blank(draft.sector()) ? "validation.NotNull" : "sector.unknown", draft.sector()));
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (draft.startYear() != null && (draft.startYear() < 1945 || draft.startYear() > thisYear + 1)) {
            problems.add(FieldProblem.field("startYear", "initiative.startYearRange", 1945, thisYear + 1));
        }
        for (var text : Map.of("description", nz(draft.description()), "method", nz(draft.method()),
                "results", nz(draft.results())).entrySet()) {
            if (text.getValue().length() > MAX_TEXT) {
                problems.add(FieldProblem.field(text.getKey(), "validation.Size"));
            }
        }
        if (!blank(draft.code()) && !draft.code().strip().matches("[\\p{L}\\p{N}._/-]{1,30}")) {
            problems.add(FieldProblem.field("code", "initiative.codeFormat"));
        }
        return name;
    }

    private Checked check(InitiativeDraft draft, Initiative existing) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        List<FieldProblem> problems = new ArrayList<>();
        String name = fieldProblems(draft, problems);
        int workYear = draft.startYear() != null && draft.startYear() >= 1945 && draft.startYear() <= thisYear() + 1
                ? draft.startYear() : thisYear();
        AdminUnitView unit = resolveUnit(draft, problems, workDay(workYear));
        if (unit != null && !user.scope().covers(unit)) {
            problems.add(FieldProblem.field("unitCode", "adminUnit.outOfScope", unit.fullName()));
        } else if (unit != null && existing == null && !unit.existedIn(workYear)) {
            problems.add(units.notInYear("unitCode", unit, workYear));
        }
        if (problems.stream().anyMatch(p -> "unitCode".equals(p.field()))) {
            // the unit was not understood: say that, not that the organisation is not the user's own
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        if (draft.organisationId() != null && organisations.find(draft.organisationId()).isEmpty()) {
            problems.add(FieldProblem.field("organisationId", "organisation.notFound", draft.organisationId()));
        }
        boolean editorOnly = !user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER);
        if (editorOnly && (!mayWriteAsEditor(user, draft.organisationId())
                || (existing != null && !mayWriteAsEditor(user, existing.getOrganisationId())))) {
            throw Permissions.forbidden();
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        List<AdminUnitView> lineage = units.lineage(unit.id());
        return new Checked(unit, lineage, new Initiative.Description(name, draft.kind(), draft.holder(), draft.sector(),
                unit.id(), draft.organisationId(), draft.responsibleOfficer(), draft.startYear(), draft.description(),
                draft.method(), draft.results(), draft.targetGroups(), Boolean.TRUE.equals(draft.featured())));
    }

    private AdminUnitView resolveUnit(InitiativeDraft draft, List<FieldProblem> problems, LocalDate on) {
        String code = nz(draft.unitCode()).strip();
        Optional<AdminUnitView> unit;
        try {
            unit = units.resolve(draft.unitId(), code, on);
        } catch (DomainException e) {
            problems.addAll(e.problems());
            return null;
        }
        if (unit.isEmpty()) {
            problems.add(code.isEmpty() ? FieldProblem.field("unitCode", "validation.NotBlank")
                    : FieldProblem.field("unitCode", "organisation.unitNotFound", code));
        }
        return unit.orElse(null);
    }

    private int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    /** The day a unit typed for a year is looked up on: today in the current year, else the year's last day. */
    private LocalDate workDay(int year) {
        LocalDate today = LocalDate.now(clock);
        return year == today.getYear() ? today : LocalDate.of(year, 12, 31);
    }

    /**
     * Registers the initiative for a year. A unit merged away in a reform takes no records of the years
     * after it ended from those who worked in it; the users of the unit of today that continues it keep
     * its initiatives up (the registration stays with the initiative's unit, which lies in theirs today).
     */
    private Registration registerIn(Initiative initiative, int year, RegistrationStatus status, Long organisation) {
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElseThrow();
        DataScope scope = CurrentUser.currentScope();
        boolean reachesItsPlaceToday = scope.national() || (unit.placedPath() != null && scope.coversSubtree(unit.placedPath()));
        if (unit.validTo() != null && unit.validTo().getYear() < year && !reachesItsPlaceToday) {
            FieldProblem why = units.notInYear("year", unit, year);
            throw new DomainException(DomainException.Kind.CONFLICT, List.of(why), why.messageKey(), why.args());
        }
        return initiative.register(year, status, organisation);
    }

    /**
     * Moves the initiative to the unit of today that continues its own, from a year on; the
     * registrations of earlier years stay with the unit of their time, and the initiative keeps its
     * province of origin (its code stays unique there; the province of today reaches it).
     */
    private void relocate(Initiative initiative, AdminUnitView unit, int fromYear) {
        AdminUnitView successor = units.onDay(List.of(unit.id()), LocalDate.now(clock)).get(unit.id());
        if (successor == null || successor.id().equals(unit.id()) || !CurrentUser.currentScope().covers(successor)) {
            FieldProblem why = units.notInYear("unitCode", unit, fromYear);
            throw new DomainException(DomainException.Kind.CONFLICT, List.of(why), why.messageKey(), why.args());
        }
        List<AdminUnitView> lineage = units.lineage(successor.id());
        Map<String, Object> before = initiative.snapshot();
        List<RegistrationTally.Key> counted = RegistrationTally.keys(initiative);
        initiative.relocate(successor.id(), locality(lineage), fromYear);
        tally.change(counted, RegistrationTally.keys(initiative));
        initiatives.flush();
        words.replace(initiative.getId(), initiative.getSearchKey());
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, OBJECT_TYPE, initiative.getId(), initiative.getUnitId(),
                "moved from " + unit.fullName() + " to " + successor.fullName() + " from " + fromYear)
                .withChanges(AuditEvent.diff(before, initiative.snapshot())));
    }

    /** True when the initiative's unit no longer exists today (merged away in a reform). */
    public boolean unitEnded(Long id) {
        AdminUnitView unit = units.findById(readable(id).getUnitId()).orElseThrow();
        return unit.validTo() != null && unit.validTo().isBefore(LocalDate.now(clock));
    }

    /**
     * Moves an initiative whose unit no longer exists to the unit of today that continues it, from the
     * current year on; its registrations of earlier years stay with the unit of their time.
     */
    @Transactional
    public InitiativeView moveToSuccessor(Long id) {
        Initiative initiative = writable(id);
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElseThrow();
        if (unit.validTo() == null || !unit.validTo().isBefore(LocalDate.now(clock))) {
            throw DomainException.conflict("initiative.unitStillExists", unit.fullName());
        }
        relocate(initiative, unit, thisYear());
        return view(initiative);
    }

    private void requireUniqueCode(Long provinceId, String code, Long selfId) {
        initiatives.findByProvinceIdAndCode(provinceId, code).filter(i -> !i.getId().equals(selfId)).ifPresent(i -> {
            throw duplicateCode(code, i);
        });
    }

    /**
     * "The code is taken": naming the initiative that holds it only when the current user may read it
     * (it may lie in another unit of the province, outside the caller's scope).
     */
    private DomainException duplicateCode(String code, Initiative holder) {
        return holder != null && visible(holder) ? DomainException.conflict("initiative.duplicateCodeOf", code, holder.getName())
                : DomainException.conflict("initiative.duplicateCode", code);
    }

    /** The initiative if it lies inside the reader's scope; otherwise it answers as not found. */
    Initiative readable(Long id) {
        Initiative initiative = initiatives.findById(id).orElseThrow(() -> DomainException.notFound("initiative.notFound", id));
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElseThrow();
        Permissions.requireInScope(unit, "initiative.notFound", id);
        return initiative;
    }

    /** The initiative, locked (see {@link InitiativeRepository#lockById}), if the current user may change it. */
    private Initiative writable(Long id) {
        Initiative initiative = initiatives.lockById(id).orElseThrow(() -> DomainException.notFound("initiative.notFound", id));
        AdminUnitView unit = units.findById(initiative.getUnitId()).orElseThrow();
        Permissions.requireInScope(unit, "initiative.notFound", id);
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        if (!user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER) && !mayWriteAsEditor(user, initiative.getOrganisationId())) {
            throw Permissions.forbidden();
        }
        return initiative;
    }

    /**
     * A unit editor writes their own organisation's initiatives, and carries on those of organisations
     * whose unit was merged away into their scope (the commune of today continues the communes it
     * replaced, and their records with them).
     */
    boolean mayWriteAsEditor(CurrentUser user, Long organisationId) {
        if (organisationId == null) {
            return false;
        }
        if (organisationId.equals(user.organisationId())) {
            return true;
        }
        LocalDate today = LocalDate.now(clock);
        return organisations.find(organisationId).flatMap(o -> o.unitId() == null ? Optional.empty() : units.findById(o.unitId()))
                .map(u -> u.validTo() != null && u.validTo().isBefore(today) && user.scope().covers(u)
                        && !user.scope().coversByPath(u))
                .orElse(false);
    }

    private List<Long> ancestry(Initiative initiative) {
        List<Long> ids = new ArrayList<>();
        Long next = initiative.getReplicatedFromId();
        while (next != null && !ids.contains(next)) {
            ids.add(next);
            next = initiatives.findById(next).map(Initiative::getReplicatedFromId).orElse(null);
        }
        return ids;
    }

    private ReplicaNode node(Initiative initiative, Set<Long> seen) {
        seen.add(initiative.getId());
        DataScope scope = CurrentUser.currentScope();
        List<ReplicaNode> children = new ArrayList<>();
        for (Initiative replica : initiatives.findByReplicatedFromIdOrderBySortKey(initiative.getId())) {
            AdminUnitView unit = units.findById(replica.getUnitId()).orElseThrow();
            if (!seen.contains(replica.getId()) && scope.covers(unit)) {
                children.add(node(replica, seen));
            }
        }
        String unitName = units.findById(initiative.getUnitId()).map(AdminUnitView::fullName).orElse(null);
        return new ReplicaNode(initiative.getId(), initiative.getCode(), initiative.getName(), initiative.getUnitId(),
                unitName, initiative.getStartYear(), children);
    }

    private InitiativeRow row(Initiative i) {
        return new InitiativeRow(i.getId(), i.getCode(), i.getName(), i.getKind(), i.getHolder(), i.getSector(), null,
                i.getUnitId(), units.findById(i.getUnitId()).map(AdminUnitView::fullName).orElse(null), i.getOrganisationId(),
                null, i.getStartYear(), i.isFeatured(), i.targetGroups().contains(TargetGroup.ETHNIC_MINORITY),
                i.targetGroups().contains(TargetGroup.RELIGIOUS), i.getDiscontinuedFrom(), i.getReplicatedFromId(),
                null, null, null);
    }

    /** Adds sector labels and organisation names to a page of rows, with one query for the names. */
    private List<InitiativeRow> label(List<InitiativeRow> rows) {
        Map<String, String> sectorLabels = sectors.all().stream()
                .collect(Collectors.toMap(Sectors.SectorView::code, Sectors.SectorView::label));
        Map<Long, OrganisationView> names = organisations.byIds(rows.stream().map(InitiativeRow::organisationId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream().map(r -> new InitiativeRow(r.id(), r.code(), r.name(), r.kind(), r.holder(), r.sector(),
                sectorLabels.get(r.sector()), r.unitId(), r.unitName(), r.organisationId(),
                r.organisationId() == null || !names.containsKey(r.organisationId()) ? null : names.get(r.organisationId()).name(),
                r.startYear(), r.featured(), r.ethnicMinority(), r.religious(), r.discontinuedFrom(), r.replicatedFromId(),
                r.year(), r.status(), r.workflowState())).toList();
    }

    private InitiativeView view(Initiative i) {
        List<AdminUnitView> lineage = units.lineage(i.getUnitId());
        Map<Long, OrganisationView> names = organisations.byIds(organisationIds(List.of(i)));
        String pilotName = i.getReplicatedFromId() == null ? null
                : initiatives.findById(i.getReplicatedFromId()).map(Initiative::getName).orElse(null);
        return view(i, lineage, names, sectorLabels(), pilotName);
    }

    /**
     * Many initiatives at once (a page of an export), in the order given, those outside the caller's
     * scope left out: a fixed number of queries whatever their number (their registrations and
     * indicators are read in batches).
     */
    public List<InitiativeView> getAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Initiative> byId = new HashMap<>();
        initiatives.findAllById(ids).forEach(i -> byId.put(i.getId(), i));
        Map<Long, List<AdminUnitView>> lineages = units.lineages(byId.values().stream().map(Initiative::getUnitId).distinct().toList());
        Map<Long, OrganisationView> names = organisations.byIds(organisationIds(byId.values()));
        Map<String, String> sectorLabels = sectorLabels();
        Map<Long, String> pilots = new HashMap<>();
        List<Long> pilotIds = byId.values().stream().map(Initiative::getReplicatedFromId).filter(java.util.Objects::nonNull).distinct()
                .toList();
        initiatives.findAllById(pilotIds).forEach(p -> pilots.put(p.getId(), p.getName()));
        vn.dvk.shared.security.DataScope scope = CurrentUser.currentScope();
        List<InitiativeView> views = new ArrayList<>();
        for (Long id : ids) {
            Initiative i = byId.get(id);
            List<AdminUnitView> lineage = i == null ? null : lineages.get(i.getUnitId());
            if (lineage == null || lineage.isEmpty() || !scope.covers(lineage.get(lineage.size() - 1))) {
                continue;
            }
            views.add(view(i, lineage, names, sectorLabels, pilots.get(i.getReplicatedFromId())));
        }
        return views;
    }

    private static Set<Long> organisationIds(java.util.Collection<Initiative> list) {
        Set<Long> organisationIds = new HashSet<>();
        for (Initiative i : list) {
            if (i.getOrganisationId() != null) {
                organisationIds.add(i.getOrganisationId());
            }
            i.getRegistrations().forEach(r -> {
                if (r.getOrganisationId() != null) {
                    organisationIds.add(r.getOrganisationId());
                }
            });
        }
        return organisationIds;
    }

    private Map<String, String> sectorLabels() {
        Map<String, String> sectorLabels = new HashMap<>();
        sectors.all().forEach(s -> sectorLabels.put(s.code(), s.label()));
        return sectorLabels;
    }

    private InitiativeView view(Initiative i, List<AdminUnitView> lineage, Map<Long, OrganisationView> names,
                                Map<String, String> sectorLabels, String pilotName) {
        AdminUnitView unit = lineage.get(lineage.size() - 1);
        List<InitiativeView.RegistrationView> registrations = i.getRegistrations().stream()
                .map(r -> new InitiativeView.RegistrationView(r.getId(), r.getYear(), r.getStatus(), r.getOrganisationId(),
                        nameOf(names, r.getOrganisationId()), r.getWorkflowState(), r.getRating(), r.getScore(), r.getUnitId(),
                        r.getSector(), r.getKind(), r.getHolder(), r.isFeatured())).toList();
        String state = registrations.isEmpty() ? null : registrations.get(registrations.size() - 1).workflowState().name();
        return new InitiativeView(i.getId(), i.getCode(), i.getName(), i.getKind(), i.getHolder(), i.getSector(),
                sectorLabels.get(i.getSector()), unit.id(), unit.code(), unit.fullName(), locality(lineage),
                i.getOrganisationId(), nameOf(names, i.getOrganisationId()), i.getResponsibleOfficer(), i.getStartYear(),
                i.getDescription(), i.getMethod(), i.getResults(), i.targetGroups(), i.isFeatured(), i.getReplicatedFromId(),
                pilotName, i.getDiscontinuedFrom(), i.getDiscontinuedReason(), state, registrations,
                i.getIndicators().stream().map(x -> new InitiativeView.IndicatorView(x.getName(), x.getUnit(), x.getYear(),
                        x.getValue())).toList(), i.getVersion());
    }

    private static String nameOf(Map<Long, OrganisationView> names, Long id) {
        return id == null || !names.containsKey(id) ? null : names.get(id).name();
    }

    /** "Xã Phi Liêng, Huyện Đam Rông, Tỉnh Lâm Đồng": the unit and its ancestors, nearest first. */
    private static String locality(List<AdminUnitView> lineage) {
        List<String> names = new ArrayList<>();
        for (int k = lineage.size() - 1; k >= 0; k--) {
            names.add(lineage.get(k).fullName());
        }
        return String.join(", ", names);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
