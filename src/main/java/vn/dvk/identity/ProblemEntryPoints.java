package vn.dvk.identity;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import vn.dvk.shared.web.ProblemMessages;
import vn.dvk.shared.web.ProblemResponses;

import java.util.Locale;

/** 401 and 403 of the API as problem details in the caller's language (a lockout included). */
final class ProblemEntryPoints {

    private ProblemEntryPoints() {
    }

    static AuthenticationEntryPoint unauthorized(ProblemMessages messages, LocaleResolver locales) {
        return (request, response, e) -> {
            Locale locale = locales.resolveLocale(request);
            response.setHeader("WWW-Authenticate", "Basic realm=\"DVK\", Bearer");
            // only the right password reaches these two (see IdentityConfig.passwordLogins)
            String detail = e instanceof LockedException ? "login.locked" : e instanceof DisabledException ? "login.disabled"
                    : "error.unauthorized";
            ProblemResponses.write(response, 401, messages.text(locale, "status.401"), messages.text(locale, detail), request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden(ProblemMessages messages, LocaleResolver locales) {
        return (request, response, e) -> {
            Locale locale = locales.resolveLocale(request);
            ProblemResponses.write(response, 403, messages.text(locale, "status.403"), messages.text(locale, "error.forbidden"),
                    request.getRequestURI());
        };
    }
}
