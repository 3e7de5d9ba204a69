package vn.dvk.evaluation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.dvk.initiative.Rating;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of criteria for a unit (and everything under it; none: everywhere) and a period of years,
 * with the thresholds that turn a score into a rating (Xuất sắc / Tốt / Đạt / Không đạt).
 */
@Entity
@Table(name = "criteria_set")
class CriteriaSet {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "criteria_set_seq")
    @SequenceGenerator(name = "criteria_set_seq", sequenceName = "criteria_set_seq", allocationSize = 50)
    private Long id;
    private String name;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "from_year")
    private Integer fromYear;
    @Column(name = "to_year")
    private Integer toYear;
    @Column(name = "excellent_from")
    private BigDecimal excellentFrom;
    @Column(name = "good_from")
    private BigDecimal goodFrom;
    @Column(name = "pass_from")
    private BigDecimal passFrom;
    private boolean active = true;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "set_id", nullable = false)
    @OrderBy("position")
    private List<Criterion> criteria = new ArrayList<>();

    protected CriteriaSet() {
    }

    CriteriaSet(String name, Long unitId, Integer fromYear, Integer toYear) {
        this.name = name;
        this.unitId = unitId;
        this.fromYear = fromYear;
        this.toYear = toYear;
    }

    /** The rating a score earns: at or above a threshold earns its rating. */
    Rating rate(BigDecimal score) {
        if (score.compareTo(excellentFrom) >= 0) {
            return Rating.EXCELLENT;
        }
        if (score.compareTo(goodFrom) >= 0) {
            return Rating.GOOD;
        }
        return score.compareTo(passFrom) >= 0 ? Rating.PASS : Rating.FAIL;
    }

    boolean appliesIn(int year) {
        return active && (fromYear == null || year >= fromYear) && (toYear == null || year <= toYear);
    }

    /** Replaces what an administrator edits; thresholds must descend, criteria need a positive maximum. */
    void revise(String name, Integer fromYear, Integer toYear, BigDecimal excellentFrom, BigDecimal goodFrom,
                BigDecimal passFrom, boolean active, List<Criterion> criteria) {
        this.name = name;
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.excellentFrom = excellentFrom;
        this.goodFrom = goodFrom;
        this.passFrom = passFrom;
        this.active = active;
        this.criteria.clear();
        this.criteria.addAll(criteria);
    }

    BigDecimal maxTotal() {
        return criteria.stream().filter(c -> !c.isBonus()).map(Criterion::getMaxScore).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    CriteriaSetView view() {
        return new CriteriaSetView(id, name, unitId, fromYear, toYear, excellentFrom, goodFrom, passFrom, active,
                criteria.stream().map(Criterion::view).toList(), maxTotal(), version);
    }

    Long getId() { return id; }
    Long getUnitId() { return unitId; }
    List<Criterion> getCriteria() { return criteria; }
    long getVersion() { return version; }
}
