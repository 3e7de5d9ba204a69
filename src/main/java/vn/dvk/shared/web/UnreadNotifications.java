package vn.dvk.shared.web;

/** How many unread notifications the current user has, for the menu of every page (implemented by the workflow module). */
public interface UnreadNotifications {

    long unread();
}
