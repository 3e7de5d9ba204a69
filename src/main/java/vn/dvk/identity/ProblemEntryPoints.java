package vn.dvk.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.shared.web.ProblemMessages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** 401 and 403 of the API as problem details in the caller's language (a lockout included). */
final class ProblemEntryPoints {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemEntryPoints() {
    }

    static AuthenticationEntryPoint unauthorized(ProblemMessages messages, LocaleResolver locales) {
        return (request, response, e) -> {
            Locale locale = locales.resolveLocale(request);
            response.setHeader("WWW-Authenticate", "Basic realm=\"DVK\", Bearer");
            // only the right password reaches these two (see IdentityConfig.passwordLogins)
            String detail = e instanceof LockedException ? "login.locked" : e instanceof DisabledException ? "login.disabled"
                    : "error.unauthorized";
            write(response, 401, messages.text(locale, "status.401"), messages.text(locale, detail), request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden(ProblemMessages messages, LocaleResolver locales) {
        return (request, response, e) -> {
            Locale locale = locales.resolveLocale(request);
            write(response, 403, messages.text(locale, "status.403"), messages.text(locale, "error.forbidden"),
                    request.getRequestURI());
        };
    }

    private static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
