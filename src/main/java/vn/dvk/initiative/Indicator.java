package vn.dvk.initiative;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A measured result of an initiative in a year: "Hộ tham gia: 120 hộ (2021)". */
@Entity
@Table(name = "initiative_indicator")
class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_seq")
    @SequenceGenerator(name = "indicator_seq", sequenceName = "indicator_seq", allocationSize = 50)
    private Long id;
    private String name;
    private String unit;
    @Column(name = "indicator_year")
    private int year;
    @Column(name = "amount")
    private BigDecimal value;

    protected Indicator() {
    }

    Indicator(String name, String unit, int year, BigDecimal value) {
        this.name = name;
        this.unit = unit;
        this.year = year;
        this.value = value;
    }

    void setValue(String unit, BigDecimal value) {
        this.unit = unit;
        this.value = value;
    }

    String getName() {
        return name;
    }

    String getUnit() {
        return unit;
    }

    int getYear() {
        return year;
    }

    BigDecimal getValue() {
        return value;
    }
}
