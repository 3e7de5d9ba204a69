package vn.dvk.workflow;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An inspection or urging visit (kiểm tra, đôn đốc) to a unit, about an initiative or not, with follow-up tasks. */
@Entity
@Table(name = "inspection")
class Inspection {

    enum Kind { INSPECTION, URGING }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inspection_seq")
    @SequenceGenerator(name = "inspection_seq", sequenceName = "inspection_seq", allocationSize = 50)
    private Long id;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "initiative_id")
    private Long initiativeId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "visited_on")
    private LocalDate visitedOn;
    private String inspectors;
    private String findings;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "inspection_id", nullable = false, updatable = false)
    @OrderBy("dueOn, id")
    private List<FollowUp> followUps = new ArrayList<>();

    protected Inspection() {
    }

    Inspection(Long unitId, Long initiativeId, Kind kind, LocalDate visitedOn, String inspectors, String findings,
               String createdBy, Instant createdAt) {
        this.unitId = unitId;
        this.initiativeId = initiativeId;
        this.kind = kind;
        this.visitedOn = visitedOn;
        this.inspectors = inspectors;
        this.findings = findings;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void add(FollowUp followUp) {
        followUps.add(followUp);
    }

    Long getId() { return id; }
    Long getUnitId() { return unitId; }
    Long getInitiativeId() { return initiativeId; }
    Kind getKind() { return kind; }
    LocalDate getVisitedOn() { return visitedOn; }
    String getInspectors() { return inspectors; }
    String getFindings() { return findings; }
    String getCreatedBy() { return createdBy; }
    List<FollowUp> getFollowUps() { return followUps; }
}
