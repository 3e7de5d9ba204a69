package vn.dvk.evaluation;

import java.math.BigDecimal;

public record CriterionView(Long id, String groupName, String name, String guidance, BigDecimal maxScore, boolean bonus,
                            int position) {
}
