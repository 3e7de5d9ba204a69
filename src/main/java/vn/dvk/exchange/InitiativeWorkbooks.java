package vn.dvk.exchange;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import vn.dvk.shared.tabular.FormulaGuard;

/**
 * The initiative workbook: the template to fill in (headers, drop-down lists, an instructions sheet)
 * and exports in the same columns, as xlsx (streamed, a window of rows in memory) or CSV (UTF-8 with BOM).
 */
final class InitiativeWorkbooks {

    static final String DATA_SHEET = "Danh sách";
    static final String LISTS_SHEET = "Danh mục";
    static final String HELP_SHEET = "Hướng dẫn";
    static final int TEMPLATE_ROWS = 5_000;

    private InitiativeWorkbooks() {
    }

    /** One initiative (and one year's registration) in the workbook's columns, as text. */
    record Line(String code, String name, String kind, String holder, String sector, String province, String district,
                String commune, String responsible, String startYear, String year, String status, boolean ethnicMinority,
                boolean religious, boolean featured, String description, String method, String results) {

        List<String> cells() {
            return Arrays.asList(code, name, kind, holder, sector, province, district, commune, responsible,
                    startYear, year, status, ethnicMinority ? "x" : "", religious ? "x" : "", featured ? "x" : "",
                    description, method, results);
        }
    }

    /** The lists the drop-downs offer (labels as users type them). */
    record Lists(List<String> kinds, List<String> holders, List<String> sectors, List<String> statuses) {
    }

    static void template(OutputStream out, Lists lists) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet data = workbook.createSheet(DATA_SHEET);
            header(workbook, data);
            Sheet listSheet = workbook.createSheet(LISTS_SHEET);
            List<List<String>> columns = List.of(lists.kinds(), lists.holders(), lists.sectors(), lists.statuses(), List.of("x"));
            for (int c = 0; c < columns.size(); c++) {
                for (int r = 0; r < columns.get(c).size(); r++) {
                    Row row = listSheet.getRow(r) != null ? listSheet.getRow(r) : listSheet.createRow(r);
                    row.createCell(c).setCellValue(columns.get(c).get(r));
                }
            }
            workbook.setSheetHidden(workbook.getSheetIndex(listSheet), true);
            DataValidationHelper helper = data.getDataValidationHelper();
            validate(data, helper, InitiativeColumns.KIND, "A", lists.kinds().size());
            validate(data, helper, InitiativeColumns.HOLDER, "B", lists.holders().size());
            validate(data, helper, InitiativeColumns.SECTOR, "C", lists.sectors().size());
            validate(data, helper, InitiativeColumns.STATUS, "D", lists.statuses().size());
            for (InitiativeColumns flag : List.of(InitiativeColumns.ETHNIC_MINORITY, InitiativeColumns.RELIGIOUS,
                    InitiativeColumns.FEATURED)) {
                validate(data, helper, flag, "E", 1);
            }
            Sheet help = workbook.createSheet(HELP_SHEET);
            String[] lines = {
                    "HƯỚNG DẪN ĐIỀN DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\"",
                    "",
                    "1. Mỗi dòng của trang \"" + DATA_SHEET + "\" là một mô hình hoặc điển hình, đăng ký cho một năm.",
                    "2. Bắt buộc: Tên, Loại, Tập thể/Cá nhân, Lĩnh vực, địa bàn (Tỉnh và Xã/Phường/Thị trấn; với dữ liệu"
                            + " trước năm 2025 có thể ghi Huyện), Năm đăng ký, Đăng ký (Mới/Duy trì).",
                    "3. Mã: để trống khi thêm mới (DVK tự cấp); giữ nguyên mã khi sửa một danh sách đã xuất từ DVK.",
                    "4. Tên địa bàn ghi có hoặc không có \"xã\", \"phường\", \"thị trấn\", có hoặc không dấu; viết tắt"
                            + " \"TT.\", \"P.\", \"X.\" đều được. Tên cũ của đơn vị đã sáp nhập được nhận theo năm đăng ký.",
                    "5. Các cột Vùng đồng bào DTTS, Vùng đồng bào tôn giáo, Tiêu biểu: ghi \"x\" nếu đúng.",
                    "6. Chữ gõ bằng phông TCVN3 (.VnTime) hoặc VNI được tự chuyển sang Unicode; bản xem trước cho biết"
                            + " những ô đã chuyển.",
                    "7. Nhập lại cùng một tệp không tạo bản ghi trùng: dòng có mã được so theo mã, dòng không mã được so"
                            + " theo địa bàn và tên.",
                    "8. Khi nhập, DVK cho xem trước những gì sẽ thêm, sửa, giữ nguyên và mọi lỗi theo dòng, cột; chỉ"
                            + " ghi khi người dùng xác nhận."};
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 120 * 256);
            workbook.setActiveSheet(0);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Workbook workbook, Sheet sheet) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setWrapText(true);
        Row row = sheet.createRow(0);
        List<String> headers = InitiativeColumns.headers();
        for (int c = 0; c < headers.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(style);
            sheet.setColumnWidth(c, (c == InitiativeColumns.NAME.ordinal() || c >= InitiativeColumns.DESCRIPTION.ordinal()
                    ? 40 : 16) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void validate(Sheet sheet, DataValidationHelper helper, InitiativeColumns column, String listColumn,
                                 int size) {
        DataValidationConstraint constraint = helper.createFormulaListConstraint(
                "'" + LISTS_SHEET + "'!$" + listColumn + "$1:$" + listColumn + "$" + Math.max(1, size));
        CellRangeAddressList range = new CellRangeAddressList(1, TEMPLATE_ROWS, column.ordinal(), column.ordinal());
        DataValidation validation = helper.createValidation(constraint, range);
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox("Giá trị không hợp lệ", "Hãy chọn một giá trị trong danh sách.");
        sheet.addValidationData(validation);
    }

    /** Streams the lines as xlsx in the template's columns. */
    static void xlsx(OutputStream out, Iterable<Line> lines) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            // plain zip entries (no Zip64 records), which every reader, ours included, opens
            workbook.setZip64Mode(Zip64Mode.Never);
            Sheet sheet = workbook.createSheet(DATA_SHEET);
            header(workbook, sheet);
            CellStyle text = FormulaGuard.textStyle(workbook);
            int r = 1;
            for (Line line : lines) {
                Row row = sheet.createRow(r++);
                List<String> cells = line.cells();
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                        FormulaGuard.setText(row.createCell(c), cells.get(c), text);
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the lines as CSV (UTF-8 with BOM, so Excel reads the diacritics) in the template's columns. */
    static void csv(OutputStream out, Iterable<Line> lines) {
        try {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord(InitiativeColumns.headers());
            for (Line line : lines) {
                printer.printRecord(line.cells().stream().map(c -> c == null ? "" : FormulaGuard.forCsv(c)).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
