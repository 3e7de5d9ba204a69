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
import java.util.Optional;

/**
 * Authenticates "Authorization: Bearer dvk_..." with a personal token; never creates a session. A
 * request so authenticated is marked ({@link ByToken}): a token may not mint tokens, so no token
 * outlives the revocation of the one that made it.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenRepository tokens;
    private final UserDirectory directory;
    private final TransactionTemplate transaction;
    private final AuthenticationEntryPoint entryPoint;
    private final Clock clock;

    BearerTokenFilter(ApiTokenRepository tokens, UserDirectory directory,
                      TransactionTemplate transaction, AuthenticationEntryPoint entryPoint, Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.transaction = transaction;
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
        Optional<UsernamePasswordAuthenticationToken> authentication =
                transaction.execute(status -> authenticate(header.substring(BEARER.length()).strip()));
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

    private Optional<UsernamePasswordAuthenticationToken> authenticate(String secret) {
        return tokens.findWithAccount(ApiToken.hash(secret))
                .filter(held -> held.token().isActive())
                .flatMap(held -> {
                    ApiToken token = held.token();
                    token.markUsed(clock.instant());
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
