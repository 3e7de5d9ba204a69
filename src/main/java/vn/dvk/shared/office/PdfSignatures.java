package vn.dvk.shared.office;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Checks the digital signatures (ký số) of a PDF, as signed with the certificates of Ban Cơ yếu Chính
 * phủ or any other CMS (PKCS#7) signature: who signed (the certificate's CN and O), when, whether
 * the bytes each signature covers are unchanged and whether the last one covers the whole file (so
 * nothing was appended after signing), whether the certificate was valid at the signing time, the
 * certificate chain as the file presents it, and whether that chain leads to one of the configured
 * trust anchors. Trust is never assumed: with no anchors the answer is {@link Trust#NO_ANCHORS}.
 * Revocation (CRL, OCSP) and time-stamp authorities are not checked. A file that cannot be read
 * answers {@link Status#UNREADABLE}; nothing here throws on hostile input.
 * <p>
 * Longer than our classes usually are because it is one check of one format: each step reads the byte
 * ranges and CMS structures the previous one found, and none is of use apart.
 */
public final class PdfSignatures {

    /** At most this many signatures are checked in one file; PDFBox parses in memory up to this many bytes. */
    static final int MAX_SIGNATURES = 20;
    private static final long MAX_MEMORY = 128L * 1024 * 1024;
    private static final int MAX_CONTENTS = 1024 * 1024;
    private static final Provider BC = new BouncyCastleProvider();

    private PdfSignatures() {
    }

    /** The file as a whole. */
    public enum Status {
        /** No signature in the file. */
        UNSIGNED,
        /** Every signature verifies, the last covers the whole file, each certificate was valid when it signed. */
        VALID,
        /** A signed byte range changed, or bytes were added after the last signature. */
        ALTERED,
        /** A signature that does not verify (wrong key, unsupported format, no certificate, certificate not valid then). */
        INVALID,
        /** Not a PDF that could be read (broken, encrypted with a password, hostile). */
        UNREADABLE
    }

    /** Whether a signer's certificate chains to a configured trust anchor. */
    public enum Trust {
        /** Chains to a configured anchor (as of the signing time; revocation not checked). */
        TRUSTED,
        /** Anchors are configured and the chain reaches none of them. */
        NOT_TRUSTED,
        /** No anchor is configured: where the certificate comes from is not verified. */
        NO_ANCHORS
    }

    /**
     * One signature. {@code signedAt} comes from the signed attributes when {@code timeSigned} (the
     * signature covers it), else from the PDF's /M entry (claimed by the signing software, not covered).
     * {@code chain} lists the subjects from the signer up, as presented in the file.
     */
    public record Signature(String commonName, String organisation, String subject, String issuer, String serialNumber,
                            Instant signedAt, boolean timeSigned, boolean coversWholeFile, boolean unchanged,
                            boolean signatureValid, Boolean certificateValidAtSigning, List<String> chain, Trust trust,
                            String problem) {

        boolean fine() {
            return unchanged && signatureValid && problem == null && Boolean.TRUE.equals(certificateValidAtSigning);
        }
    }

    /** The check of a file: its status and each signature in the order they appear. */
    public record Report(Status status, List<Signature> signatures) {

        public static Report unreadable() {
            return new Report(Status.UNREADABLE, List.of());
        }

        /** Whether every signature chains to a configured anchor (false for an unsigned file). */
        public boolean trusted() {
            return !signatures.isEmpty() && signatures.stream().allMatch(s -> s.trust() == Trust.TRUSTED);
        }
    }

    /** Reads the certificates of a PEM (or DER) file: a trust anchor, or a bundle of them. */
    public static List<X509Certificate> readCertificates(InputStream pem) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    /** Checks the signatures of {@code pdf} against the {@code anchors} (none: nothing is trusted). */
    public static Report verify(byte[] pdf, Collection<X509Certificate> anchors) {
        if (pdf == null || pdf.length < 5) {
            return Report.unreadable();
        }
        List<int[]> ranges = new ArrayList<>();
        List<String> subFilters = new ArrayList<>();
        List<Instant> claimedTimes = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                if (ranges.size() == MAX_SIGNATURES) {
                    break;
                }
                ranges.add(signature.getByteRange());
                subFilters.add(signature.getSubFilter());
                claimedTimes.add(signature.getSignDate() == null ? null : signature.getSignDate().toInstant());
            }
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Report.unreadable();
        }
        if (ranges.isEmpty()) {
            return new Report(Status.UNSIGNED, List.of());
        }
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            signatures.add(check(pdf, ranges.get(i), subFilters.get(i), claimedTimes.get(i), anchors == null ? List.of() : anchors));
        }
        return new Report(status(signatures), List.copyOf(signatures));
    }

    private static Status status(List<Signature> signatures) {
        boolean wholeFileCovered = signatures.stream().anyMatch(Signature::coversWholeFile);
        if (!wholeFileCovered || signatures.stream().anyMatch(s -> !s.unchanged())) {
            return Status.ALTERED;
        }
        return signatures.stream().allMatch(Signature::fine) ? Status.VALID : Status.INVALID;
    }

    private static Signature check(byte[] pdf, int[] range, String subFilter, Instant claimedTime, Collection<X509Certificate> anchors) {
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] < range[1] || range[3] < 0) {
            return problem("signature.byteRange", false, claimedTime);
        }
        if ((long) range[2] + range[3] > pdf.length) {
            // the file is shorter than what was signed: cut or rewritten
            return problem("signature.byteRange", false, claimedTime);
        }
        boolean wholeFile = (long) range[2] + range[3] == pdf.length;
        byte[] contents = hexBetween(pdf, range[1], range[2]);
        if (contents == null) {
            // the gap between the two signed ranges holds more than the signature: content hidden from it
            return problem("signature.gap", false, claimedTime);
        }
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);
        try {
            CMSSignedData cms;
            boolean encapsulatedSha1 = "adbe.pkcs7.sha1".equals(subFilter);
            if (encapsulatedSha1) {
                cms = new CMSSignedData(contentInfo(contents));
            } else if ("adbe.pkcs7.detached".equals(subFilter) || "ETSI.CAdES.detached".equals(subFilter) || subFilter == null) {
                cms = new CMSSignedData(new CMSProcessableByteArray(signed), contentInfo(contents));
            } else {
                return withWholeFile(problem("signature.unsupported", true, claimedTime), wholeFile);
            }
            SignerInformation signer = cms.getSignerInfos().getSigners().stream().findFirst().orElse(null);
            if (signer == null) {
                return withWholeFile(problem("signature.noSigner", true, claimedTime), wholeFile);
            }
            List<X509Certificate> certificates = new ArrayList<>();
            X509Certificate signerCertificate = null;
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                X509Certificate certificate = x509(holder.getEncoded());
                certificates.add(certificate);
                if (signerCertificate == null && signer.getSID().match(holder)) {
                    signerCertificate = certificate;
                }
            }
            if (signerCertificate == null) {
                return withWholeFile(problem("signature.noCertificate", true, claimedTime), wholeFile);
            }
            boolean unchanged = true;
            boolean valid;
            try {
                valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(signerCertificate.getPublicKey()));
            } catch (CMSSignerDigestMismatchException e) {
                unchanged = false;
                valid = false;
            }
            if (encapsulatedSha1 && valid) {
                byte[] encapsulated = cms.getSignedContent() == null ? null : (byte[]) cms.getSignedContent().getContent();
                unchanged = encapsulated != null && MessageDigest.isEqual(encapsulated,
                        MessageDigest.getInstance("SHA-1").digest(signed));
            }
            Instant signingTime = signingTime(signer);
            Instant at = signingTime != null ? signingTime : claimedTime;
            Boolean certificateValid = at == null ? null : validAt(signerCertificate, at);
            X500Name subject = X500Name.getInstance(signerCertificate.getSubjectX500Principal().getEncoded());
            return new Signature(part(subject, BCStyle.CN), part(subject, BCStyle.O), subject.toString(),
                    X500Name.getInstance(signerCertificate.getIssuerX500Principal().getEncoded()).toString(),
                    signerCertificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), at, signingTime != null,
                    wholeFile, unchanged, valid, certificateValid, chain(signerCertificate, certificates),
                    trust(signerCertificate, certificates, anchors, at), null);
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException | RuntimeException e) {
            return withWholeFile(problem("signature.unreadable", true, claimedTime), wholeFile);
        }
    }

    private static Signature problem(String key, boolean unchanged, Instant claimedTime) {
        return new Signature(null, null, null, null, null, claimedTime, false, false, unchanged, false, null, List.of(),
                Trust.NO_ANCHORS, key);
    }

    private static Signature withWholeFile(Signature s, boolean wholeFile) {
        return new Signature(s.commonName(), s.organisation(), s.subject(), s.issuer(), s.serialNumber(), s.signedAt(), s.timeSigned(),
                wholeFile, s.unchanged(), s.signatureValid(), s.certificateValidAtSigning(), s.chain(), s.trust(), s.problem());
    }

    /** The /Contents hex string filling the gap exactly ("<" hex digits ">"), decoded; null when the gap holds anything else. */
    private static byte[] hexBetween(byte[] pdf, int from, int to) {
        if (to - from < 2 || pdf[from] != '<' || pdf[to - 1] != '>' || (to - from) / 2 > MAX_CONTENTS) {
            return null;
        }
        byte[] out = new byte[(to - from - 2) / 2 + 1];
        int n = 0;
        int high = -1;
        for (int i = from + 1; i < to - 1; i++) {
            int digit = Character.digit(pdf[i], 16);
            if (digit < 0) {
                if (pdf[i] == ' ' || pdf[i] == '\n' || pdf[i] == '\r' || pdf[i] == '\t') {
                    continue;
                }
                return null;
            }
            if (high < 0) {
                high = digit;
            } else {
                out[n++] = (byte) (high << 4 | digit);
                high = -1;
            }
        }
        if (high >= 0) {
            out[n++] = (byte) (high << 4);
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The CMS structure at the start of the reserved space, without the zeros padding it (Bouncy
     * Castle refuses trailing data); definite or indefinite (BER) length alike.
     */
    private static ContentInfo contentInfo(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive first = in.readObject();
            if (first == null) {
                throw new IOException("no signature");
            }
            return ContentInfo.getInstance(first);
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return null;
        }
        return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    private static X509Certificate x509(byte[] encoded) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
    }

    private static String part(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0 || rdns[0].getFirst() == null) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : value instanceof ASN1OctetString ? null : value.toString();
    }

    /** The subjects from the signer up, each issuer found among the file's certificates by name and key. */
    private static List<String> chain(X509Certificate signer, List<X509Certificate> certificates) {
        List<String> chain = new ArrayList<>();
        Set<X509Certificate> seen = new HashSet<>();
        X509Certificate current = signer;
        while (current != null && seen.add(current) && chain.size() < 10) {
            chain.add(X500Name.getInstance(current.getSubjectX500Principal().getEncoded()).toString());
            if (current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                break;
            }
            X509Certificate next = null;
            for (X509Certificate candidate : certificates) {
                if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && signedBy(current, candidate)) {
                    next = candidate;
                    break;
                }
            }
            current = next;
        }
        return List.copyOf(chain);
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** PKIX path building from the signer to a configured anchor, as of the signing time, revocation not checked. */
    private static Trust trust(X509Certificate signer, List<X509Certificate> certificates, Collection<X509Certificate> anchors,
                               Instant at) {
        if (anchors.isEmpty()) {
            return Trust.NO_ANCHORS;
        }
        if (anchors.contains(signer)) {
            return Trust.TRUSTED;
        }
        try {
            Set<TrustAnchor> trustAnchors = new HashSet<>();
            anchors.forEach(a -> trustAnchors.add(new TrustAnchor(a, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, target);
            parameters.setRevocationEnabled(false);
            if (at != null) {
                parameters.setDate(Date.from(at));
            }
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certificates)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return Trust.TRUSTED;
        } catch (GeneralSecurityException | RuntimeException e) {
            return Trust.NOT_TRUSTED;
        }
    }
}
