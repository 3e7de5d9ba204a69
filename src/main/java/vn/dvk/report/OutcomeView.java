package vn.dvk.report;

import java.math.BigDecimal;

public record OutcomeView(Long id, Long unitId, String unitName, int year, String name, String measure, BigDecimal value,
                          String note) {
}
