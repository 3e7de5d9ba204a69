package vn.dvk.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import vn.dvk.shared.web.ApiController;

import java.util.List;
import java.util.Map;

@ApiController
@Tag(name = "Tasks")
class TasksApiController {

    private final Tasks tasks;
    private final Notifications notifications;

    TasksApiController(Tasks tasks, Notifications notifications) {
        this.tasks = tasks;
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/me/tasks")
    @Operation(summary = "What awaits the caller: evaluation, recognition, revision, commendation decisions, overdue follow-ups")
    Tasks.TaskList mine() {
        return tasks.mine();
    }

    @GetMapping("/api/v1/me/notifications")
    List<NotificationView> notifications() {
        return notifications.mine(50);
    }

    @PostMapping("/api/v1/me/notifications/read")
    Map<String, Integer> readAll() {
        return Map.of("read", notifications.readAll());
    }
}
