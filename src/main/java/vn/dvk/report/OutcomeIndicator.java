package vn.dvk.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.util.Objects;

/** One socio-economic indicator of a unit for a year: a value with its measure, or a note (e.g. a decision). */
@Entity
@Table(name = "outcome_indicator")
class OutcomeIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outcome_indicator_seq")
    @SequenceGenerator(name = "outcome_indicator_seq", sequenceName = "outcome_indicator_seq", allocationSize = 50)
    private Long id;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "reg_year")
    private int year;
    private String name;
    private String measure;
    private BigDecimal amount;
    private String note;
    @Version
    private long version;

    protected OutcomeIndicator() {
    }

    OutcomeIndicator(Long unitId, int year, String name) {
        this.unitId = unitId;
        this.year = year;
        this.name = name;
    }

    /** Sets the value; true when anything changed (a re-import of the same file changes nothing). */
    boolean set(String measure, BigDecimal amount, String note) {
        boolean changed = differs(measure, amount, note);
        this.measure = measure;
        this.amount = amount;
        this.note = note;
        return changed;
    }

    boolean differs(String measure, BigDecimal amount, String note) {
        return !Objects.equals(this.measure, measure) || !Objects.equals(this.note, note)
                || (this.amount == null ? amount != null : amount == null || this.amount.compareTo(amount) != 0);
    }

    OutcomeView view(String unitName) {
        return new OutcomeView(id, unitId, unitName, year, name, measure, amount, note);
    }

    Long getUnitId() { return unitId; }
}
