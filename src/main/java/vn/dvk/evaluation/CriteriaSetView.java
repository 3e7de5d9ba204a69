package vn.dvk.evaluation;

import java.math.BigDecimal;
import java.util.List;

public record CriteriaSetView(Long id, String name, Long unitId, Integer fromYear, Integer toYear, BigDecimal excellentFrom,
                              BigDecimal goodFrom, BigDecimal passFrom, boolean active, List<CriterionView> criteria,
                              BigDecimal maxTotal, long version) {
}
