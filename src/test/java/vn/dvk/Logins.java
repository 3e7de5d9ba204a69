package vn.dvk;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;
import vn.dvk.identity.UserDirectory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Requests made as one of the demo accounts, with the principal a real login would give. */
public final class Logins {

    private Logins() {
    }

    /**
     * The user of the application that serves the request: its UserDirectory is found through the
     * request's servlet context, so a test needs no directory of its own to log in.
     */
    public static RequestPostProcessor as(String username) {
        return request -> {
            UserDirectory directory = WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
                    .getBean(UserDirectory.class);
            return as(directory, username).postProcessRequest(request);
        };
    }

    public static RequestPostProcessor as(UserDirectory directory, String username) {
        return user(directory.principalOf(username).orElseThrow(() -> new IllegalStateException("no demo user " + username)));
    }
}
