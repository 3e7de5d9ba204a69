package vn.dvk.workflow;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.initiative.StepInput;
import vn.dvk.initiative.WorkflowStep;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.validation.Inputs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Commendation proposals (đề nghị khen thưởng) and the authority's decision on them. Listing an
 * initiative-year proposes it (RECOGNISED → PROPOSED); the decision commends the ones it names
 * (→ COMMENDED) and returns the others to RECOGNISED, with the decision cited.
 */
@Service
public class Commendations {

    static final int MAX_ITEMS = 500;

    private final CommendationProposalRepository proposals;
    private final DecisionRepository decisions;
    private final DecisionFiles files;
    private final Recognitions recognitions;
    private final InitiativeRegistry registry;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Inputs inputs;

    Commendations(CommendationProposalRepository proposals, DecisionRepository decisions, DecisionFiles files,
                  Recognitions recognitions, InitiativeRegistry registry, AdminUnits units,
                  ApplicationEventPublisher events, Clock clock, Inputs inputs) {
        this.inputs = inputs;
        this.proposals = proposals;
        this.decisions = decisions;
        this.files = files;
        this.recognitions = recognitions;
        this.registry = registry;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ProposalView propose(ProposalInput input) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER);
        inputs.check(input);
        List<FieldProblem> problems = new ArrayList<>();
        AdminUnitView unit = null;
        String code = input.unitCode() == null ? "" : input.unitCode().strip();
        if (input.unitId() == null && code.isEmpty()) {
            problems.add(FieldProblem.field("unitCode", "validation.NotBlank"));
        } else {
            unit = units.resolve(input.unitId(), code, LocalDate.now(clock)).orElse(null);
            if (unit == null) {
                problems.add(FieldProblem.field("unitCode", "organisation.unitNotFound", code));
            } else if (!user.scope().covers(unit)) {
                problems.add(FieldProblem.field("unitCode", "organisation.unitOutOfScope"));
            }
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (input.year() == null) {
            problems.add(FieldProblem.field("year", "validation.NotNull"));
        } else if (input.year() < 2000 || input.year() > thisYear) {
            problems.add(FieldProblem.field("year", "proposal.yearRange", thisYear));
        }
        if (input.date() == null) {
            problems.add(FieldProblem.field("date", "validation.NotNull"));
        } else if (input.date().isAfter(LocalDate.now(clock))) {
            problems.add(FieldProblem.field("date", "decision.dateInFuture"));
        }
        String proposingBody = VietnameseText.clean(input.proposingBody());
        if (proposingBody == null || proposingBody.isEmpty()) {
            problems.add(FieldProblem.field("proposingBody", "validation.NotBlank"));
        } else if (proposingBody.length() > 300) {
            problems.add(FieldProblem.field("proposingBody", "validation.Size"));
        }
        String authority = VietnameseText.clean(input.authority());
        if (authority == null || authority.isEmpty()) {
            problems.add(FieldProblem.field("authority", "validation.NotBlank"));
        } else if (authority.length() > 300) {
            problems.add(FieldProblem.field("authority", "validation.Size"));
        }
        String number = VietnameseText.clean(input.number());
        if (number != null && number.length() > 60) {
            problems.add(FieldProblem.field("number", "validation.Size"));
        }
        List<ProposalInput.ItemInput> items = input.items() == null ? List.of() : input.items();
        if (items.isEmpty()) {
            problems.add(FieldProblem.field("items", "proposal.noItems"));
        } else if (items.size() > MAX_ITEMS) {
            problems.add(FieldProblem.field("items", "validation.Size"));
        }
        Set<Long> seen = new HashSet<>();
        for (int n = 0; n < items.size(); n++) {
            ProposalInput.ItemInput item = items.get(n);
            if (item == null || item.initiativeId() == null) {
                problems.add(FieldProblem.cell(n + 1, "initiativeId", "validation.NotNull"));
            } else if (!seen.add(item.initiativeId())) {
                problems.add(FieldProblem.cell(n + 1, "initiativeId", "proposal.duplicateItem"));
            }
            if (item != null && item.award() == null) {
                problems.add(FieldProblem.cell(n + 1, "award", "validation.NotNull"));
            }
            if (item != null && item.achievement() != null && item.achievement().length() > 2000) {
                problems.add(FieldProblem.cell(n + 1, "achievement", "validation.Size"));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        CommendationProposal proposal = new CommendationProposal(unit.id(), input.year(), number == null || number.isEmpty() ? null : number,
                input.date(), proposingBody, authority, user.getUsername(), clock.instant());
        items.forEach(i -> proposal.add(new CommendationItem(i.initiativeId(), i.award(), VietnameseText.clean(i.achievement()))));
        proposals.saveAndFlush(proposal);
        String citation = "Đề nghị khen thưởng" + (proposal.getNumber() != null ? " số " + proposal.getNumber() : "")
                + " của " + proposingBody + " gửi " + authority;
        for (int n = 0; n < items.size(); n++) {
            recognitions.step(n, new Recognitions.Item(items.get(n).initiativeId(), input.year()), WorkflowStep.PROPOSE,
                    new StepInput(null, null, null, null, citation));
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "COMMENDATION_PROPOSAL", proposal.getId(), unit.id(),
                citation + ", " + items.size() + " items, " + input.year()));
        return view(proposal);
    }

    @Transactional
    public ProposalView decide(Long id, Long version, DecisionInput input, List<Long> commended, byte[] scan, String scanName) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.COMMITTEE_MEMBER);
        CommendationProposal proposal = readable(id);
        if (version != null && version != proposal.getVersion()) {
            throw DomainException.conflict("error.stale");
        }
        List<FieldProblem> problems = Recognitions.check(input, clock);
        Set<Long> listed = new HashSet<>();
        proposal.getItems().forEach(i -> listed.add(i.getInitiativeId()));
        Set<Long> granted = new HashSet<>(commended == null ? List.of() : commended);
        if (!listed.containsAll(granted)) {
            problems.add(FieldProblem.field("commended", "proposal.notListed"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        DecisionFiles.Scan checkedScan = DecisionFiles.check(scan, scanName);
        Decision decision = new Decision(Decision.Kind.COMMENDATION, input, proposal.getUnitId(), user.getUsername(), clock.instant());
        decisions.saveAndFlush(decision);
        proposal.decide(decision.getId(), granted);
        List<CommendationItem> items = proposal.getItems();
        for (int n = 0; n < items.size(); n++) {
            CommendationItem item = items.get(n);
            boolean yes = granted.contains(item.getInitiativeId());
            recognitions.step(n, new Recognitions.Item(item.getInitiativeId(), proposal.getYear()),
                    yes ? WorkflowStep.COMMEND : WorkflowStep.WITHDRAW,
                    yes ? StepInput.byDecision(decision.getId(), decision.citation())
                            : new StepInput("Không có tên trong " + decision.citation(), null, null, decision.getId(),
                            decision.citation()));
        }
        if (checkedScan != null) {
            files.attach(decision, checkedScan, clock.instant());
        }
        proposals.flush();
        events.publishEvent(AuditEvent.of(AuditEvent.Action.STATE_CHANGE, "COMMENDATION_PROPOSAL", id, proposal.getUnitId(),
                decision.citation() + ": " + granted.size() + " of " + items.size() + " commended"));
        return view(proposal);
    }

    @Transactional(readOnly = true)
    public ProposalView get(Long id) {
        return view(readable(id));
    }

    /** The proposals the current user may read, newest first. */
    @Transactional(readOnly = true)
    public List<ProposalView> list(Integer year) {
        Permissions.require(Role.values());
        var scope = CurrentUser.currentScope();
        List<CommendationProposal> all = proposals.findByYear(year);
        Map<Long, AdminUnitView> unitsById = units.byIds(all.stream().map(CommendationProposal::getUnitId).toList());
        return all.stream().filter(p -> {
            AdminUnitView u = unitsById.get(p.getUnitId());
            return u != null && scope.covers(u);
        }).map(this::summary).toList();
    }

    private CommendationProposal readable(Long id) {
        Permissions.require(Role.values());
        CommendationProposal proposal = proposals.findById(id).orElseThrow(() -> DomainException.notFound("proposal.notFound", id));
        AdminUnitView unit = units.findById(proposal.getUnitId()).orElseThrow();
        Permissions.requireInScope(unit, "proposal.notFound", id);
        return proposal;
    }

    private ProposalView summary(CommendationProposal p) {
        return new ProposalView(p.getId(), p.getUnitId(), units.findById(p.getUnitId()).map(AdminUnitView::fullName).orElse(null),
                p.getYear(), p.getNumber(), p.getProposedOn(), p.getProposingBody(), p.getAuthority(), p.getState().name(),
                p.getDecisionId() == null ? null : decisions.findById(p.getDecisionId()).map(Decision::view).orElse(null),
                List.of(), p.getVersion());
    }

    private ProposalView view(CommendationProposal p) {
        List<ProposalView.Item> items = new ArrayList<>();
        for (CommendationItem item : p.getItems()) {
            InitiativeView i = registry.get(item.getInitiativeId());
            items.add(new ProposalView.Item(i.id(), i.code(), i.name(), i.kind(), i.holder(), i.unitName(), i.locality(),
                    i.sectorLabel(), item.getAward(), item.getAchievement(), item.getCommended()));
        }
        ProposalView summary = summary(p);
        return new ProposalView(summary.id(), summary.unitId(), summary.unitName(), summary.year(), summary.number(),
                summary.proposedOn(), summary.proposingBody(), summary.authority(), summary.state(), summary.decision(),
                items, summary.version());
    }

    /** The decision's scan, for download. */
    @Transactional(readOnly = true)
    public Decision scanOf(Long decisionId) {
        Permissions.require(Role.values());
        Decision decision = recognitions.readable(decisionId);
        if (decision.getFileKey() == null) {
            throw DomainException.notFound("error.notFound");
        }
        return decision;
    }
}
