package vn.dvk.shared.office;

import com.lowagie.text.pdf.BaseFont;
import java.util.ArrayList;
import vn.dvk.shared.office.OfficialDocument.Style;

import java.util.List;

/**
 * Lays out an {@link OfficialDocument} as .docx and as .pdf, A4 portrait, in the party layout of
 * Hướng dẫn 36-HD/VPTW (margins 25/25/35/15 mm, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined, an asterisk under
 * the organ) or the state layout of Nghị định 30/2020 (margins 20/20/30/15 mm, the national motto with
 * its rule, a rule under the organ). Body in Times New Roman 14 pt, justified, first line indented;
 * page numbers from page 2. The top right corner of page 1 above the header is left free for the
 * organisation's seal image, and the signature block keeps room for the signer's image. The measures
 * and texts both formats share are here; each format is written by its own class ({@link OfficialDocx},
 * {@link OfficialPdf}).
 */
public final class OfficialLayout {

    /** Margins in millimetres: top, bottom, left, right. */
    public static int[] marginsMm(Style style) {
        return style == Style.STATE ? new int[] {20, 20, 30, 15} : new int[] {25, 25, 35, 15};
    }

    /** Where the seal image goes on page 1, in PDF points from the top right corner: width, height. */
    public static final float SEAL_WIDTH = mm(45);
    public static final float SEAL_HEIGHT = mm(20);

    static final int BODY_PT = 14;
    static final int FIRST_LINE_INDENT_TWIPS = 567;

    private OfficialLayout() {
    }

    static float mm(float mm) {
        return mm * 72f / 25.4f;
    }

    static int twips(int mm) {
        return Math.round(mm * 1440f / 25.4f);
    }

    public static byte[] docx(OfficialDocument d) {
        return OfficialDocx.docx(d);
    }

    public static byte[] pdf(OfficialDocument d, BaseFont base) {
        return OfficialPdf.pdf(d, base);
    }


    static List<String> signatureLines(OfficialDocument.Signature s) {
        List<String> lines = new ArrayList<>();
        if (s.capacity() != null && !s.capacity().isBlank()) {
            lines.addAll(lines(upper(s.capacity())));
        }
        if (s.title() != null && !s.title().isBlank()) {
            lines.addAll(lines(upper(s.title())));
        }
        return lines;
    }

    static String upper(String text) {
        return text == null ? "" : text.strip().toUpperCase(OfficeDocs.VI);
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static boolean numeric(String value) {
        return value.matches("[0-9.,]+");
    }
}
