package vn.dvk.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.dvk.shared.DomainException;

/** A refused action on a page shows the reason in the user's language, with the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletResponse response) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case FORBIDDEN -> 403;
            case TOO_LARGE -> 413;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problem", e);
        return "error";
    }

    /** The database too busy to grant a lock in time: the page says to try again in a moment (503 with Retry-After). */
    @ExceptionHandler({org.springframework.dao.TransientDataAccessException.class, jakarta.persistence.PessimisticLockException.class,
            jakarta.persistence.LockTimeoutException.class})
    String busy(Exception e, Model model, HttpServletResponse response) {
        org.slf4j.LoggerFactory.getLogger(PageErrorHandler.class).warn("A page answered 503: the database is busy ({})", e.toString());
        response.setStatus(503);
        response.setHeader("Retry-After", Availability.RETRY_AFTER_SECONDS);
        model.addAttribute("status", 503);
        model.addAttribute("detailKey", "unavailable.busy");
        return "error";
    }
}
