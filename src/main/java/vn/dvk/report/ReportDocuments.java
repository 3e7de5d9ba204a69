package vn.dvk.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.office.OfficeDocs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import vn.dvk.shared.office.PdfFonts;

/**
 * The summary as the documents a committee sends: an xlsx table and a docx report (issuing body,
 * number, date, party or state header, title, the table with its total row) in Times New Roman.
 */
@Component
class ReportDocuments {

    private final Sectors sectors;
    private final String pdfFontPath;

    ReportDocuments(Sectors sectors, @Value("${dvk.pdf.font:}") String pdfFontPath) {
        this.sectors = sectors;
        this.pdfFontPath = pdfFontPath;
    }

    /** How the document is headed: who issues it, its number and date, party (default) or state style. */
    record Heading(String issuingBody, String number, LocalDate date, boolean state) {
    }

    static String title(Summary s) {
        return "TỔNG HỢP MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\" NĂM " + s.year();
    }

    static String subtitle(Summary s) {
        return s.name() == null ? "Toàn quốc" : s.name();
    }

    List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("TT", "Đơn vị", "Tổng số"));
        sectors.all().forEach(sec -> headers.add(sec.nameVi()));
        headers.addAll(List.of("Xây dựng mới", "Duy trì", "Tập thể", "Cá nhân", "Được công nhận", "Tiêu biểu"));
        return headers;
    }

    private List<Object> values(int n, String name, long total, Map<String, Long> bySector,
                                Map<String, Long> byStatus, Map<String, Long> byHolder, long recognised,
                                long featured) {
        List<Object> values = new ArrayList<>();
        values.add(n == 0 ? "" : String.valueOf(n));
        values.add(name);
        values.add(total);
        sectors.all().forEach(sec -> values.add(bySector.getOrDefault(sec.code(), 0L)));
        values.addAll(List.of(byStatus.getOrDefault("NEW", 0L), byStatus.getOrDefault("MAINTAINED", 0L),
                byHolder.getOrDefault("COLLECTIVE", 0L), byHolder.getOrDefault("INDIVIDUAL", 0L), recognised, featured));
        return values;
    }

    private List<List<Object>> rows(Summary s) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (Summary.Row r : s.children()) {
            rows.add(values(n++, r.direct() ? "Trực thuộc " + r.name() : r.name(), r.total(), r.bySector(), r.byStatus(),
                    r.byHolder(), r.recognised(), r.featured()));
        }
        return rows;
    }

    /** The figures' table as text, a row per child unit and the total row, for an annex. */
    List<List<String>> tableText(Summary s) {
        List<List<Object>> all = new ArrayList<>(rows(s));
        all.add(totalRow(s));
        return all.stream().map(values -> values.stream().map(v -> v instanceof Long l ? String.format(OfficeDocs.VI, "%,d", l)
                : String.valueOf(v)).toList()).toList();
    }

    private List<Object> totalRow(Summary s) {
        return values(0, "Tổng cộng", s.total(), s.bySector(), s.byStatus(), s.byHolder(), s.recognised(), s.featured());
    }

    byte[] xlsx(Summary s, Heading heading) {
        List<String> headers = headers();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Tổng hợp " + s.year());
            Font plain = OfficeDocs.font(book, false);
            Font bold = OfficeDocs.font(book, true);
            CellStyle titleStyle = book.createCellStyle();
            titleStyle.setFont(bold);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            CellStyle header = OfficeDocs.bordered(book.createCellStyle(), bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            CellStyle text = OfficeDocs.bordered(book.createCellStyle(), plain);
            text.setWrapText(true);
            CellStyle number = OfficeDocs.bordered(book.createCellStyle(), plain);
            number.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            CellStyle totalText = OfficeDocs.bordered(book.createCellStyle(), bold);
            CellStyle totalNumber = OfficeDocs.bordered(book.createCellStyle(), bold);
            totalNumber.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            int r = 0;
            OfficeDocs.line(sheet, r++, headers.size(), heading.issuingBody().toUpperCase(OfficeDocs.VI), titleStyle);
            r++;
            OfficeDocs.line(sheet, r++, headers.size(), title(s), titleStyle);
            OfficeDocs.line(sheet, r++, headers.size(), subtitle(s), titleStyle);
            r++;
            Row head = sheet.createRow(r++);
            for (int c = 0; c < headers.size(); c++) {
                head.createCell(c).setCellValue(headers.get(c));
                head.getCell(c).setCellStyle(header);
            }
            for (List<Object> values : rows(s)) {
                write(sheet.createRow(r++), values, text, number);
            }
            write(sheet.createRow(r), totalRow(s), totalText, totalNumber);
            sheet.setColumnWidth(0, 5 * 256);
            sheet.setColumnWidth(1, 34 * 256);
            for (int c = 2; c < headers.size(); c++) {
                sheet.setColumnWidth(c, 12 * 256);
            }
            sheet.getPrintSetup().setLandscape(true);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<Object> values, CellStyle text, CellStyle number) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Long n) {
                row.createCell(c).setCellValue(n);
                row.getCell(c).setCellStyle(number);
            } else {
                row.createCell(c).setCellValue(String.valueOf(value));
                row.getCell(c).setCellStyle(text);
            }
        }
    }

    byte[] docx(Summary s, Heading heading) {
        List<String> headers = headers();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OfficeDocs.page(doc, true);
            OfficeDocs.header(doc, heading.issuingBody(), heading.number(),
                    heading.state() ? OfficeDocs.STATE_MOTTO : OfficeDocs.PARTY_MOTTO, null, heading.date());
            OfficeDocs.paragraph(doc, "", false, ParagraphAlignment.CENTER, 14);
            OfficeDocs.paragraph(doc, "BÁO CÁO", true, ParagraphAlignment.CENTER, 15);
            OfficeDocs.paragraph(doc, title(s), true, ParagraphAlignment.CENTER, 14);
            OfficeDocs.paragraph(doc, subtitle(s), false, ParagraphAlignment.CENTER, 14).getRuns().get(0).setItalic(true);
            OfficeDocs.paragraph(doc, "Năm " + s.year() + ", toàn " + (s.name() == null ? "quốc" : s.name()) + " có "
                    + s.total() + " mô hình, điển hình \"Dân vận khéo\" (" + s.byStatus().getOrDefault("NEW", 0L)
                    + " xây dựng mới, " + s.byStatus().getOrDefault("MAINTAINED", 0L) + " duy trì), trong đó "
                    + s.recognised() + " được công nhận.", false, ParagraphAlignment.BOTH, 14);
            XWPFTable table = doc.createTable(1, headers.size());
            table.setWidth("100%");
            for (int c = 0; c < headers.size(); c++) {
                OfficeDocs.cellText(table.getRow(0).getCell(c), headers.get(c), true, ParagraphAlignment.CENTER, 11);
            }
            List<List<Object>> rows = new ArrayList<>(rows(s));
            rows.add(totalRow(s));
            for (int n = 0; n < rows.size(); n++) {
                XWPFTableRow row = table.createRow();
                List<Object> values = rows.get(n);
                boolean total = n == rows.size() - 1;
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    OfficeDocs.cellText(row.getCell(c), value instanceof Long l ? String.format(OfficeDocs.VI, "%,d", l)
                            : String.valueOf(value), total, value instanceof Long ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT, 11);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report as PDF (A4 landscape, the same heading, paragraph and table), with an embedded font
     * that has every Vietnamese letter: the TrueType file named by {@code dvk.pdf.font} (e.g. the
     * organisation's Times New Roman) or else Liberation Sans.
     */
    byte[] pdf(Summary s, Heading heading) {
        List<String> headers = headers();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = pdfFont();
            com.lowagie.text.Font plain = new com.lowagie.text.Font(base, 11);
            com.lowagie.text.Font bold = new com.lowagie.text.Font(base, 11, com.lowagie.text.Font.BOLD);
            com.lowagie.text.Font title = new com.lowagie.text.Font(base, 14, com.lowagie.text.Font.BOLD);
            Document doc = new Document(PageSize.A4.rotate(), 42, 56, 71, 71);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title(s));
            doc.open();
            PdfPTable top = new PdfPTable(2);
            top.setWidthPercentage(100);
            top.addCell(plainCell(heading.issuingBody().toUpperCase(OfficeDocs.VI)
                    + (heading.number() == null ? "" : "\nSố " + heading.number()), bold));
            top.addCell(plainCell((heading.state() ? OfficeDocs.STATE_MOTTO + "\n" + OfficeDocs.STATE_MOTTO_LINE : OfficeDocs.PARTY_MOTTO)
                    + "\nngày " + heading.date().getDayOfMonth() + " tháng " + heading.date().getMonthValue() + " năm "
                    + heading.date().getYear(), bold));
            doc.add(top);
            doc.add(centred("BÁO CÁO", title));
            doc.add(centred(title(s), title));
            doc.add(centred(subtitle(s), plain));
            doc.add(new Paragraph(" "));
            PdfPTable table = new PdfPTable(headers.size());
            table.setWidthPercentage(100);
            float[] widths = new float[headers.size()];
            Arrays.fill(widths, 1.2f);
            widths[0] = 0.5f;
            widths[1] = 3.5f;
            table.setWidths(widths);
            table.setHeaderRows(1);
            headers.forEach(h -> table.addCell(cell(h, bold, Element.ALIGN_CENTER)));
            List<List<Object>> rows = new ArrayList<>(rows(s));
            rows.add(totalRow(s));
            for (int n = 0; n < rows.size(); n++) {
                boolean total = n == rows.size() - 1;
                for (Object value : rows.get(n)) {
                    table.addCell(cell(value instanceof Long l ? String.format(OfficeDocs.VI, "%,d", l) : String.valueOf(value),
                            total ? bold : plain, value instanceof Long ? Element.ALIGN_RIGHT
                                    : Element.ALIGN_LEFT));
                }
            }
            doc.add(table);
            doc.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("PDF not written", e);
        }
    }

    private static PdfPCell plainCell(String text, com.lowagie.text.Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    private static PdfPCell cell(String text, com.lowagie.text.Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private static Paragraph centred(String text, com.lowagie.text.Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        return paragraph;
    }

    private BaseFont pdfFont() throws IOException {
        return PdfFonts.load(pdfFontPath);
    }

}
