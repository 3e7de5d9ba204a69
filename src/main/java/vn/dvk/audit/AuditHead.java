package vn.dvk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the chain, one row, locked by each writer so entries are appended one after another. */
@Entity
@Table(name = "audit_head")
class AuditHead {

    @Id
    private int id;
    @Column(name = "last_seq")
    private long lastSeq;
    @Column(name = "last_hash")
    private String lastHash;

    protected AuditHead() {
    }

    long getLastSeq() {
        return lastSeq;
    }

    String getLastHash() {
        return lastHash;
    }

    void advance(AuditEntry entry) {
        lastSeq = entry.getSeq();
        lastHash = entry.getHash();
    }
}
