package vn.dvk.exchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports and large exports as background jobs. A job's state, progress and outcome are rows of
 * import_job, so the page that follows it survives a reload and any node can show it; the work runs
 * on the node that took the request, with the requester's security context, and reports progress
 * (and reads a cancellation) in short transactions of its own. A job whose node stopped beating for
 * two minutes is shown as failed.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration STALE = Duration.ofMinutes(2);
    private static final long REPORT_EVERY_MILLIS = 500;

    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    enum Kind { PREVIEW, IMPORT, EXPORT_XLSX, EXPORT_CSV }

    record Job(String id, long userId, Kind kind, String uploadId, String fileName, State state, long done, long total,
               String result, String error, Instant createdAt, Instant finishedAt) {

        public boolean finished() {
            return state.finished();
        }

        public String errorKey() {
            return error == null ? null : error.split("\u001F", -1)[0];
        }

        public Object[] errorArgs() {
            if (error == null || !error.contains("\u001F")) {
                return new Object[0];
            }
            String[] parts = error.split("\u001F", -1);
            return java.util.Arrays.copyOfRange(parts, 1, parts.length);
        }

        public int percent() {
            return total <= 0 ? (finished() ? 100 : 0) : (int) Math.min(100, done * 100 / total);
        }
    }

    /** Thrown inside the work when the user asked to cancel: the work's transaction rolls back. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** What the work calls as it goes. */
    interface Progress {
        void total(long total);

        /** Records how far the work is; throws {@link Cancelled} when the user asked to stop. */
        void done(long done);
    }

    /** The work of a job: returns its result (JSON) and may leave a file. */
    interface Work {
        Outcome run(Progress progress);
    }

    record Outcome(String result, byte[] file, String auditSummary) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "dvk-import-job");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    String start(long userId, Kind kind, String uploadId, String fileName, Work work) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into import_job (id, user_id, kind, upload_id, file_name, state, created_at, heartbeat_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, userId, kind.name(), uploadId, fileName, State.QUEUED.name(), now, now);
        executor.execute(new DelegatingSecurityContextRunnable(() -> run(id, kind, fileName, work)));
        return id;
    }

    private void run(String id, Kind kind, String fileName, Work work) {
        set(id, "state = ?", State.RUNNING.name());
        long[] last = {0};
        Progress progress = new Progress() {
            @Override
            public void total(long total) {
                own.executeWithoutResult(s -> jdbc.update("update import_job set total = ?, heartbeat_at = ? where id = ?", total,
                        Timestamp.from(clock.instant()), id));
            }

            @Override
            public void done(long done) {
                long now = System.currentTimeMillis();
                if (now - last[0] < REPORT_EVERY_MILLIS) {
                    return;
                }
                last[0] = now;
                Boolean cancel = own.execute(s -> {
                    jdbc.update("update import_job set done = ?, heartbeat_at = ? where id = ?", done, Timestamp.from(clock.instant()), id);
                    return jdbc.queryForObject("select cancel_requested from import_job where id = ?", Boolean.class, id);
                });
                if (Boolean.TRUE.equals(cancel)) {
                    throw new Cancelled();
                }
            }
        };
        try {
            Outcome outcome = work.run(progress);
            own.executeWithoutResult(s -> {
                jdbc.update("update import_job set state = ?, done = total, result = ?, file = ?, finished_at = ?, heartbeat_at = ?"
                                + " where id = ?", State.DONE.name(), outcome.result(), outcome.file(), Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()), id);
                audit(id, kind, fileName, outcome.auditSummary());
            });
        } catch (Cancelled e) {
            finish(id, kind, fileName, State.CANCELLED, null, "đã hủy");
        } catch (DomainException e) {
            finish(id, kind, fileName, State.FAILED, e.messageKey() + "\u001F" + String.join("\u001F",
                    java.util.Arrays.stream(e.args()).map(String::valueOf).toList()), "không thực hiện được");
        } catch (RuntimeException e) {
            log.warn("Job {} failed", id, e);
            finish(id, kind, fileName, State.FAILED, "job.failed", "lỗi hệ thống");
        }
    }

    private void finish(String id, Kind kind, String fileName, State state, String error, String summary) {
        own.executeWithoutResult(s -> {
            jdbc.update("update import_job set state = ?, error = ?, finished_at = ?, heartbeat_at = ? where id = ?", state.name(),
                    error, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id);
            audit(id, kind, fileName, summary);
        });
    }

    private void audit(String id, Kind kind, String fileName, String summary) {
        boolean export = kind == Kind.EXPORT_XLSX || kind == Kind.EXPORT_CSV;
        events.publishEvent(AuditEvent.of(export ? AuditEvent.Action.EXPORT : AuditEvent.Action.IMPORT, "JOB_" + kind, id, null,
                (fileName == null ? "" : fileName + ": ") + summary));
    }

    private void set(String id, String assignment, Object value) {
        own.executeWithoutResult(s -> jdbc.update("update import_job set " + assignment + ", heartbeat_at = ? where id = ?", value,
                Timestamp.from(clock.instant()), id));
    }

    /** The user's job; a running job whose node has not reported for two minutes is marked failed. */
    Job get(String id, long userId) {
        List<Job> found = jdbc.query("select id, user_id, kind, upload_id, file_name, state, done, total, result, error, created_at,"
                        + " finished_at, heartbeat_at from import_job where id = ? and user_id = ?",
                (rs, n) -> {
                    State state = State.valueOf(rs.getString("state"));
                    Timestamp heartbeat = rs.getTimestamp("heartbeat_at");
                    if (!state.finished() && heartbeat.toInstant().isBefore(clock.instant().minus(STALE))) {
                        state = State.FAILED;
                    }
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new Job(rs.getString("id"), rs.getLong("user_id"), Kind.valueOf(rs.getString("kind")),
                            rs.getString("upload_id"), rs.getString("file_name"), state, rs.getLong("done"), rs.getLong("total"),
                            rs.getString("result"), state == State.FAILED && rs.getString("error") == null ? "job.stale" : rs.getString("error"),
                            rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
                }, id, userId);
        if (found.isEmpty()) {
            throw DomainException.notFound("job.notFound", id);
        }
        return found.get(0);
    }

    byte[] file(String id, long userId) {
        get(id, userId);
        byte[] file = jdbc.queryForObject("select file from import_job where id = ?", byte[].class, id);
        if (file == null) {
            throw DomainException.notFound("job.notFound", id);
        }
        return file;
    }

    void cancel(String id, long userId) {
        get(id, userId);
        jdbc.update("update import_job set cancel_requested = true where id = ? and user_id = ?", id, userId);
    }
}
