package vn.dvk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.web.ProblemMessages;
import vn.dvk.shared.web.ProblemResponses;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code Idempotency-Key} of API.md for every write under /api/ (POST, PUT, PATCH, DELETE): the first request
 * with a key is run and its successful answer kept; the same key with the same request (method, path, query and
 * body; a multipart body by its parts, not by the boundary a browser draws anew for each send) is answered again from
 * what was kept, with {@code Idempotency-Replayed: true}, and writes nothing; the same key with another request is
 * refused (422). A retry while the first is still running is refused with 409, never run twice. Keys are kept per
 * user for eight days.
 *
 * <p>The key is taken (state RUNNING) in a statement of its own before the request runs, and its answer kept after
 * the request's own transaction committed; a node dying between the two leaves the key RUNNING, and a retry is then
 * told to check the data rather than written again. An answer that is not a success (4xx, 5xx) is not kept: the
 * same key may be sent again once the cause is mended.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY = 200;
    private static final int MAX_KEPT_BODY = 2 * 1024 * 1024;
    static final Duration KEPT = Duration.ofDays(8);
    /** A key still RUNNING after this long is taken to have lost its answer (the node stopped). */
    private static final Duration LOST_AFTER = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProblemMessages messages;
    private final LocaleResolver locales;

    IdempotencyFilter(JdbcTemplate jdbc, Clock clock, ProblemMessages messages, LocaleResolver locales) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CurrentUser user = CurrentUser.get().orElse(null);
        if (user == null || user.id() == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            problem(request, response, 422, "idempotency.key", true);
            return;
        }
        Fingerprint fingerprint;
        try {
            fingerprint = fingerprint(request);
        } catch (IllegalStateException | IOException | ServletException e) {
            // a body the application refuses anyway (too large, malformed multipart): let it answer
            log.debug("Request body not fingerprinted: {}", e.toString());
            chain.doFilter(request, response);
            return;
        }
        Instant now = Instant.now(clock);
        try {
            jdbc.update("insert into idempotency_key (user_id, idem_key, request_hash, state, created_at) values (?, ?, ?, 'RUNNING', ?)",
                    user.id(), key, fingerprint.hash(), Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            answerAgain(request, response, user.id(), key, fingerprint.hash(), now);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(fingerprint.request(), answer);
            int status = answer.getStatus();
            if (status >= 200 && status < 300) {
                byte[] body = answer.getContentAsByteArray();
                jdbc.update("update idempotency_key set state = 'DONE', status = ?, content_type = ?, location = ?, body = ?"
                                + " where user_id = ? and idem_key = ?", status, answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION), body.length <= MAX_KEPT_BODY ? body : null, user.id(), key);
                kept = true;
            }
        } finally {
            if (!kept) {
                jdbc.update("delete from idempotency_key where user_id = ? and idem_key = ? and state = 'RUNNING'", user.id(), key);
            }
            answer.copyBodyToResponse();
        }
    }

    /** A key seen before: the kept answer for the same request, else why not. */
    private void answerAgain(HttpServletRequest request, HttpServletResponse response, Long userId, String key, String hash,
                             Instant now) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("select request_hash, state, status, content_type, location, body,"
                + " created_at from idempotency_key where user_id = ? and idem_key = ?", userId, key);
        if (rows.isEmpty()) {
            // the first request failed and gave its key back in the meantime
            problem(request, response, 409, "idempotency.running", false);
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            problem(request, response, 422, "idempotency.otherRequest", true);
            return;
        }
        if (!"DONE".equals(row.get("state"))) {
            Instant since = ((Timestamp) row.get("created_at")).toInstant();
            problem(request, response, 409, since.isBefore(now.minus(LOST_AFTER)) ? "idempotency.unknown" : "idempotency.running",
                    false);
            return;
        }
        response.setStatus(((Number) row.get("status")).intValue());
        response.setHeader(REPLAYED, "true");
        if (row.get("location") != null) {
            response.setHeader(HttpHeaders.LOCATION, (String) row.get("location"));
        }
        if (row.get("content_type") != null) {
            response.setContentType((String) row.get("content_type"));
        }
        if (row.get("body") instanceof byte[] body && body.length > 0) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
                         boolean namesTheHeader) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String detail = messages.text(locale, messageKey);
        if (status == 409) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
        }
        ProblemResponses.write(response, status, messages.text(locale, "status." + status), detail, request.getRequestURI(),
                namesTheHeader ? List.of(Map.of("field", HEADER, "message", detail)) : List.of());
    }

    private record Fingerprint(String hash, HttpServletRequest request) {
    }

    /** What makes two sends the same request, and the request to run (its body read once here, given again). */
    private static Fingerprint fingerprint(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + (request.getQueryString() == null ? ""
                : request.getQueryString()) + "\n").getBytes(StandardCharsets.UTF_8));
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            for (Part part : request.getParts()) {
                digest.update(("\n--" + part.getName() + "\n" + (part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName())
                        + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = part.getInputStream()) {
                    in.transferTo(new DigestSink(digest));
                }
            }
            return new Fingerprint(HexFormat.of().formatHex(digest.digest()), request);
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            request.getParameterMap().forEach((name, values) -> digest.update((name + "=" + String.join(",", values) + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return new Fingerprint(HexFormat.of().formatHex(digest.digest()), request);
        }
        byte[] body = request.getInputStream().readAllBytes();
        digest.update(body);
        return new Fingerprint(HexFormat.of().formatHex(digest.digest()), new ReadAgain(request, body));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class DigestSink extends java.io.OutputStream {
        private final MessageDigest digest;

        DigestSink(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }
    }

    /** The request with its body, already read for the fingerprint, given again to whatever reads it next. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /**
     * The filter after Spring Security's (it needs the user), registered here rather than scanned, so web slices
     * without a database leave it out; and the nightly forgetting of old keys.
     */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        private final JdbcTemplate jdbc;
        private final Clock clock;

        Registration(JdbcTemplate jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(ProblemMessages messages, LocaleResolver locales) {
            FilterRegistrationBean<IdempotencyFilter> registration =
                    new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, clock, messages, locales));
            // after Spring Security's filter chain, registered at -100 (SecurityProperties.DEFAULT_FILTER_ORDER)
            registration.setOrder(-90);
            return registration;
        }

        /** Forgets the keys older than eight days (API.md asks for at least seven). */
        @Scheduled(cron = "0 40 3 * * *", zone = "Asia/Ho_Chi_Minh")
        void forgetOldKeys() {
            int forgotten = jdbc.update("delete from idempotency_key where created_at < ?", Timestamp.from(Instant.now(clock).minus(KEPT)));
            if (forgotten > 0) {
                log.info("Forgot {} idempotency keys older than {} days", forgotten, KEPT.toDays());
            }
        }
    }
}
