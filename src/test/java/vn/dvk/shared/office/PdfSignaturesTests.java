package vn.dvk.shared.office;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of a signed PDF: a PDF generated here, signed with a certificate made here. */
class PdfSignaturesTests {

    static TestSignatures.Identity ca;
    static TestSignatures.Identity signer;
    static byte[] unsigned;
    static byte[] signed;

    @BeforeAll
    static void sign() throws Exception {
        ca = TestSignatures.ca("DVK Test Root CA");
        signer = TestSignatures.signer(ca);
        unsigned = TestSignatures.pdf();
        signed = TestSignatures.sign(unsigned, signer, ca.certificate());
    }

    @Test
    void aValidSignatureNamesItsSignerAndTimeAndTheFileIsUnchanged() {
        Instant before = Instant.now().minus(Duration.ofMinutes(10));
        PdfSignatures.Report report = PdfSignatures.verify(signed, List.of());
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.VALID);
        assertThat(report.signatures()).hasSize(1);
        PdfSignatures.Signature signature = report.signatures().get(0);
        assertThat(signature.commonName()).isEqualTo("Nguyễn Văn A");
        assertThat(signature.organisation()).isEqualTo("Ban Thường vụ Tỉnh ủy Lâm Đồng");
        assertThat(signature.issuer()).contains("CN=DVK Test Root CA");
        assertThat(signature.signedAt()).isBetween(before, Instant.now());
        assertThat(signature.timeSigned()).isTrue();
        assertThat(signature.unchanged()).isTrue();
        assertThat(signature.coversWholeFile()).isTrue();
        assertThat(signature.signatureValid()).isTrue();
        assertThat(signature.certificateValidAtSigning()).isTrue();
        assertThat(signature.chain()).hasSize(2);
        assertThat(signature.chain().get(0)).contains("CN=Nguyễn Văn A");
        assertThat(signature.chain().get(1)).contains("CN=DVK Test Root CA");
        assertThat(signature.problem()).isNull();
    }

    @Test
    void withNoAnchorConfiguredNothingIsTrusted() {
        PdfSignatures.Report report = PdfSignatures.verify(signed, List.of());
        assertThat(report.signatures().get(0).trust()).isEqualTo(PdfSignatures.Trust.NO_ANCHORS);
        assertThat(report.trusted()).isFalse();
    }

    @Test
    void theTestCaAsAnchorMakesTheSignatureTrustedAndAnotherCaDoesNot() throws Exception {
        assertThat(PdfSignatures.verify(signed, List.of(ca.certificate())).signatures().get(0).trust())
                .isEqualTo(PdfSignatures.Trust.TRUSTED);
        assertThat(PdfSignatures.verify(signed, List.of(ca.certificate())).trusted()).isTrue();
        TestSignatures.Identity other = TestSignatures.ca("Another Root CA");
        PdfSignatures.Report report = PdfSignatures.verify(signed, List.of(other.certificate()));
        assertThat(report.signatures().get(0).trust()).isEqualTo(PdfSignatures.Trust.NOT_TRUSTED);
        assertThat(report.trusted()).isFalse();
        // the status says the file is intact; trust is a separate answer
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.VALID);
    }

    @Test
    void theAnchorIsReadFromAPemFileByTheConfiguredVerifier() throws Exception {
        Path pem = Files.createTempFile("dvk-anchor", ".pem");
        try {
            Files.writeString(pem, TestSignatures.pem(ca.certificate()), StandardCharsets.US_ASCII);
            assertThat(new SignatureVerifier(List.of(pem.toString())).verify(signed).trusted()).isTrue();
            assertThat(new SignatureVerifier(List.of()).verify(signed).signatures().get(0).trust())
                    .isEqualTo(PdfSignatures.Trust.NO_ANCHORS);
        } finally {
            Files.delete(pem);
        }
        assertThatThrownBy(() -> new SignatureVerifier(List.of("/nonexistent/anchor.pem"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneByteOfTheSignedContentChangedIsFlaggedAltered() {
        byte[] altered = TestSignatures.replace(signed, "125-QD/TU", "126-QD/TU");
        assertThat(altered).hasSameSizeAs(signed);
        PdfSignatures.Report report = PdfSignatures.verify(altered, List.of(ca.certificate()));
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.ALTERED);
        assertThat(report.signatures().get(0).unchanged()).isFalse();
        assertThat(report.signatures().get(0).coversWholeFile()).isTrue();
    }

    @Test
    void bytesAppendedAfterSigningAreFlaggedAltered() {
        byte[] appended = new byte[signed.length + 20];
        System.arraycopy(signed, 0, appended, 0, signed.length);
        System.arraycopy("\n% added afterwards\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 20);
        PdfSignatures.Report report = PdfSignatures.verify(appended, List.of());
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.ALTERED);
        // what was signed is intact; the file no longer ends where the signature does
        assertThat(report.signatures().get(0).unchanged()).isTrue();
        assertThat(report.signatures().get(0).coversWholeFile()).isFalse();
    }

    @Test
    void anIncrementalUpdateWithoutANewSignatureIsFlaggedAltered() throws Exception {
        byte[] updated;
        try (PDDocument document = Loader.loadPDF(signed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Quyết định đã sửa");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.addPage(new PDPage());
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
            updated = out.toByteArray();
        }
        assertThat(updated.length).isGreaterThan(signed.length);
        assertThat(PdfSignatures.verify(updated, List.of()).status()).isEqualTo(PdfSignatures.Status.ALTERED);
    }

    @Test
    void aSecondSignatureOverTheWholeFileKeepsItValid() throws Exception {
        TestSignatures.Identity second = TestSignatures.signer(ca, "Trần Thị B", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        byte[] twice = TestSignatures.sign(signed, second, ca.certificate());
        PdfSignatures.Report report = PdfSignatures.verify(twice, List.of(ca.certificate()));
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.VALID);
        assertThat(report.signatures()).extracting(PdfSignatures.Signature::commonName).containsExactly("Nguyễn Văn A", "Trần Thị B");
        assertThat(report.signatures().get(0).coversWholeFile()).isFalse();
        assertThat(report.signatures().get(1).coversWholeFile()).isTrue();
        assertThat(report.trusted()).isTrue();
    }

    @Test
    void aCertificateExpiredAtSigningTimeMakesTheSignatureInvalid() throws Exception {
        TestSignatures.Identity expired = TestSignatures.signer(ca, "Lê Văn C", TestSignatures.ORGANISATION,
                Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35)));
        PdfSignatures.Report report = PdfSignatures.verify(TestSignatures.sign(unsigned, expired, ca.certificate()), List.of(ca.certificate()));
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.INVALID);
        assertThat(report.signatures().get(0).unchanged()).isTrue();
        assertThat(report.signatures().get(0).certificateValidAtSigning()).isFalse();
        assertThat(report.signatures().get(0).trust()).isEqualTo(PdfSignatures.Trust.NOT_TRUSTED);
    }

    @Test
    void aChainThroughAnIntermediateIsPresentedAndTrustedByItsRootOnly() throws Exception {
        TestSignatures.Identity intermediate = TestSignatures.intermediate(ca, "DVK Test Issuing CA");
        byte[] file = TestSignatures.sign(unsigned, TestSignatures.signer(intermediate), intermediate.certificate(), ca.certificate());
        PdfSignatures.Report report = PdfSignatures.verify(file, List.of(ca.certificate()));
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.VALID);
        assertThat(report.signatures().get(0).chain()).hasSize(3);
        assertThat(report.signatures().get(0).chain().get(1)).contains("CN=DVK Test Issuing CA");
        assertThat(report.signatures().get(0).trust()).isEqualTo(PdfSignatures.Trust.TRUSTED);
        // the file's own copy of a root is not a trust anchor
        assertThat(PdfSignatures.verify(file, List.of(TestSignatures.ca("DVK Test Root CA").certificate())).signatures().get(0).trust())
                .isEqualTo(PdfSignatures.Trust.NOT_TRUSTED);
    }

    @Test
    void aSignatureMadeWithAnotherKeyThanItsCertificateIsInvalid() throws Exception {
        TestSignatures.Identity forged = new TestSignatures.Identity(TestSignatures.keys(), signer.certificate());
        PdfSignatures.Report report = PdfSignatures.verify(TestSignatures.sign(unsigned, forged, ca.certificate()), List.of(ca.certificate()));
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.INVALID);
        assertThat(report.signatures().get(0).signatureValid()).isFalse();
        assertThat(report.signatures().get(0).commonName()).isEqualTo("Nguyễn Văn A");
    }

    @Test
    void contentHiddenInTheSignaturesReservedSpaceIsFlaggedAltered() {
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('>', text.indexOf("/Contents <"));
        // the zero padding at the end of the reserved space replaced by other bytes
        byte[] hidden = signed.clone();
        hidden[end - 2] = ')';
        PdfSignatures.Report report = PdfSignatures.verify(hidden, List.of());
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.ALTERED);
        assertThat(report.signatures().get(0).problem()).isEqualTo("signature.gap");
    }

    @Test
    void anUnsignedPdfSaysItHasNoSignature() {
        PdfSignatures.Report report = PdfSignatures.verify(unsigned, List.of(ca.certificate()));
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.UNSIGNED);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.trusted()).isFalse();
    }

    @Test
    void brokenOrHostileFilesAreUnreadableNeverAnException() {
        assertThat(PdfSignatures.verify("%PDF-1.7\n garbage \u0000\u0001".getBytes(StandardCharsets.ISO_8859_1), List.of()).status())
                .isEqualTo(PdfSignatures.Status.UNREADABLE);
        assertThat(PdfSignatures.verify(new byte[0], List.of()).status()).isEqualTo(PdfSignatures.Status.UNREADABLE);
        assertThat(PdfSignatures.verify(null, List.of()).status()).isEqualTo(PdfSignatures.Status.UNREADABLE);
        // the signed file cut in the middle
        byte[] cut = Arrays.copyOf(signed, signed.length / 2);
        assertThat(PdfSignatures.verify(cut, List.of()).status()).isIn(PdfSignatures.Status.UNREADABLE, PdfSignatures.Status.ALTERED,
                PdfSignatures.Status.UNSIGNED);
        // the signature's bytes replaced by garbage of the same length
        String hex = new String(signed, StandardCharsets.ISO_8859_1);
        int start = hex.indexOf("/Contents <") + 11;
        byte[] garbage = signed.clone();
        for (int i = start; i < start + 200; i++) {
            garbage[i] = 'A';
        }
        PdfSignatures.Report report = PdfSignatures.verify(garbage, List.of());
        assertThat(report.status()).isEqualTo(PdfSignatures.Status.INVALID);
        assertThat(report.signatures().get(0).problem()).isEqualTo("signature.unreadable");
        assertThat(new ByteArrayInputStream(signed)).isNotNull();
    }
}
