package vn.dvk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the chain, one row, locked only by the sealer ({@link AuditSealer}) while it chains entries. */
@Entity
@Table(name = "audit_head")
class AuditHead {

    @Id
    private int id;
    @Column(name = "last_seq")
    private long lastChainNo;
    @Column(name = "last_hash")
    private String lastHash;

    protected AuditHead() {
    }

    long getLastChainNo() {
        return lastChainNo;
    }

    String getLastHash() {
        return lastHash;
    }

    void advance(AuditEntry entry) {
        lastChainNo = entry.getChainNo();
        lastHash = entry.getHash();
    }
}
