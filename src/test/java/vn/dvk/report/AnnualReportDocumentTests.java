package vn.dvk.report;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.document.DocumentSettingsTests;
import vn.dvk.identity.UserDirectory;
import vn.dvk.shared.office.OfficialLayout;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.data.Offset;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/**
 * Đam Rông's 2021 report as its Ban Dân vận would sign it: opened as Word XML and as PDF text, every
 * header element in its place, the body's font and size, the margins of each style, the sentences of
 * the figures, the signature block and recipients, the figures as an annex; issued with a number.
 */
@DvkIntegrationTest
@Transactional
class AnnualReportDocumentTests {

    static final String DAM_RONG_2021 = "Năm 2021, toàn huyện đăng ký 47 mô hình, điển hình, trong đó 37 xây dựng mới, 10 duy trì;"
            + " lĩnh vực kinh tế 17, văn hóa - xã hội 25, quốc phòng - an ninh 2, xây dựng hệ thống chính trị 3.";
    static final String RECOGNISED_2021 = "Đã xét, công nhận 47 mô hình, điển hình \"Dân vận khéo\"; lựa chọn 23 mô hình, điển hình"
            + " tiêu biểu.";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    private MockHttpServletResponse annual(String format, String user, String... params) throws Exception {
        var request = get("/api/v1/reports/annual." + format).param("unit", "674").param("year", "2021").with(as(user));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static String text(XWPFParagraph p) {
        return p.getText();
    }

    private static String cell(XWPFTable table, int row, int column) {
        return table.getRow(row).getCell(column).getText();
    }

    private static int twips(int mm) {
        return Math.round(mm * 1440f / 25.4f);
    }

    @Test
    void thePartyReportOfDamRong2021HasEveryElementOfHuongDan36InItsPlace() throws Exception {
        MockHttpServletResponse response = annual("docx", DvkIntegrationTest.DAM_RONG_OFFICER, "number", "24", "date", "2021-12-15");
        assertThat(response.getHeader("Content-Disposition")).contains("bao-cao-dan-van-kheo-2021-huyen-dam-rong.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var margins = doc.getDocument().getBody().getSectPr().getPgMar();
            assertThat(((Number) margins.getTop()).intValue()).isEqualTo(twips(25));
            assertThat(((Number) margins.getBottom()).intValue()).isEqualTo(twips(25));
            assertThat(((Number) margins.getLeft()).intValue()).isEqualTo(twips(35));
            assertThat(((Number) margins.getRight()).intValue()).isEqualTo(twips(15));
            assertThat(((Number) doc.getDocument().getBody().getSectPr().getPgSz().getW()).intValue()).isEqualTo(11906);

            XWPFTable header = doc.getTables().get(0);
            List<XWPFParagraph> organ = header.getRow(0).getCell(0).getParagraphs();
            assertThat(organ).extracting(XWPFParagraph::getText).containsExactly("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "*");
            assertThat(organ.get(1).getRuns().get(0).isBold()).isTrue();
            XWPFParagraph party = header.getRow(0).getCell(1).getParagraphs().get(0);
            assertThat(party.getText()).isEqualTo("ĐẢNG CỘNG SẢN VIỆT NAM");
            assertThat(party.getRuns().get(0).getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);
            assertThat(cell(header, 1, 0)).isEqualTo("Số 24-BC/BDVHU");
            XWPFParagraph dated = header.getRow(1).getCell(1).getParagraphs().get(0);
            assertThat(dated.getText()).isEqualTo("Đam Rông, ngày 15 tháng 12 năm 2021");
            assertThat(dated.getRuns().get(0).isItalic()).isTrue();

            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            XWPFParagraph type = paragraphs.stream().filter(p -> "BÁO CÁO".equals(p.getText())).findFirst().orElseThrow();
            assertThat(type.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(paragraphs).extracting(AnnualReportDocumentTests::text)
                    .contains("Kết quả thực hiện phong trào thi đua \"Dân vận khéo\" năm 2021", "I. KẾT QUẢ THỰC HIỆN PHONG TRÀO",
                            "1. Đăng ký xây dựng mô hình, điển hình", DAM_RONG_2021, RECOGNISED_2021, "II. ĐÁNH GIÁ CHUNG",
                            "1. Ưu điểm", "2. Hạn chế", "3. Nguyên nhân", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022", "PHỤ LỤC");
            assertThat(paragraphs).extracting(AnnualReportDocumentTests::text)
                    .anyMatch(t -> t.startsWith("Đề nghị khen thưởng 6 tập thể, cá nhân (1 Bằng khen, 5 Giấy khen)"))
                    .noneMatch(t -> t.contains("toàn Huyện"));
            XWPFParagraph sentence = paragraphs.stream().filter(p -> DAM_RONG_2021.equals(p.getText())).findFirst().orElseThrow();
            assertThat(sentence.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(sentence.getIndentationFirstLine()).isPositive();
            assertThat(sentence.getRuns().get(0).getFontFamily()).isEqualTo("Times New Roman");
            assertThat(sentence.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
            assertThat(paragraphs.stream().flatMap(p -> p.getRuns().stream()).map(r -> r.getFontFamily())
                    .filter(Objects::nonNull).distinct()).containsOnly("Times New Roman");

            XWPFTable signature = doc.getTables().get(1);
            assertThat(signature.getRow(0).getCell(0).getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("Nơi nhận:", "- Thường trực Huyện ủy Đam Rông (b/c),", "- Lưu VT.");
            assertThat(signature.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).getUnderline())
                    .isEqualTo(UnderlinePatterns.SINGLE);
            List<String> signer = signature.getRow(0).getCell(1).getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(signer.get(0)).isEqualTo("TRƯỞNG BAN");
            assertThat(signer.subList(1, signer.size() - 1)).as("room for the signer's image").hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(String::isEmpty);

            XWPFTable annex = doc.getTables().get(2);
            assertThat(cell(annex, 0, 2)).isEqualTo("Tổng số");
            assertThat(cell(annex, annex.getNumberOfRows() - 1, 1)).isEqualTo("Tổng cộng");
            assertThat(cell(annex, annex.getNumberOfRows() - 1, 2)).isEqualTo("47");

            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.isSetTitlePg()).as("page 1 has no number").isTrue();
            assertThat(doc.getHeaderFooterPolicy().getDefaultHeader().getParagraphs().get(0).getCTP().getFldSimpleArray(0).getInstr())
                    .isEqualTo("PAGE");
            assertThat(doc.getHeaderFooterPolicy().getFirstPageHeader().getText()).isBlank();
        }
    }

    @Test
    void lucYens2024ReportSaysItsFiguresInSentencesInTheWordFileAndThePdf() throws Exception {
        // FACTS.md: 421 registered in 2024, 91 economy, 232 culture-society, 47 defence-security, 18 political system,
        // 33 new rural development; the new/maintained split is the demo's own, counted here afresh
        List<Map<String, Object>> byStatus = jdbc.queryForList("select r.status as status, count(*) as n from registration r"
                + " join admin_unit u on u.id = r.unit_id join admin_unit d on d.code = '135' and d.level = 'DISTRICT'"
                + " where r.reg_year = 2024 and (u.id = d.id or u.path like concat(d.path, d.id, '/%')) group by r.status");
        Map<String, Long> counted = new HashMap<>();
        byStatus.forEach(row -> counted.put((String) row.get("status"), ((Number) row.get("n")).longValue()));
        assertThat(counted.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(421);
        String expected = "Năm 2024, toàn huyện đăng ký 421 mô hình, điển hình, trong đó " + counted.getOrDefault("NEW", 0L)
                + " xây dựng mới, " + counted.getOrDefault("MAINTAINED", 0L) + " duy trì; lĩnh vực kinh tế 91, văn hóa - xã hội 232,"
                + " quốc phòng - an ninh 47, xây dựng hệ thống chính trị 18, xây dựng nông thôn mới 33.";

        MockHttpServletResponse word = mvc.perform(get("/api/v1/reports/annual.docx").param("unit", "135").param("year", "2024")
                .with(as(DvkIntegrationTest.LUC_YEN_VIEWER))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(word.getHeader("Content-Disposition")).contains("bao-cao-dan-van-kheo-2024-huyen-luc-yen.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word.getContentAsByteArray()))) {
            assertThat(doc.getTables().get(0).getRow(0).getCell(0).getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("HUYỆN ỦY LỤC YÊN", "BAN DÂN VẬN", "*");
            assertThat(doc.getParagraphs()).extracting(AnnualReportDocumentTests::text).contains(expected);
        }
        MockHttpServletResponse pdf = mvc.perform(get("/api/v1/reports/annual.pdf").param("unit", "135").param("year", "2024")
                .with(as(DvkIntegrationTest.LUC_YEN_VIEWER))).andExpect(status().isOk()).andReturn().getResponse();
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("HUYỆN ỦY LỤC YÊN", expected);
        }
    }

    @Test
    void thePdfCarriesTheSameHeaderAndSentencesWithAnEmbeddedVietnameseFontAndTheSealCornerFree() throws Exception {
        MockHttpServletResponse response = annual("pdf", DvkIntegrationTest.DAM_RONG_OFFICER, "number", "24", "date", "2021-12-15");
        assertThat(response.getHeader("Content-Disposition")).contains("bao-cao-dan-van-kheo-2021-huyen-dam-rong.pdf");
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 24-BC/BDVHU",
                    "Đam Rông, ngày 15 tháng 12 năm 2021", "BÁO CÁO", DAM_RONG_2021, RECOGNISED_2021, "Nơi nhận:",
                    "- Thường trực Huyện ủy Đam Rông (b/c),", "TRƯỞNG BAN", "PHỤ LỤC", "Tổng cộng");
            PDPage first = pdf.getPage(0);
            for (var name : first.getResources().getFontNames()) {
                assertThat(first.getResources().getFont(name).isEmbedded()).isTrue();
            }
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595f, Offset.offset(1f));
            assertThat(leftmost(pdf, 1)).isBetween(mm(35) - 1, mm(35) + 8);
            PDFTextStripperByArea seal = new PDFTextStripperByArea();
            float width = first.getMediaBox().getWidth();
            seal.addRegion("seal", new Rectangle2D.Float(width - OfficialLayout.SEAL_WIDTH, 0, OfficialLayout.SEAL_WIDTH,
                    OfficialLayout.SEAL_HEIGHT));
            seal.extractRegions(first);
            assertThat(seal.getTextForRegion("seal")).as("the seal's corner on page 1").isBlank();
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            PDFTextStripperByArea top = new PDFTextStripperByArea();
            top.addRegion("top", new Rectangle2D.Float(0, 0, width, mm(20)));
            top.extractRegions(pdf.getPage(1));
            assertThat(top.getTextForRegion("top").strip()).isEqualTo("2");
        }
    }

    @Test
    void aStateBodyWritesInTheLayoutOfNghiDinh30() throws Exception {
        long people = new DocumentSettingsTests().organisationOf(mvc, directory, "Ủy ban nhân dân huyện Đam Rông");
        MockHttpServletResponse response = annual("docx", DvkIntegrationTest.ADMIN, "organisation", String.valueOf(people),
                "number", "6", "date", "2022-01-05");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var margins = doc.getDocument().getBody().getSectPr().getPgMar();
            assertThat(((Number) margins.getTop()).intValue()).isEqualTo(twips(20));
            assertThat(((Number) margins.getLeft()).intValue()).isEqualTo(twips(30));
            assertThat(((Number) margins.getRight()).intValue()).isEqualTo(twips(15));
            XWPFTable header = doc.getTables().get(0);
            assertThat(header.getRow(0).getCell(1).getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
            assertThat(header.getRow(0).getCell(1).getParagraphs().get(1).getRuns().get(0).getUnderline())
                    .isEqualTo(UnderlinePatterns.SINGLE);
            assertThat(cell(header, 0, 0)).contains("ỦY BAN NHÂN DÂN HUYỆN ĐAM RÔNG").doesNotContain("*");
            assertThat(cell(header, 1, 0)).isEqualTo("Số: 6/BC-UBND");
            assertThat(cell(header, 1, 1)).isEqualTo("Đam Rông, ngày 05 tháng 01 năm 2022");
            assertThat(doc.getTables().get(1).getRow(0).getCell(1).getText()).contains("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        }
        MockHttpServletResponse pdf = annual("pdf", DvkIntegrationTest.ADMIN, "organisation", String.valueOf(people));
        try (PDDocument doc = Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Độc lập - Tự do - Hạnh phúc", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(leftmost(doc, 1)).isBetween(mm(30) - 1, mm(30) + 8);
        }
    }

    @Test
    void theOfficesAssessmentIsKeptAndPrintedAndTheReportIsIssuedWithTheNextNumber() throws Exception {
        mvc.perform(put("/api/v1/reports/assessment").param("unit", "674").param("year", "2021").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"strengths\": \"Cấp ủy quan tâm lãnh đạo, chỉ đạo sát sao.\", \"directions\": \"Nhân rộng mô hình ở các xã vùng đồng bào dân tộc thiểu số.\"}")
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isOk());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                annual("docx", DvkIntegrationTest.DAM_RONG_OFFICER).getContentAsByteArray()))) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("Cấp ủy quan tâm lãnh đạo, chỉ đạo sát sao.",
                    "Nhân rộng mô hình ở các xã vùng đồng bào dân tộc thiểu số.");
            assertThat(doc.getTables().get(0).getRow(1).getCell(0).getText()).as("no number yet: left blank")
                    .matches("Số\\s+-BC/BDVHU");
        }
        String first = mvc.perform(post("/api/v1/reports/annual").param("unit", "674").param("year", "2021").param("date", "2021-12-20")
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int number = JsonPath.read(first, "$.number");
        long id = ((Number) JsonPath.read(first, "$.id")).longValue();
        assertThat((String) JsonPath.read(first, "$.numberText")).isEqualTo(number + "-BC/BDVHU");
        String second = mvc.perform(post("/api/v1/reports/annual").param("unit", "674").param("year", "2021").param("date", "2021-12-21")
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(second, "$.number")).isEqualTo(number + 1);
        mvc.perform(post("/api/v1/reports/annual").param("unit", "674").param("year", "2021").param("date", "2021-12-22")
                        .param("number", String.valueOf(number)).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isConflict());
        byte[] issued = mvc.perform(get("/api/v1/documents/{id}.docx", id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] again = mvc.perform(get("/api/v1/documents/{id}.docx", id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(issued);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(issued))) {
            assertThat(doc.getTables().get(0).getRow(1).getCell(0).getText()).isEqualTo("Số " + number + "-BC/BDVHU");
            assertThat(doc.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo("Đam Rông, ngày 20 tháng 12 năm 2021");
        }
        mvc.perform(get("/api/v1/documents/{id}.pdf", id).with(as(DvkIntegrationTest.LUC_YEN_VIEWER))).andExpect(status().isNotFound());
        String page = mvc.perform(get("/reports/annual").param("unit", "674").param("year", "2021")
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"document-preview\"", "HUYỆN ỦY ĐAM RÔNG", "Cấp ủy quan tâm lãnh đạo", DAM_RONG_2021
                .replace("\"", "&quot;"), "id=\"preview-signer-name-blank\"").doesNotContain("placeholder=");
    }

    private static float mm(float mm) {
        return mm * 72f / 25.4f;
    }

    /** The smallest x of any character on the page (1-based). */
    private static float leftmost(PDDocument pdf, int page) throws IOException {
        float[] min = {Float.MAX_VALUE};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                positions.stream().filter(p -> !p.getUnicode().isBlank()).forEach(p -> min[0] = Math.min(min[0], p.getXDirAdj()));
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return min[0];
    }
}
