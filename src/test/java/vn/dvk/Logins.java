package vn.dvk;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dvk.identity.UserDirectory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Requests made as one of the demo accounts, with the principal a real login would give. */
public final class Logins {

    private Logins() {
    }

    public static RequestPostProcessor as(UserDirectory directory, String username) {
        return user(directory.principalOf(username).orElseThrow(() -> new IllegalStateException("no demo user " + username)));
    }
}
