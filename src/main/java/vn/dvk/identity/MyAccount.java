package vn.dvk.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What every user does with their own account: change the password, manage personal API tokens. */
@Service
@Transactional(readOnly = true)
class MyAccount {

    static final String TOKEN_TYPE = "API_TOKEN";
    static final int MAX_TOKEN_NAME = 100;

    private final UserAccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final UserSessions sessions;
    private final Clock clock;

    MyAccount(UserAccountRepository accounts, ApiTokenRepository tokens, PasswordEncoder encoder,
              ApplicationEventPublisher events, UserSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.encoder = encoder;
        this.events = events;
        this.sessions = sessions;
        this.clock = clock;
    }

    record TokenView(Long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    record IssuedToken(TokenView token, String secret) {
    }

    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    String email() {
        return me().getEmail();
    }

    /** Sets (or, blank, removes) where notifications are e-mailed. */
    @Transactional
    void changeEmail(String email) {
        String address = email == null ? "" : email.strip();
        if (!address.isEmpty() && (address.length() > 200 || !EMAIL.matcher(address).matches())) {
            throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("email", "account.emailInvalid")),
                    "error.validation");
        }
        UserAccount account = me();
        account.changeEmail(address.isEmpty() ? null : address);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "USER", account.getId(),
                account.getUnitId(), account.getUsername() + " e-mail " + (address.isEmpty() ? "removed" : "set")));
    }

    /**
     * Changes the password; the session of this request stays, the user's other sessions end, and
     * when asked every personal API token is revoked too.
     */
    @Transactional
    void changePassword(String current, String next, String repeated, boolean revokeTokens) {
        UserAccount account = me();
        List<FieldProblem> problems = new ArrayList<>();
        if (current == null || !encoder.matches(current, account.getPasswordHash())) {
            problems.add(FieldProblem.field("currentPassword", "password.currentWrong"));
        }
        problems.addAll(PasswordPolicy.check("newPassword", next, account.getUsername()));
        if (next != null && !next.equals(repeated)) {
            problems.add(FieldProblem.field("repeatPassword", "password.notRepeated"));
        }
        if (current != null && current.equals(next)) {
            problems.add(FieldProblem.field("newPassword", "password.same"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        account.setPassword(encoder.encode(next), false, clock.instant());
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, UserAdministration.OBJECT_TYPE, account.getId(),
                account.getUnitId(), "password changed: " + account.getUsername()));
        sessions.endOthers(account.getUsername());
        if (revokeTokens) {
            tokens.findByUserIdOrderByCreatedAtDesc(account.getId()).stream().filter(ApiToken::isActive)
                    .forEach(token -> revoke(token, account));
        }
    }

    boolean mustChangePassword() {
        return CurrentUser.get().flatMap(u -> accounts.findById(u.id())).map(UserAccount::mustChangePassword).orElse(false);
    }

    List<TokenView> myTokens() {
        return tokens.findByUserIdOrderByCreatedAtDesc(me().getId()).stream().map(MyAccount::view).toList();
    }

    /**
     * Issues a token to a user who logged in with their password (a session or HTTP Basic): a token
     * cannot mint tokens, so revoking a token never leaves one it made behind.
     */
    @Transactional
    IssuedToken issueToken(String name) {
        if (BearerTokenFilter.ByToken.current()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "token.mintByToken");
        }
        UserAccount account = me();
        String cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty() || cleaned.length() > MAX_TOKEN_NAME) {
            throw new DomainException(DomainException.Kind.INVALID,
                    List.of(FieldProblem.field("name", "validation.NotBlank")), "error.validation");
        }
        ApiToken.Issued issued = ApiToken.issue(account.getId(), cleaned, clock.instant());
        tokens.save(issued.token());
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, TOKEN_TYPE, issued.token().getId(), account.getUnitId(),
                cleaned + " (" + issued.token().getTokenPrefix() + "…)"));
        return new IssuedToken(view(issued.token()), issued.secret());
    }

    @Transactional
    void revokeToken(Long id) {
        UserAccount account = me();
        ApiToken token = tokens.findById(id).filter(t -> t.getUserId().equals(account.getId()))
                .orElseThrow(() -> DomainException.notFound("token.notFound", id));
        revoke(token, account);
    }

    private void revoke(ApiToken token, UserAccount account) {
        token.revoke(clock.instant());
        events.publishEvent(AuditEvent.of(AuditEvent.Action.DELETE, TOKEN_TYPE, token.getId(), account.getUnitId(),
                token.getName() + " (" + token.getTokenPrefix() + "…)"));
    }

    private UserAccount me() {
        CurrentUser user = CurrentUser.get().orElseThrow(Permissions::forbidden);
        return accounts.findById(user.id()).orElseThrow(Permissions::forbidden);
    }

    private static TokenView view(ApiToken t) {
        return new TokenView(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt());
    }
}
