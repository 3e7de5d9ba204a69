package vn.dvk.workflow;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The "việc cần làm" page and its API, and the notification count every page shows. */
@Controller
class TasksController {

    private final Tasks tasks;
    private final Notifications notifications;

    TasksController(Tasks tasks, Notifications notifications) {
        this.tasks = tasks;
        this.notifications = notifications;
    }

    @GetMapping("/tasks")
    String page(Model model) {
        model.addAttribute("tasks", tasks.mine());
        model.addAttribute("waiting", tasks.awaitingRecognitionByUnit());
        return "workflow/tasks";
    }

    @PostMapping("/tasks/notifications/read")
    String readAll() {
        notifications.readAll();
        return "redirect:/tasks";
    }
}
