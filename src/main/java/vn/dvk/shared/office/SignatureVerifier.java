package vn.dvk.shared.office;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PdfSignatures} with the trust anchors of this installation: the PEM files listed in
 * {@code dvk.signatures.trust-anchors} (comma-separated paths; none by default, so no signature is
 * reported as trusted). A listed file that cannot be read stops the start, rather than silently
 * trusting nothing.
 */
@Component
public class SignatureVerifier {

    private final List<X509Certificate> anchors;

    public SignatureVerifier(@Value("${dvk.signatures.trust-anchors:}") List<String> files) {
        List<X509Certificate> read = new ArrayList<>();
        for (String file : files) {
            if (file == null || file.isBlank()) {
                continue;
            }
            try (InputStream in = Files.newInputStream(Path.of(file.strip()))) {
                read.addAll(PdfSignatures.readCertificates(in));
            } catch (IOException | CertificateException e) {
                throw new IllegalStateException("dvk.signatures.trust-anchors: cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        this.anchors = List.copyOf(read);
    }

    public PdfSignatures.Report verify(byte[] pdf) {
        return PdfSignatures.verify(pdf, anchors);
    }

    public boolean hasAnchors() {
        return !anchors.isEmpty();
    }
}
