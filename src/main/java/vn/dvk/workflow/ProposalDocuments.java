package vn.dvk.workflow;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dvk.shared.office.OfficeDocs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import vn.dvk.shared.tabular.FormulaGuard;

/**
 * A commendation proposal in the form officers send: the list (danh sách đề nghị khen thưởng) as an
 * xlsx sheet and as a Word document with the national motto header, in Times New Roman, collectives
 * and individuals in separate numbered parts.
 */
@Component
class ProposalDocuments {

    private static final Locale VI = OfficeDocs.VI;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] HEADERS = {"TT", "Tên tập thể, cá nhân", "Địa bàn", "Lĩnh vực", "Thành tích",
            "Hình thức khen thưởng", "Kết quả"};

    private final MessageSource messages;

    ProposalDocuments(MessageSource messages) {
        this.messages = messages;
    }

    private String award(Award award) {
        return messages.getMessage("award." + award, null, award.name(), VI);
    }

    private String result(Boolean commended) {
        return commended == null ? "" : commended ? "Được khen thưởng" : "Không được khen thưởng";
    }

    private String title(ProposalView p) {
        return "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM " + p.year();
    }

    private String subtitle(ProposalView p) {
        return "(Kèm theo đề nghị" + (p.number() != null ? " số " + p.number() : "") + " ngày " + DAY.format(p.proposedOn())
                + " của " + p.proposingBody() + " gửi " + p.authority() + ")";
    }

    byte[] xlsx(ProposalView p) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Đề nghị khen thưởng");
            Font plain = OfficeDocs.font(book, false);
            Font bold = OfficeDocs.font(book, true);
            CellStyle titleStyle = book.createCellStyle();
            titleStyle.setFont(bold);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            CellStyle centred = book.createCellStyle();
            centred.setFont(plain);
            centred.setAlignment(HorizontalAlignment.CENTER);
            centred.setWrapText(true);
            CellStyle header = OfficeDocs.bordered(book.createCellStyle(), bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            CellStyle cell = OfficeDocs.bordered(book.createCellStyle(), plain);
            cell.setWrapText(true);
            CellStyle part = OfficeDocs.bordered(book.createCellStyle(), bold);
            int r = 0;
            OfficeDocs.line(sheet, r++, HEADERS.length, p.proposingBody().toUpperCase(VI), titleStyle);
            r++;
            OfficeDocs.line(sheet, r++, HEADERS.length, title(p), titleStyle);
            OfficeDocs.line(sheet, r++, HEADERS.length, subtitle(p), centred);
            r++;
            Row head = sheet.createRow(r++);
            for (int c = 0; c < HEADERS.length; c++) {
                head.createCell(c).setCellValue(HEADERS[c]);
                head.getCell(c).setCellStyle(header);
            }
            r = xlsxPart(sheet, r, "I. TẬP THỂ (" + p.collectives().size() + ")", p.collectives(), part, cell);
            r = xlsxPart(sheet, r, "II. CÁ NHÂN (" + p.individuals().size() + ")", p.individuals(), part, cell);
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue("Tổng cộng: " + p.items().size() + " (" + p.collectives().size() + " tập thể, "
                    + p.individuals().size() + " cá nhân)");
            total.getCell(0).setCellStyle(part);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, HEADERS.length - 1));
            int[] widths = {6, 45, 35, 22, 50, 22, 20};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.getPrintSetup().setLandscape(true);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int xlsxPart(XSSFSheet sheet, int r, String label, List<ProposalView.Item> items, CellStyle part, CellStyle cell) {
        Row partRow = sheet.createRow(r);
        partRow.createCell(0).setCellValue(label);
        partRow.getCell(0).setCellStyle(part);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, HEADERS.length - 1));
        r++;
        int n = 1;
        // text an officer typed that a spreadsheet would run as a formula stays text
        CellStyle quoted = sheet.getWorkbook().createCellStyle();
        quoted.cloneStyleFrom(cell);
        quoted.setQuotePrefixed(true);
        for (ProposalView.Item item : items) {
            Row row = sheet.createRow(r++);
            String[] values = {String.valueOf(n++), item.name(), item.locality(), item.sectorLabel(),
                    item.achievement() == null ? "" : item.achievement(), award(item.award()), result(item.commended())};
            for (int c = 0; c < values.length; c++) {
                String value = values[c] == null ? "" : values[c];
                row.createCell(c).setCellValue(value);
                row.getCell(c).setCellStyle(FormulaGuard.risky(value) ? quoted : cell);
            }
        }
        return r;
    }

    byte[] docx(ProposalView p) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OfficeDocs.page(doc, true);
            OfficeDocs.header(doc, p.proposingBody(), p.number(), OfficeDocs.STATE_MOTTO, null, p.proposedOn());
            OfficeDocs.paragraph(doc, "", false, ParagraphAlignment.CENTER, 14);
            OfficeDocs.paragraph(doc, title(p), true, ParagraphAlignment.CENTER, 14);
            OfficeDocs.paragraph(doc, subtitle(p), false, ParagraphAlignment.CENTER, 13).getRuns().get(0).setItalic(true);
            XWPFTable table = doc.createTable(1, HEADERS.length);
            table.setWidth("100%");
            for (int c = 0; c < HEADERS.length; c++) {
                OfficeDocs.cellText(table.getRow(0).getCell(c), HEADERS[c], true, ParagraphAlignment.CENTER, 12);
            }
            docxPart(table, "I. TẬP THỂ (" + p.collectives().size() + ")", p.collectives());
            docxPart(table, "II. CÁ NHÂN (" + p.individuals().size() + ")", p.individuals());
            XWPFTableRow total = table.createRow();
            OfficeDocs.cellText(total.getCell(1), "Tổng cộng: " + p.items().size() + " (" + p.collectives().size() + " tập thể, "
                    + p.individuals().size() + " cá nhân)", true, ParagraphAlignment.LEFT, 12);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void docxPart(XWPFTable table, String label, List<ProposalView.Item> items) {
        XWPFTableRow partRow = table.createRow();
        OfficeDocs.cellText(partRow.getCell(1), label, true, ParagraphAlignment.LEFT, 12);
        int n = 1;
        for (ProposalView.Item item : items) {
            XWPFTableRow row = table.createRow();
            String[] values = {String.valueOf(n++), item.name(), item.locality(), item.sectorLabel(),
                    item.achievement() == null ? "" : item.achievement(), award(item.award()), result(item.commended())};
            for (int c = 0; c < values.length; c++) {
                OfficeDocs.cellText(row.getCell(c), values[c] == null ? "" : values[c], false,
                        c == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT, 12);
            }
        }
    }

}
