package vn.dvk.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.security.SystemActor;

import java.util.Set;

/**
 * On the first start, with no user at all, creates the system administrator: from DVK_ADMIN_USER and
 * DVK_ADMIN_PASSWORD when set, otherwise "admin" with a generated password printed once to the log.
 */
@Component
@Order(5)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);
    static final String DEFAULT_NAME = "admin";

    private final UserAccountRepository accounts;
    private final UserAdministration administration;
    private final Environment environment;

    InitialAdministrator(UserAccountRepository accounts, UserAdministration administration, Environment environment) {
        this.accounts = accounts;
        this.administration = administration;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String username = environment.getProperty("DVK_ADMIN_USER", DEFAULT_NAME);
        String password = environment.getProperty("DVK_ADMIN_PASSWORD");
        var created = SystemActor.call(() -> administration.create(new UserDraft(username, "Quản trị hệ thống", null, null,
                null, Set.of(Role.ADMIN), password, true, null)));
        if (created.generatedPassword() != null) {
            log.warn("""

                    ============================================================
                     DVK: the first administrator was created.
                       user:     {}
                       password: {}
                     This password is shown only once; change it after logging in.
                    ============================================================""",
                    username, created.generatedPassword());
        } else {
            log.info("DVK: the first administrator '{}' was created from DVK_ADMIN_USER / DVK_ADMIN_PASSWORD", username);
        }
    }
}
