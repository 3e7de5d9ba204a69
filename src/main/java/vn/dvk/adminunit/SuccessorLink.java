package vn.dvk.adminunit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** "This unit went (wholly or partly) into that one" — one edge of a reform. */
@Entity
@Table(name = "admin_unit_successor")
class SuccessorLink {

    @EmbeddedId
    private Key key;
    private boolean partial;
    private String note;

    protected SuccessorLink() {
    }

    SuccessorLink(Long predecessorId, Long successorId, boolean partial, String note) {
        this.key = new Key(predecessorId, successorId);
        this.partial = partial;
        this.note = note;
    }

    Key key() {
        return key;
    }

    @Embeddable
    record Key(@Column(name = "predecessor_id") Long predecessorId,
               @Column(name = "successor_id") Long successorId) implements Serializable {
    }
}
