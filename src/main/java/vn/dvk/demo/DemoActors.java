package vn.dvk.demo;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.dvk.identity.UserDirectory;
import vn.dvk.shared.security.CurrentUser;

/** Runs demo steps as the demo account that would take them, so rules and the audit trail see that person. */
final class DemoActors {

    private DemoActors() {
    }

    static void as(UserDirectory directory, String username, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        CurrentUser user = directory.loadUserByUsername(username);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
