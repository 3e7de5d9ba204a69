package vn.dvk.initiative;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.organisation.Organisations;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Registers, edits and finds initiatives. Reads stay inside the user's scope; administrators and
 * mobilisation officers write anywhere in it, unit editors only their own organisation's initiatives
 * (see {@link InitiativeAccess}). Years are registered by {@link Registrations}, replicas made
 * by {@link Replications}, imports written by {@link InitiativeIntake}.
 */
@Service
@Transactional(readOnly = true)
public class InitiativeRegistry {

    public static final String OBJECT_TYPE = "INITIATIVE";

    private final InitiativeRepository initiatives;
    private final InitiativeSearch search;
    private final InitiativeWords words;
    private final Sectors sectors;
    private final AdminUnits units;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RegistrationTally tally;
    private final CodeNumbering numbering;
    private final InitiativeViews views;
    private final DuplicateCheck duplicates;
    private final InitiativeAccess access;

    InitiativeRegistry(InitiativeRepository initiatives, InitiativeSearch search, InitiativeWords words, Sectors sectors,
                       AdminUnits units, Organisations organisations, ApplicationEventPublisher events, Clock clock,
                       RegistrationTally tally, CodeNumbering numbering, InitiativeViews views, DuplicateCheck duplicates,
                       InitiativeAccess access) {
        this.initiatives = initiatives;
        this.search = search;
        this.words = words;
        this.sectors = sectors;
        this.units = units;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
        this.tally = tally;
        this.numbering = numbering;
        this.views = views;
        this.duplicates = duplicates;
        this.access = access;
    }

    /** A created initiative and the initiatives of the same unit with a very similar name. */
    public record Created(InitiativeView initiative, List<InitiativeRow> possibleDuplicates) {
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
        return new PageImpl<>(views.label(rows.getContent()), rows.getPageable(), rows.getTotalElements());
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
        return new PageImpl<>(views.label(rows.getContent()), rows.getPageable(), rows.getTotalElements());
    }

    /** Initiative-years in a state in the current user's scope (of one organisation when given), newest first. */
    public Page<InitiativeRow> inState(WorkflowState state, Long organisationId, int size) {
        Permissions.require(Role.values());
        return search.inState(state.name(), CurrentUser.currentScope(), organisationId, size);
    }

    public InitiativeView get(Long id) {
        return views.view(access.readable(id));
    }

    /**
     * Many initiatives at once (a page of an export), in the order given, those outside the caller's
     * scope left out, in a fixed number of queries whatever their number.
     */
    public List<InitiativeView> getAll(List<Long> ids) {
        return views.getAll(ids);
    }

    /** Likely duplicates of a draft before it is saved (the unit resolved as create would). */
    public List<InitiativeRow> possibleDuplicates(InitiativeDraft draft) {
        AdminUnitView unit = resolveUnit(draft, new ArrayList<>(), LocalDate.now(clock));
        return unit == null || draft.name() == null || draft.name().isBlank() ? List.of()
                : duplicates.possibleDuplicates(unit.id(), draft.name(), null);
    }

    /** The initiatives with this code (one per province at most) that the current user may see. */
    public List<InitiativeView> findByCode(String code) {
        return initiatives.findByCode(code.strip()).stream().filter(access::visible).map(views::view).toList();
    }

    /** 404 unless the initiative exists and lies in the caller's scope: asked before anything about a request's body is said. */
    @Transactional(readOnly = true)
    public void requireReadable(Long id) {
        access.readable(id);
    }

    /** True when the initiative exists and lies inside the current user's scope. */
    public boolean isReadable(Long id) {
        return access.isReadable(id);
    }

    /** 409 while every year of the initiative is recognised: see {@link InitiativeAccess#requireOpenYear}. */
    public void requireOpenYear(Long id) {
        InitiativeAccess.requireOpenYear(access.readable(id));
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
        String code = draft.hasCode() ? draft.code().strip() : numbering.next(provinceId, checked.lineage().get(0).code());
        requireUniqueCode(provinceId, code, null);
        Initiative initiative = new Initiative(code, provinceId, clock.instant());
        initiative.describe(checked.description(), InitiativeViews.locality(checked.lineage()));
        List<InitiativeRow> similar = duplicates.possibleDuplicates(checked.unit().id(), draft.name(), null);
        try {
            initiatives.saveAndFlush(initiative);
        } catch (DataIntegrityViolationException e) {
            // another user took the code between the check and this insert (the unique index decides)
            throw duplicateCode(code, null);
        }
        words.replace(initiative.getId(), initiative.getSearchKey());
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, OBJECT_TYPE, initiative.getId(), initiative.getUnitId(),
                initiative.getCode() + " " + initiative.getName()).withChanges(AuditEvent.diff(Map.of(), initiative.snapshot())));
        return new Created(views.view(initiative), similar);
    }

    @Transactional
    public InitiativeView update(Long id, InitiativeDraft draft) {
        Initiative initiative = access.writable(id);
        if (draft.version() == null || draft.version() != initiative.getVersion()) {
            throw DomainException.conflict("error.stale");
        }
        Checked checked = check(draft, initiative);
        initiative.requireUnlocked();
        Map<String, Object> before = initiative.snapshot();
        Long provinceId = checked.lineage().get(0).id();
        String locality = InitiativeViews.locality(checked.lineage());
        if (draft.hasCode() && !draft.code().strip().equals(initiative.getCode())) {
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
        return views.view(initiative);
    }

    @Transactional
    public void delete(Long id) {
        Initiative initiative = access.writable(id);
        if (!initiative.isDeletable() || !initiatives.replicaIds(id).isEmpty()) {
            throw DomainException.conflict("initiative.notDeletable", initiative.getName());
        }
        tally.change(RegistrationTally.keys(initiative), List.of());
        initiatives.delete(initiative);
        words.removed(id);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.DELETE, OBJECT_TYPE, id, initiative.getUnitId(),
                initiative.getCode() + " " + initiative.getName()).withChanges(AuditEvent.diff(initiative.snapshot(), Map.of())));
    }

    // ---- the rules of a draft that need the database

    private record Checked(AdminUnitView unit, List<AdminUnitView> lineage, Initiative.Description description) {
    }

    private Checked check(InitiativeDraft draft, Initiative existing) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.UNIT_EDITOR);
        List<FieldProblem> problems = new ArrayList<>();
        int thisYear = LocalDate.now(clock).getYear();
        draft.checkFields(problems, sectors::exists, thisYear);
        int workYear = draft.workYear(thisYear);
        AdminUnitView unit = resolveUnit(draft, problems, InitiativeDraft.workDay(workYear, LocalDate.now(clock)));
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
        if (editorOnly && draft.organisationId() == null) {
            // not a refusal of rights: a commune editor registers for their organisation and has not chosen it
            problems.add(FieldProblem.field("organisationId", "initiative.organisationRequired"));
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        if (editorOnly && (!access.mayWriteAsEditor(user, draft.organisationId())
                || (existing != null && !access.mayWriteAsEditor(user, existing.getOrganisationId())))) {
            throw Permissions.forbidden();
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        return new Checked(unit, units.lineage(unit.id()), draft.description(unit));
    }

    private AdminUnitView resolveUnit(InitiativeDraft draft, List<FieldProblem> problems, LocalDate on) {
        String code = draft.unitCode() == null ? "" : draft.unitCode().strip();
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

    /** Refuses a code another initiative of the province holds (the import checks its own batch first). */
    void requireUniqueCode(Long provinceId, String code, Long selfId) {
        initiatives.findByProvinceIdAndCode(provinceId, code).filter(i -> !i.getId().equals(selfId)).ifPresent(i -> {
            throw duplicateCode(code, i);
        });
    }

    /**
     * "The code is taken": naming the initiative that holds it only when the current user may read it
     * (it may lie in another unit of the province, outside the caller's scope).
     */
    DomainException duplicateCode(String code, Initiative holder) {
        return holder != null && access.visible(holder) ? DomainException.conflict("initiative.duplicateCodeOf", code, holder.getName())
                : DomainException.conflict("initiative.duplicateCode", code);
    }
}
