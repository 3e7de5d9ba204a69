package vn.dvk.workflow;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.dvk.shared.office.PdfSignatures;
import vn.dvk.shared.office.SignatureReport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A decision (quyết định): number, date and issuing body, with the scan when one was attached. */
@Entity
@Table(name = "decision")
class Decision {

    enum Kind { RECOGNITION, COMMENDATION }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "decision_seq")
    @SequenceGenerator(name = "decision_seq", sequenceName = "decision_seq", allocationSize = 50)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String number;
    @Column(name = "issued_on")
    private LocalDate issuedOn;
    @Column(name = "issuing_body")
    private String issuingBody;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "file_key")
    private String fileKey;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "file_type")
    private String fileType;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "signature_status")
    private String signatureStatus;
    @Column(name = "signature_checked_at")
    private Instant signatureCheckedAt;
    @ElementCollection
    @CollectionTable(name = "decision_signature", joinColumns = @JoinColumn(name = "decision_id"))
    @OrderColumn(name = "signature_index")
    private List<SignatureCheck> signatures = new ArrayList<>();
    @Version
    private long version;

    protected Decision() {
    }

    Decision(Kind kind, DecisionInput input, Long unitId, String createdBy, Instant createdAt) {
        this.kind = kind;
        this.number = input.number().strip();
        this.issuedOn = input.date();
        this.issuingBody = input.issuingBody().strip();
        this.unitId = unitId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void attach(String key, String name, String type) {
        this.fileKey = key;
        this.fileName = name;
        this.fileType = type;
        this.signatureStatus = null;
        this.signatureCheckedAt = null;
        this.signatures.clear();
    }

    /** The check of the attached PDF's signatures; replaces any earlier one. */
    void recordSignatures(PdfSignatures.Report report, Instant checkedAt) {
        this.signatureStatus = report.status().name();
        this.signatureCheckedAt = checkedAt;
        this.signatures.clear();
        report.signatures().forEach(s -> this.signatures.add(new SignatureCheck(s)));
    }

    /** "Quyết định số 125-QĐ/HU ngày 10/01/2022 của Ban Thường vụ Huyện ủy Đam Rông". */
    String citation() {
        return "Quyết định số " + number + " ngày " + DAY.format(issuedOn) + " của " + issuingBody;
    }

    DecisionView view() {
        SignatureReport checked = signatureStatus == null ? null
                : SignatureReport.of(signatureStatus, signatureCheckedAt, signatures.stream().map(SignatureCheck::view).toList());
        return new DecisionView(id, kind.name(), number, issuedOn, issuingBody, unitId, fileName, citation(), checked);
    }

    Long getId() { return id; }
    String getFileKey() { return fileKey; }
    String getFileName() { return fileName; }
    String getFileType() { return fileType; }
    Long getUnitId() { return unitId; }
}
