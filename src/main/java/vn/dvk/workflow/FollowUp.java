package vn.dvk.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import vn.dvk.shared.DomainException;

import java.time.LocalDate;

/** A task an inspection leaves, with its due date; overdue while not done after that date. */
@Entity
@Table(name = "follow_up")
class FollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_seq")
    @SequenceGenerator(name = "follow_up_seq", sequenceName = "follow_up_seq", allocationSize = 50)
    private Long id;
    @Column(name = "inspection_id", insertable = false, updatable = false)
    private Long inspectionId;
    private String task;
    private String assignee;
    @Column(name = "due_on")
    private LocalDate dueOn;
    @Column(name = "done_on")
    private LocalDate doneOn;
    @Column(name = "done_by")
    private String doneBy;

    protected FollowUp() {
    }

    FollowUp(String task, String assignee, LocalDate dueOn) {
        this.task = task;
        this.assignee = assignee;
        this.dueOn = dueOn;
    }

    boolean overdueOn(LocalDate today) {
        return doneOn == null && dueOn.isBefore(today);
    }

    void done(LocalDate on, String by) {
        if (doneOn != null) {
            throw DomainException.conflict("inspection.followUpDone");
        }
        this.doneOn = on;
        this.doneBy = by;
    }

    Long getId() { return id; }
    String getTask() { return task; }
    String getAssignee() { return assignee; }
    LocalDate getDueOn() { return dueOn; }
    LocalDate getDoneOn() { return doneOn; }
    String getDoneBy() { return doneBy; }
}
