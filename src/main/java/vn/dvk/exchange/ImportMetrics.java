package vn.dvk.exchange;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.shared.metrics.CachedReading;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Import and export jobs queued and running on all nodes (the jobs table is shared). */
@Component
class ImportMetrics {

    ImportMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        CachedReading<Map<String, Long>> jobs = new CachedReading<>(() -> {
            Map<String, Long> counts = new HashMap<>();
            jdbc.query("select state, count(*) from import_job where " + ImportJobs.UNFINISHED + " group by state",
                    row -> {
                        counts.put(row.getString(1), row.getLong(2));
                    });
            return counts;
        }, Duration.ofSeconds(10), clock, Map.of());
        for (ImportJobs.State state : new ImportJobs.State[] {ImportJobs.State.QUEUED, ImportJobs.State.RUNNING}) {
            Gauge.builder("dvk.jobs", jobs, reading -> reading.get().getOrDefault(state.name(), 0L))
                    .description("Import and export jobs of all nodes, by state").tag("state", state.name())
                    .strongReference(true) // the reading lives only in this gauge: a weak reference would be collected
                    .register(registry);
        }
    }
}
