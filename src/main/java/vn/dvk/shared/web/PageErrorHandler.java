package vn.dvk.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.validation.Inputs;

/**
 * A refused action on a page shows the reason in the user's language, with the right status; so does
 * a page asked for with a parameter it cannot read (?year=abc): an HTML page naming the parameter,
 * never Spring's JSON.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

    private static final int SHOWN = 40;

    private final Inputs inputs;

    PageErrorHandler(Inputs inputs) {
        this.inputs = inputs;
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletResponse response) {
        return page(e.kind().status(), e, model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return badParameter(e.getName(), e.getValue(), model, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(MissingServletRequestParameterException e, Model model, HttpServletResponse response) {
        return page(400, DomainException.invalid("validation.missingParam", Inputs.label(e.getParameterName())), model, response);
    }

    @ExceptionHandler(BindException.class)
    String binding(BindException e, Model model, HttpServletResponse response) {
        FieldError field = e.getFieldError();
        return field == null ? page(400, DomainException.invalid("error.badRequest"), model, response)
                : badParameter(field.getField(), field.getRejectedValue(), model, response);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    String validation(HandlerMethodValidationException e, Model model, HttpServletResponse response) {
        return inputs.problems(e).stream().findFirst()
                .map(p -> page(400, DomainException.invalid(p.messageKey(), p.args()), model, response))
                .orElseGet(() -> page(400, DomainException.invalid("error.badRequest"), model, response));
    }

    /** The safety net behind the input checks, as on the API. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    String integrity(DataIntegrityViolationException e, Model model, HttpServletResponse response) {
        FieldProblem tooLong = DatabaseRefusals.tooLong(e);
        return tooLong != null ? page(400, DomainException.invalid(tooLong.messageKey(), tooLong.args()), model, response)
                : page(409, DomainException.conflict("error.integrity"), model, response);
    }

    private String badParameter(String name, Object value, Model model, HttpServletResponse response) {
        String text = value == null ? "" : value.toString();
        if (text.length() > SHOWN) {
            text = text.substring(0, SHOWN) + "…";
        }
        return page(400, DomainException.invalid("validation.param", Inputs.label(name == null ? "" : name), text), model, response);
    }

    private static String page(int status, DomainException problem, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problem", problem);
        return "error";
    }
}
