package vn.dvk.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;


@Configuration(proxyBeanMethods = false)
class IdentityConfig {

    /** bcrypt today, upgradable later: hashes carry their algorithm ("{bcrypt}..."). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Logins by password (the form and HTTP Basic). A locked or disabled account is told so only after
     * the right password: a wrong one gets the same "wrong name or password" as a name that does not
     * exist, so a guess never learns that an account exists or is locked.
     */
    @Bean
    DaoAuthenticationProvider passwordLogins(UserDirectory users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }
}
