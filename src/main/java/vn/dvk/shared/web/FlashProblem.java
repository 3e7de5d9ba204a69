package vn.dvk.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;

/**
 * A refused change told on the page a form redirects to: the first problem's message key and its arguments
 * (numbers and text, kept in the session until the next page), shown by
 * {@code #messages.msgWithParams(problem, problemArgs)}, so a message such as "longer than {0} characters"
 * arrives whole.
 */
public final class FlashProblem {

    private FlashProblem() {
    }

    public static void put(RedirectAttributes redirect, DomainException e) {
        FieldProblem first = e.problems().isEmpty() ? null : e.problems().get(0);
        put(redirect, first == null ? e.messageKey() : first.messageKey(), first == null ? new Object[0] : first.args());
    }

    public static void put(RedirectAttributes redirect, String messageKey, Object... args) {
        redirect.addFlashAttribute("problem", messageKey);
        redirect.addFlashAttribute("problemArgs", args == null ? new Object[0] : args);
    }
}
