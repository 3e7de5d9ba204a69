package vn.dvk.exchange;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.shared.DomainException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The job runner: progress in the database, the outcome kept, failures named, cancellation obeyed. */
@DvkIntegrationTest
class ImportJobsTests {

    private static final long USER = 424242L;

    @Autowired
    ImportJobs jobs;
    @Autowired
    JdbcTemplate jdbc;

    private ImportJobs.Job finished(String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            ImportJobs.Job job = jobs.get(id, USER);
            if (job.finished()) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void aJobReportsProgressAndKeepsItsOutcome() throws Exception {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        String id = jobs.start(USER, ImportJobs.Kind.EXPORT_CSV, null, "a.csv", progress -> {
            progress.total(10);
            try {
                Thread.sleep(600);
                progress.done(5);
                halfway.countDown();
                go.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ImportJobs.Outcome("{\"rows\":10}", new byte[] {1, 2, 3}, "xuất 10 dòng");
        });
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        ImportJobs.Job running = jobs.get(id, USER);
        assertThat(running.state()).isEqualTo(ImportJobs.State.RUNNING);
        assertThat(running.total()).isEqualTo(10);
        assertThat(running.done()).isEqualTo(5);
        assertThat(running.percent()).isEqualTo(50);
        go.countDown();
        ImportJobs.Job done = finished(id);
        assertThat(done.state()).isEqualTo(ImportJobs.State.DONE);
        assertThat(done.result()).isEqualTo("{\"rows\":10}");
        assertThat(jobs.file(id, USER)).containsExactly(1, 2, 3);
        assertThat(jdbc.queryForObject("select summary from audit_entry where object_id = ?", String.class, id))
                .isEqualTo("a.csv: xuất 10 dòng");
    }

    @Test
    void aFailingJobNamesTheProblemAndACancelledOneStops() throws Exception {
        String failing = jobs.start(USER, ImportJobs.Kind.PREVIEW, null, "x.xlsx", progress -> {
            throw DomainException.invalid("import.initiatives.noHeader", 30);
        });
        ImportJobs.Job failed = finished(failing);
        assertThat(failed.state()).isEqualTo(ImportJobs.State.FAILED);
        assertThat(failed.errorKey()).isEqualTo("import.initiatives.noHeader");
        assertThat(failed.errorArgs()).containsExactly("30");

        CountDownLatch started = new CountDownLatch(1);
        String cancelled = jobs.start(USER, ImportJobs.Kind.IMPORT, null, "y.xlsx", progress -> {
            progress.total(1_000_000);
            started.countDown();
            for (long i = 1; i <= 1_000_000; i++) {
                progress.done(i);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new ImportJobs.Outcome("{}", null, "never");
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        jobs.cancel(cancelled, USER);
        ImportJobs.Job stopped = finished(cancelled);
        assertThat(stopped.state()).isEqualTo(ImportJobs.State.CANCELLED);
        assertThat(stopped.done()).isLessThan(1_000_000);
        // someone else's job is not found
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.get(cancelled, USER + 1)).isInstanceOf(DomainException.class);
    }
}
