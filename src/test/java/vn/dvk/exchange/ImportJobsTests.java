package vn.dvk.exchange;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;
import vn.dvk.shared.DomainException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The job runner: progress in the database, the outcome kept, failures named, cancellation obeyed. */
@DvkIntegrationTest
class ImportJobsTests {

    private static final long USER = 424242L;

    @Autowired
    ImportJobs jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    Clock clock;

    /** A job as a node killed mid-import leaves it: RUNNING 1500/20000, its heartbeat {@code silent} old. */
    private String orphan(long userId, Duration silent) {
        String id = UUID.randomUUID().toString();
        Timestamp then = Timestamp.from(clock.instant().minus(silent));
        jdbc.update("insert into import_job (id, user_id, kind, file_name, state, done, total, created_at, heartbeat_at, runner)"
                + " values (?, ?, 'IMPORT', 'giet.xlsx', 'RUNNING', 1500, 20000, ?, ?, '4711@dead-node/abcd1234')", id, userId, then, then);
        return id;
    }

    private String state(String id) {
        return jdbc.queryForObject("select state from import_job where id = ?", String.class, id);
    }

    private long officerId() {
        return jdbc.queryForObject("select id from user_account where username = ?", Long.class, DvkIntegrationTest.LAM_DONG_OFFICER);
    }

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
        Assertions.assertThatThrownBy(() -> jobs.get(cancelled, USER + 1)).isInstanceOf(DomainException.class);
    }

    @Test
    void aJobWhoseNodeDiedIsFailedWhenReadAndByTheSweep() {
        String read = orphan(USER, Duration.ofMinutes(3));
        ImportJobs.Job job = jobs.get(read, USER);
        assertThat(job.state()).isEqualTo(ImportJobs.State.FAILED);
        assertThat(job.errorKey()).isEqualTo("job.stale");
        assertThat(job.finishedAt()).isNotNull();
        assertThat(state(read)).as("marked failed in the database, for every node").isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_id = ?", Integer.class, read)).isEqualTo(1);

        String swept = orphan(USER, Duration.ofMinutes(3));
        String recent = orphan(USER, Duration.ofSeconds(20));
        assertThat(jobs.sweep()).isPositive();
        assertThat(state(swept)).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select error from import_job where id = ?", String.class, swept)).isEqualTo("job.stale");
        assertThat(state(recent)).as("a node that beat 20 seconds ago is alive").isEqualTo("RUNNING");
        jdbc.update("update import_job set state = 'FAILED', finished_at = heartbeat_at where id = ?", recent);
    }

    @Test
    void aJobMakingNoProgressStaysAliveWhileItsNodeBeats() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        String id = jobs.start(USER, ImportJobs.Kind.PREVIEW, null, "cham.xlsx", progress -> {
            started.countDown();
            try {
                go.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ImportJobs.Outcome("{}", null, "xong");
        });
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Timestamp old = Timestamp.from(clock.instant().minus(Duration.ofMinutes(5)));
            jdbc.update("update import_job set heartbeat_at = ? where id = ?", old, id);
            jobs.sweep();
            assertThat(jobs.get(id, USER).state()).as("held by this node").isEqualTo(ImportJobs.State.RUNNING);
            jobs.beat();
            assertThat(jdbc.queryForObject("select heartbeat_at from import_job where id = ?", Timestamp.class, id)).isAfter(old);
            assertThat(jdbc.queryForObject("select runner from import_job where id = ?", String.class, id)).isNotBlank();
        } finally {
            go.countDown();
        }
        assertThat(finished(id).state()).isEqualTo(ImportJobs.State.DONE);
    }

    @Test
    void cancelSaysTheTruth() throws Exception {
        long officer = officerId();
        var as = Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER);

        // a job whose node died: cancelled at once
        String dead = orphan(officer, Duration.ofMinutes(3));
        mvc.perform(post("/api/v1/jobs/" + dead + "/cancel").with(as).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"))
                .andExpect(jsonPath("$.error").value(containsString("Máy chủ chạy việc này đã dừng")));
        assertThat(state(dead)).isEqualTo("CANCELLED");

        // an ended job: 409 saying how it ended
        mvc.perform(post("/api/v1/jobs/" + dead + "/cancel").with(as).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Việc này đã được hủy rồi."));
        String failed = jobs.start(officer, ImportJobs.Kind.PREVIEW, null, "x.xlsx", progress -> {
            throw DomainException.invalid("import.initiatives.noHeader", 30);
        });
        assertThat(finished(officer, failed).state()).isEqualTo(ImportJobs.State.FAILED);
        mvc.perform(post("/api/v1/jobs/" + failed + "/cancel").with(as).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Việc này đã dừng vì lỗi, không còn gì để hủy."));
        mvc.perform(post("/exchange/jobs/" + failed + "/cancel").with(as).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Việc này đã dừng vì lỗi, không còn gì để hủy.")));

        // a live job: 202, and it stops
        CountDownLatch started = new CountDownLatch(1);
        String live = jobs.start(officer, ImportJobs.Kind.IMPORT, null, "song.xlsx", progress -> {
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
        mvc.perform(post("/api/v1/jobs/" + live + "/cancel").with(as).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/jobs/" + live));
        assertThat(finished(officer, live).state()).isEqualTo(ImportJobs.State.CANCELLED);
        mvc.perform(get("/api/v1/jobs/" + live).with(as)).andExpect(jsonPath("$.state").value("CANCELLED"));

        // on the page, a dead node's job reads as failed with the reason
        String page = orphan(officer, Duration.ofMinutes(3));
        mvc.perform(get("/exchange/jobs/" + page).with(as))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Máy chủ chạy việc này đã dừng")));
    }

    private ImportJobs.Job finished(long userId, String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            ImportJobs.Job job = jobs.get(id, userId);
            if (job.finished()) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }
}
