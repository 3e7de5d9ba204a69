package vn.dvk.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.initiative.InitiativeView;
import vn.dvk.initiative.InitiativeWorkflow;
import vn.dvk.initiative.Rating;
import vn.dvk.initiative.StepInput;
import vn.dvk.initiative.WorkflowState;
import vn.dvk.initiative.WorkflowStep;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.validation.Inputs;
import vn.dvk.shared.validation.PlausibleYear;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import vn.dvk.shared.security.DataScope;

/**
 * Scoring initiative-years against criteria: which set applies, each evaluator's sheet, and the
 * result — the average of the submitted sheets, mapped to a rating by the set's thresholds —
 * recorded as the evaluation step of the workflow.
 */
@Service
public class Evaluations {

    private final CriteriaSetRepository sets;
    private final EvaluationSheetRepository sheets;
    private final InitiativeRegistry registry;
    private final InitiativeWorkflow workflow;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Inputs inputs;

    /** The largest score a numeric(7, 2) column holds. */
    static final String SCORE_MAX = "99999.99";

    Evaluations(CriteriaSetRepository sets, EvaluationSheetRepository sheets, InitiativeRegistry registry,
                InitiativeWorkflow workflow, AdminUnits units, ApplicationEventPublisher events,
                Clock clock, Inputs inputs) {
        this.inputs = inputs;
        this.sets = sets;
        this.sheets = sheets;
        this.registry = registry;
        this.workflow = workflow;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** Everything the evaluation page shows: the set, the user's own sheet, every sheet so far and their average. */
    public record Board(InitiativeView initiative, int year, WorkflowState state, CriteriaSetView set, SheetView mine,
                        List<SheetView> sheets, BigDecimal average, Rating averageRating, boolean mayScore) {
    }

    @Transactional(readOnly = true)
    public Board board(Long initiativeId, int year) {
        InitiativeView initiative = registry.get(initiativeId);
        WorkflowState state = stateOf(initiative, year);
        String me = CurrentUser.get().map(CurrentUser::getUsername).orElse("");
        List<EvaluationSheet> all = sheets.findByInitiativeIdAndYearOrderById(initiativeId, year);
        CriteriaSet set = all.isEmpty() ? applicable(initiative, year)
                : sets.findById(all.get(0).getSetId()).orElseGet(() -> applicable(initiative, year));
        SheetView mine = all.stream().map(EvaluationSheet::view).filter(s -> s.evaluator().equals(me)).findFirst().orElse(null);
        BigDecimal average = average(all);
        boolean mayScore = state == WorkflowState.SUBMITTED && CurrentUser.get()
                .map(u -> u.hasAny(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER) && !ownOrganisation(u, initiative, year))
                .orElse(false);
        return new Board(initiative, year, state, set.view(), mine, all.stream().map(EvaluationSheet::view).toList(), average,
                average == null ? null : set.rate(average), mayScore);
    }

    /** Scores the current user's sheet (a draft until submitted); the initiative-year must await evaluation. */
    @Transactional
    public SheetView score(Long initiativeId, int year, Map<Long, BigDecimal> scores, boolean submit, Long version) {
        CurrentUser user = Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER);
        InitiativeView initiative = registry.get(initiativeId);
        if (stateOf(initiative, year) != WorkflowState.SUBMITTED) {
            throw DomainException.conflict("evaluation.notOpen", initiative.name(), year);
        }
        if (ownOrganisation(user, initiative, year)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "workflow.ownOrganisation");
        }
        EvaluationSheet sheet = sheets.findByInitiativeIdAndYearAndEvaluator(initiativeId, year, user.getUsername())
                .orElseGet(() -> {
                    Long setId = sheets.findByInitiativeIdAndYearOrderById(initiativeId, year).stream().findFirst()
                            .map(EvaluationSheet::getSetId).orElseGet(() -> applicable(initiative, year).getId());
                    return new EvaluationSheet(initiativeId, year, setId, user.getUsername());
                });
        if (version != null && sheet.getId() != null && version != sheet.getVersion()) {
            throw DomainException.conflict("error.stale");
        }
        CriteriaSet set = sets.findById(sheet.getSetId()).orElseThrow();
        sheet.score(set, scores == null ? Map.of() : scores, submit, clock.instant());
        sheets.saveAndFlush(sheet);
        if (submit) {
            events.publishEvent(AuditEvent.of(AuditEvent.Action.STATE_CHANGE, "EVALUATION_SHEET", sheet.getId(), initiative.unitId(),
                    initiative.code() + " " + year + " submitted by " + user.getUsername() + ": " + sheet.getTotal()));
        }
        return sheet.view();
    }

    /** Records the result: the average of the submitted sheets and its rating become the evaluation step. */
    @Transactional
    public InitiativeWorkflow.Taken finalise(Long initiativeId, int year) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER, Role.COMMITTEE_MEMBER);
        InitiativeView initiative = registry.get(initiativeId);
        List<EvaluationSheet> submitted = sheets.findByInitiativeIdAndYearOrderById(initiativeId, year).stream()
                .filter(s -> s.getState() == EvaluationSheet.State.SUBMITTED).toList();
        if (submitted.isEmpty()) {
            throw DomainException.invalid("evaluation.noSheets");
        }
        CriteriaSet set = sets.findById(submitted.get(0).getSetId()).orElseThrow();
        BigDecimal average = average(submitted);
        return workflow.take(initiativeId, year, WorkflowStep.EVALUATE, new StepInput(null, set.rate(average), average, null,
                "Trung bình " + submitted.size() + " phiếu đánh giá theo " + set.view().name()));
    }

    /** The average of the submitted sheets' totals, to two decimals; null when none is submitted. */
    static BigDecimal average(List<EvaluationSheet> all) {
        List<BigDecimal> totals = all.stream().filter(s -> s.getState() == EvaluationSheet.State.SUBMITTED)
                .map(EvaluationSheet::getTotal).toList();
        if (totals.isEmpty()) {
            return null;
        }
        return totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
    }

    private static WorkflowState stateOf(InitiativeView initiative, int year) {
        return initiative.registrations().stream().filter(r -> r.year() == year).findFirst()
                .orElseThrow(() -> DomainException.notFound("registration.notFound", initiative.name(), year)).workflowState();
    }

    private static boolean ownOrganisation(CurrentUser user, InitiativeView initiative, int year) {
        Long mine = user.organisationId();
        return mine != null && (mine.equals(initiative.organisationId()) || initiative.registrations().stream()
                .anyMatch(r -> r.year() == year && Objects.equals(r.organisationId(), mine)));
    }

    /** The most specific active set for the initiative's unit and the year; the default set otherwise. */
    CriteriaSet applicable(InitiativeView initiative, int year) {
        AdminUnitView unit = units.findById(initiative.unitId()).orElseThrow();
        return sets.findAll().stream().filter(s -> s.appliesIn(year))
                .filter(s -> s.getUnitId() == null || s.getUnitId().equals(unit.id())
                        || unit.path().contains("/" + s.getUnitId() + "/"))
                .max(Comparator.comparingInt(s -> s.getUnitId() == null ? -1 : depth(s.getUnitId())))
                .orElseThrow(() -> DomainException.conflict("evaluation.noSet"));
    }

    private int depth(Long unitId) {
        return units.findById(unitId).map(u -> u.lineageIds().size()).orElse(0);
    }

    // ---- criteria sets

    @Transactional(readOnly = true)
    public List<CriteriaSetView> sets() {
        Permissions.require(Role.values());
        return sets.findAll(Sort.by("id")).stream().filter(this::readable).map(CriteriaSet::view).toList();
    }

    @Transactional(readOnly = true)
    public CriteriaSetView set(Long id) {
        Permissions.require(Role.values());
        return sets.findById(id).filter(this::readable).map(CriteriaSet::view)
                .orElseThrow(() -> DomainException.notFound("evaluation.setNotFound", id));
    }

    /**
     * A set is read where it applies or is administered: the national sets everywhere; a unit's set in
     * that unit and under it (the units it is used for) and above it (those who may give it).
     */
    private boolean readable(CriteriaSet set) {
        DataScope scope = CurrentUser.currentScope();
        if (set.getUnitId() == null || scope.national()) {
            return true;
        }
        AdminUnitView unit = units.findById(set.getUnitId()).orElse(null);
        if (unit == null) {
            return false;
        }
        // in the scope or above it (DataScope.overlaps), or a unit of before the reform whose place today is above it
        String own = scope.prefix().substring(0, scope.prefix().length() - 1);
        return scope.overlaps(unit) || (unit.placedPath() != null && own.startsWith(unit.placedPath()));
    }

    /**
     * A set as an administrator gives it; criteria with a blank name are dropped (the form's spare rows).
     * A set may be made for a period reaching years ahead, so only its first year must be a sane one.
     */
    public record SetInput(@Size(max = 200) String name, @Size(max = 60) String unitCode, @PlausibleYear Integer fromYear,
                           @Max(2100) Integer toYear, @DecimalMax(SCORE_MAX) BigDecimal excellentFrom,
                           @DecimalMax(SCORE_MAX) BigDecimal goodFrom, @DecimalMax(SCORE_MAX) BigDecimal passFrom, Boolean active,
                           List<@Valid CriterionInput> criteria, Long version) {
    }

    public record CriterionInput(@Size(max = 200) String groupName, @Size(max = 500) String name, @Size(max = 2000) String guidance,
                                 @DecimalMax(SCORE_MAX) BigDecimal maxScore, Boolean bonus) {
    }

    @Transactional
    public CriteriaSetView saveSet(Long id, SetInput input) {
        Permissions.require(Role.ADMIN);
        inputs.check(input);
        CriteriaSet set = id == null ? null : sets.findById(id).orElseThrow(() -> DomainException.notFound("evaluation.setNotFound", id));
        if (set != null && input.version() != null && input.version() != set.getVersion()) {
            throw DomainException.conflict("error.stale");
        }
        if (set != null && sheets.existsBySetId(set.getId())) {
            // scores already given keep the criteria they were given against: a new period gets a new set
            throw DomainException.conflict("evaluation.setInUse");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = VietnameseText.clean(input.name());
        if (name == null || name.isEmpty()) {
            problems.add(FieldProblem.field("name", "validation.NotBlank"));
        }
        Long unitId = null;
        if (input.unitCode() != null && !input.unitCode().isBlank()) {
            unitId = units.named(input.unitCode().strip(), LocalDate.now(clock)).map(AdminUnitView::id).orElse(null);
            if (unitId == null) {
                problems.add(FieldProblem.field("unitCode", "organisation.unitNotFound", input.unitCode()));
            }
        } else if (set != null) {
            unitId = set.getUnitId();
        }
        if (input.fromYear() != null && input.toYear() != null && input.fromYear() > input.toYear()) {
            problems.add(FieldProblem.field("toYear", "evaluation.yearsOrder"));
        }
        if (input.excellentFrom() == null || input.goodFrom() == null || input.passFrom() == null
                || input.excellentFrom().compareTo(input.goodFrom()) <= 0 || input.goodFrom().compareTo(input.passFrom()) <= 0
                || input.passFrom().signum() < 0) {
            problems.add(FieldProblem.field("excellentFrom", "evaluation.thresholds"));
        }
        List<Criterion> criteria = new ArrayList<>();
        List<CriterionInput> given = input.criteria() == null ? List.of() : input.criteria();
        for (int n = 0; n < given.size(); n++) {
            CriterionInput c = given.get(n);
            String criterionName = c == null ? null : VietnameseText.clean(c.name());
            if (criterionName == null || criterionName.isEmpty()) {
                continue;
            }
            String group = VietnameseText.clean(c.groupName());
            if (group == null || group.isEmpty()) {
                problems.add(FieldProblem.cell(n + 1, "groupName", "validation.NotBlank"));
            }
            if (c.maxScore() == null || c.maxScore().signum() <= 0 || c.maxScore().compareTo(BigDecimal.valueOf(1000)) > 0) {
                problems.add(FieldProblem.cell(n + 1, "maxScore", "evaluation.maxScore"));
            }
            criteria.add(new Criterion(group, criterionName, VietnameseText.clean(c.guidance()), c.maxScore(),
                    Boolean.TRUE.equals(c.bonus()), criteria.size() + 1));
        }
        if (criteria.isEmpty()) {
            problems.add(FieldProblem.field("criteria", "evaluation.noCriteria"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        if (set == null) {
            set = new CriteriaSet(name, unitId, input.fromYear(), input.toYear());
        }
        set.revise(name, input.fromYear(), input.toYear(), input.excellentFrom(), input.goodFrom(), input.passFrom(),
                !Boolean.FALSE.equals(input.active()), criteria);
        sets.saveAndFlush(set);
        events.publishEvent(AuditEvent.of(id == null ? AuditEvent.Action.CREATE : AuditEvent.Action.UPDATE, "CRITERIA_SET",
                set.getId(), set.getUnitId(), name + ": " + criteria.size() + " criteria"));
        return set.view();
    }
}
