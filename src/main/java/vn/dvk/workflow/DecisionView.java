package vn.dvk.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision; {@code signatures} is the check of its PDF's digital signatures made on upload, null
 * when it has no file or the file is an image.
 */
public record DecisionView(Long id, String kind, String number, LocalDate date, String issuingBody, Long unitId,
                           String fileName, String citation, Signatures signatures) {

    /**
     * status: UNSIGNED, VALID, ALTERED (changed after signing), INVALID, UNREADABLE; trusted: every
     * signature chains to a configured trust anchor (none configured: false).
     */
    public record Signatures(String status, Instant checkedAt, boolean altered, boolean trusted, List<Signature> items) {
    }

    /**
     * One signature: the signer's certificate (CN, O, subject, issuer, serial), the signing time
     * ({@code timeSigned}: from the signed attributes, else claimed by the PDF), whether the signed
     * bytes are unchanged and the signature covers the whole file, the certificate's validity at the
     * signing time, the chain as presented, and trust: TRUSTED, NOT_TRUSTED or NO_ANCHORS.
     */
    public record Signature(String commonName, String organisation, String subject, String issuer, String serialNumber,
                            Instant signedAt, boolean timeSigned, boolean coversWholeFile, boolean unchanged,
                            boolean signatureValid, Boolean certificateValidAtSigning, List<String> chain, String trust,
                            String problem) {
    }
}
