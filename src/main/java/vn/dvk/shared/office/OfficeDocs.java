package vn.dvk.shared.office;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The pieces of the documents officers send (Nghị định 30/2020 and Hướng dẫn 36-HD/VPTW): A4,
 * Times New Roman, the issuing body and the motto side by side, bordered tables.
 */
public final class OfficeDocs {

    public static final String FONT = "Times New Roman";
    public static final Locale VI = Locale.forLanguageTag("vi-VN");
    /** The state documents' header (Nghị định 30/2020/NĐ-CP). */
    public static final String STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String STATE_MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc";
    /** The party documents' header (Hướng dẫn 36-HD/VPTW). */
    public static final String PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM";

    private OfficeDocs() {
    }

    public static Font font(XSSFWorkbook book, boolean bold) {
        Font font = book.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) 12);
        font.setBold(bold);
        return font;
    }

    public static CellStyle bordered(CellStyle style, Font font) {
        style.setFont(font);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    /** A line of text across the table's width. */
    public static void line(XSSFSheet sheet, int row, int width, String text, CellStyle style) {
        Row r = sheet.createRow(row);
        r.createCell(0).setCellValue(text);
        r.getCell(0).setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 0, width - 1));
    }

    /** A4, the given orientation, the margins of Hướng dẫn 36 (25 mm top and bottom, 35 mm left, 15 mm right). */
    public static void page(XWPFDocument doc, boolean landscape) {
        var sect = doc.getDocument().getBody().addNewSectPr();
        var size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? 16838 : 11906));
        size.setH(BigInteger.valueOf(landscape ? 11906 : 16838));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        var margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1418));
        margins.setBottom(BigInteger.valueOf(1418));
        margins.setLeft(BigInteger.valueOf(1985));
        margins.setRight(BigInteger.valueOf(851));
    }

    /**
     * The header: the issuing body on the left, the motto (state or party) on the right with the place
     * and date under it, and the document number under the body.
     */
    public static void header(XWPFDocument doc, String issuingBody, String number, String motto, String place, LocalDate date) {
        XWPFTable top = doc.createTable(1, 2);
        top.removeBorders();
        top.setWidth("100%");
        XWPFTableCell left = top.getRow(0).getCell(0);
        XWPFTableCell right = top.getRow(0).getCell(1);
        cellText(left, issuingBody.toUpperCase(VI), true, ParagraphAlignment.CENTER, 13);
        if (number != null && !number.isBlank()) {
            XWPFParagraph numbered = left.addParagraph();
            numbered.setAlignment(ParagraphAlignment.CENTER);
            run(numbered, "Số " + number, false, 13);
        }
        cellText(right, motto, true, ParagraphAlignment.CENTER, 13);
        if (STATE_MOTTO.equals(motto)) {
            XWPFParagraph line = right.addParagraph();
            line.setAlignment(ParagraphAlignment.CENTER);
            run(line, STATE_MOTTO_LINE, true, 14).setUnderline(UnderlinePatterns.SINGLE);
        }
        XWPFParagraph dated = right.addParagraph();
        dated.setAlignment(ParagraphAlignment.RIGHT);
        run(dated, (place == null || place.isBlank() ? "" : place + ", ") + "ngày " + date.getDayOfMonth() + " tháng "
                + date.getMonthValue() + " năm " + date.getYear(), false, 14).setItalic(true);
    }

    public static void cellText(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment alignment, int points) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        run(paragraph, text, bold, points);
    }

    public static XWPFParagraph paragraph(XWPFDocument doc, String text, boolean bold, ParagraphAlignment alignment, int points) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(alignment);
        run(paragraph, text, bold, points);
        return paragraph;
    }

    public static XWPFRun run(XWPFParagraph paragraph, String text, boolean bold, int points) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(points);
        run.setBold(bold);
        run.setText(text);
        return run;
    }
}
