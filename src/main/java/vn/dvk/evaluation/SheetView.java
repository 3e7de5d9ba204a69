package vn.dvk.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

public record SheetView(Long id, Long initiativeId, int year, Long setId, String evaluator, String state, BigDecimal total,
                        Instant submittedAt, Map<Long, BigDecimal> scores, long version) {
}
