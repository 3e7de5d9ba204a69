package vn.dvk.exchange;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;

/** Outcome indicators and evaluation scores come in through the same pipeline as initiatives. */
@DvkIntegrationTest
class OutcomeAndScoreImportTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScoreImport scores;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void removeImported() {
        jdbc.update("delete from outcome_indicator where name like '%kiểm thử nhập%'");
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Chỉ tiêu");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private String send(String what, byte[] file) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/" + what).file(new MockMultipartFile("file", what + ".xlsx", XLSX, file))
                        .with(Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void outcomeIndicatorsArePreviewedImportedAndIdempotent() throws Exception {
        byte[] file = xlsx(List.of(
                List.of("Mã đơn vị", "Tỉnh", "Huyện", "Xã", "Năm", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Ghi chú"),
                List.of("674", "", "", "", "2023", "Số hộ tham gia kiểm thử nhập", "hộ", "1.234", ""),
                List.of("", "Lâm Đồng", "H. Đam Rông", "xa Phi Lieng", "2023", "Kinh phí huy động kiểm thử nhập", "triệu đồng", "81,6", ""),
                List.of("", "Lâm Đồng", "Đam Rông", "Không Có Thật", "2023", "Đất hiến kiểm thử nhập", "m²", "100", "")));
        String preview = send("outcomes", file);
        assertThat(((Number) JsonPath.read(preview, "$.created")).intValue()).isEqualTo(2);
        assertThat(((Number) JsonPath.read(preview, "$.rejected")).intValue()).isEqualTo(1);
        assertThat((List<Integer>) JsonPath.read(preview, "$.errors[*].row")).containsExactly(4);
        assertThat(jdbc.queryForObject("select count(*) from outcome_indicator where name like '%kiểm thử nhập%'", Long.class)).isZero();

        String done = mvc.perform(post("/api/v1/imports/outcomes/" + JsonPath.read(preview, "$.id") + "/confirm")
                        .param("goodRowsOnly", "true").with(Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(done, "$.written")).isTrue();
        List<Map<String, Object>> rows = jdbc.queryForList("select u.code, o.amount from outcome_indicator o join admin_unit u"
                + " on u.id = o.unit_id where o.name like '%kiểm thử nhập%' order by o.name");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("code")).isEqualTo("24886");
        assertThat(new BigDecimal(rows.get(0).get("amount").toString())).isEqualByComparingTo("81.6");
        assertThat(new BigDecimal(rows.get(1).get("amount").toString())).isEqualByComparingTo("1234");

        String again = send("outcomes", file);
        assertThat(((Number) JsonPath.read(again, "$.unchanged")).intValue()).isEqualTo(2);
        assertThat(((Number) JsonPath.read(again, "$.created")).intValue()).isZero();
    }

    @Test
    void anOfficesIndicatorTableTakesItsYearFromTheTitleAndItsNumbersAsTyped() throws Exception {
        byte[] file = xlsx(List.of(
                List.of("UBND HUYỆN ĐAM RÔNG"),
                List.of("BẢNG TỔNG HỢP KẾT QUẢ MÔ HÌNH DÂN VẬN KHÉO NĂM 2023"),
                List.of(""),
                List.of("STT", "Huyện", "Xã", "Chỉ tiêu", "ĐVT", "Số liệu"),
                List.of("1", "Đam Rông", "Phi Liêng", "Đường giao thông kiểm thử nhập", "m", "12.000"),
                List.of("2", "Đam Rông", "Phi Liêng", "Kinh phí kiểm thử nhập", "triệu đồng", "1.234,5"),
                List.of("3", "Đam Rông", "Phi Liêng", "Đất hiến kiểm thử nhập", "ha", "1,5"),
                List.of("4", "Đam Rông", "Phi Liêng", "Ngày công kiểm thử nhập", "ngày", "12 000"),
                List.of("5", "Đam Rông", "Phi Liêng", "Hộ thoát nghèo kiểm thử nhập", "%", "15%"),
                List.of("Tổng cộng", "", "", "", "", ""),
                List.of("", "", "", "", "Đam Rông, ngày 20 tháng 12 năm 2023", ""),
                List.of("", "", "", "", "TM. ỦY BAN NHÂN DÂN", "")));
        String preview = send("outcomes", file);
        assertThat(((Number) JsonPath.read(preview, "$.rejected")).intValue()).as(preview).isZero();
        assertThat(((Number) JsonPath.read(preview, "$.created")).intValue()).isEqualTo(5);
        assertThat((List<String>) JsonPath.read(preview, "$.inferred[*].message"))
                .containsExactly("Năm 2023 — lấy từ tiêu đề, dòng 2 (dùng cho 5 dòng không ghi năm).");
        mvc.perform(post("/api/v1/imports/outcomes/" + JsonPath.read(preview, "$.id") + "/confirm")
                        .with(Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf()))
                .andExpect(status().isOk());
        Map<String, BigDecimal> amounts = new HashMap<>();
        jdbc.query("select name, amount, reg_year from outcome_indicator where name like '%kiểm thử nhập%'", rs -> {
            assertThat(rs.getInt(3)).isEqualTo(2023);
            amounts.put(rs.getString(1).split(" ")[0], rs.getBigDecimal(2));
        });
        assertThat(amounts.get("Đường")).isEqualByComparingTo("12000");
        assertThat(amounts.get("Kinh")).isEqualByComparingTo("1234.5");
        assertThat(amounts.get("Đất")).isEqualByComparingTo("1.5");
        assertThat(amounts.get("Ngày")).isEqualByComparingTo("12000");
        assertThat(amounts.get("Hộ")).isEqualByComparingTo("15");
    }

    @Test
    void anEvaluatorImportsScoresToTheirOwnSheets() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                scoresInsideOneTransaction();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void scoresInsideOneTransaction() throws Exception {
        var officer = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        var created = anInitiative("Chấm điểm kiểm thử nhập").in(PHI_LIENG_2021).sector("NEW_RURAL").registeredFor(2022)
                .by(DvkIntegrationTest.DAM_RONG_OFFICER).submitted().created(mvc);
        long id = created.id();
        String code = created.code();

        List<String> criteria = jdbc.queryForList("select name from criterion where set_id = 1 order by position", String.class);
        List<String> header = new ArrayList<>(List.of("STT", "Mã", "Tên mô hình", "Năm"));
        header.addAll(criteria.subList(0, 3));
        header.add("Gửi");
        byte[] file = xlsx(List.of(header,
                List.of("1", code, "Chấm điểm kiểm thử nhập", "2022", "18", "8,5", "12", ""),
                List.of("2", "KHONG-CO-MA", "", "2022", "1", "1", "1", ""),
                List.of("3", code, "", "2021", "1", "1", "1", "")));
        // as the Lâm Đồng officer (not of the initiative's organisation), straight through the pipeline
        var principal = directory.principalOf(DvkIntegrationTest.LAM_DONG_OFFICER).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(principal, null,
                principal.getAuthorities()));
        try {
            ImportPipeline.Report report = scores.run(file, "diem.xlsx", null, true, true, null);
            assertThat(report.count(ImportPipeline.Action.CREATE)).isEqualTo(1);
            assertThat(report.count(ImportPipeline.Action.REJECTED)).isEqualTo(2);
            assertThat(report.problems()).extracting(p -> p.messageKey())
                    .containsExactly("import.scores.unknownCode", "import.scores.notOpen");
            Map<String, Object> sheet = jdbc.queryForMap("select id, evaluator from evaluation_sheet where initiative_id = ?", id);
            assertThat(sheet.get("evaluator")).isEqualTo(DvkIntegrationTest.LAM_DONG_OFFICER);
            List<BigDecimal> saved = jdbc.queryForList("select score from evaluation_score where sheet_id = ? order by criterion_id",
                    BigDecimal.class, sheet.get("id"));
            assertThat(saved).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("18"), new BigDecimal("8.5"), new BigDecimal("12"));

            ImportPipeline.Report again = scores.run(file, "diem.xlsx", null, true, true, null);
            assertThat(again.count(ImportPipeline.Action.UNCHANGED)).isEqualTo(1);
            assertThat(again.count(ImportPipeline.Action.CREATE)).isZero();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
