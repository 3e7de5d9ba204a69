package vn.dvk.evaluation;

import org.junit.jupiter.api.Test;
import vn.dvk.initiative.Rating;
import vn.dvk.shared.DomainException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scoring rules without Spring: clamping, completeness, thresholds, averages. */
class EvaluationRulesTests {

    private static CriteriaSet set() {
        CriteriaSet set = new CriteriaSet("Thử", null, null, null);
        set.revise("Thử", null, null, BigDecimal.valueOf(90), BigDecimal.valueOf(75), BigDecimal.valueOf(50), true, List.of(
                new Criterion("I", "Hiệu quả", null, BigDecimal.valueOf(60), false, 1),
                new Criterion("II", "Đồng thuận", null, BigDecimal.valueOf(40), false, 2),
                new Criterion("Thưởng", "Được khen", null, BigDecimal.valueOf(5), true, 3)));
        // ids as the database would give them
        long id = 1;
        for (Criterion c : set.getCriteria()) {
            ReflectionTestUtils.setField(c, "id", id++);
        }
        return set;
    }

    @Test
    void scoresAreClampedToEachCriterionsRange() {
        EvaluationSheet sheet = new EvaluationSheet(1L, 2022, 1L, "a");
        sheet.score(set(), Map.of(1L, BigDecimal.valueOf(75), 2L, BigDecimal.valueOf(-3)), false, Instant.now());
        assertThat(sheet.view().scores()).containsEntry(1L, BigDecimal.valueOf(60)).containsEntry(2L, BigDecimal.ZERO);
        assertThat(sheet.getTotal()).isEqualByComparingTo("60");
    }

    @Test
    void aSheetIsSubmittedOnlyWhenEveryCriterionButTheBonusIsScored() {
        CriteriaSet set = set();
        EvaluationSheet sheet = new EvaluationSheet(1L, 2022, 1L, "a");
        assertThatThrownBy(() -> sheet.score(set, Map.of(1L, BigDecimal.TEN), true, Instant.now()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("evaluation.incomplete");
                    assertThat(e.problems()).extracting(p -> p.field()).containsExactly("score-2");
                });
        assertThat(sheet.getState()).isEqualTo(EvaluationSheet.State.DRAFT);
        sheet.score(set, Map.of(2L, BigDecimal.valueOf(30)), true, Instant.now());
        assertThat(sheet.getState()).isEqualTo(EvaluationSheet.State.SUBMITTED);
        assertThatThrownBy(() -> sheet.score(set, Map.of(2L, BigDecimal.ONE), false, Instant.now()))
                .isInstanceOf(DomainException.class);
        Map<Long, BigDecimal> cleared = new HashMap<>();
        cleared.put(1L, null);
        EvaluationSheet other = new EvaluationSheet(1L, 2022, 1L, "b");
        other.score(set, Map.of(1L, BigDecimal.ONE), false, Instant.now());
        other.score(set, cleared, false, Instant.now());
        assertThat(other.view().scores()).isEmpty();
    }

    @Test
    void thresholdsMapAScoreToARating() {
        CriteriaSet set = set();
        assertThat(set.rate(BigDecimal.valueOf(90))).isEqualTo(Rating.EXCELLENT);
        assertThat(set.rate(new BigDecimal("89.99"))).isEqualTo(Rating.GOOD);
        assertThat(set.rate(BigDecimal.valueOf(75))).isEqualTo(Rating.GOOD);
        assertThat(set.rate(BigDecimal.valueOf(50))).isEqualTo(Rating.PASS);
        assertThat(set.rate(new BigDecimal("49.5"))).isEqualTo(Rating.FAIL);
        assertThat(set.maxTotal()).isEqualByComparingTo("100");
    }

    @Test
    void theResultIsTheAverageOfTheSubmittedSheetsOnly() {
        CriteriaSet set = set();
        EvaluationSheet a = new EvaluationSheet(1L, 2022, 1L, "a");
        a.score(set, Map.of(1L, BigDecimal.valueOf(50), 2L, BigDecimal.valueOf(35), 3L, BigDecimal.valueOf(5)), true, Instant.now());
        EvaluationSheet b = new EvaluationSheet(1L, 2022, 1L, "b");
        b.score(set, Map.of(1L, BigDecimal.valueOf(40), 2L, BigDecimal.valueOf(30)), true, Instant.now());
        EvaluationSheet draft = new EvaluationSheet(1L, 2022, 1L, "c");
        draft.score(set, Map.of(1L, BigDecimal.ONE), false, Instant.now());
        assertThat(Evaluations.average(List.of(a, b, draft))).isEqualByComparingTo("80.00");
        assertThat(Evaluations.average(List.of(draft))).isNull();
    }
}
