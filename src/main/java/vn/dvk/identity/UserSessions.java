package vn.dvk.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's browser sessions (kept in the database by Spring Session, indexed by user name) when
 * what they may do changed: roles, scope, a disabled account, a new password. The session of the
 * request that made the change stays. The sessions end once the change is committed, so a login in
 * between cannot pick up the old roles; tokens and HTTP Basic read the account on every call anyway.
 */
@Component
class UserSessions {

    /** Published inside the transaction of the change; acted on after it commits. */
    record EndRequested(String username, String keep) {
    }

    private final FindByIndexNameSessionRepository<?> sessions;
    private final ApplicationEventPublisher events;

    UserSessions(FindByIndexNameSessionRepository<?> sessions, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.events = events;
    }

    /** Ends every session of the user but the one of the current request, once the transaction commits. */
    void endOthers(String username) {
        events.publishEvent(new EndRequested(username, currentSessionId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void end(EndRequested request) {
        sessions.findByPrincipalName(request.username()).keySet().stream()
                .filter(id -> !id.equals(request.keep()))
                .forEach(sessions::deleteById);
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
