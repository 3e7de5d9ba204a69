package vn.dvk.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.RequestCacheConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import jakarta.servlet.ServletException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.web.ProblemMessages;

import java.time.Clock;

/**
 * Three filter chains: Actuator (probes public, the rest for administrators), the REST API (HTTP Basic, bearer tokens or the browser's session with CSRF;
 * answers 401/403 as problem details) and the pages (form login). Both send strict headers: a
 * Content-Security-Policy without inline scripts, frame denial, HSTS behind TLS.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";
    static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/cong-khai", "/cong-khai/**", "/sitemap.xml", "/robots.txt",
            "/sw.js", "/manifest.webmanifest", "/icons/**"};
    /** What a load balancer asks, answered to anyone (status only; details to administrators). */
    static final String[] PROBES = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    /**
     * How programs log in (integrations, a metrics scraper): HTTP Basic or a bearer token, every refusal
     * as problem details in the caller's language.
     */
    record ProgramLogins(ApiTokenRepository tokens, UserDirectory directory,
                         TransactionTemplate transaction, ProblemMessages messages, LocaleResolver locales, Clock clock) {

        HttpSecurity applyTo(HttpSecurity http) throws Exception {
            var unauthorized = ProblemEntryPoints.unauthorized(messages, locales);
            AuthenticationEntryPoint basic = (request, response, exception) -> {
                passOnServerFailure(exception);
                unauthorized.commence(request, response, exception);
            };
            return http.httpBasic(b -> b.authenticationEntryPoint(basic))
                    .addFilterBefore(new BearerTokenFilter(tokens, directory, transaction, unauthorized, clock),
                            BasicAuthenticationFilter.class)
                    .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized)
                            .accessDeniedHandler(ProblemEntryPoints.forbidden(messages, locales)))
                    .headers(SecurityConfig::headers);
        }
    }

    @Bean
    ProgramLogins programLogins(ApiTokenRepository tokens, UserDirectory directory,
                                TransactionTemplate transaction, ProblemMessages messages, LocaleResolver locales, Clock clock) {
        return new ProgramLogins(tokens, directory, transaction, messages, locales, clock);
    }

    /**
     * Spring Boot Actuator: the health probes public, everything else (Prometheus metrics, metrics, info)
     * for administrators only, by HTTP Basic or an administrator's bearer token (what a Prometheus
     * scraper is given), never by a browser session.
     */
    /**
     * No observation of each security filter, authentication and authorization: with an observation registry (the
     * actuator's) Spring Security wraps every filter of every request in one, which cost a summary a tenth of its CPU;
     * requests are timed by route all the same (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, ProgramLogins logins) throws Exception {
        logins.applyTo(http.securityMatcher("/actuator/**"))
                .authorizeHttpRequests(a -> a.requestMatchers(PROBES).permitAll().anyRequest().hasRole("ADMIN"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(RequestCacheConfigurer::disable)
                .csrf(CsrfConfigurer::disable); // read-only endpoints, no session: nothing to forge
        return http.build();
    }

    /** The REST API: programs as above, or the browser's session with its CSRF token. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProgramLogins logins) throws Exception {
        logins.applyTo(http.securityMatcher("/api/**"))
                .authorizeHttpRequests(a -> a.requestMatchers("/api/public/**").permitAll().anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers(SecurityConfig::hasAuthorizationHeader));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, UserAccountRepository accounts) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler(afterLogin(accounts))
                        .failureHandler(loginFailure()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // the public feedback form carries its own signed token (no session for visitors)
                .csrf(c -> c.ignoringRequestMatchers("/cong-khai/**"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(h -> h.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    private static boolean hasAuthorizationHeader(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }

    /** A user with a temporary password goes to "change my password" first. */
    private static AuthenticationSuccessHandler afterLogin(UserAccountRepository accounts) {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            boolean mustChange = authentication.getPrincipal() instanceof CurrentUser user
                    && accounts.findById(user.id()).map(UserAccount::mustChangePassword).orElse(false);
            if (mustChange) {
                response.sendRedirect(request.getContextPath() + "/account/password?required");
            } else {
                saved.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /**
     * Credentials the server could not check (the database out of reach) are not wrong: the failure goes on up
     * as an error, answered 503 "try again" by shared.web's availability filter, never 401 or "wrong password".
     */
    private static void passOnServerFailure(AuthenticationException exception) throws ServletException {
        if (exception instanceof AuthenticationServiceException) {
            throw new ServletException("the credentials could not be checked", exception);
        }
    }

    /** A wrong password, a locked or disabled account: back to the form saying which. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            passOnServerFailure(exception);
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
