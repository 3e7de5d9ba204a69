package vn.dvk.initiative;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last number given to an initiative code in a province. */
@Entity
@Table(name = "initiative_code_counter")
class CodeCounter {

    @Id
    @Column(name = "province_id")
    private Long provinceId;
    @Column(name = "last_value")
    private int lastValue;

    protected CodeCounter() {
    }

    CodeCounter(Long provinceId) {
        this.provinceId = provinceId;
    }

    int next() {
        return ++lastValue;
    }
}
