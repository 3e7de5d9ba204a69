package vn.dvk.workflow;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.initiative.InitiativeWorkflow;
import vn.dvk.initiative.StepInput;
import vn.dvk.initiative.WorkflowStep;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.validation.PlausibleYear;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import vn.dvk.adminunit.AdminUnits;

/**
 * Recognition (công nhận) by a decision of the standing committee: one initiative-year, or a whole
 * list in one decision (Đam Rông, 2021: 47 at once). All or nothing: when one of the list cannot be
 * recognised, nothing is, and the message names it.
 */
@Service
public class Recognitions {

    private final DecisionRepository decisions;
    private final DecisionFiles files;
    private final InitiativeWorkflow workflow;
    private final Clock clock;

    private final AdminUnits units;

    Recognitions(DecisionRepository decisions, DecisionFiles files, InitiativeWorkflow workflow, Clock clock,
                 AdminUnits units) {
        this.units = units;
        this.decisions = decisions;
        this.files = files;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** An initiative-year. */
    public record Item(Long initiativeId, @PlausibleYear Integer year) {
    }

    public record Result(DecisionView decision, List<InitiativeWorkflow.Taken> recognised) {
    }

    /** One initiative-year: an initiative outside the caller's scope is not there (404), whatever the decision says. */
    @Transactional
    public Result recogniseOne(Long initiativeId, int year, DecisionInput input) {
        Permissions.require(Role.ADMIN, Role.COMMITTEE_MEMBER);
        workflow.requireReadable(initiativeId);
        return recognise(input, List.of(new Item(initiativeId, year)), null, null);
    }

    @Transactional
    public Result recognise(DecisionInput input, List<Item> items, byte[] scan, String scanName) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.COMMITTEE_MEMBER);
        List<FieldProblem> problems = check(input, clock);
        List<Item> distinct = items == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(items));
        if (distinct.isEmpty()) {
            problems.add(FieldProblem.field("items", "recognition.noItems"));
        } else if (distinct.stream().anyMatch(i -> i == null || i.initiativeId() == null || i.year() == null)) {
            problems.add(FieldProblem.field("items", "recognition.itemIncomplete"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        DecisionFiles.Scan checkedScan = DecisionFiles.check(scan, scanName);
        Decision decision = new Decision(Decision.Kind.RECOGNITION, input, user.scope().national() ? null : user.scope().unitId(),
                user.getUsername(), clock.instant());
        decisions.saveAndFlush(decision);
        List<InitiativeWorkflow.Taken> taken = new ArrayList<>();
        for (int n = 0; n < distinct.size(); n++) {
            Item item = distinct.get(n);
            taken.add(step(n, item, WorkflowStep.RECOGNISE, StepInput.byDecision(decision.getId(), decision.citation())));
        }
        if (checkedScan != null) {
            files.attach(decision, checkedScan, clock.instant());
        }
        return new Result(decision.view(), taken);
    }

    /** Takes one step of a list; a refusal names the row and the initiative, and undoes the whole list. */
    InitiativeWorkflow.Taken step(int row, Item item, WorkflowStep step, StepInput input) {
        try {
            return workflow.take(item.initiativeId(), item.year(), step, input);
        } catch (DomainException e) {
            DefaultMessageSourceResolvable cause = new DefaultMessageSourceResolvable(new String[] {e.messageKey()}, e.args());
            throw new DomainException(e.kind(), List.of(FieldProblem.cell(row + 1, "items", "workflow.itemRefused",
                    String.valueOf(row + 1), cause)), "workflow.itemRefused", String.valueOf(row + 1), cause);
        }
    }

    static List<FieldProblem> check(DecisionInput input, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input == null || input.number() == null || input.number().isBlank()) {
            problems.add(FieldProblem.field("decisionNumber", "validation.NotBlank"));
        } else if (input.number().strip().length() > 60) {
            problems.add(FieldProblem.field("decisionNumber", "validation.Size"));
        }
        if (input == null || input.date() == null) {
            problems.add(FieldProblem.field("decisionDate", "validation.NotNull"));
        } else if (input.date().isAfter(LocalDate.now(clock))) {
            problems.add(FieldProblem.field("decisionDate", "decision.dateInFuture"));
        }
        if (input == null || input.issuingBody() == null || input.issuingBody().isBlank()) {
            problems.add(FieldProblem.field("issuingBody", "validation.NotBlank"));
        } else if (input.issuingBody().strip().length() > 300) {
            problems.add(FieldProblem.field("issuingBody", "validation.Size"));
        }
        return problems;
    }

    /**
     * Attaches a file to a recorded decision, or replaces its file: typically the PDF signed by the
     * issuing body (ký số), whose signatures are checked and kept. Only where the decision was taken:
     * an administrator, or a committee member whose scope covers the decision's unit.
     */
    @Transactional
    public DecisionView attachScan(Long id, byte[] scan, String scanName) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.COMMITTEE_MEMBER);
        Decision decision = readable(id);
        DataScope scope = user.scope();
        boolean ownUnit = decision.getUnitId() != null && units.findById(decision.getUnitId()).map(scope::covers).orElse(false);
        if (!scope.national() && !ownUnit) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "decision.notYours");
        }
        DecisionFiles.Scan checked = DecisionFiles.check(scan, scanName);
        if (checked == null) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("scan", "decision.scanMissing")),
                    "decision.scanMissing");
        }
        files.attach(decision, checked, clock.instant());
        decisions.saveAndFlush(decision);
        return decision.view();
    }

    @Transactional(readOnly = true)
    public Optional<DecisionView> decision(Long id) {
        return Optional.of(readable(id).view());
    }

    /**
     * A decision the current user may read: one of a unit in their scope, or one recorded on an
     * initiative they may read; any other answers as not found, whoever recorded it.
     */
    @Transactional(readOnly = true)
    public Decision readable(Long id) {
        Permissions.require(Role.values());
        Decision decision = decisions.findById(id).orElseThrow(() -> DomainException.notFound("error.notFound"));
        DataScope scope = CurrentUser.currentScope();
        boolean ownUnit = decision.getUnitId() != null && units.findById(decision.getUnitId()).map(scope::covers).orElse(false);
        if (scope.national() || ownUnit || workflow.decidedInScope(id)) {
            return decision;
        }
        throw DomainException.notFound("error.notFound");
    }
}
