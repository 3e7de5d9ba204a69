package vn.dvk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors of /api/** that no controller's handler saw (an unknown path, a method the path does not
 * take, an Accept header nothing can answer) as problem details too, in the caller's language; runs
 * after the controller advice (the language is the request's, as the dispatcher resolved it) and before Spring's default answers (an empty body or Boot's JSON).
 */
class ApiProblemResolver implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemResolver.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProblemMessages messages;

    ApiProblemResolver(ProblemMessages messages) {
        this.messages = messages;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!isApi(request) || response.isCommitted()) {
            return null;
        }
        HttpStatus status;
        String detail;
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            status = HttpStatus.NOT_FOUND;
            detail = "error.notFound";
        } else if (e instanceof HttpRequestMethodNotSupportedException method) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
            detail = "error.method";
            if (method.getSupportedHttpMethods() != null) {
                response.setHeader("Allow", String.join(", ", method.getSupportedHttpMethods().stream().map(Object::toString).toList()));
            }
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            status = HttpStatus.NOT_ACCEPTABLE;
            detail = "error.notAcceptable";
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            detail = "error.mediaType";
        } else if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            status = HttpStatus.valueOf(known.getStatusCode().value());
            detail = status == HttpStatus.CONTENT_TOO_LARGE ? "error.tooLarge" : "error.badRequest";
        } else {
            log.error("Unexpected error in an API call", e);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "error.server";
        }
        try {
            write(request, response, status, detail);
        } catch (IOException io) {
            return null;
        }
        return new ModelAndView();
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.resetBuffer();
        ProblemResponses.write(response, status.value(), messages.text("status." + status.value()), messages.text(detail),
                request.getRequestURI());
    }
}
