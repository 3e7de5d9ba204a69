package vn.dvk.shared.office;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test certificates made here with Bouncy Castle (a self-signed CA and a signer it issues) and PDFs
 * generated with PDFBox and signed with PDFBox's signing API and a CMS signature of Bouncy Castle.
 */
public final class TestSignatures {

    public static final String SIGNER = "Nguyễn Văn A";
    public static final String ORGANISATION = "Ban Thường vụ Tỉnh ủy Lâm Đồng";
    /** The text of the test decision, uncompressed in the file so that a test can change one of its bytes. */
    public static final String TEXT = "Quyet dinh so 125-QD/TU cong nhan mo hinh dan van kheo";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key and its certificate. */
    public record Identity(KeyPair keys, X509Certificate certificate) {
    }

    private TestSignatures() {
    }

    public static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A self-signed CA, valid from yesterday for ten years. */
    public static Identity ca(String name) throws Exception {
        KeyPair keys = keys();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "Test CA (DVK)")
                .addRDN(BCStyle.CN, name).build();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Identity(keys, new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))));
    }

    /** An intermediate CA issued by {@code root}, valid from yesterday for five years. */
    public static Identity intermediate(Identity root, String name) throws Exception {
        KeyPair keys = keys();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "Test CA (DVK)")
                .addRDN(BCStyle.CN, name).build();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(root.certificate(), BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1825))), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Identity(keys, new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(root.keys().getPrivate()))));
    }

    /** A signer's certificate issued by {@code ca}, valid from {@code from} to {@code to}. */
    public static Identity signer(Identity ca, String commonName, String organisation, Instant from, Instant to) throws Exception {
        KeyPair keys = keys();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName).build();
        var builder = new JcaX509v3CertificateBuilder(ca.certificate(), BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(from), Date.from(to), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new Identity(keys, new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(ca.keys().getPrivate()))));
    }

    /** Nguyễn Văn A of the provincial standing committee, valid from yesterday for a year. */
    public static Identity signer(Identity ca) throws Exception {
        Instant now = Instant.now();
        return signer(ca, SIGNER, ORGANISATION, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** A one-page PDF with {@link #TEXT}, nothing compressed. */
    public static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(TEXT);
                content.endText();
            }
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** {@code pdf} signed by {@code signer} (adbe.pkcs7.detached, SHA-256 with RSA), its chain up to {@code chain} included. */
    public static byte[] sign(byte[] pdf, Identity signer, X509Certificate... chain) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(SIGNER);
            signature.setReason("Ký ban hành quyết định");
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, content -> {
                try {
                    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                    generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.keys().getPrivate()), signer.certificate()));
                    List<X509Certificate> certificates = new ArrayList<>(List.of(signer.certificate()));
                    certificates.addAll(List.of(chain));
                    generator.addCertificates(new JcaCertStore(certificates));
                    return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** The file with its one occurrence of {@code from} replaced by {@code to} (same length). */
    public static byte[] replace(byte[] file, String from, String to) {
        byte[] what = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] with = to.getBytes(StandardCharsets.ISO_8859_1);
        byte[] copy = file.clone();
        outer:
        for (int i = 0; i <= copy.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (copy[i + j] != what[j]) {
                    continue outer;
                }
            }
            System.arraycopy(with, 0, copy, i, with.length);
            return copy;
        }
        throw new IllegalArgumentException("not in the file: " + from);
    }

    /** The PEM text of a certificate. */
    public static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
