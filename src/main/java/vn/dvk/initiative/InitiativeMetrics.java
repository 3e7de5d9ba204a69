package vn.dvk.initiative;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.dvk.shared.metrics.CachedReading;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The movement's own metrics: registrations of the current year by workflow state (from the kept
 * counts, the same figures as the reports, whichever node wrote them) and the workflow steps this node
 * committed, by step.
 */
@Component
class InitiativeMetrics {

    private final MeterRegistry registry;
    private final CachedReading<Map<WorkflowState, Long>> thisYear;

    InitiativeMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        this.registry = registry;
        this.thisYear = new CachedReading<>(() -> {
            Map<WorkflowState, Long> counts = new EnumMap<>(WorkflowState.class);
            jdbc.query("select workflow_state, sum(n) from registration_tally_province where reg_year = ? group by workflow_state",
                    row -> {
                        counts.put(WorkflowState.valueOf(row.getString(1)), row.getLong(2));
                    }, LocalDate.now(clock).getYear());
            return counts;
        }, Duration.ofSeconds(30), clock, Map.of());
        for (WorkflowState state : WorkflowState.values()) {
            Gauge.builder("dvk.registrations.this.year", thisYear, reading -> reading.get().getOrDefault(state, 0L))
                    .description("Registrations of the current year (Asia/Ho_Chi_Minh), by workflow state")
                    .tag("state", state.name())
                    .strongReference(true)
                    .register(registry);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkflowStepTaken step) {
        Counter.builder("dvk.workflow.steps").description("Workflow steps committed on this node")
                .tag("step", step.step().name()).register(registry).increment();
    }
}
