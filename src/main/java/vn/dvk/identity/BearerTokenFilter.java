package vn.dvk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Authenticates "Authorization: Bearer dvk_..." with a personal token; never creates a session. A
 * request so authenticated is marked ({@link ByToken}): a token may not mint tokens, so no token
 * outlives the revocation of the one that made it.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenRepository tokens;
    private final UserDirectory directory;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;
    private final AuthenticationEntryPoint entryPoint;
    private final Clock clock;

    BearerTokenFilter(ApiTokenRepository tokens, UserDirectory directory,
                      TransactionTemplate transaction, AuthenticationEntryPoint entryPoint, Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        // every request with a token reads it: read-only (no flush, the unit structure held in memory for its scope);
        // when it was last used is written, in its own short transaction, at most once in LAST_USED_PRECISION
        this.reading = new TransactionTemplate(transaction.getTransactionManager());
        this.reading.setReadOnly(true);
        this.writing = transaction;
        this.entryPoint = entryPoint;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        AtomicReference<Long> used = new AtomicReference<>();
        Instant now = clock.instant();
        Optional<UsernamePasswordAuthenticationToken> authentication =
                reading.execute(status -> authenticate(header.substring(BEARER.length()).strip(), now, used));
        if (used.get() != null) {
            writing.executeWithoutResult(status -> tokens.markUsed(used.get(), now));
        }
        if (authentication == null || authentication.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The authentication of a token's request; the token's id put in {@code used} when its last use is to be noted. */
    private Optional<UsernamePasswordAuthenticationToken> authenticate(String secret, Instant now, AtomicReference<Long> used) {
        return tokens.findWithAccount(ApiToken.hash(secret))
                .filter(held -> held.token().isActive())
                .flatMap(held -> {
                    ApiToken token = held.token();
                    if (token.markUsed(now)) {
                        used.set(token.getId());
                    }
                    return Optional.of(held.account())
                            .map(directory::principal)
                            .filter(u -> u.isEnabled() && u.isAccountNonLocked())
                            .map(u -> {
                                u.eraseCredentials();
                                var authentication = UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities());
                                authentication.setDetails(new ByToken(token.getId()));
                                return authentication;
                            });
                });
    }

    /** The details of a request authenticated by a token: which one. */
    record ByToken(Long tokenId) {

        /** Whether the current request was authenticated by a token (not a password or a session). */
        static boolean current() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.getDetails() instanceof ByToken;
        }
    }
}
