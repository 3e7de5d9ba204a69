package vn.dvk.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/**
 * Ends a user's browser sessions (kept in the database by Spring Session, indexed by user name) when
 * what they may do changed: roles, scope, a disabled account, a new password. The session of the
 * request that made the change stays (a user changing their own password), unless that request's user
 * is the one whose roles or scope changed (an administrator changing their own account): a session
 * never keeps rights its user no longer has. The sessions end once the change is committed, so a login
 * in between cannot pick up the old roles; tokens and HTTP Basic read the account on every call anyway.
 */
@Component
class UserSessions {

    /** Published inside the transaction of the change; acted on after it commits. */
    record EndRequested(String username, String keep, boolean includingThis) {
    }

    private final FindByIndexNameSessionRepository<?> sessions;
    private final ApplicationEventPublisher events;

    UserSessions(FindByIndexNameSessionRepository<?> sessions, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.events = events;
    }

    /** Ends every session of the user but the one of the current request, once the transaction commits. */
    void endOthers(String username) {
        events.publishEvent(new EndRequested(username, currentSessionId(), false));
    }

    /** Ends every session of the user, the current request's too when it is one of them, once the transaction commits. */
    void endAll(String username) {
        events.publishEvent(new EndRequested(username, currentSessionId(), true));
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void end(EndRequested request) {
        var ids = sessions.findByPrincipalName(request.username()).keySet();
        ids.stream().filter(id -> !id.equals(request.keep())).forEach(sessions::deleteById);
        if (request.includingThis() && request.keep() != null && ids.contains(request.keep())) {
            // the request's own session is ended through the request, which would otherwise write it back at its end
            currentSession().ifPresent(HttpSession::invalidate);
        }
    }

    private static String currentSessionId() {
        return currentSession().map(HttpSession::getId).orElse(null);
    }

    private static Optional<HttpSession> currentSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getSession(false));
        }
        return Optional.empty();
    }
}
