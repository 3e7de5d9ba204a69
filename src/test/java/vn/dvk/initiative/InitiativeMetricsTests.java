package vn.dvk.initiative;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class InitiativeMetricsTests {

    @Test
    void eachCommittedWorkflowStepIsCountedByStep() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        InitiativeMetrics metrics = new InitiativeMetrics(registry, mock(JdbcTemplate.class), Clock.systemUTC());
        WorkflowStepTaken submitted = new WorkflowStepTaken(1L, "LD-2026-0001", "Dân vận khéo thôn Liêng Trang", 2026,
                WorkflowStep.SUBMIT, WorkflowState.DRAFT, WorkflowState.SUBMITTED, "xa.damrong1", null, null, "xa.damrong1");
        metrics.on(submitted);
        metrics.on(submitted);
        assertThat(registry.get("dvk.workflow.steps").tag("step", "SUBMIT").counter().count()).isEqualTo(2.0);
        assertThat(registry.find("dvk.workflow.steps").tag("step", "RECOGNISE").counter()).isNull();
    }
}
