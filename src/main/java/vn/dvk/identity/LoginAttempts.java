package vn.dvk.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.security.CurrentUser;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed logins (the fifth in a row locks the account for 15 minutes, in the database, so
 * every node knows), clears the count on success, and records logins, failures and logouts. The
 * record is written in a transaction of its own: when the audit trail is too busy to take it (its
 * head is locked past the timeout), the login still goes on, and the entry is logged instead.
 */
@Component
class LoginAttempts {

    static final String OBJECT_TYPE = "SESSION";

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate own;

    LoginAttempts(UserAccountRepository accounts, ApplicationEventPublisher events, Clock clock,
                  PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = UserAccount.normalise(event.getAuthentication().getName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            own.executeWithoutResult(s -> accounts.findByUsername(username).ifPresent(a -> a.failedLogin(clock.instant())));
        }
        audit(AuditEvent.of(AuditEvent.Action.LOGIN_FAILED, OBJECT_TYPE, null, null,
                username + ": " + event.getException().getClass().getSimpleName()));
    }

    /** Records the event in a transaction of its own; a trail too busy to take it is no reason to refuse a login. */
    private void audit(AuditEvent event) {
        try {
            own.executeWithoutResult(s -> events.publishEvent(event));
        } catch (TransientDataAccessException | PessimisticLockException | LockTimeoutException e) {
            log.warn("Audit trail busy, entry not recorded: {} {} {} ({})", event.action(), event.objectId(), event.summary(),
                    e.toString());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user && user.id() != null) {
            accounts.findById(user.id()).ifPresent(UserAccount::succeededLogin);
        }
    }

    @EventListener
    public void interactive(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            audit(AuditEvent.of(AuditEvent.Action.LOGIN, OBJECT_TYPE, user.id(), null, user.getUsername()));
        }
    }

    @EventListener
    public void loggedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            audit(AuditEvent.of(AuditEvent.Action.LOGOUT, OBJECT_TYPE, user.id(), null, user.getUsername()));
        }
    }
}
