package vn.dvk.initiative;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** One step an initiative-year took: who, when, from and to which state, why, and by which document. Never changed. */
@Entity
@Table(name = "registration_step")
class RegistrationStep {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registration_step_seq")
    @SequenceGenerator(name = "registration_step_seq", sequenceName = "registration_step_seq", allocationSize = 50)
    private Long id;
    @Column(name = "registration_id")
    private Long registrationId;
    @Column(name = "initiative_id")
    private Long initiativeId;
    @Column(name = "reg_year")
    private int year;
    @Enumerated(EnumType.STRING)
    private WorkflowStep step;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private WorkflowState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    private WorkflowState toState;
    private String actor;
    @Column(name = "taken_at")
    private Instant takenAt;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Rating rating;
    private BigDecimal score;
    @Column(name = "decision_id")
    private Long decisionId;
    private String document;

    protected RegistrationStep() {
    }

    RegistrationStep(Registration registration, Long initiativeId, WorkflowStep step, WorkflowState fromState,
                     String actor, Instant takenAt, StepInput input) {
        this.registrationId = registration.getId();
        this.initiativeId = initiativeId;
        this.year = registration.getYear();
        this.step = step;
        this.fromState = fromState;
        this.toState = registration.getWorkflowState();
        this.actor = actor;
        this.takenAt = takenAt;
        this.reason = input.reason();
        this.rating = input.rating();
        this.score = input.score();
        this.decisionId = input.decisionId();
        this.document = input.document();
    }

    TimelineEntry view() {
        return new TimelineEntry(year, step, fromState, toState, actor, takenAt, reason, rating, score, decisionId, document);
    }
}
