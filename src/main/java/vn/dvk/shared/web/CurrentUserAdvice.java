package vn.dvk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.dvk.shared.security.CurrentUser;

/** Every page knows who is logged in, as "me" (null on public pages), and their unread notifications. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final ObjectProvider<UnreadNotifications> notifications;

    CurrentUserAdvice(ObjectProvider<UnreadNotifications> notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return CurrentUser.get().orElse(null);
    }

    /** Counted for pages only (not for the API), and only for a logged-in user; 0 where no module counts them. */
    @ModelAttribute("unreadNotifications")
    Long unreadNotifications(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || CurrentUser.get().isEmpty()) {
            return 0L;
        }
        UnreadNotifications counter = notifications.getIfAvailable();
        return counter == null ? 0L : counter.unread();
    }
}
