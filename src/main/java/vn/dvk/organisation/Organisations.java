package vn.dvk.organisation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import org.springframework.context.ApplicationEventPublisher;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creates, edits, finds and lists organisations. */
@Service
@Transactional(readOnly = true)
public class Organisations {

    static final int MAX_NAME = 300;
    static final String OBJECT_TYPE = "ORGANISATION";

    private final OrganisationRepository organisations;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;

    private final Clock clock;

    Organisations(OrganisationRepository organisations, AdminUnits units, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.units = units;
        this.events = events;
    }

    /** Filter of the organisation list; every field is optional. */
    public record Query(String text, OrganisationType type, String unitCode, Long unitId) {

        public Query(String text, OrganisationType type, String unitCode) {
            this(text, type, unitCode, null);
        }
    }

    /** The organisation, if it exists and lies inside the current user's scope. */
    public Optional<OrganisationView> find(Long id) {
        return organisations.findById(id).filter(this::inScope).map(o -> views(List.of(o)).get(0));
    }

    private boolean inScope(Organisation organisation) {
        return units.findById(organisation.getUnitId())
                .map(u -> CurrentUser.currentScope().covers(u)).orElse(false);
    }

    /** The organisation inside the current user's scope; outside it answers as if it did not exist. */
    public OrganisationView get(Long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("organisation.notFound", id));
    }

    public Page<OrganisationView> search(Query query, int page, int size) {
        String prefix = "/%";
        Long unitId = -1L;
        if (query.unitId() != null || (query.unitCode() != null && !query.unitCode().isBlank())) {
            AdminUnitView unit = query.unitId() != null
                    ? units.findById(query.unitId()).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", query.unitId()))
                    : units.getByCode(query.unitCode().strip(), LocalDate.now(clock));
            // a unit sharing nothing with the scope is not there for the caller: 404, not an empty list
            Permissions.requireOverlap(unit, "adminUnit.notFound",
                    query.unitId() != null ? query.unitId() : query.unitCode().strip());
            prefix = unit.subtreePrefix() + "%";
            unitId = unit.id();
        }
        String text = "%" + VietnameseText.fold(query.text()) + "%";
        DataScope scope = CurrentUser.currentScope();
        Page<Organisation> found = organisations.search(unitId, prefix, query.type() == null ? null : query.type().name(),
                text, scope.national(), scope.unitId(), scope.prefix(), PageRequest.of(Math.max(0, page), size));
        return new PageImpl<>(views(found.getContent()), found.getPageable(), found.getTotalElements());
    }

    public List<OrganisationView> children(Long id) {
        return views(organisations.findByParentIdOrderBySortKey(id).stream().filter(this::inScope).toList());
    }

    /** Administrators anywhere, mobilisation officers inside their scope. */
    @Transactional
    public OrganisationView create(OrganisationDraft draft) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        Checked checked = check(draft, null);
        Organisation organisation = new Organisation(draft.name(), draft.type(), checked.unitId());
        organisation.placeUnder(checked.parent(), checked.parentAncestry());
        organisations.save(organisation);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, OBJECT_TYPE, organisation.getId(),
                organisation.getUnitId(), organisation.getName()).withChanges(AuditEvent.diff(Map.of(), organisation.snapshot())));
        return views(List.of(organisation)).get(0);
    }

    @Transactional
    public OrganisationView update(Long id, OrganisationDraft draft) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        Organisation organisation = organisations.findById(id).filter(this::inScope)
                .orElseThrow(() -> DomainException.notFound("organisation.notFound", id));
        if (draft.version() == null || draft.version() != organisation.getVersion()) {
            throw DomainException.conflict("error.stale");
        }
        Checked checked = check(draft, id);
        Map<String, Object> before = organisation.snapshot();
        organisation.describe(draft.name(), draft.type(), checked.unitId());
        organisation.placeUnder(checked.parent(), checked.parentAncestry());
        organisations.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, OBJECT_TYPE, id, organisation.getUnitId(),
                organisation.getName()).withChanges(AuditEvent.diff(before, organisation.snapshot())));
        return views(List.of(organisation)).get(0);
    }

    private record Checked(Long unitId, Organisation parent, List<Long> parentAncestry) {
    }

    private Checked check(OrganisationDraft draft, Long selfId) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = VietnameseText.clean(draft.name());
        if (name == null || name.isEmpty()) {
            problems.add(FieldProblem.field("name", "validation.NotBlank"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.field("name", "validation.Size"));
        }
        if (draft.type() == null) {
            problems.add(FieldProblem.field("type", "validation.NotNull"));
        }
        Long unitId = resolveUnit(draft, problems);
        if (unitId != null && !units.findById(unitId).map(u -> CurrentUser.currentScope().covers(u)).orElse(false)) {
            problems.add(FieldProblem.field(draft.unitId() != null ? "unitId" : "unitCode", "organisation.unitOutOfScope"));
        }
        Organisation parent = null;
        List<Long> ancestry = List.of();
        if (draft.parentId() != null) {
            parent = organisations.findById(draft.parentId()).filter(this::inScope).orElse(null);
            if (parent == null) {
                problems.add(FieldProblem.field("parentId", "organisation.parentNotFound", draft.parentId()));
            } else {
                ancestry = ancestry(parent);
                if (selfId != null && (selfId.equals(parent.getId()) || ancestry.contains(selfId))) {
                    problems.add(FieldProblem.field("parentId", "organisation.parentIsSelf"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        return new Checked(unitId, parent, ancestry);
    }

    /** The unit of the draft (see {@link AdminUnits#resolve}), or the problem that names the field at fault. */
    private Long resolveUnit(OrganisationDraft draft, List<FieldProblem> problems) {
        String code = draft.unitCode() == null ? "" : draft.unitCode().strip();
        Optional<AdminUnitView> unit = units.resolve(draft.unitId(), code, LocalDate.now(clock));
        if (unit.isPresent()) {
            return unit.get().id();
        }
        if (code.isEmpty()) {
            problems.add(draft.unitId() != null ? FieldProblem.field("unitId", "organisation.unitNotFound", draft.unitId())
                    : FieldProblem.field("unitCode", "validation.NotBlank"));
        } else {
            problems.add(FieldProblem.field("unitCode", "organisation.unitNotFound", code));
        }
        return null;
    }

    /** Ids of the organisation's ancestors, nearest first. */
    private List<Long> ancestry(Organisation organisation) {
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Long next = organisation.getParentId();
        while (next != null && seen.add(next)) {
            ids.add(next);
            next = organisations.findById(next).map(Organisation::getParentId).orElse(null);
        }
        return ids;
    }

    private List<OrganisationView> views(List<Organisation> list) {
        Set<Long> unitIds = new HashSet<>();
        Set<Long> parentIds = new HashSet<>();
        list.forEach(o -> {
            unitIds.add(o.getUnitId());
            if (o.getParentId() != null) {
                parentIds.add(o.getParentId());
            }
        });
        Map<Long, AdminUnitView> unitViews = units.byIds(unitIds);
        Map<Long, String> parentNames = new HashMap<>();
        organisations.findAllById(parentIds).forEach(p -> parentNames.put(p.getId(), p.getName()));
        return list.stream().map(o -> {
            AdminUnitView unit = unitViews.get(o.getUnitId());
            return new OrganisationView(o.getId(), o.getName(), o.getType(), o.getUnitId(),
                    unit == null ? null : unit.code(), unit == null ? null : unit.fullName(),
                    o.getParentId(), parentNames.get(o.getParentId()), o.getVersion());
        }).toList();
    }

    /** Names for a set of ids, for other modules' lists. */
    public Map<Long, OrganisationView> byIds(Collection<Long> ids) {
        Map<Long, OrganisationView> result = new LinkedHashMap<>();
        views(organisations.findAllById(ids)).forEach(v -> result.put(v.id(), v));
        return result;
    }

}
