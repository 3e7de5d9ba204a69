package vn.dvk.shared.web;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.JDBCConnectionException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.util.List;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are answered 503 "try again" (and with which words), and which stay errors. */
class UnavailableReasonTests {

    @Test
    void noConnectionToBeHadIsTheDatabaseOutOfReach() {
        // what JPA throws when Hikari gives up waiting for a connection while PostgreSQL restarts
        var poolGaveUp = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new JDBCConnectionException("Unable to acquire JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms")));
        assertThat(Availability.reason(poolGaveUp)).isEqualTo("unavailable.database");
        // what the JDBC session store throws in the same moment
        assertThat(Availability.reason(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection refused")))).isEqualTo("unavailable.database");
        assertThat(Availability.reason(new PersistenceException(new SQLTransientConnectionException("timed out"))))
                .isEqualTo("unavailable.database");
        // a transaction in flight when PostgreSQL is stopped: "terminating connection due to administrator command"
        assertThat(Availability.reason(new PersistenceException(new SQLException("terminating connection", "57P01"))))
                .isEqualTo("unavailable.database");
        // the rollback of a request whose connection PostgreSQL's restart closed
        assertThat(Availability.reason(new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection"))))
                .isEqualTo("unavailable.database");
    }

    /**
     * What a page or a login meets with PostgreSQL restarting reaches the filter (pages no longer render their
     * error template, which itself reads the database; the login's failure handler passes the cause on):
     * a standalone 503 page in the user's language, not a 500 or "wrong password".
     */
    @Test
    void aLoginOrPageWithoutDatabaseGetsTheStandalone503Page() throws Exception {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        var filter = new Availability.UnavailableFilter(availability, new ProblemMessages(source), new WebConfig.SupportedLocaleResolver("L"));
        var request = new MockHttpServletRequest("POST", "/login");
        request.setPreferredLocales(List.of(WebConfig.VIETNAMESE));
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new ServletException("the login could not be checked", new InternalAuthenticationServiceException("Could not open JPA EntityManager",
                    new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                            new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isNotBlank();
        assertThat(response.getContentAsString()).contains("Tạm thời không kết nối được cơ sở dữ liệu");
    }

    @Test
    void aLockNotGrantedInTimeIsTheDatabaseBusy() {
        assertThat(Availability.reason(new CannotAcquireLockException("lock timeout"))).isEqualTo("unavailable.busy");
    }

    @Test
    void otherFailuresAreNotAnsweredTryAgain() {
        assertThat(Availability.reason(new DataIntegrityViolationException("duplicate key"))).isNull();
        assertThat(Availability.reason(new PersistenceException(new SQLException("syntax error", "42601")))).isNull();
        assertThat(Availability.reason(new IllegalStateException("a bug"))).isNull();
        assertThat(Availability.busy(new IllegalStateException("a bug"))).isFalse();
    }
}
