package vn.dvk.shared.office;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The font PDFs embed: the TrueType file named by {@code dvk.pdf.font} (e.g. the organisation's Times
 * New Roman) or else Liberation Sans, shipped inside PDFBox; both have every Vietnamese letter.
 */
public final class PdfFonts {

    /** Liberation Sans, shipped inside PDFBox: every Vietnamese letter, free to embed. */
    public static final String BUNDLED_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfFonts() {
    }

    public static BaseFont load(String configuredPath) throws IOException {
        byte[] bytes = null;
        if (configuredPath != null && !configuredPath.isBlank() && Files.isReadable(Path.of(configuredPath))) {
            bytes = Files.readAllBytes(Path.of(configuredPath));
        }
        if (bytes == null) {
            try (var in = PdfFonts.class.getResourceAsStream(BUNDLED_FONT)) {
                bytes = in.readAllBytes();
            }
        }
        return BaseFont.createFont("dvk-document.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    }
}
