package vn.dvk.shared.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.shared.AuditEvent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * While DVK starts, and while the database is too busy to take a lock, requests are answered 503 with Retry-After — never
 * 500; and a long transaction makes no login or other writer wait for the audit trail.
 */
@DvkIntegrationTest
class AvailabilityTests {

    private static final String USER = DvkIntegrationTest.DAM_RONG_OFFICER;
    private static final String PASSWORD = DvkIntegrationTest.DEMO_PASSWORD;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void untilReadyPagesTheApiAndLoginsAre503WithRetryAfterThenServedAgain() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            mvc.perform(get("/"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(containsString("DVK đang khởi động, vui lòng thử lại sau ít giây")));
            mvc.perform(get("/").cookie(new Cookie("DVK_LANG", "en")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("DVK is starting up")));
            mvc.perform(get("/api/v1/jobs/" + UUID.randomUUID()).with(httpBasic(USER, PASSWORD)))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value(startsWith("DVK đang khởi động")));
            mvc.perform(get("/api/v1/jobs/" + UUID.randomUUID()).with(httpBasic("khong.co.ai", "sai mat khau")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"));
            mvc.perform(post("/login").with(csrf()).param("username", USER).param("password", PASSWORD))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"))
                    .andExpect(unauthenticated());
            mvc.perform(get("/actuator/health/readiness"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
            mvc.perform(get("/actuator/health/liveness"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/jobs/" + UUID.randomUUID()).with(httpBasic(USER, PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(post("/login").with(csrf()).param("username", USER).param("password", PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(authenticated());
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void aLongTransactionThatWroteToTheAuditTrailMakesNoLoginNoReadAndNoOtherWriterWait() throws Exception {
        // a job of a node that died: reading it gives it up, which is written to the audit trail
        String orphan = orphanJob();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = holding(status -> {
            // as a large change (the demo load, an import) that has written its audit entry and not yet committed
            events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "TEST", "dai-han", null, "Một thay đổi dài"));
            written.countDown();
            await(release);
            status.setRollbackOnly();
        });
        try {
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            mvc.perform(formLogin("/login").user("khong.co.ai").password("sai mat khau"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/login?error=bad"));
            mvc.perform(formLogin("/login").user(USER).password(PASSWORD))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(authenticated());
            mvc.perform(get("/api/v1/jobs/" + orphan).with(httpBasic(USER, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("FAILED"));
            // all answered while the long transaction is still open (before, they queued behind it)
            assertThat(holder.isAlive()).isTrue();
        } finally {
            release.countDown();
            holder.join(30_000);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_id = 'dai-han'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = 'anonymous'",
                Long.class)).isPositive();
    }

    @Test
    void aWriteThatCannotTakeItsLockInTimeIsAskedToRetryNotAServerError() throws Exception {
        String orphan = orphanJob();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = holding(status -> {
            jdbc.queryForList("select state from import_job where id = ? for update", orphan);
            locked.countDown();
            await(release);
            status.setRollbackOnly();
        });
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            mvc.perform(formLogin("/login").user(USER).password(PASSWORD))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(authenticated());
            // H2 gives up waiting for the lock after its timeout: 503; PostgreSQL, without lock_timeout, waits: 200 once released
            var response = mvc.perform(get("/api/v1/jobs/" + orphan).with(httpBasic(USER, PASSWORD))).andReturn().getResponse();
            assertThat(response.getStatus()).isIn(200, 503);
            if (response.getStatus() == 503) {
                assertThat(response.getHeader("Retry-After")).isEqualTo("10");
                assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            }
        } finally {
            release.countDown();
            holder.join(30_000);
        }
        mvc.perform(get("/api/v1/jobs/" + orphan).with(httpBasic(USER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FAILED"));
    }

    private String orphanJob() {
        String orphan = UUID.randomUUID().toString();
        long officer = jdbc.queryForObject("select id from user_account where username = ?", Long.class, USER);
        Timestamp then = Timestamp.from(clock.instant().minus(Duration.ofMinutes(5)));
        jdbc.update("insert into import_job (id, user_id, kind, file_name, state, created_at, heartbeat_at)"
                + " values (?, ?, 'IMPORT', 'khoa.xlsx', 'RUNNING', ?, ?)", orphan, officer, then, then);
        return orphan;
    }

    private Thread holding(Consumer<TransactionStatus> work) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Thread thread = new Thread(() -> template.executeWithoutResult(work), "holds-a-transaction");
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch release) {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
