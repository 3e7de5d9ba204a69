package vn.dvk.shared.web;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

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
