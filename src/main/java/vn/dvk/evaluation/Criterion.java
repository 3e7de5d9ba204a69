package vn.dvk.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One criterion: its group, what is judged, guidance for the evaluator, the maximum score; bonus criteria are optional. */
@Entity
@Table(name = "criterion")
class Criterion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "criterion_seq")
    @SequenceGenerator(name = "criterion_seq", sequenceName = "criterion_seq", allocationSize = 50)
    private Long id;
    @Column(name = "group_name")
    private String groupName;
    private String name;
    private String guidance;
    @Column(name = "max_score")
    private BigDecimal maxScore;
    private boolean bonus;
    private int position;

    protected Criterion() {
    }

    Criterion(String groupName, String name, String guidance, BigDecimal maxScore, boolean bonus, int position) {
        this.groupName = groupName;
        this.name = name;
        this.guidance = guidance;
        this.maxScore = maxScore;
        this.bonus = bonus;
        this.position = position;
    }

    /** A score kept inside the criterion's range: below 0 is 0, above the maximum is the maximum. */
    BigDecimal clamp(BigDecimal score) {
        if (score.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return score.compareTo(maxScore) > 0 ? maxScore : score;
    }

    CriterionView view() {
        return new CriterionView(id, groupName, name, guidance, maxScore, bonus, position);
    }

    Long getId() { return id; }
    String getName() { return name; }
    BigDecimal getMaxScore() { return maxScore; }
    boolean isBonus() { return bonus; }
}
