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
import jakarta.persistence.Version;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.dvk.shared.DomainException;

/** An initiative registered for one year, new or maintained, by an organisation. */
@Entity
@Table(name = "registration")
class Registration {


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registration_seq")
    @SequenceGenerator(name = "registration_seq", sequenceName = "registration_seq", allocationSize = 50)
    private Long id;
    @Column(name = "initiative_id", insertable = false, updatable = false)
    private Long initiativeId;
    @Column(name = "reg_year")
    private int year;
    @Enumerated(EnumType.STRING)
    private RegistrationStatus status;
    @Column(name = "organisation_id")
    private Long organisationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "workflow_state")
    private WorkflowState workflowState = WorkflowState.DRAFT;
    @Enumerated(EnumType.STRING)
    private Rating rating;
    private java.math.BigDecimal score;
    // Copies of the initiative's province, unit and sector, kept equal by Initiative, so that counting
    // a year's registrations of a province (or unit, or sector) reads one index range of this table. An
    // initiative moved to the unit that continues its own after a reform leaves its earlier years here.
    @Column(name = "province_id")
    private Long provinceId;
    @Column(name = "unit_id")
    private Long unitId;
    private String sector;
    @Version
    private long version;

    protected Registration() {
    }

    Registration(int year, RegistrationStatus status, Long organisationId) {
        this.year = year;
        this.status = status;
        this.organisationId = organisationId;
    }

    /** Follows the initiative's place and sector (see the column comment). */
    void place(Long provinceId, Long unitId, String sector) {
        this.provinceId = provinceId;
        this.unitId = unitId;
        this.sector = sector;
    }

    Long getId() {
        return id;
    }

    Long getProvinceId() {
        return provinceId;
    }

    Long getUnitId() {
        return unitId;
    }

    String getSector() {
        return sector;
    }

    int getYear() {
        return year;
    }

    RegistrationStatus getStatus() {
        return status;
    }

    Long getOrganisationId() {
        return organisationId;
    }

    WorkflowState getWorkflowState() {
        return workflowState;
    }

    Rating getRating() {
        return rating;
    }

    java.math.BigDecimal getScore() {
        return score;
    }

    /**
     * Takes a step of the workflow: refused (409) when the step may not be taken from the current
     * state; an evaluation needs its rating; a re-opening clears nothing but the lock.
     */
    WorkflowState take(WorkflowStep step, Rating rating, java.math.BigDecimal score) {
        if (!step.allowedFrom(workflowState)) {
            throw DomainException.conflict("workflow.illegal",
                    new DefaultMessageSourceResolvable("workflow.step." + step), year,
                    new DefaultMessageSourceResolvable("state." + workflowState));
        }
        if (step == WorkflowStep.EVALUATE) {
            this.rating = rating;
            this.score = score;
        }
        WorkflowState before = workflowState;
        workflowState = step.to();
        return before;
    }
}
