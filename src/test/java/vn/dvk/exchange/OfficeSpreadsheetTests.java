package vn.dvk.exchange;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.initiative.InitiativeRegistry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.dvk.ImportedInitiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/**
 * The lists offices really send, not our template: the issuing body and the national motto above,
 * a title with the year, merged cells, column numbers under the header, group rows, a "Tổng cộng"
 * row, notes, the place and date and the signatures below. Imports here are committed and removed
 * afterwards.
 */
@DvkIntegrationTest
class OfficeSpreadsheetTests {

    private static final String MARK = "kiểm thử văn phòng";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    InitiativeRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeImported() {
        ImportedInitiatives.remove(registry, "kiem thu van phong");
    }

    /** A sheet as an office builds it: each list is a row of cells (null: no cell); merges as "A1:C1". */
    static final class OfficeSheet {
        final List<List<String>> rows = new ArrayList<>();
        final List<String> merges = new ArrayList<>();

        OfficeSheet row(String... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        OfficeSheet merge(String range) {
            merges.add(range);
            return this;
        }

        /** The row number (1-based) the next row will have. */
        int next() {
            return rows.size() + 1;
        }

        byte[] xlsx() throws Exception {
            return write(new XSSFWorkbook(), "Biểu 01");
        }

        /** The same sheet as an Excel 97–2003 workbook (.xls), as older offices still save. */
        byte[] xls() throws Exception {
            return write(new HSSFWorkbook(), "Bieu 01");
        }

        private byte[] write(Workbook book, String name) throws Exception {
            try (Workbook workbook = book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = workbook.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<String> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        if (cells.get(c) != null) {
                            row.createCell(c).setCellValue(cells.get(c));
                        }
                    }
                }
                merges.forEach(m -> sheet.addMergedRegion(CellRangeAddress.valueOf(m)));
                workbook.write(out);
                return out.toByteArray();
            }
        }

        /** The sheet saved as CSV in a charset (cells with commas quoted), as "Save as CSV" does on an office machine. */
        byte[] csv(Charset charset) {
            StringBuilder text = new StringBuilder();
            for (List<String> cells : rows) {
                text.append(String.join(",", cells.stream().map(c -> c == null ? "" : c.contains(",") ? "\"" + c + "\"" : c).toList()))
                        .append("\r\n");
            }
            return text.toString().getBytes(charset);
        }
    }

    /** The district's letterhead, the motto and the title, over the header. */
    static OfficeSheet letterhead(String body, String unit, String title, String... header) {
        OfficeSheet sheet = new OfficeSheet()
                .row(body, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").merge("A1:C1").merge("E1:I1")
                .row(unit, null, null, null, "Độc lập - Tự do - Hạnh phúc").merge("A2:C2").merge("E2:I2")
                .row(title).merge("A3:I3")
                .row();
        return sheet.row(header);
    }

    /** The foot of the list: a blank line, notes, place and date, titles and names of the signers. */
    static OfficeSheet foot(OfficeSheet sheet) {
        int note = sheet.next() + 1;
        return sheet.row()
                .row("Ghi chú: Các mô hình đăng ký mới phải có kế hoạch thực hiện gửi Ban Dân vận trước ngày 30/3.")
                .merge("A" + note + ":I" + note)
                .row(null, null, null, null, null, "Đam Rông, ngày 15 tháng 3 năm 2023")
                .row(null, "NGƯỜI LẬP BIỂU", null, null, null, "TM. BAN THƯỜNG VỤ")
                .row(null, null, null, null, null, "PHÓ BÍ THƯ")
                .row()
                .row(null, "Nguyễn Thị Hoa", null, null, null, "K' Brơi");
    }

    private String preview(byte[] file, String user) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", "bieu-01.xlsx", XLSX, file))
                .with(as(user)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String confirm(String id, boolean goodRowsOnly, String user, int expected) throws Exception {
        return mvc.perform(post("/api/v1/imports/initiatives/" + id + "/confirm").param("goodRowsOnly", String.valueOf(goodRowsOnly))
                .with(as(user)).with(csrf())).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    private static long number(String json, String path) {
        return ((Number) JsonPath.read(json, path)).longValue();
    }

    private static String unique() {
        return MARK + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static final String[] FULL_HEADER = {"STT", "Tên mô hình, điển hình", "Loại", "Tập thể/Cá nhân", "Lĩnh vực", "Tỉnh",
            "Huyện", "Xã", "Năm đăng ký", "Đăng ký (Mới/Duy trì)"};

    @Test
    void totalsNotesPlaceAndDateAndSignaturesAreSkippedWithTheirReasonAndNeverBlockTheFile() throws Exception {
        String mark = unique();
        OfficeSheet sheet = letterhead("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023", FULL_HEADER)
                .row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)");
        sheet.row("1", "Tổ tự quản " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới")
                .row("2", "Cộng đồng giữ rừng " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới")
                .row("3", "Vườn mẫu " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Rô Men", "2023", "Mới");
        int total = sheet.next();
        sheet.row("Tổng cộng", null, "3 mô hình").merge("A" + total + ":B" + total);
        foot(sheet);

        String preview = preview(sheet.xlsx(), DvkIntegrationTest.LAM_DONG_OFFICER);

        assertThat(number(preview, "$.created")).isEqualTo(3);
        assertThat(number(preview, "$.rejected")).isZero();
        assertThat((List<?>) JsonPath.read(preview, "$.errors")).isEmpty();
        assertThat((List<?>) JsonPath.read(preview, "$.warnings")).isEmpty();
        List<Map<String, Object>> skipped = JsonPath.read(preview, "$.skipped");
        Map<Object, Object> reasons = new LinkedHashMap<>();
        skipped.forEach(s -> reasons.put(((Number) s.get("row")).intValue(), s.get("reason")));
        assertThat(reasons).containsEntry(6, "columnNumbers").containsEntry(total, "total").containsEntry(total + 2, "note")
                .containsEntry(total + 3, "placeDate").containsEntry(total + 4, "signature").containsEntry(total + 5, "signature")
                .containsEntry(total + 7, "signature");
        assertThat(skipped.stream().filter(s -> ((Number) s.get("row")).intValue() == total).findFirst().orElseThrow().get("message"))
                .asString().contains("Dòng tổng cộng", "Tổng cộng");

        String done = confirm(JsonPath.read(preview, "$.id"), false, DvkIntegrationTest.LAM_DONG_OFFICER, 200);
        assertThat((Boolean) JsonPath.read(done, "$.written")).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from initiative where name like ?", Long.class, "%" + mark)).isEqualTo(3);
    }

    @Test
    void aTotalThatDoesNotMatchTheRowsIsAWarningNotARefusal() throws Exception {
        String mark = unique();
        OfficeSheet sheet = letterhead("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023", FULL_HEADER)
                .row("1", "Tổ tự quản " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới")
                .row("2", "Vườn mẫu " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Rô Men", "2023", "Mới");
        int total = sheet.next();
        sheet.row("Cộng:", null, null, null, null, null, null, null, "5");
        foot(sheet);

        String preview = preview(sheet.xlsx(), DvkIntegrationTest.LAM_DONG_OFFICER);

        assertThat(number(preview, "$.created")).isEqualTo(2);
        assertThat(number(preview, "$.rejected")).isZero();
        List<Map<String, Object>> warnings = JsonPath.read(preview, "$.warnings");
        assertThat(warnings).hasSize(1);
        assertThat(((Number) warnings.get(0).get("row")).intValue()).isEqualTo(total);
        assertThat(warnings.get(0).get("message")).asString().contains("ghi 5", "có 2 dòng");
        confirm(JsonPath.read(preview, "$.id"), false, DvkIntegrationTest.LAM_DONG_OFFICER, 200);
    }

    private List<Long> unitCodes(String mark) {
        return jdbc.queryForList("select u.code from initiative i join admin_unit u on u.id = i.unit_id where i.name like ? order by i.name",
                Long.class, "%" + mark);
    }

    private static List<String> messages(String json, String path) {
        List<Map<String, Object>> items = JsonPath.read(json, path);
        return items.stream().map(i -> String.valueOf(i.get("message"))).toList();
    }

    @Test
    void aCommunesListWithoutLocalityOrYearColumnsTakesThemFromItsLetterheadAndTitleAndSaysSo() throws Exception {
        String mark = unique();
        OfficeSheet sheet = letterhead("ỦY BAN NHÂN DÂN HUYỆN ĐAM RÔNG", "UBND XÃ PHI LIÊNG",
                "DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH DÂN VẬN KHÉO NĂM 2023",
                "STT", "Tên mô hình, điển hình", "Loại", "Tập thể/Cá nhân", "Lĩnh vực", "Đăng ký (Mới/Duy trì)")
                .row("1", "A Tổ tự quản " + mark, "Mô hình", "Tập thể", "Kinh tế", "Mới")
                .row("2", "B Gương sáng " + mark, "Điển hình", "Cá nhân", "Văn hóa - xã hội", "Duy trì");
        foot(sheet);
        byte[] file = sheet.xlsx();

        String preview = preview(file, DvkIntegrationTest.LAM_DONG_OFFICER);

        assertThat(number(preview, "$.created")).isEqualTo(2);
        assertThat(number(preview, "$.rejected")).isZero();
        assertThat(messages(preview, "$.inferred")).containsExactlyInAnyOrder(
                "Năm 2023 — lấy từ tiêu đề, dòng 3 (dùng cho 2 dòng không ghi năm).",
                "Xã Phi Liêng — lấy từ tiêu đề, dòng 2 (dùng cho 2 dòng không ghi đủ địa bàn).");
        assertThat((List<?>) JsonPath.read(preview, "$.warnings")).isEmpty();
        confirm(JsonPath.read(preview, "$.id"), false, DvkIntegrationTest.LAM_DONG_OFFICER, 200);
        assertThat(unitCodes(mark)).containsExactly(24886L, 24886L);
        assertThat(jdbc.queryForList("select r.reg_year from registration r join initiative i on i.id = r.initiative_id"
                + " where i.name like ?", Integer.class, "%" + mark)).containsExactly(2023, 2023);

        String again = preview(file, DvkIntegrationTest.LAM_DONG_OFFICER);
        assertThat(number(again, "$.unchanged")).isEqualTo(2);
        assertThat(number(again, "$.created") + number(again, "$.updated") + number(again, "$.rejected")).isZero();
    }

    @Test
    void aDistrictsListGroupedByCommuneFilesEachRowUnderTheGroupAboveIt() throws Exception {
        String mark = unique();
        OfficeSheet sheet = letterhead("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN HUYỆN ỦY ĐAM RÔNG",
                "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023",
                "STT", "Tên mô hình, điển hình", "Loại", "Tập thể/Cá nhân", "Lĩnh vực", "Năm đăng ký", "Đăng ký (Mới/Duy trì)");
        int first = sheet.next();
        sheet.row("I. XÃ PHI LIÊNG").merge("A" + first + ":G" + first)
                .row("1", "A Tổ hòa giải " + mark, "Mô hình", "Tập thể", "Kinh tế", "2023", "Mới")
                .row("2", "B Chi hội phụ nữ " + mark, "Mô hình", "Tập thể", "Kinh tế", "2023", "Mới");
        int second = sheet.next();
        sheet.row("II", "Xã Rô Men").merge("B" + second + ":G" + second)
                .row("1", "C Vườn mẫu " + mark, "Mô hình", "Tập thể", "Kinh tế", "2023", "Mới")
                .row("Tổng cộng", null, "3");
        foot(sheet);

        String preview = preview(sheet.xlsx(), DvkIntegrationTest.DAM_RONG_OFFICER);

        assertThat(number(preview, "$.created")).isEqualTo(3);
        assertThat(number(preview, "$.rejected")).isZero();
        assertThat(messages(preview, "$.inferred")).containsExactly(
                "Xã Phi Liêng — lấy từ dòng nhóm " + first + " (dùng cho 2 dòng không ghi đủ địa bàn).",
                "Xã Rô Men — lấy từ dòng nhóm " + second + " (dùng cho 1 dòng không ghi đủ địa bàn).");
        List<Map<String, Object>> skipped = JsonPath.read(preview, "$.skipped");
        assertThat(skipped).filteredOn(s -> "group".equals(s.get("reason"))).extracting(s -> ((Number) s.get("row")).intValue())
                .containsExactly(first, second);
        assertThat((List<?>) JsonPath.read(preview, "$.warnings")).isEmpty();
        confirm(JsonPath.read(preview, "$.id"), false, DvkIntegrationTest.DAM_RONG_OFFICER, 200);
        assertThat(unitCodes(mark)).containsExactly(24886L, 24886L, 24877L);
    }

    @Test
    void aRowThatOnlyReachesTheDistrictWhileTheOthersNameACommuneIsFlagged() throws Exception {
        String mark = unique();
        OfficeSheet sheet = letterhead("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023", FULL_HEADER)
                .row("1", "A Tổ tự quản " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới")
                .row("2", "B Hội quán " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "", "2023", "Mới");
        foot(sheet);

        String preview = preview(sheet.xlsx(), DvkIntegrationTest.LAM_DONG_OFFICER);

        assertThat(number(preview, "$.created")).isEqualTo(2);
        List<Map<String, Object>> warnings = JsonPath.read(preview, "$.warnings");
        assertThat(warnings).hasSize(1);
        assertThat(((Number) warnings.get(0).get("row")).intValue()).isEqualTo(7);
        assertThat(warnings.get(0).get("message")).asString().startsWith("Chỉ xác định được đến cấp huyện").contains("Đam Rông");
    }

    @Test
    void anExcelCsvUtf8WithABomAndAQuotedFirstHeaderKeepsItsColumns() throws Exception {
        String mark = unique();
        String csv = "\uFEFF\"Tên mô hình, điển hình\",Loại,Tập thể/Cá nhân,Lĩnh vực,Tỉnh,Huyện,Xã,Năm đăng ký,Đăng ký (Mới/Duy trì)\r\n"
                + "\"Tổ tự quản, an ninh " + mark + "\",Mô hình,Tập thể,Kinh tế,Lâm Đồng,Đam Rông,Phi Liêng,2023,Mới\r\n";
        String preview = mvc.perform(multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", "ds.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).with(as(DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(number(preview, "$.created")).isEqualTo(1);
        assertThat(number(preview, "$.rejected")).isZero();
        assertThat((String) JsonPath.read(preview, "$.lines[0].name")).isEqualTo("Tổ tự quản, an ninh " + mark);
        assertThat((String) JsonPath.read(preview, "$.lines[0].unit")).contains("Phi Liêng");
    }

    @Test
    void oldAndNewTonePlacementAreTheSameTextSoReimportingChangesNothing() throws Exception {
        String mark = unique();
        String[] header = {"STT", "Tên mô hình, điển hình", "Loại", "Tập thể/Cá nhân", "Lĩnh vực", "Tỉnh", "Huyện", "Xã", "Năm đăng ký",
                "Đăng ký (Mới/Duy trì)", "Người phụ trách", "Mô tả"};
        byte[] newPlacement = letterhead("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "DANH SÁCH NĂM 2023", header)
                .row("1", "Tổ hòa giải " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới",
                        "Nguyễn Thị Thủy", "Giữ hòa khí trong thôn").xlsx();
        byte[] oldPlacement = letterhead("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "DANH SÁCH NĂM 2023", header)
                .row("1", "Tổ hoà giải " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới",
                        "Nguyễn Thị Thuỷ", "Giữ hoà khí trong thôn").xlsx();
        confirm(JsonPath.read(preview(newPlacement, DvkIntegrationTest.LAM_DONG_OFFICER), "$.id"), false,
                DvkIntegrationTest.LAM_DONG_OFFICER, 200);

        String again = preview(oldPlacement, DvkIntegrationTest.LAM_DONG_OFFICER);

        assertThat(number(again, "$.unchanged")).isEqualTo(1);
        assertThat(number(again, "$.created") + number(again, "$.updated") + number(again, "$.rejected")).isZero();
        assertThat(jdbc.queryForObject("select responsible_officer from initiative where name like ?", String.class, "%" + mark))
                .isEqualTo("Nguyễn Thị Thủy");
        // a real change of case is still a change
        assertThat(InitiativeImport.sameText("Hoà Bình", "Hòa Bình")).isTrue();
        assertThat(InitiativeImport.sameText("thuỷ lợi", "thủy lợi")).isTrue();
        assertThat(InitiativeImport.sameText("Hoa Bình", "Hòa Bình")).isFalse();
        assertThat(InitiativeImport.sameText("hòa bình", "Hòa Bình")).isFalse();
    }

    @Test
    void goodRowsOnlyWhenEveryGoodRowIsAlreadyThereAnswersNothingToChange() throws Exception {
        String mark = unique();
        OfficeSheet first = letterhead("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023", FULL_HEADER)
                .row("1", "Tổ tự quản " + mark, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới");
        confirm(JsonPath.read(preview(first.xlsx(), DvkIntegrationTest.LAM_DONG_OFFICER), "$.id"), false,
                DvkIntegrationTest.LAM_DONG_OFFICER, 200);
        byte[] withABadRow = first.row("2", "Hội quán " + mark, "Mô hình", "Tập thể", "Chưa rõ", "Lâm Đồng", "Đam Rông", "Phi Liêng",
                "2023", "Mới").xlsx();

        String preview = preview(withABadRow, DvkIntegrationTest.LAM_DONG_OFFICER);
        assertThat(number(preview, "$.unchanged")).isEqualTo(1);
        assertThat(number(preview, "$.rejected")).isEqualTo(1);
        confirm(JsonPath.read(preview, "$.id"), false, DvkIntegrationTest.LAM_DONG_OFFICER, 422);

        String done = confirm(JsonPath.read(preview, "$.id"), true, DvkIntegrationTest.LAM_DONG_OFFICER, 200);
        assertThat((Boolean) JsonPath.read(done, "$.nothingToChange")).isTrue();
        assertThat((Boolean) JsonPath.read(done, "$.written")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from initiative where name like ?", Long.class, "%" + mark)).isEqualTo(1);
    }

    @Test
    void valuesTypedFreelyAreUnderstoodAndShownAndAnUnknownOneIsRefusedWithTheAcceptedOnes() throws Exception {
        String mark = unique();
        OfficeSheet sheet = letterhead("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO", FULL_HEADER)
                .row("1", "A Câu lạc bộ " + mark, "MH", "TT", "VH-XH", "Lâm Đồng", "Đam Rông", "Phi Liêng", "năm 2023", "ĐK mới")
                .row("2", "B Gương sáng " + mark, "Điển hình", "CN", "QPAN", "Lâm Đồng", "Đam Rông", "Phi Liêng", "15/3/2023",
                        "Tiếp tục duy trì")
                .row("3", "C Chi bộ " + mark, "Mô hình", "Tập thể", "Xây dựng Đảng và HTCT", "Lâm Đồng", "Đam Rông", "Phi Liêng",
                        null, "Duy trì")
                .row("4", "D Đường hoa " + mark, "Mô hình", "Tập thể", "NTM", "Lâm Đồng", "Đam Rông", "Phi Liêng", null, "Đăng ký mới")
                .row("5", "E Nhà văn hóa " + mark, "Mô hình", "Tập thể", "Văn hoá – xã hội", "Lâm Đồng", "Đam Rông", "Phi Liêng",
                        "2023", "Mới")
                .row("6", "F Sân bóng " + mark, "Mô hình", "Tập thể", "Thể thao", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới");
        // row 8: an Excel date (shown 15/03/2023, stored as a day number); row 9: the number 2023 (read as "2023.0" by some tools)
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet.xlsx()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = workbook.getSheetAt(0);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Cell date = data.getRow(7).createCell(8);
            date.setCellValue(LocalDate.of(2023, 3, 15));
            date.setCellStyle(dateStyle);
            data.getRow(8).createCell(8).setCellValue(2023.0);
            workbook.write(out);
            file = out.toByteArray();
        }

        String preview = preview(file, DvkIntegrationTest.LAM_DONG_OFFICER);

        assertThat(number(preview, "$.created")).isEqualTo(5);
        assertThat(number(preview, "$.rejected")).isEqualTo(1);
        List<Map<String, Object>> errors = JsonPath.read(preview, "$.errors");
        assertThat(errors).hasSize(1);
        assertThat(((Number) errors.get(0).get("row")).intValue()).isEqualTo(11);
        assertThat(errors.get(0).get("message")).asString().contains("Thể thao", "Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh",
                "Xây dựng hệ thống chính trị", "Xây dựng nông thôn mới");
        List<Map<String, Object>> conversions = JsonPath.read(preview, "$.conversions");
        List<String> shown = conversions.stream().map(c -> c.get("row") + " " + c.get("from") + " → " + c.get("to")).toList();
        assertThat(shown).contains("6 VH-XH → Văn hóa - xã hội", "6 MH → Mô hình", "6 TT → Tập thể", "6 ĐK mới → Mới",
                "7 CN → Cá nhân", "7 QPAN → Quốc phòng - an ninh", "7 15/3/2023 → 2023", "7 Tiếp tục duy trì → Duy trì",
                "8 Xây dựng Đảng và HTCT → Xây dựng hệ thống chính trị", "8 15/03/2023 → 2023", "9 NTM → Xây dựng nông thôn mới");
        // the list's own words with another dash or tone placement need no note
        assertThat(shown).noneMatch(c -> c.startsWith("10 "));
        assertThat(preview).doesNotContain("45000", "2.023", "2,023");

        String done = confirm(JsonPath.read(preview, "$.id"), true, DvkIntegrationTest.LAM_DONG_OFFICER, 200);
        assertThat((Boolean) JsonPath.read(done, "$.written")).isTrue();
        assertThat(jdbc.queryForList("select i.sector || ' ' || i.holder || ' ' || r.status || ' ' || r.reg_year from initiative i"
                + " join registration r on r.initiative_id = i.id where i.name like ? order by i.name", String.class, "%" + mark))
                .containsExactly("CULTURE_SOCIETY COLLECTIVE NEW 2023", "DEFENCE_SECURITY INDIVIDUAL MAINTAINED 2023",
                        "POLITICAL_SYSTEM COLLECTIVE MAINTAINED 2023", "NEW_RURAL COLLECTIVE NEW 2023",
                        "CULTURE_SOCIETY COLLECTIVE NEW 2023");
    }

    @Test
    void yearsAreReadAsOfficesTypeThem() {
        assertThat(Years.read("năm 2022").year()).isEqualTo(2022);
        assertThat(Years.read("2022.0").year()).isEqualTo(2022);
        assertThat(Years.read("2022,0").year()).isEqualTo(2022);
        assertThat(Years.read("15/3/2022")).isEqualTo(new Years.Read(2022, LocalDate.of(2022, 3, 15), false));
        assertThat(Years.read("44635")).isEqualTo(new Years.Read(2022, LocalDate.of(2022, 3, 15), true));
        assertThat(Years.read("31/2/2022")).isNull();
        assertThat(Years.read("hai nghìn")).isNull();
    }

    private String finishedJobPage(String location, String user) throws Exception {
        for (int i = 0; i < 200; i++) {
            String page = mvc.perform(MockMvcRequestBuilders.get(location).with(as(user)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (!page.contains("id=\"job-progress\"")) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job not finished: " + location);
    }

    @Test
    void theImportPageShowsWhatWasTakenFromOutsideTheTableTheSkippedRowsAndTheWarnings() throws Exception {
        String mark = unique();
        OfficeSheet sheet = letterhead("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN HUYỆN ỦY ĐAM RÔNG", "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023",
                "STT", "Tên mô hình, điển hình", "Loại", "Tập thể/Cá nhân", "Lĩnh vực", "Đăng ký (Mới/Duy trì)")
                .row("I. XÃ PHI LIÊNG")
                .row("1", "A Tổ hòa giải " + mark, "Mô hình", "Tập thể", "Kinh tế", "Mới")
                .row("Tổng cộng", null, "4");
        foot(sheet);
        String user = DvkIntegrationTest.DAM_RONG_OFFICER;
        String location = mvc.perform(multipart("/exchange/import").file(new MockMultipartFile("file", "bieu.xlsx", XLSX, sheet.xlsx()))
                .with(as(user)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        Document page = Jsoup.parse(finishedJobPage(location, user));

        assertThat(page.select("#import-inferred li").eachText()).containsExactly(
                "Năm 2023 — lấy từ tiêu đề, dòng 3 (dùng cho 1 dòng không ghi năm).",
                "Xã Phi Liêng — lấy từ dòng nhóm 6 (dùng cho 1 dòng không ghi đủ địa bàn).");
        assertThat(page.select("#import-warnings li").text()).contains("Dòng 8", "ghi 4", "có 1 dòng");
        assertThat(page.select("#import-skipped td").eachText()).contains("6", "8", "Phần ký tên: bỏ qua (\"NGƯỜI LẬP BIỂU TM. BAN THƯỜNG VỤ\").");
        assertThat(page.select("#import-counts").text()).contains("1");
        assertThat(page.select("#import-problems")).isEmpty();
    }
}
