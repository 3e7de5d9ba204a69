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

import java.time.Instant;

/** A photo or document of an initiative, stored under a random key. */
@Entity
@Table(name = "attachment")
class Attachment {

    enum Kind { IMAGE, DOCUMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
    private Long id;
    @Column(name = "initiative_id")
    private Long initiativeId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    @Column(name = "storage_key")
    private String storageKey;
    @Column(name = "thumbnail_key")
    private String thumbnailKey;
    private String caption;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;
    @Column(name = "uploaded_by")
    private String uploadedBy;

    protected Attachment() {
    }

    Attachment(Long initiativeId, Kind kind, String fileName, String contentType, long sizeBytes, String storageKey,
               String thumbnailKey, String caption, Instant uploadedAt, String uploadedBy) {
        this.initiativeId = initiativeId;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.storageKey = storageKey;
        this.thumbnailKey = thumbnailKey;
        this.caption = caption;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    Long getId() { return id; }
    Long getInitiativeId() { return initiativeId; }
    Kind getKind() { return kind; }
    String getFileName() { return fileName; }
    String getContentType() { return contentType; }
    long getSizeBytes() { return sizeBytes; }
    String getStorageKey() { return storageKey; }
    String getThumbnailKey() { return thumbnailKey; }
    String getCaption() { return caption; }
    Instant getUploadedAt() { return uploadedAt; }
    String getUploadedBy() { return uploadedBy; }
}
