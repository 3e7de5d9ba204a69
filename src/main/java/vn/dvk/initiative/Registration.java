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
import java.math.BigDecimal;
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
    private BigDecimal score;
    // The classification the year was registered with: the initiative's province, unit, sector, kind,
    // holder, featured flag and target groups, copied when registered and followed by Initiative while the
    // year is open. A locked (recognised, proposed, commended) year keeps what was recognised, whatever the
    // initiative becomes later, so its reports never move. Counting a year's registrations of a province
    // (or unit, or sector) reads one index range of this table. An initiative moved to the unit that
    // continues its own after a reform leaves its earlier years here.
    @Column(name = "province_id")
    private Long provinceId;
    @Column(name = "unit_id")
    private Long unitId;
    private String sector;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private Holder holder;
    private boolean featured;
    @Column(name = "ethnic_minority")
    private boolean ethnicMinority;
    private boolean religious;
    @Version
    private long version;

    protected Registration() {
    }

    Registration(int year, RegistrationStatus status, Long organisationId) {
        this.year = year;
        this.status = status;
        this.organisationId = organisationId;
    }

    /** What a registration is counted by in the reports; a locked year's never changes. */
    record Classification(Long provinceId, Long unitId, String sector, Kind kind, Holder holder, boolean featured,
                          boolean ethnicMinority, boolean religious) {

        Classification inUnit(Long otherUnit) {
            return new Classification(provinceId, otherUnit, sector, kind, holder, featured, ethnicMinority, religious);
        }
    }

    /** True while the year may still follow the initiative's edits (it is not recognised, proposed or commended). */
    boolean isOpen() {
        return !workflowState.locked();
    }

    /**
     * Takes the initiative's classification (see the column comment): always when registered, then only
     * while the year is open; returns whether it was taken.
     */
    boolean classify(Classification c) {
        if (!isOpen()) {
            return false;
        }
        this.provinceId = c.provinceId();
        this.unitId = c.unitId();
        this.sector = c.sector();
        this.kind = c.kind();
        this.holder = c.holder();
        this.featured = c.featured();
        this.ethnicMinority = c.ethnicMinority();
        this.religious = c.religious();
        return true;
    }

    Kind getKind() {
        return kind;
    }

    Holder getHolder() {
        return holder;
    }

    boolean isFeatured() {
        return featured;
    }

    boolean isEthnicMinority() {
        return ethnicMinority;
    }

    boolean isReligious() {
        return religious;
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

    BigDecimal getScore() {
        return score;
    }

    /**
     * Takes a step of the workflow: refused (409) when the step may not be taken from the current
     * state; an evaluation needs its rating; a re-opening clears nothing but the lock.
     */
    WorkflowState take(WorkflowStep step, Rating rating, BigDecimal score) {
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
