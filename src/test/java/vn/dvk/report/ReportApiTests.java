package vn.dvk.report;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import vn.dvk.GeoJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/** The summary report against the demo facts, its child rows, its scope and its page. */
@DvkIntegrationTest
@Transactional
class ReportApiTests {

    @Autowired
    MockMvc mvc;

    private String summary(String user, String unit, String year) throws Exception {
        var request = get("/api/v1/reports/summary").param("year", year).with(as(user));
        if (unit != null) {
            request.param("unit", unit);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long sumOfChildren(String body, String path) {
        List<Number> values = JsonPath.read(body, "$.children[*]." + path);
        return values.stream().mapToLong(Number::longValue).sum();
    }

    @Test
    void lucYen2024Is421ByTheFiveSectorsAndItsCommunesAddUp() throws Exception {
        String body = summary(DvkIntegrationTest.ADMIN, "135", "2024");
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(421);
        assertThat((Integer) JsonPath.read(body, "$.bySector.ECONOMY")).isEqualTo(91);
        assertThat((Integer) JsonPath.read(body, "$.bySector.CULTURE_SOCIETY")).isEqualTo(232);
        assertThat((Integer) JsonPath.read(body, "$.bySector.DEFENCE_SECURITY")).isEqualTo(47);
        assertThat((Integer) JsonPath.read(body, "$.bySector.POLITICAL_SYSTEM")).isEqualTo(18);
        assertThat((Integer) JsonPath.read(body, "$.bySector.NEW_RURAL")).isEqualTo(33);
        assertThat(sumOfChildren(body, "total")).isEqualTo(421);
        assertThat(sumOfChildren(body, "bySector.ECONOMY")).isEqualTo(91);
        assertThat((String) JsonPath.read(body, "$.name")).isEqualTo("Huyện Lục Yên");
    }

    @Test
    void damRong2021Is47ThirtySevenNewTenMaintainedAllRecognisedWithItsProposals() throws Exception {
        String body = summary(DvkIntegrationTest.DAM_RONG_OFFICER, "674", "2021");
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(47);
        assertThat((Integer) JsonPath.read(body, "$.byStatus.NEW")).isEqualTo(37);
        assertThat((Integer) JsonPath.read(body, "$.byStatus.MAINTAINED")).isEqualTo(10);
        assertThat((Integer) JsonPath.read(body, "$.bySector.ECONOMY")).isEqualTo(17);
        assertThat((Integer) JsonPath.read(body, "$.bySector.CULTURE_SOCIETY")).isEqualTo(25);
        assertThat((Integer) JsonPath.read(body, "$.bySector.DEFENCE_SECURITY")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(body, "$.bySector.POLITICAL_SYSTEM")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(body, "$.recognised")).isEqualTo(47);
        assertThat((Integer) JsonPath.read(body, "$.featured")).isEqualTo(23);
        assertThat((Integer) JsonPath.read(body, "$.byHolder.INDIVIDUAL")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(body, "$.commendations.proposed")).isEqualTo(6);
        assertThat((Integer) JsonPath.read(body, "$.commendations.byAuthority['UBND tỉnh Lâm Đồng']")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(body, "$.commendations.byAuthority['UBND huyện Đam Rông']")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(body, "$.commendations.byAward.BANG_KHEN")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(body, "$.commendations.byAward.GIAY_KHEN")).isEqualTo(5);
        assertThat(sumOfChildren(body, "total")).isEqualTo(47);
        assertThat(JsonPath.<List<String>>read(body, "$.children[*].name")).contains("Xã Phi Liêng", "Xã Đạ Long");
    }

    @Test
    void kySon2019Is54With16Economic() throws Exception {
        String body = summary(DvkIntegrationTest.ADMIN, "151", "2019");
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(54);
        assertThat((Integer) JsonPath.read(body, "$.bySector.ECONOMY")).isEqualTo(16);
        assertThat(sumOfChildren(body, "total")).isEqualTo(54);
    }

    @Test
    void aUserSeesOnlyTheirScopeAndTheirOwnUnitByDefault() throws Exception {
        mvc.perform(get("/api/v1/reports/summary").param("unit", "674").param("year", "2021")
                .with(as(DvkIntegrationTest.LUC_YEN_VIEWER))).andExpect(status().isNotFound());
        String own = summary(DvkIntegrationTest.LUC_YEN_VIEWER, null, "2024");
        assertThat((Integer) JsonPath.read(own, "$.total")).isEqualTo(421);
        mvc.perform(get("/api/v1/reports/summary").param("unit", "135").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void theReportPageLinksEveryFigureToTheInitiativesBehindIt() throws Exception {
        mvc.perform(get("/reports").param("unit", "135").param("year", "2024").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(allOf(containsString("id=\"figure-total\""), containsString(">421<"),
                        containsString("&amp;unit=135&amp;year=2024&amp;sector=ECONOMY"), containsString(">91<"))));
        mvc.perform(get("/initiatives").param("unit", "135").param("year", "2024").param("sector", "ECONOMY")
                        .with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(containsString("Tổng số: 91")));
    }

    @Test
    void aPeriodCountsEachInitiativeOnceAndGivesEveryYear() throws Exception {
        String body = mvc.perform(get("/api/v1/reports/trend").param("unit", "674").param("from", "2019").param("to", "2021")
                .with(as(DvkIntegrationTest.ADMIN))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> years = JsonPath.read(body, "$.years[*].year");
        assertThat(years).containsExactly(2019, 2020, 2021);
        assertThat((Integer) JsonPath.read(body, "$.years[2].total")).isEqualTo(47);
        assertThat((Integer) JsonPath.read(body, "$.years[2].byStatus.NEW")).isEqualTo(37);
        long sumOfYears = JsonPath.<List<Integer>>read(body, "$.years[*].total").stream().mapToLong(Integer::longValue).sum();
        long initiatives = ((Number) JsonPath.read(body, "$.initiatives")).longValue();
        assertThat(initiatives).isGreaterThanOrEqualTo(47).isLessThan(sumOfYears + 1);
        mvc.perform(get("/api/v1/reports/trend").param("unit", "674").param("from", "2021").param("to", "2019")
                .with(as(DvkIntegrationTest.ADMIN))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void theSummaryDownloadsAsAnXlsxTableAndAWordReportWithTheSameFigures() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/reports/summary.xlsx").param("unit", "135").param("year", "2024")
                        .param("issuer", "Ban Dân vận Huyện ủy Lục Yên").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("BAN DÂN VẬN HUYỆN ỦY LỤC YÊN");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("TỔNG HỢP MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\" NĂM 2024");
            var header = sheet.getRow(5);
            var total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
            Map<String, Double> byHeader = new HashMap<>();
            for (int c = 2; c < header.getLastCellNum(); c++) {
                byHeader.put(header.getCell(c).getStringCellValue(), total.getCell(c).getNumericCellValue());
            }
            assertThat(byHeader).containsEntry("Tổng số", 421.0).containsEntry("Kinh tế", 91.0)
                    .containsEntry("Văn hóa - xã hội", 232.0).containsEntry("Quốc phòng - an ninh", 47.0)
                    .containsEntry("Xây dựng hệ thống chính trị", 18.0).containsEntry("Xây dựng nông thôn mới", 33.0);
            double communes = 0;
            for (int r = 6; r < sheet.getLastRowNum(); r++) {
                communes += sheet.getRow(r).getCell(2).getNumericCellValue();
            }
            assertThat(communes).isEqualTo(421.0);
            assertThat(book.getFontAt(total.getCell(2).getCellStyle().getFontIndex()).getFontName()).isEqualTo("Times New Roman");
        }
        byte[] docx = mvc.perform(get("/api/v1/reports/summary.docx").param("unit", "135").param("year", "2024")
                        .param("issuer", "Ban Dân vận Huyện ủy Lục Yên").param("number", "12-BC/BDVHU")
                        .param("date", "2025-01-10").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx));
             var text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BAN DÂN VẬN HUYỆN ỦY LỤC YÊN", "Số 12-BC/BDVHU",
                    "ngày 10 tháng 1 năm 2025", "BÁO CÁO", "NĂM 2024", "có 421 mô hình", "Tổng cộng");
            assertThat(doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).map(r -> r.getFontFamily())
                    .filter(Objects::nonNull).distinct()).containsOnly("Times New Roman");
        }
    }


    @Test
    void theDashboardShowsTheScopesFiguresAndFeedsItsCharts() throws Exception {
        String page = mvc.perform(get("/").param("year", "2021").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"dashboard-total\"", ">47<", "Huyện Đam Rông — năm 2021");
        String data = page.substring(page.indexOf("id=\"dashboard-data\""));
        data = data.substring(data.indexOf('>') + 1, data.indexOf("</script>"));
        assertThat(JsonPath.<List<Integer>>read(data, "$.bySector[?(@.name == 'Kinh tế')].value")).containsExactly(17);
        assertThat(JsonPath.<List<Integer>>read(data, "$.years")).endsWith(2021).hasSize(10);
        assertThat(JsonPath.<List<Integer>>read(data, "$.totals").get(9)).isEqualTo(47);
        assertThat(JsonPath.<List<Integer>>read(data, "$.childTotals").stream().mapToInt(Integer::intValue).sum()).isEqualTo(47);
    }


    @Test
    void theOutcomeIndicatorsOfYenMy2020AndKySon2019StandBesideTheFigures() throws Exception {
        String body = mvc.perform(get("/api/v1/reports/outcomes").param("unit", "327").param("year", "2020")
                .with(as(DvkIntegrationTest.ADMIN))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Double>>read(body, "$[?(@.name == 'Thu nhập bình quân đầu người')].value")).containsExactly(81.6);
        assertThat(JsonPath.<List<Double>>read(body, "$[?(@.name == 'Giá trị sản xuất')].value")).containsExactly(49776.0);
        assertThat(JsonPath.<List<String>>read(body, "$[*].note")).contains("Quyết định số 1585/QĐ-TTg ngày 14/10/2020 của Thủ tướng Chính phủ");
        mvc.perform(get("/reports").param("unit", "151").param("year", "2019").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(allOf(containsString("id=\"outcome-table\""), containsString("Tỷ lệ hộ nghèo"),
                        containsString("6,24 %"), containsString(">54<"))));
    }

    @Test
    void outcomeIndicatorsImportAllOrNothingAndAgainWithoutChange() throws Exception {
        String good = "Mã đơn vị,Năm,Chỉ tiêu,Đơn vị tính,Giá trị,Ghi chú\n"
                + "135,2024,Thu nhập bình quân đầu người,triệu đồng/năm,\"52,3\",\n"
                + "135,2024,Tỷ lệ hộ nghèo,%,\"7,1\",\n";
        String bad = good + "999999,2024,Chỉ tiêu lạ,,abc,\n";
        var badFile = new MockMultipartFile("file", "chi-tieu.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8));
        mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/reports/outcomes/import")
                        .file(badFile).with(as(DvkIntegrationTest.ADMIN))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'Mã đơn vị')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'Giá trị')].message")
                        .value(Matchers.hasItem("Giá trị \"abc\" không phải là số (ví dụ: 81,6 hoặc 49.776).")));
        mvc.perform(get("/api/v1/reports/outcomes").param("unit", "135").param("year", "2024").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(jsonPath("$.length()").value(0));
        var goodFile = new MockMultipartFile("file", "chi-tieu.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8));
        for (int[] expected : new int[][] {{2, 0, 0}, {0, 0, 2}}) {
            mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/reports/outcomes/import")
                            .file(goodFile).with(as(DvkIntegrationTest.ADMIN))
                            .with(SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.created").value(expected[0]))
                    .andExpect(jsonPath("$.unchanged").value(expected[2]));
        }
        mvc.perform(get("/api/v1/reports/outcomes").param("unit", "135").param("year", "2024").with(as(DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(jsonPath("$[?(@.name == 'Tỷ lệ hộ nghèo')].value").value(Matchers.hasItem(7.1)));
    }

    @Test
    void numbersAreReadAsOfficersTypeThem() {
        assertThat(OutcomeIndicators.number("81,6")).isEqualByComparingTo("81.6");
        assertThat(OutcomeIndicators.number("49.776")).isEqualByComparingTo("49776");
        assertThat(OutcomeIndicators.number("49.776,5")).isEqualByComparingTo("49776.5");
        assertThat(OutcomeIndicators.number("547.44")).isEqualByComparingTo("547.44");
        assertThat(OutcomeIndicators.number("6,24%")).isEqualByComparingTo("6.24");
        assertThat(OutcomeIndicators.number("1 234")).isEqualByComparingTo("1234");
        assertThat(OutcomeIndicators.number("abc")).isNull();
    }


    @Test
    void acrossThe2025ReformBothStructuresAddUpToTheSameTotal() throws Exception {
        for (String year : List.of("2019", "2021", "2024")) {
            String then = summary(DvkIntegrationTest.ADMIN, null, year);
            String today = mvc.perform(get("/api/v1/reports/summary").param("year", year).param("structure", "today")
                    .with(as(DvkIntegrationTest.ADMIN))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            long total = ((Number) JsonPath.read(then, "$.total")).longValue();
            assertThat(((Number) JsonPath.read(today, "$.total")).longValue()).as("today's total, " + year).isEqualTo(total);
            assertThat(sumOfChildren(then, "total")).as("old provinces, " + year).isEqualTo(total);
            assertThat(sumOfChildren(today, "total")).as("today's provinces, " + year).isEqualTo(total);
            assertThat((String) JsonPath.read(today, "$.structure")).isEqualTo("TODAY");
        }
        // Đam Rông's 47 of 2021 are counted, in today's structure, under today's Lâm Đồng and its communes
        String lamDong = mvc.perform(get("/api/v1/reports/summary").param("unit", "68").param("year", "2021")
                .param("structure", "today").with(as(DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(lamDong, "$.total")).longValue()).isGreaterThanOrEqualTo(47);
        assertThat(sumOfChildren(lamDong, "total")).isEqualTo(((Number) JsonPath.read(lamDong, "$.total")).longValue());
        assertThat(JsonPath.<List<Integer>>read(lamDong, "$.children[?(@.unit == '24886')].total").get(0)).isPositive();
        // the province's officer sees them in both structures
        String officer = mvc.perform(get("/api/v1/reports/summary").param("year", "2021").param("structure", "today")
                .with(as(DvkIntegrationTest.LAM_DONG_OFFICER))).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(officer, "$.total")).longValue()).isGreaterThanOrEqualTo(47);
        assertThat((Integer) JsonPath.read(summary(DvkIntegrationTest.LAM_DONG_OFFICER, "674", "2021"), "$.total")).isEqualTo(47);
    }


    @Test
    void importedBoundariesDrawTheChildUnitsWithTheirTotals() throws Exception {
        String summary = summary(DvkIntegrationTest.ADMIN, "135", "2024");
        List<String> codes = JsonPath.read(summary, "$.children[?(@.total > 0)].unit");
        String geojson = "{\"type\": \"FeatureCollection\", \"features\": [" + GeoJson.square(codes.get(0), 104.7, 22.1) + ", "
                + GeoJson.square(codes.get(1), 104.8, 22.1) + ", " + GeoJson.square("99999", 104.9, 22.1) + "]}";
        var upload = MockMvcRequestBuilders.multipart("/api/v1/admin-units/boundaries")
                .file(new MockMultipartFile("file", "ranh-gioi.geojson", "application/geo+json",
                        geojson.getBytes(StandardCharsets.UTF_8)))
                .param("codeProperty", "ma_xa").param("on", "2024-12-31")
                .with(SecurityMockMvcRequestPostProcessors.csrf());
        mvc.perform(upload.with(as(DvkIntegrationTest.LUC_YEN_VIEWER))).andExpect(status().isForbidden());
        mvc.perform(upload.with(as(DvkIntegrationTest.ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.features").value(3)).andExpect(jsonPath("$.stored").value(2))
                .andExpect(jsonPath("$.unknownCodes[0]").value("99999"));
        String map = mvc.perform(get("/api/v1/reports/map").param("unit", "135").param("year", "2024")
                .with(as(DvkIntegrationTest.LUC_YEN_VIEWER))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(map, "$.features[*].properties.code")).containsExactlyInAnyOrder(codes.get(0), codes.get(1));
        Integer expected = JsonPath.<List<Integer>>read(summary, "$.children[?(@.unit == '" + codes.get(0) + "')].total").get(0);
        assertThat(JsonPath.<List<Integer>>read(map, "$.features[?(@.properties.code == '" + codes.get(0) + "')].properties.total"))
                .containsExactly(expected);
        assertThat(JsonPath.<List<String>>read(map, "$.features[*].geometry.type")).containsOnly("Polygon");
        mvc.perform(get("/").param("year", "2024").with(as(DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(content().string(containsString("id=\"dashboard-map\"")));
        mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/admin-units/boundaries")
                        .file(new MockMultipartFile("file", "x.geojson", "application/json", "not json".getBytes()))
                        .with(as(DvkIntegrationTest.ADMIN))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value("Tệp không phải là JSON hợp lệ."));
    }


    @Test
    void theSummaryPdfCarriesTheFiguresInCorrectVietnamese() throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/reports/summary.pdf").param("unit", "135").param("year", "2024")
                        .param("issuer", "Ban Dân vận Huyện ủy Lục Yên").param("number", "12-BC/BDVHU").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("BAN DÂN VẬN HUYỆN ỦY LỤC YÊN", "Số 12-BC/BDVHU", "ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO",
                    "TỔNG HỢP MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\" NĂM 2024", "Huyện Lục Yên", "Tổng cộng", "421", "232");
            assertThat(doc.getPage(0).getResources().getFontNames()).isNotEmpty();
        }
    }


    @Test
    void everyFigureLeadsToTheInitiativesItCountsInBothStructures() throws Exception {
        String then = summary(DvkIntegrationTest.ADMIN, "674", "2021");
        mvc.perform(get("/api/v1/initiatives").param("unit", "674").param("year", "2021")
                        .param("state", "RECOGNISED,PROPOSED,COMMENDED").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(jsonPath("$.total").value(((Number) JsonPath.read(then, "$.recognised")).intValue()));
        mvc.perform(get("/api/v1/initiatives").param("unit", "674").param("year", "2021").param("state", "NOPE")
                .with(as(DvkIntegrationTest.ADMIN))).andExpect(status().isUnprocessableContent());
        String today = mvc.perform(get("/api/v1/reports/summary").param("unit", "68").param("year", "2021")
                .param("structure", "today").with(as(DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/initiatives").param("unit", "68").param("year", "2021").param("structure", "today")
                        .with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(jsonPath("$.total").value(((Number) JsonPath.read(today, "$.total")).intValue()));
        Integer child = JsonPath.<List<Integer>>read(today, "$.children[?(@.unit == '24886')].total").get(0);
        mvc.perform(get("/api/v1/initiatives").param("unit", "24886").param("year", "2021").param("structure", "today")
                .with(as(DvkIntegrationTest.ADMIN))).andExpect(jsonPath("$.total").value(child));
        Integer economy = JsonPath.<List<Integer>>read(today, "$.children[?(@.unit == '24886')].bySector.ECONOMY").get(0);
        mvc.perform(get("/api/v1/initiatives").param("unit", "24886").param("year", "2021").param("structure", "today")
                .param("sector", "ECONOMY").with(as(DvkIntegrationTest.ADMIN))).andExpect(jsonPath("$.total").value(economy));
        mvc.perform(get("/reports").param("unit", "68").param("year", "2021").param("structure", "today")
                        .with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(containsString("/initiatives?structure=today&amp;unit=24886&amp;year=2021")));
    }

}
