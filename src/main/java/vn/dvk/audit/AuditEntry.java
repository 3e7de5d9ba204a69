package vn.dvk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** One entry of the trail. Immutable: the application never updates or deletes one. */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    private long seq;
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

    AuditEntry(long seq, Instant at, String actor, String ip, String action, String objectType, String objectId,
               Long unitId, String unitPath, String summary, String changes, String prevHash) {
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
        this.prevHash = prevHash;
        this.hash = computeHash();
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

    long getSeq() {
        return seq;
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
