package vn.dvk.shared.web;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import org.hibernate.TransactionException;

/**
 * DVK answers 503 with Retry-After, never 500, while it cannot serve: until it is ready (the demo data
 * and the other start-up work load before Spring Boot reports {@link ReadinessState#ACCEPTING_TRAFFIC}),
 * when the database is too busy to take a lock (a lock timeout), and when no connection can be had (the
 * database restarting: the pool gives up after spring.datasource.hikari.connection-timeout, a few seconds).
 * Pages get a short page, /api calls a problem, both in the caller's language; health, styles and
 * scripts are served throughout.
 */
@Configuration(proxyBeanMethods = false)
class Availability {

    static final String RETRY_AFTER_SECONDS = "10";

    @Bean
    FilterRegistrationBean<UnavailableFilter> unavailableFilter(ApplicationAvailability availability, ProblemMessages messages,
                                                                LocaleResolver locales) {
        FilterRegistrationBean<UnavailableFilter> registration =
                new FilterRegistrationBean<>(new UnavailableFilter(availability, messages, locales));
        // before the session (read from the database) and security filters
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Whether a failure only means "try again in a moment": the database busy or out of reach. */
    static boolean busy(Throwable failure) {
        return reason(failure) != null;
    }

    /**
     * The message key of a failure that only means "try again in a moment": a lock not granted in time or a
     * query timed out ({@code unavailable.busy}); no connection to be had — the database restarting or out of
     * reach, the pool's wait (a few seconds) run out, or a transaction that could not be begun, committed or rolled
 * back on its connection ({@code unavailable.database}). Null for anything else.
     */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof JDBCConnectionException || t instanceof TransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLException sql && outOfReach(sql.getSQLState())) {
                return "unavailable.database";
            }
            if (t instanceof TransientDataAccessException || t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return "unavailable.busy";
            }
        }
        return null;
    }

    /** SQL states of a lost connection (class 08) and of a server shutting down or starting (57P01–57P03). */
    private static boolean outOfReach(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    static final class UnavailableFilter extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(UnavailableFilter.class);
        private static final List<String> ALWAYS = List.of("/actuator/", "/css/", "/js/", "/webjars/", "/favicon.");

        private final ApplicationAvailability availability;
        private final ProblemMessages messages;
        private final LocaleResolver locales;

        UnavailableFilter(ApplicationAvailability availability, ProblemMessages messages, LocaleResolver locales) {
            this.availability = availability;
            this.messages = messages;
            this.locales = locales;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC && ALWAYS.stream().noneMatch(path::startsWith)) {
                unavailable(request, response, path, "unavailable.starting");
                return;
            }
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                String reason = reason(e);
                if (reason == null || response.isCommitted()) {
                    throw e;
                }
                log.warn("{} {} answered 503: {} ({})", request.getMethod(), path, reason, e.toString());
                response.reset();
                unavailable(request, response, path, reason);
            }
        }

        private void unavailable(HttpServletRequest request, HttpServletResponse response, String path, String key)
                throws IOException {
            Locale locale = locales.resolveLocale(request);
            String title = messages.text(locale, "status.503");
            String detail = messages.text(locale, key);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'none'; frame-ancestors 'none'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (path.startsWith("/api/")) {
                ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, title, detail, path);
                return;
            }
            String lang = locale.getLanguage();
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="%s">
                    <head>
                    <meta charset="UTF-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>%s</title>
                    <link rel="stylesheet" href="%s/webjars/bootstrap/css/bootstrap.min.css">
                    </head>
                    <body>
                    <main class="container py-5">
                    <h1 class="h3">DVK</h1>
                    <div class="alert alert-info" role="status" id="unavailable">%s</div>
                    <a class="btn btn-primary" href="%s">%s</a>
                    </main>
                    </body>
                    </html>
                    """.formatted(lang, HtmlUtils.htmlEscape(title, "UTF-8"), request.getContextPath(), HtmlUtils.htmlEscape(detail, "UTF-8"),
                    HtmlUtils.htmlEscape(request.getContextPath() + ("GET".equals(request.getMethod()) ? path : "/"), "UTF-8"),
                    HtmlUtils.htmlEscape(messages.text(locale, "unavailable.retry"), "UTF-8")));
        }
    }
}
