package vn.dvk.initiative;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replication: a pilot initiative taken up in another locality, and the tree of the localities it
 * reached, replicas of replicas included, as far as the reader's scope goes.
 */
@Service
@Transactional(readOnly = true)
public class Replications {

    private final InitiativeRegistry registry;
    private final InitiativeAccess access;
    private final InitiativeRepository initiatives;
    private final InitiativeViews views;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;

    Replications(InitiativeRegistry registry, InitiativeAccess access, InitiativeRepository initiatives, InitiativeViews views,
                 AdminUnits units, ApplicationEventPublisher events) {
        this.registry = registry;
        this.access = access;
        this.initiatives = initiatives;
        this.views = views;
        this.units = units;
        this.events = events;
    }

    /** A node of the replication tree: the initiative, where it is, and its own replicas. */
    public record ReplicaNode(Long id, String code, String name, Long unitId, String unitName, Integer startYear,
                              List<ReplicaNode> replicas) {
    }

    /**
     * Creates a replica of the pilot in another locality: kind, holder, sector, description, method
     * and target groups come from the pilot; results, code, featured and registrations do not.
     */
    @Transactional
    public InitiativeRegistry.Created replicate(Long pilotId, String unitCode, Long unitId, Long organisationId,
                                               Integer startYear, String name) {
        Initiative pilot = access.readable(pilotId);
        InitiativeDraft draft = new InitiativeDraft(null, name == null || name.isBlank() ? pilot.getName() : name,
                pilot.getKind(), pilot.getHolder(), pilot.getSector(), unitCode, unitId, organisationId, null, startYear,
                pilot.getDescription(), pilot.getMethod(), null, pilot.targetGroups(), false, null);
        InitiativeRegistry.Created created = registry.create(draft);
        Initiative replica = initiatives.findById(created.initiative().id()).orElseThrow();
        replica.replicateFrom(pilot, ancestry(pilot));
        initiatives.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, InitiativeRegistry.OBJECT_TYPE, replica.getId(),
                replica.getUnitId(), "replicated from " + pilot.getCode() + " " + pilot.getName()));
        return new InitiativeRegistry.Created(views.view(replica), created.possibleDuplicates());
    }

    /** The initiatives replicated from this one, and theirs, with the localities they reached. */
    public ReplicaNode replicationTree(Long id) {
        Initiative initiative = access.readable(id);
        return node(initiative.getId(), initiative.getCode(), initiative.getName(), initiative.getUnitId(),
                units.findById(initiative.getUnitId()).map(AdminUnitView::fullName).orElse(null), initiative.getStartYear(),
                new HashSet<>());
    }

    /** As {@link #replicationTree(Long)}, from an initiative the caller has just read. */
    ReplicaNode replicationTree(InitiativeView initiative) {
        return node(initiative.id(), initiative.code(), initiative.name(), initiative.unitId(), initiative.unitName(),
                initiative.startYear(), new HashSet<>());
    }

    private ReplicaNode node(Long id, String code, String name, Long unitId, String unitName, Integer startYear, Set<Long> seen) {
        seen.add(id);
        DataScope scope = CurrentUser.currentScope();
        List<ReplicaNode> children = new ArrayList<>();
        for (Initiative replica : initiatives.findByReplicatedFromIdOrderBySortKey(id)) {
            AdminUnitView unit = units.findById(replica.getUnitId()).orElseThrow();
            if (!seen.contains(replica.getId()) && scope.covers(unit)) {
                children.add(node(replica.getId(), replica.getCode(), replica.getName(), replica.getUnitId(), unit.fullName(),
                        replica.getStartYear(), seen));
            }
        }
        return new ReplicaNode(id, code, name, unitId, unitName, startYear, children);
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
}
