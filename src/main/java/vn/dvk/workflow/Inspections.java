package vn.dvk.workflow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.validation.Inputs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Inspection and urging visits with follow-up tasks; an officer sees what is overdue in their scope. */
@Service
public class Inspections {

    static final int LIST_SIZE = 200;

    private final InspectionRepository inspections;
    private final InitiativeRegistry registry;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Inputs inputs;

    Inspections(InspectionRepository inspections, InitiativeRegistry registry, AdminUnits units, ApplicationEventPublisher events,
                Clock clock, Inputs inputs) {
        this.inputs = inputs;
        this.inspections = inspections;
        this.registry = registry;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** Who may record an inspection visit (the field app offers its form to them only). */
    public static final Role[] RECORDERS = {Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER};

    @Transactional
    public InspectionView record(InspectionInput input) {
        CurrentUser user = Permissions.require(RECORDERS);
        inputs.check(input);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        Long unitId = null;
        if (input.initiativeId() != null) {
            InitiativeView initiative = registry.get(input.initiativeId());
            unitId = initiative.unitId();
        } else {
            String code = input.unitCode() == null ? "" : input.unitCode().strip();
            AdminUnitView unit = input.unitId() == null && code.isEmpty() ? null
                    : units.resolve(input.unitId(), code, today).orElse(null);
            if (unit == null) {
                problems.add(FieldProblem.field("unitCode", code.isEmpty() ? "validation.NotBlank" : "organisation.unitNotFound", code));
            } else if (!user.scope().covers(unit)) {
                problems.add(FieldProblem.field("unitCode", "organisation.unitOutOfScope"));
            } else {
                unitId = unit.id();
            }
        }
        Inspection.Kind kind = null;
        try {
            kind = Inspection.Kind.valueOf(input.kind() == null ? "" : input.kind());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.field("kind", "validation.NotNull"));
        }
        if (input.date() == null) {
            problems.add(FieldProblem.field("date", "validation.NotNull"));
        } else if (input.date().isAfter(today)) {
            problems.add(FieldProblem.field("date", "inspection.dateInFuture"));
        }
        String inspectors = VietnameseText.clean(input.inspectors());
        if (inspectors == null || inspectors.isEmpty()) {
            problems.add(FieldProblem.field("inspectors", "validation.NotBlank"));
        } else if (inspectors.length() > 500) {
            problems.add(FieldProblem.field("inspectors", "validation.Size"));
        }
        String findings = VietnameseText.clean(input.findings());
        if (findings == null || findings.isEmpty()) {
            problems.add(FieldProblem.field("findings", "validation.NotBlank"));
        } else if (findings.length() > 4000) {
            problems.add(FieldProblem.field("findings", "validation.Size"));
        }
        List<FollowUp> followUps = new ArrayList<>();
        List<InspectionInput.FollowUpInput> given = input.followUps() == null ? List.of() : input.followUps();
        for (int n = 0; n < given.size(); n++) {
            InspectionInput.FollowUpInput f = given.get(n);
            String task = f == null ? null : VietnameseText.clean(f.task());
            if (task == null || task.isEmpty()) {
                continue;
            }
            if (task.length() > 1000) {
                problems.add(FieldProblem.cell(n + 1, "task", "validation.Size"));
            }
            if (f.dueOn() == null) {
                problems.add(FieldProblem.cell(n + 1, "dueOn", "inspection.dueRequired"));
            } else if (input.date() != null && f.dueOn().isBefore(input.date())) {
                problems.add(FieldProblem.cell(n + 1, "dueOn", "inspection.dueBeforeVisit"));
            }
            followUps.add(new FollowUp(task, VietnameseText.clean(f.assignee()), f.dueOn()));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        Inspection inspection = new Inspection(unitId, input.initiativeId(), kind, input.date(), inspectors, findings,
                user.getUsername(), clock.instant());
        followUps.forEach(inspection::add);
        inspections.saveAndFlush(inspection);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "INSPECTION", inspection.getId(), unitId,
                kind + " " + input.date() + ": " + followUps.size() + " follow-ups"));
        return view(inspection);
    }

    @Transactional
    public InspectionView.FollowUpView done(Long inspectionId, Long followUpId) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER, Role.UNIT_EDITOR);
        Inspection inspection = readable(inspectionId);
        FollowUp followUp = inspection.getFollowUps().stream().filter(f -> f.getId().equals(followUpId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.notFound"));
        followUp.done(LocalDate.now(clock), user.getUsername());
        inspections.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.STATE_CHANGE, "FOLLOW_UP", followUpId, inspection.getUnitId(),
                "done: " + followUp.getTask()));
        return view(inspection).followUps().stream().filter(f -> f.id().equals(followUpId)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public InspectionView get(Long id) {
        return view(readable(id));
    }

    /** The newest inspections in the user's scope. */
    @Transactional(readOnly = true)
    public List<InspectionView> recent() {
        Permissions.require(Role.values());
        DataScope scope = CurrentUser.currentScope();
        List<Inspection> all = inspections.newestFirst(PageRequest.of(0, LIST_SIZE));
        Map<Long, AdminUnitView> byId = units.byIds(all.stream().map(Inspection::getUnitId).toList());
        return all.stream().filter(i -> covers(scope, byId.get(i.getUnitId()))).map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<InspectionView> ofInitiative(Long initiativeId) {
        registry.get(initiativeId);
        return inspections.findByInitiativeIdOrderByVisitedOnDesc(initiativeId).stream().map(this::view).toList();
    }

    /** Follow-ups past their due date and not done, in the user's scope, oldest due first. */
    @Transactional(readOnly = true)
    public List<InspectionView.FollowUpView> overdue() {
        Permissions.require(Role.values());
        DataScope scope = CurrentUser.currentScope();
        LocalDate today = LocalDate.now(clock);
        List<Inspection> all = inspections.withOverdueFollowUps(today);
        Map<Long, AdminUnitView> byId = units.byIds(all.stream().map(Inspection::getUnitId).toList());
        return all.stream().filter(i -> covers(scope, byId.get(i.getUnitId()))).flatMap(i -> view(i).followUps().stream())
                .filter(InspectionView.FollowUpView::overdue)
                .sorted(Comparator.comparing(InspectionView.FollowUpView::dueOn)).toList();
    }

    private static boolean covers(DataScope scope, AdminUnitView unit) {
        return unit != null && scope.covers(unit);
    }

    private Inspection readable(Long id) {
        Permissions.require(Role.values());
        Inspection inspection = inspections.findById(id).orElseThrow(() -> DomainException.notFound("inspection.notFound", id));
        AdminUnitView unit = units.findById(inspection.getUnitId()).orElseThrow();
        Permissions.requireInScope(unit, "inspection.notFound", id);
        return inspection;
    }

    private InspectionView view(Inspection i) {
        LocalDate today = LocalDate.now(clock);
        String unitName = units.findById(i.getUnitId()).map(AdminUnitView::fullName).orElse(null);
        String initiativeName = null;
        if (i.getInitiativeId() != null) {
            try {
                initiativeName = registry.get(i.getInitiativeId()).name();
            } catch (DomainException e) {
                initiativeName = null;
            }
        }
        return new InspectionView(i.getId(), i.getUnitId(), unitName, i.getInitiativeId(), initiativeName, i.getKind().name(),
                i.getVisitedOn(), i.getInspectors(), i.getFindings(), i.getCreatedBy(),
                i.getFollowUps().stream().map(f -> new InspectionView.FollowUpView(f.getId(), i.getId(), f.getTask(),
                        f.getAssignee(), f.getDueOn(), f.getDoneOn(), f.getDoneBy(), f.overdueOn(today), unitName)).toList());
    }
}
