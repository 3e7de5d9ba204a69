package vn.dvk.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.security.CurrentUser;

import java.time.Clock;

/**
 * Counts failed logins (the fifth in a row locks the account for 15 minutes, in the database, so
 * every node knows), clears the count on success, and records logins, failures and logouts.
 */
@Component
class LoginAttempts {

    static final String OBJECT_TYPE = "SESSION";

    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginAttempts(UserAccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = UserAccount.normalise(event.getAuthentication().getName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            accounts.findByUsername(username).ifPresent(a -> a.failedLogin(clock.instant()));
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.LOGIN_FAILED, OBJECT_TYPE, null, null,
                username + ": " + event.getException().getClass().getSimpleName()));
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user && user.id() != null) {
            accounts.findById(user.id()).ifPresent(UserAccount::succeededLogin);
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void interactive(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            events.publishEvent(AuditEvent.of(AuditEvent.Action.LOGIN, OBJECT_TYPE, user.id(), null, user.getUsername()));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void loggedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            events.publishEvent(AuditEvent.of(AuditEvent.Action.LOGOUT, OBJECT_TYPE, user.id(), null, user.getUsername()));
        }
    }
}
