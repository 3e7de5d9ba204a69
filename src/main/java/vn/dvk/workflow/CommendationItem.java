package vn.dvk.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A collective or individual a proposal lists, with the award asked and, once decided, whether it was granted. */
@Entity
@Table(name = "commendation_item")
class CommendationItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commendation_item_seq")
    @SequenceGenerator(name = "commendation_item_seq", sequenceName = "commendation_item_seq", allocationSize = 50)
    private Long id;
    @Column(name = "initiative_id")
    private Long initiativeId;
    @Enumerated(EnumType.STRING)
    private Award award;
    private String achievement;
    private Boolean commended;

    protected CommendationItem() {
    }

    CommendationItem(Long initiativeId, Award award, String achievement) {
        this.initiativeId = initiativeId;
        this.award = award;
        this.achievement = achievement;
    }

    void decide(boolean granted) {
        this.commended = granted;
    }

    Long getInitiativeId() { return initiativeId; }
    Award getAward() { return award; }
    String getAchievement() { return achievement; }
    Boolean getCommended() { return commended; }
}
