package vn.dvk.initiative;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Carries an initiative-year through the movement's workflow ({@link WorkflowStep}): checks who
 * may take the step, takes it on the registration (which refuses illegal steps), records the step
 * for the initiative's timeline and the audit trail, all in the caller's one transaction.
 */
@Service
public class InitiativeWorkflow {

    static final int MAX_REASON = 2000;

    private final InitiativeAccess access;
    private final InitiativeRepository initiatives;
    private final RegistrationStepRepository steps;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RegistrationTally tally;

    InitiativeWorkflow(InitiativeAccess access, InitiativeRepository initiatives, RegistrationStepRepository steps,
                       ApplicationEventPublisher events, Clock clock, RegistrationTally tally) {
        this.tally = tally;
        this.access = access;
        this.initiatives = initiatives;
        this.steps = steps;
        this.events = events;
        this.clock = clock;
    }

    /** True when the decision was recorded on an initiative that the current user may read. */
    @Transactional(readOnly = true)
    public boolean decidedInScope(Long decisionId) {
        return steps.initiativesDecidedBy(decisionId).stream().anyMatch(access::isReadable);
    }

    /** 404 unless the initiative exists and lies in the caller's scope. */
    public void requireReadable(Long initiativeId) {
        access.readable(initiativeId);
    }

    /** A step taken: the initiative-year and the state it left and reached. */
    public record Taken(Long initiativeId, String code, String name, int year, WorkflowState from, WorkflowState to) {
    }

    @Transactional
    public Taken take(Long initiativeId, int year, WorkflowStep step, StepInput input) {
        Initiative initiative = access.readable(initiativeId);
        CurrentUser user = Permissions.require(step.roles().toArray(Role[]::new));
        Registration registration = initiative.registrationFor(year)
                .orElseThrow(() -> DomainException.notFound("registration.notFound", initiative.getName(), year));
        StepInput given = input == null ? StepInput.none() : input;
        List<FieldProblem> problems = new ArrayList<>();
        String reason = given.reason() == null ? null : given.reason().strip();
        if (step.reasonRequired() && (reason == null || reason.isEmpty())) {
            problems.add(FieldProblem.field("reason", "workflow.reasonRequired"));
        } else if (reason != null && reason.length() > MAX_REASON) {
            problems.add(FieldProblem.field("reason", "validation.Size"));
        }
        if (step == WorkflowStep.EVALUATE) {
            if (given.rating() == null) {
                problems.add(FieldProblem.field("rating", "validation.NotNull"));
            }
            if (given.score() != null && (given.score().signum() < 0 || given.score().compareTo(BigDecimal.valueOf(1000)) > 0)) {
                problems.add(FieldProblem.field("score", "workflow.scoreRange"));
            }
        }
        if ((step == WorkflowStep.RECOGNISE || step == WorkflowStep.COMMEND) && given.document() == null) {
            problems.add(FieldProblem.field("decision", "workflow.decisionRequired"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        if (step == WorkflowStep.SUBMIT && !user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER)
                && !access.mayWriteAsEditor(user, initiative.getOrganisationId())
                && !access.mayWriteAsEditor(user, registration.getOrganisationId())) {
            throw Permissions.forbidden();
        }
        if (step == WorkflowStep.EVALUATE && user.organisationId() != null
                && (user.organisationId().equals(initiative.getOrganisationId())
                || user.organisationId().equals(registration.getOrganisationId()))) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "workflow.ownOrganisation");
        }
        RegistrationTally.Key counted = RegistrationTally.Key.of(registration);
        WorkflowState from = registration.take(step, given.rating(), given.score());
        tally.change(List.of(counted), List.of(RegistrationTally.Key.of(registration)));
        initiatives.flush();
        StepInput recorded = new StepInput(reason, given.rating(), given.score(), given.decisionId(), given.document());
        steps.save(new RegistrationStep(registration, initiativeId, step, from, user.getUsername(), clock.instant(), recorded));
        events.publishEvent(AuditEvent.of(AuditEvent.Action.STATE_CHANGE, "REGISTRATION", initiativeId + "/" + year,
                        initiative.getUnitId(), initiative.getCode() + " " + year + " " + step + (reason != null ? ": " + reason : "")
                                + (given.document() != null ? " — " + given.document() : ""))
                .withChanges(Map.of("workflowState", new AuditEvent.Change(from.name(), registration.getWorkflowState().name()))));
        String submittedBy = steps.timelineOf(initiativeId).stream()
                .filter(s -> s.view().year() == year && s.view().step() == WorkflowStep.SUBMIT)
                .reduce((first, second) -> second).map(s -> s.view().actor()).orElse(null);
        events.publishEvent(new WorkflowStepTaken(initiativeId, initiative.getCode(), initiative.getName(), year, step, from,
                registration.getWorkflowState(), user.getUsername(), reason, given.document(), submittedBy));
        return new Taken(initiativeId, initiative.getCode(), initiative.getName(), year, from, registration.getWorkflowState());
    }

    /** The initiative's history of steps, oldest first. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(Long initiativeId) {
        access.readable(initiativeId);
        return timelineOf(initiativeId);
    }

    /** As {@link #timeline(Long)}, for an initiative the caller has just read (its page reads it once). */
    @Transactional(readOnly = true)
    List<TimelineEntry> timeline(InitiativeView initiative) {
        return timelineOf(initiative.id());
    }

    private List<TimelineEntry> timelineOf(Long initiativeId) {
        return steps.timelineOf(initiativeId).stream().map(RegistrationStep::view).toList();
    }

    /** The steps the current user may take now on the initiative-year (for the page's buttons). */
    public List<WorkflowStep> offered(WorkflowState state) {
        return mayTake(state).filter(s -> !DECIDED.contains(s)).toList();
    }

    /**
     * The steps the current user may take on this initiative-year from its page: as {@link #offered}, and
     * a unit editor submits only their own organisation's records, an evaluator never evaluates them.
     */
    public List<WorkflowStep> offered(InitiativeView initiative, InitiativeView.RegistrationView registration) {
        CurrentUser user = CurrentUser.get().orElse(null);
        if (user == null) {
            return List.of();
        }
        boolean own = user.organisationId() != null && (user.organisationId().equals(initiative.organisationId())
                || user.organisationId().equals(registration.organisationId()));
        return offered(registration.workflowState()).stream()
                .filter(s -> s != WorkflowStep.SUBMIT || own || user.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER))
                .filter(s -> s != WorkflowStep.EVALUATE || !own)
                .toList();
    }

    /** The steps taken by a decision on a list (recognition, a commendation proposal and its decision) that the current user may take. */
    public List<WorkflowStep> decided(WorkflowState state) {
        return mayTake(state).filter(DECIDED::contains).toList();
    }

    private static final Set<WorkflowStep> DECIDED = EnumSet.of(WorkflowStep.RECOGNISE, WorkflowStep.PROPOSE,
            WorkflowStep.COMMEND);

    private Stream<WorkflowStep> mayTake(WorkflowState state) {
        return CurrentUser.get().stream().flatMap(user -> WorkflowStep.offeredFrom(state).stream()
                .filter(s -> user.hasAny(s.roles().toArray(Role[]::new))));
    }
}
