package vn.dvk.workflow;

import java.time.Instant;

public record NotificationView(Long id, String message, String link, Instant at, boolean read) {
}
