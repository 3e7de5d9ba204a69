package vn.dvk.initiative;

import java.math.BigDecimal;

/**
 * What a workflow step carries: the reason (required when returning, refusing, re-opening,
 * withdrawing or discontinuing), the evaluation's rating and score, and the decision it rests on
 * (its id in the workflow module and its citation, e.g. "Quyết định số 125-QĐ/HU ngày 10/01/2022").
 */
public record StepInput(String reason, Rating rating, BigDecimal score, Long decisionId, String document) {

    public static StepInput none() {
        return new StepInput(null, null, null, null, null);
    }

    public static StepInput because(String reason) {
        return new StepInput(reason, null, null, null, null);
    }

    public static StepInput byDecision(Long decisionId, String document) {
        return new StepInput(null, null, null, decisionId, document);
    }
}
