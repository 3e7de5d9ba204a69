package vn.dvk.workflow;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeRow;
import vn.dvk.initiative.WorkflowState;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Việc cần làm": what awaits the current user — evaluation, recognition, revision, a commendation
 * decision, overdue follow-ups — each as far as their roles and scope reach, with their notifications.
 */
@Service
public class Tasks {

    static final int SHOWN = 20;
    /** The most a recognition decision lists (see the recognition form). */
    static final int DECISION_LIST = 500;

    private final InitiativeRegistry registry;
    private final Commendations commendations;
    private final Inspections inspections;
    private final Notifications notifications;
    private final AdminUnits units;

    Tasks(InitiativeRegistry registry, Commendations commendations, Inspections inspections, Notifications notifications,
          AdminUnits units) {
        this.units = units;
        this.registry = registry;
        this.commendations = commendations;
        this.inspections = inspections;
        this.notifications = notifications;
    }

    /** A group of initiative-years: how many, and the first ones; null when the user's roles do not reach it. */
    public record Group(long total, List<InitiativeRow> first) {
        static Group of(Page<InitiativeRow> page) {
            return new Group(page.getTotalElements(), page.getContent());
        }
    }

    public record TaskList(Group awaitingEvaluation, Group awaitingRecognition, Group awaitingRevision,
                           List<ProposalView> awaitingCommendation, List<InspectionView.FollowUpView> overdueFollowUps,
                           List<NotificationView> notifications, long unread) {
    }

    @Transactional(readOnly = true)
    public TaskList mine() {
        CurrentUser user = Permissions.require(Role.values());
        boolean officer = user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER);
        boolean committee = user.hasAny(Role.ADMIN, Role.COMMITTEE_MEMBER);
        Group evaluation = officer ? Group.of(registry.inState(WorkflowState.SUBMITTED, null, SHOWN)) : null;
        Group recognition = committee ? Group.of(registry.inState(WorkflowState.EVALUATED, null, SHOWN)) : null;
        Group revision = officer ? Group.of(registry.inState(WorkflowState.RETURNED, null, SHOWN))
                : user.hasAny(Role.UNIT_EDITOR) && user.organisationId() != null
                ? Group.of(registry.inState(WorkflowState.RETURNED, user.organisationId(), SHOWN)) : null;
        List<ProposalView> proposals = committee ? commendations.list(null).stream().filter(p -> "SENT".equals(p.state())).toList() : null;
        return new TaskList(evaluation, recognition, revision, proposals, inspections.overdue(), notifications.mine(SHOWN),
                notifications.unread());
    }

    /** Evaluated records waiting for one recognition decision: the unit and year the recognition form lists them by. */
    public record Waiting(String unitCode, String unitName, int year, long count) {
    }

    /**
     * What waits for recognition in the current user's scope, by year and by the unit whose decision
     * lists it: the user's own unit when it existed that year, else the record's own unit. Empty for
     * users who do not recognise.
     */
    @Transactional(readOnly = true)
    public List<Waiting> awaitingRecognitionByUnit() {
        CurrentUser user = Permissions.require(Role.values());
        if (!user.hasAny(Role.ADMIN, Role.COMMITTEE_MEMBER)) {
            return List.of();
        }
        AdminUnitView own = user.scope().national() ? null : units.findById(user.scope().unitId()).orElse(null);
        Map<Long, AdminUnitView> seen = new HashMap<>();
        Map<String, Waiting> groups = new LinkedHashMap<>();
        for (InitiativeRow row : registry.inState(WorkflowState.EVALUATED, null, DECISION_LIST).getContent()) {
            AdminUnitView unit = own != null && own.isValidOn(LocalDate.of(row.year(), 12, 31)) ? own
                    : seen.computeIfAbsent(row.unitId(), id -> units.findById(id).orElse(null));
            if (unit != null) {
                groups.merge(row.year() + "/" + unit.code(), new Waiting(unit.code(), unit.fullName(), row.year(), 1),
                        (a, b) -> new Waiting(a.unitCode(), a.unitName(), a.year(), a.count() + 1));
            }
        }
        return List.copyOf(groups.values());
    }
}
