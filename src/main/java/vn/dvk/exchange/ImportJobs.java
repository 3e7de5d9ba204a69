package vn.dvk.exchange;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports and large exports as background jobs. A job's state, progress and outcome are rows of
 * import_job, so the page that follows it survives a reload and any node can show it; the work runs
 * on the node that took the request, with the requester's security context, and reports progress
 * (and reads a cancellation) in short transactions of its own.
 * <p>
 * The node beats the heartbeat of each job it holds every few seconds ({@code dvk.jobs.heartbeat}),
 * whatever the work is doing. A job whose heartbeat is older than {@code dvk.jobs.stale-after} (two
 * minutes) lost its node: it is marked failed ("the server running it stopped") by whoever reads it,
 * on any node, and by a sweep every node runs; a cancellation of it takes effect at once.
 * <p>
 * Slightly over the usual length because it is one job, a job's life in import_job: every update
 * (run, progress, beat, give up, cancel) is guarded by the same state and heartbeat conditions, which
 * split across classes would no longer be read together.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
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
            return Arrays.copyOfRange(parts, 1, parts.length);
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

    /** What asking to cancel a job did: stopped it at once (it was waiting, or its node is gone), or asked its node to stop it. */
    record Cancellation(Job job, boolean stopped) {
    }

    static final String UNFINISHED = "state in ('QUEUED', 'RUNNING')";
    private static final String COLUMNS = "id, user_id, kind, upload_id, file_name, state, done, total, result, error, created_at,"
            + " finished_at, heartbeat_at, cancel_requested";

    /** A job this node holds (queued in its executor or running): beaten, and stopped when asked. */
    private static final class Held {
        volatile boolean stop;
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration staleAfter;
    /** This node, as the jobs it runs name it: process@host and a start's own mark. */
    private final String runner = abbreviate(ManagementFactory.getRuntimeMXBean().getName()) + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "dvk-import-job");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock,
               @Value("${dvk.jobs.stale-after:PT2M}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    String start(long userId, Kind kind, String uploadId, String fileName, Work work) {
        String id = UUID.randomUUID().toString();
        Timestamp now = now();
        held.put(id, new Held());
        jdbc.update("insert into import_job (id, user_id, kind, upload_id, file_name, state, created_at, heartbeat_at, runner)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, userId, kind.name(), uploadId, fileName, State.QUEUED.name(), now, now,
                runner);
        try {
            executor.execute(new DelegatingSecurityContextRunnable(() -> {
                try {
                    run(id, kind, fileName, work);
                } finally {
                    held.remove(id);
                }
            }));
        } catch (RuntimeException e) {
            held.remove(id);
            throw e;
        }
        return id;
    }

    private void run(String id, Kind kind, String fileName, Work work) {
        Held mine = held.get(id);
        Integer started = own.execute(s -> jdbc.update("update import_job set state = ?, heartbeat_at = ? where id = ? and state = ?",
                State.RUNNING.name(), now(), id, State.QUEUED.name()));
        if (started == null || started == 0) {
            return; // cancelled while it waited, or given up for lost
        }
        long[] last = {0};
        Progress progress = new Progress() {
            @Override
            public void total(long total) {
                own.executeWithoutResult(s -> jdbc.update("update import_job set total = ?, heartbeat_at = ? where id = ?", total,
                        now(), id));
            }

            @Override
            public void done(long done) {
                if (mine != null && mine.stop) {
                    throw new Cancelled();
                }
                long now = clock.millis();
                if (now - last[0] < REPORT_EVERY_MILLIS) {
                    return;
                }
                last[0] = now;
                Boolean go = own.execute(s -> {
                    jdbc.update("update import_job set done = ?, heartbeat_at = ? where id = ?", done, now(), id);
                    return jdbc.queryForObject("select state = 'RUNNING' and not cancel_requested from import_job where id = ?",
                            Boolean.class, id);
                });
                if (!Boolean.TRUE.equals(go)) {
                    throw new Cancelled();
                }
            }
        };
        try {
            if (mine != null && mine.stop) {
                throw new Cancelled();
            }
            Outcome outcome = work.run(progress);
            own.executeWithoutResult(s -> {
                int updated = jdbc.update("update import_job set state = ?, done = total, result = ?, file = ?, finished_at = ?,"
                                + " heartbeat_at = ? where id = ? and " + UNFINISHED, State.DONE.name(), outcome.result(), outcome.file(),
                        now(), now(), id);
                if (updated == 1) {
                    audit(id, kind, fileName, outcome.auditSummary());
                } else {
                    log.warn("Job {} finished its work after it had been given up for lost or cancelled", id);
                }
            });
        } catch (Cancelled e) {
            finish(id, kind, fileName, State.CANCELLED, null, "đã hủy");
        } catch (DomainException e) {
            finish(id, kind, fileName, State.FAILED, e.messageKey() + "\u001F" + String.join("\u001F",
                    Arrays.stream(e.args()).map(String::valueOf).toList()), "không thực hiện được");
        } catch (RuntimeException e) {
            log.warn("Job {} failed", id, e);
            finish(id, kind, fileName, State.FAILED, "job.failed", "lỗi hệ thống");
        }
    }

    /** Ends a job still queued or running (one already ended, or given up for lost, is left as it is). */
    private boolean finish(String id, Kind kind, String fileName, State state, String error, String summary) {
        Boolean ended = own.execute(s -> {
            int updated = jdbc.update("update import_job set state = ?, error = ?, finished_at = ?, heartbeat_at = ? where id = ? and "
                    + UNFINISHED, state.name(), error, now(), now(), id);
            if (updated == 1) {
                audit(id, kind, fileName, summary);
            }
            return updated == 1;
        });
        return Boolean.TRUE.equals(ended);
    }

    private void audit(String id, Kind kind, String fileName, String summary) {
        boolean export = kind == Kind.EXPORT_XLSX || kind == Kind.EXPORT_CSV;
        events.publishEvent(AuditEvent.of(export ? AuditEvent.Action.EXPORT : AuditEvent.Action.IMPORT, "JOB_" + kind, id, null,
                (fileName == null ? "" : fileName + ": ") + summary));
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) : text;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** A job of another node (or of none) whose heartbeat is older than the timeout: its node is gone. */
    private boolean lost(State state, Timestamp heartbeat, String id) {
        return !state.finished() && !held.containsKey(id) && heartbeat.toInstant().isBefore(clock.instant().minus(staleAfter));
    }

    /** Marks a lost job failed (or cancelled, when its user had asked): true when this call did. */
    private boolean giveUp(String id, Kind kind, String fileName, boolean cancelled) {
        Timestamp limit = Timestamp.from(clock.instant().minus(staleAfter));
        Boolean done = own.execute(s -> {
            int updated = jdbc.update("update import_job set state = ?, error = ?, finished_at = ? where id = ? and " + UNFINISHED
                            + " and heartbeat_at < ?", (cancelled ? State.CANCELLED : State.FAILED).name(), "job.stale", now(), id,
                    limit);
            if (updated == 1) {
                audit(id, kind, fileName, cancelled ? "đã hủy (máy chủ chạy việc đã dừng)" : "máy chủ chạy việc đã dừng");
            }
            return updated == 1;
        });
        return Boolean.TRUE.equals(done);
    }

    /**
     * Every few seconds: beats the heartbeat of the jobs this node holds (and passes on a cancellation
     * asked on another node), then gives up the jobs whose node has not beaten for too long.
     */
    @Scheduled(fixedDelayString = "${dvk.jobs.heartbeat:PT5S}", initialDelayString = "${dvk.jobs.heartbeat:PT5S}")
    void beat() {
        for (Map.Entry<String, Held> job : held.entrySet()) {
            try {
                List<Boolean> go = own.execute(s -> {
                    jdbc.update("update import_job set heartbeat_at = ?, runner = ? where id = ? and " + UNFINISHED, now(), runner,
                            job.getKey());
                    return jdbc.queryForList("select " + UNFINISHED + " and not cancel_requested from import_job where id = ?",
                            Boolean.class, job.getKey());
                });
                if (go != null && !go.isEmpty() && !Boolean.TRUE.equals(go.get(0))) {
                    job.getValue().stop = true;
                }
            } catch (RuntimeException e) {
                log.warn("Could not beat the heartbeat of job {}", job.getKey(), e);
            }
        }
        sweep();
    }

    /** Gives up every job whose node has not beaten for longer than the timeout; answers how many. */
    int sweep() {
        Timestamp limit = Timestamp.from(clock.instant().minus(staleAfter));
        int given = 0;
        for (Map<String, Object> row : jdbc.queryForList("select id, kind, file_name, cancel_requested, runner from import_job where "
                + UNFINISHED + " and heartbeat_at < ?", limit)) {
            String id = (String) row.get("id");
            if (!held.containsKey(id) && giveUp(id, Kind.valueOf((String) row.get("kind")), (String) row.get("file_name"),
                    Boolean.TRUE.equals(row.get("cancel_requested")))) {
                log.warn("Job {} given up: its node ({}) stopped beating", id, row.get("runner"));
                given++;
            }
        }
        return given;
    }

    /** The user's job; one whose node has stopped beating is marked failed first. */
    Job get(String id, long userId) {
        Job job = read(id, userId);
        if (job == null) {
            throw DomainException.notFound("job.notFound", id);
        }
        return job;
    }

    private Job read(String id, long userId) {
        List<Object[]> found = jdbc.query("select " + COLUMNS + " from import_job where id = ? and user_id = ?",
                (rs, n) -> new Object[] {job(rs), rs.getTimestamp("heartbeat_at"), rs.getBoolean("cancel_requested")}, id, userId);
        if (found.isEmpty()) {
            return null;
        }
        Job job = (Job) found.get(0)[0];
        if (lost(job.state(), (Timestamp) found.get(0)[1], id)) {
            giveUp(id, job.kind(), job.fileName(), (Boolean) found.get(0)[2]);
            return read(id, userId);
        }
        return job;
    }

    private static Job job(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Job(rs.getString("id"), rs.getLong("user_id"), Kind.valueOf(rs.getString("kind")), rs.getString("upload_id"),
                rs.getString("file_name"), State.valueOf(rs.getString("state")), rs.getLong("done"), rs.getLong("total"),
                rs.getString("result"), rs.getString("error"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    byte[] file(String id, long userId) {
        get(id, userId);
        byte[] file = jdbc.queryForObject("select file from import_job where id = ?", byte[].class, id);
        if (file == null) {
            throw DomainException.notFound("job.notFound", id);
        }
        return file;
    }

    /**
     * Cancels the user's job. One that has ended cannot be: 409 naming how it ended. One still waiting,
     * or whose node is gone, is cancelled at once; a running one is asked to stop (its node reads the
     * request at its next progress report, or at its next heartbeat) and rolls back.
     */
    Cancellation cancel(String id, long userId) {
        List<Object[]> found = jdbc.query("select " + COLUMNS + " from import_job where id = ? and user_id = ?",
                (rs, n) -> new Object[] {job(rs), rs.getTimestamp("heartbeat_at")}, id, userId);
        if (found.isEmpty()) {
            throw DomainException.notFound("job.notFound", id);
        }
        Job job = (Job) found.get(0)[0];
        if (job.finished()) {
            throw DomainException.conflict("job.cancel." + job.state().name());
        }
        if (lost(job.state(), (Timestamp) found.get(0)[1], id)) {
            giveUp(id, job.kind(), job.fileName(), true);
            return settled(id, userId);
        }
        if (job.state() == State.QUEUED) {
            Held mine = held.get(id);
            if (mine != null) {
                mine.stop = true;
            }
            if (finish(id, job.kind(), job.fileName(), State.CANCELLED, null, "đã hủy trước khi chạy")) {
                return settled(id, userId);
            }
            return cancel(id, userId); // it started meanwhile
        }
        jdbc.update("update import_job set cancel_requested = true where id = ? and user_id = ?", id, userId);
        Held mine = held.get(id);
        if (mine != null) {
            mine.stop = true;
        }
        return new Cancellation(get(id, userId), false);
    }

    /** After a cancellation took effect at once (it may have raced with the job's own end). */
    private Cancellation settled(String id, long userId) {
        Job job = get(id, userId);
        return new Cancellation(job, job.finished());
    }
}
