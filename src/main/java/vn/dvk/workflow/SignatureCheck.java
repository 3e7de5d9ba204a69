package vn.dvk.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import vn.dvk.shared.office.PdfSignatures;
import vn.dvk.shared.office.SignatureReport;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One signature of a decision's PDF as it was checked on upload (see {@link PdfSignatures}). */
@Embeddable
class SignatureCheck {

    @Column(name = "common_name")
    private String commonName;
    private String organisation;
    private String subject;
    private String issuer;
    @Column(name = "serial_number")
    private String serialNumber;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "time_signed")
    private boolean timeSigned;
    @Column(name = "covers_whole_file")
    private boolean coversWholeFile;
    private boolean unchanged;
    @Column(name = "signature_valid")
    private boolean signatureValid;
    @Column(name = "certificate_valid")
    private Boolean certificateValid;
    private String chain;
    private String trust;
    private String problem;

    protected SignatureCheck() {
    }

    SignatureCheck(PdfSignatures.Signature s) {
        this.commonName = cut(s.commonName(), 400);
        this.organisation = cut(s.organisation(), 400);
        this.subject = cut(s.subject(), 2000);
        this.issuer = cut(s.issuer(), 2000);
        this.serialNumber = cut(s.serialNumber(), 100);
        this.signedAt = s.signedAt();
        this.timeSigned = s.timeSigned();
        this.coversWholeFile = s.coversWholeFile();
        this.unchanged = s.unchanged();
        this.signatureValid = s.signatureValid();
        this.certificateValid = s.certificateValidAtSigning();
        this.chain = cut(String.join("\n", s.chain()), 8000);
        this.trust = s.trust().name();
        this.problem = cut(s.problem(), 100);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    SignatureReport.Item view() {
        return new SignatureReport.Item(commonName, organisation, subject, issuer, serialNumber, signedAt, timeSigned,
                coversWholeFile, unchanged, signatureValid, certificateValid,
                chain == null || chain.isEmpty() ? List.of() : Arrays.asList(chain.split("\n")), trust, problem);
    }
}
