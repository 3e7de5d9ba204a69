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
import vn.dvk.shared.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A commendation proposal (đề nghị khen thưởng): who proposes, to which authority, for which year,
 * listing collectives and individuals with the award asked; SENT until the authority decides.
 */
@Entity
@Table(name = "commendation_proposal")
class CommendationProposal {

    enum State { SENT, DECIDED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commendation_proposal_seq")
    @SequenceGenerator(name = "commendation_proposal_seq", sequenceName = "commendation_proposal_seq", allocationSize = 50)
    private Long id;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "reg_year")
    private int year;
    private String number;
    @Column(name = "proposed_on")
    private LocalDate proposedOn;
    @Column(name = "proposing_body")
    private String proposingBody;
    private String authority;
    @Enumerated(EnumType.STRING)
    private State state = State.SENT;
    @Column(name = "decision_id")
    private Long decisionId;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "proposal_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<CommendationItem> items = new ArrayList<>();

    protected CommendationProposal() {
    }

    CommendationProposal(Long unitId, int year, String number, LocalDate proposedOn, String proposingBody, String authority,
                         String createdBy, Instant createdAt) {
        this.unitId = unitId;
        this.year = year;
        this.number = number;
        this.proposedOn = proposedOn;
        this.proposingBody = proposingBody;
        this.authority = authority;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void add(CommendationItem item) {
        items.add(item);
    }

    /** The authority's decision: the listed initiatives it names are commended, the others are not. */
    void decide(Long decisionId, Collection<Long> commendedInitiatives) {
        if (state == State.DECIDED) {
            throw DomainException.conflict("proposal.alreadyDecided");
        }
        this.decisionId = decisionId;
        this.state = State.DECIDED;
        items.forEach(i -> i.decide(commendedInitiatives.contains(i.getInitiativeId())));
    }

    Long getId() { return id; }
    Long getUnitId() { return unitId; }
    int getYear() { return year; }
    String getNumber() { return number; }
    LocalDate getProposedOn() { return proposedOn; }
    String getProposingBody() { return proposingBody; }
    String getAuthority() { return authority; }
    State getState() { return state; }
    Long getDecisionId() { return decisionId; }
    long getVersion() { return version; }
    List<CommendationItem> getItems() { return items; }
}
