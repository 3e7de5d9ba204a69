package vn.dvk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One entry of the trail. Written with its content in the transaction of the change it records and
 * never changed after, except once by the sealer, which gives it its place in the chain and its hash
 * ({@link #seal}). The application never deletes one.
 */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 1)
    private Long seq;
    @Column(name = "chain_no")
    private Long chainNo;
    private Instant at;
    private String actor;
    private String ip;
    private String action;
    @Column(name = "object_type")
    private String objectType;
    @Column(name = "object_id")
    private String objectId;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "unit_path")
    private String unitPath;
    private String summary;
    private String changes;
    @Column(name = "prev_hash")
    private String prevHash;
    private String hash;

    protected AuditEntry() {
    }

    /** An entry not yet sealed; {@code seq} is null for a new entry (the database's sequence gives it). */
    AuditEntry(Long seq, Instant at, String actor, String ip, String action, String objectType, String objectId,
               Long unitId, String unitPath, String summary, String changes) {
        this.seq = seq;
        this.at = at.truncatedTo(ChronoUnit.MILLIS);
        this.actor = actor;
        this.ip = ip;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.unitId = unitId;
        this.unitPath = unitPath;
        this.summary = summary;
        this.changes = changes;
    }

    /** Chains the entry after the one whose hash is {@code prevHash}, at place {@code chainNo}. */
    AuditEntry seal(long chainNo, String prevHash) {
        if (this.chainNo != null) {
            throw new IllegalStateException("audit entry " + seq + " is already sealed");
        }
        this.chainNo = chainNo;
        this.prevHash = prevHash;
        this.hash = computeHash();
        return this;
    }

    /** SHA-256 over the previous hash and every field, each length-prefixed so fields cannot run into each other. */
    String computeHash() {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {prevHash, seq, at.toEpochMilli(), actor, ip, action, objectType, objectId,
                unitId, unitPath, summary, changes}) {
            String text = field == null ? "\u0000" : field.toString();
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Long getSeq() {
        return seq;
    }

    Long getChainNo() {
        return chainNo;
    }

    Instant getAt() {
        return at;
    }

    String getActor() {
        return actor;
    }

    String getIp() {
        return ip;
    }

    String getAction() {
        return action;
    }

    String getObjectType() {
        return objectType;
    }

    String getObjectId() {
        return objectId;
    }

    Long getUnitId() {
        return unitId;
    }

    String getSummary() {
        return summary;
    }

    String getChanges() {
        return changes;
    }

    String getPrevHash() {
        return prevHash;
    }

    String getHash() {
        return hash;
    }
}
