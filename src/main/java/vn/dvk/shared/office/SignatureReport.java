package vn.dvk.shared.office;

import java.time.Instant;
import java.util.List;

/**
 * The check of a PDF's digital signatures (ký số) as kept with what it was uploaded to (a decision,
 * an issued document) and answered by the API.
 *
 * @param status    UNSIGNED, VALID, ALTERED (changed after signing), INVALID, UNREADABLE
 * @param checkedAt when the file was checked (on upload)
 * @param altered   status is ALTERED
 * @param trusted   every signature chains to a configured trust anchor (none configured: false)
 */
public record SignatureReport(String status, Instant checkedAt, boolean altered, boolean trusted, List<Item> items) {

    public SignatureReport {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The report of a check: its status, when it was made, and its signatures as kept. */
    public static SignatureReport of(String status, Instant checkedAt, List<Item> items) {
        List<Item> kept = items == null ? List.of() : items;
        return new SignatureReport(status, checkedAt, "ALTERED".equals(status),
                !kept.isEmpty() && kept.stream().allMatch(s -> "TRUSTED".equals(s.trust())), kept);
    }

    /** The report of a verification just made. */
    public static SignatureReport of(PdfSignatures.Report report, Instant checkedAt) {
        return of(report.status().name(), checkedAt, report.signatures().stream().map(Item::of).toList());
    }

    /**
     * One signature: the signer's certificate (CN, O, subject, issuer, serial), the signing time
     * ({@code timeSigned}: from the signed attributes, else claimed by the PDF), whether the signed
     * bytes are unchanged and the signature covers the whole file, the certificate's validity at the
     * signing time, the chain as presented, and trust: TRUSTED, NOT_TRUSTED or NO_ANCHORS.
     */
    public record Item(String commonName, String organisation, String subject, String issuer, String serialNumber,
                       Instant signedAt, boolean timeSigned, boolean coversWholeFile, boolean unchanged,
                       boolean signatureValid, Boolean certificateValidAtSigning, List<String> chain, String trust,
                       String problem) {

        public Item {
            chain = chain == null ? List.of() : List.copyOf(chain);
        }

        /** A verified signature, its texts cut to what the tables keep. */
        public static Item of(PdfSignatures.Signature s) {
            return new Item(cut(s.commonName(), 400), cut(s.organisation(), 400), cut(s.subject(), 2000), cut(s.issuer(), 2000),
                    cut(s.serialNumber(), 100), s.signedAt(), s.timeSigned(), s.coversWholeFile(), s.unchanged(),
                    s.signatureValid(), s.certificateValidAtSigning(), s.chain(), s.trust().name(), cut(s.problem(), 100));
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
