package vn.dvk.shared.web;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.validation.Inputs;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;

/**
 * Turns every error of an /api call into RFC 9457 problem details with a detail in the caller's
 * language and, for invalid input, an "errors" array naming the field or the row and column.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(0)
class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final ProblemMessages messages;
    private final Inputs inputs;

    ApiProblemHandler(ProblemMessages messages, Inputs inputs) {
        this.messages = messages;
        this.inputs = inputs;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.valueOf(e.kind().status()), text(e.messageKey(), e.args()), e.problems());
        if (e.current() != null && problem.getBody() != null) {
            problem.getBody().setProperty("current", e.current());
        }
        return problem;
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> binding(BindException e) {
        List<FieldProblem> problems = e.getFieldErrors().stream()
                .map(f -> FieldProblem.field(f.getField(), f.getCode() == null ? "error.invalid" : "validation." + f.getCode(),
                        f.getRejectedValue()))
                .toList();
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, text("error.validation"), problems);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> FieldProblem.field(v.getPropertyPath().toString(), "error.invalid"))
                .toList();
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, text("error.validation"), problems);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> parameters(HandlerMethodValidationException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, text("error.validation"), inputs.problems(e));
    }

    /** The safety net behind the input checks: a value the database found too long is still the caller's input. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        FieldProblem tooLong = DatabaseRefusals.tooLong(e);
        if (tooLong != null) {
            log.warn("A value too long reached the database: {}", tooLong.field());
            return problem(HttpStatus.BAD_REQUEST, text("error.validation"), List.of(tooLong));
        }
        log.warn("Refused by the database", e);
        return problem(HttpStatus.CONFLICT, text("error.integrity"), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, text("error.notAcceptable"), List.of());
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(ObjectOptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, text("error.stale"), List.of());
    }

    /**
     * The database too busy to grant a lock in time, or out of reach for a moment (restarting): try again in a
     * moment (503 with Retry-After), not a server error.
     */
    @ExceptionHandler({TransientDataAccessException.class, PessimisticLockException.class,
            LockTimeoutException.class, CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> busy(Exception e) {
        String reason = Availability.busy(e) ? Availability.reason(e) : "unavailable.busy";
        log.warn("An API call answered 503: {} ({})", reason, e.toString());
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, text(reason), List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header("Retry-After", Availability.RETRY_AFTER_SECONDS).body(problem.getBody());
    }

    /**
     * Another user's write held the rows (a lock wait ran out, a deadlock was broken): a write is refused
     * with 409 (nothing was written; try again), a read is asked to come back in a moment (503).
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyFailureException e, HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return busy(e);
        }
        log.info("Concurrent write refused: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, text("error.busy"), List.of());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class, HttpMessageNotReadableException.class})
    ResponseEntity<ProblemDetail> badRequest(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, text("error.badRequest"), List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, text("error.tooLarge"), List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, text("error.method"), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, text("error.mediaType"), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, text("error.notFound"), List.of());
    }

    /** Anything unexpected: logged in full, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return problem(HttpStatus.valueOf(known.getStatusCode().value()), text("error.badRequest"), List.of());
        }
        if (Availability.busy(e)) {
            return busy(e);
        }
        log.error("Unexpected error in an API call", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, text("error.server"), List.of());
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> problems) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(text("status." + status.value()));
        if (!problems.isEmpty()) {
            body.setProperty("errors", messages.items(problems));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private String text(String key, Object... args) {
        return messages.text(key, args);
    }
}
