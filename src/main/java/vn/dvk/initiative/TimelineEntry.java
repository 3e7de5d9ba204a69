package vn.dvk.initiative;

import java.math.BigDecimal;
import java.time.Instant;

/** A step of an initiative's history as its page and the API show it. */
public record TimelineEntry(int year, WorkflowStep step, WorkflowState fromState, WorkflowState toState, String actor,
                            Instant at, String reason, Rating rating, BigDecimal score, Long decisionId, String document) {
}
