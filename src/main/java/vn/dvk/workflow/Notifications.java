package vn.dvk.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.dvk.identity.UserDirectory;
import vn.dvk.initiative.WorkflowStep;
import vn.dvk.initiative.WorkflowStepTaken;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.dvk.shared.web.UnreadNotifications;

/**
 * In-app notifications of workflow steps, written in the step's own transaction: whoever submitted
 * an initiative-year hears when it is returned, evaluated, recognised (or not), commended or
 * re-opened. When a mail server is configured (spring.mail.host) and the user has an e-mail
 * address, the same message is e-mailed after the transaction commits.
 */
@Service
public class Notifications implements UnreadNotifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Set<WorkflowStep> TOLD = EnumSet.of(WorkflowStep.RETURN, WorkflowStep.EVALUATE, WorkflowStep.RECOGNISE,
            WorkflowStep.NOT_RECOGNISE, WorkflowStep.COMMEND, WorkflowStep.WITHDRAW, WorkflowStep.REOPEN);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final NotificationRepository notifications;
    private final MessageSource messages;
    private final UserDirectory directory;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;

    Notifications(NotificationRepository notifications, MessageSource messages, UserDirectory directory,
                  ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.notifications = notifications;
        this.messages = messages;
        this.directory = directory;
        this.mail = mail;
        this.clock = clock;
    }

    /** What a step says to the one who submitted, in Vietnamese (the users' language). */
    String messageOf(WorkflowStepTaken step) {
        String text = messages.getMessage("notification.step", new Object[] {step.name(), step.year(),
                new DefaultMessageSourceResolvable("state." + step.to()), step.actor()}, VI);
        if (step.reason() != null) {
            text += " " + messages.getMessage("workflow.reason", null, VI) + ": " + step.reason() + ".";
        }
        if (step.document() != null) {
            text += " " + step.document() + ".";
        }
        return text;
    }

    @EventListener
    void on(WorkflowStepTaken step) {
        if (TOLD.contains(step.step()) && step.submittedBy() != null && !step.submittedBy().equals(step.actor())) {
            notifications.save(new Notification(step.submittedBy(), messageOf(step), "/initiatives/" + step.initiativeId(),
                    clock.instant()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void mail(WorkflowStepTaken step) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || !TOLD.contains(step.step()) || step.submittedBy() == null || step.submittedBy().equals(step.actor())) {
            return;
        }
        directory.emailOf(step.submittedBy()).ifPresent(address -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setTo(address);
            message.setSubject("DVK: " + step.name() + " (" + step.year() + ")");
            message.setText(messageOf(step));
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("E-mail to {} not sent: {}", step.submittedBy(), e.getMessage());
            }
        });
    }

    @Transactional(readOnly = true)
    public List<NotificationView> mine(int size) {
        CurrentUser user = Permissions.require(Role.values());
        return notifications.newestOf(user.getUsername(), PageRequest.of(0, size)).stream().map(Notification::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long unread() {
        return CurrentUser.get().map(u -> notifications.unreadOf(u.getUsername())).orElse(0L);
    }

    @Transactional
    public int readAll() {
        CurrentUser user = Permissions.require(Role.values());
        List<Notification> unread = notifications.unreadListOf(user.getUsername());
        unread.forEach(n -> n.read(clock.instant()));
        return unread.size();
    }
}
