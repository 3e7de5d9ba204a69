package vn.dvk.evaluation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One evaluator's scores for an initiative-year: a draft until submitted, then fixed. */
@Entity
@Table(name = "evaluation_sheet")
class EvaluationSheet {

    enum State { DRAFT, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evaluation_sheet_seq")
    @SequenceGenerator(name = "evaluation_sheet_seq", sequenceName = "evaluation_sheet_seq", allocationSize = 50)
    private Long id;
    @Column(name = "initiative_id")
    private Long initiativeId;
    @Column(name = "reg_year")
    private int year;
    @Column(name = "set_id")
    private Long setId;
    private String evaluator;
    @Enumerated(EnumType.STRING)
    private State state = State.DRAFT;
    private BigDecimal total;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "evaluation_score", joinColumns = @JoinColumn(name = "sheet_id"))
    @MapKeyColumn(name = "criterion_id")
    @Column(name = "score")
    private Map<Long, BigDecimal> scores = new HashMap<>();

    protected EvaluationSheet() {
    }

    EvaluationSheet(Long initiativeId, int year, Long setId, String evaluator) {
        this.initiativeId = initiativeId;
        this.year = year;
        this.setId = setId;
        this.evaluator = evaluator;
    }

    /**
     * Records the scores given (each clamped to its criterion's range; a blank leaves the criterion
     * unscored); submitting needs every criterion but the bonus ones scored.
     */
    void score(CriteriaSet set, Map<Long, BigDecimal> given, boolean submit, Instant now) {
        if (state == State.SUBMITTED) {
            throw DomainException.conflict("evaluation.submitted");
        }
        for (Criterion criterion : set.getCriteria()) {
            if (given.containsKey(criterion.getId())) {
                BigDecimal score = given.get(criterion.getId());
                if (score == null) {
                    scores.remove(criterion.getId());
                } else {
                    scores.put(criterion.getId(), criterion.clamp(score));
                }
            }
        }
        total = scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (submit) {
            List<FieldProblem> missing = new ArrayList<>();
            for (Criterion criterion : set.getCriteria()) {
                if (!criterion.isBonus() && !scores.containsKey(criterion.getId())) {
                    missing.add(FieldProblem.field("score-" + criterion.getId(), "evaluation.unscored", criterion.getName()));
                }
            }
            if (!missing.isEmpty()) {
                throw new DomainException(DomainException.Kind.INVALID, missing, "evaluation.incomplete",
                        String.valueOf(missing.size()));
            }
            state = State.SUBMITTED;
            submittedAt = now;
        }
    }

    SheetView view() {
        return new SheetView(id, initiativeId, year, setId, evaluator, state.name(), total, submittedAt, Map.copyOf(scores), version);
    }

    Long getId() { return id; }
    Long getSetId() { return setId; }
    State getState() { return state; }
    BigDecimal getTotal() { return total; }
    long getVersion() { return version; }
}
