package vn.dvk.workflow;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The standing committee's decision recognising Đam Rông's 47 of 2021, and the board's submission for commendation. */
@DvkIntegrationTest
@Transactional
class OfficialWorkflowDocumentsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    private MockHttpServletResponse fetch(String path, String... params) throws Exception {
        var request = get(path).with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    @Test
    void theRecognitionDecisionOfDamRong2021ListsAll47InItsAnnex() throws Exception {
        MockHttpServletResponse response = fetch("/api/v1/recognitions/decision.docx", "unit", "674", "year", "2021",
                "number", "15", "date", "2021-12-10");
        assertThat(response.getHeader("Content-Disposition")).contains("quyet-dinh-cong-nhan-dan-van-kheo-2021-huyen-dam-rong.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            XWPFTable header = doc.getTables().get(0);
            assertThat(header.getRow(0).getCell(0).getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "HUYỆN ỦY ĐAM RÔNG", "*");
            assertThat(header.getRow(1).getCell(0).getText()).isEqualTo("Số 15-QĐ/HU");
            assertThat(header.getRow(1).getCell(1).getText()).isEqualTo("Đam Rông, ngày 10 tháng 12 năm 2021");
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("QUYẾT ĐỊNH", "Công nhận mô hình, điển hình \"Dân vận khéo\" năm 2021",
                    "BAN THƯỜNG VỤ HUYỆN ỦY ĐAM RÔNG", "QUYẾT ĐỊNH:",
                    "Điều 1. Công nhận 47 mô hình, điển hình \"Dân vận khéo\" năm 2021 của huyện Đam Rông (có danh sách kèm theo).",
                    "DANH SÁCH", "MÔ HÌNH, ĐIỂN HÌNH \"DÂN VẬN KHÉO\" ĐƯỢC CÔNG NHẬN NĂM 2021",
                    "(Kèm theo Quyết định số 15-QĐ/HU ngày 10 tháng 12 năm 2021 của Ban Thường vụ Huyện ủy Đam Rông)");
            assertThat(doc.getTables().get(1).getRow(0).getCell(1).getText()).contains("T/M BAN THƯỜNG VỤ", "BÍ THƯ");
            XWPFTable annex = doc.getTables().get(2);
            assertThat(annex.getNumberOfRows()).isEqualTo(1 + 47);
            assertThat(annex.getRow(47).getCell(0).getText()).isEqualTo("47");
        }
        MockHttpServletResponse pdf = fetch("/api/v1/recognitions/decision.pdf", "unit", "674", "year", "2021");
        try (var doc = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("HUYỆN ỦY ĐAM RÔNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "QUYẾT ĐỊNH", "Điều 1. Công nhận 47 mô hình");
        }
    }

    @Test
    void theSubmissionAsksTheAuthorityToCommendTheProposalsList() throws Exception {
        String proposals = fetch("/api/v1/commendation-proposals", "year", "2021").getContentAsString();
        List<Number> ids = JsonPath.read(proposals, "$[?(@.authority == 'UBND huyện Đam Rông')].id");
        assertThat(ids).hasSize(1);
        MockHttpServletResponse response = fetch("/api/v1/commendation-proposals/" + ids.get(0) + "/submission.docx");
        assertThat(response.getHeader("Content-Disposition")).contains("to-trinh-khen-thuong-dan-van-kheo-2021-huyen-dam-rong.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            XWPFTable header = doc.getTables().get(0);
            assertThat(header.getRow(0).getCell(0).getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "*");
            assertThat(header.getRow(1).getCell(0).getText()).matches("Số\\s+-TTr/BDVHU");
            assertThat(header.getRow(1).getCell(1).getText()).isEqualTo("Đam Rông, ngày 14 tháng 01 năm 2022");
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("TỜ TRÌNH", "Kính gửi: UBND huyện Đam Rông", "Kính trình UBND huyện Đam Rông xem xét, quyết định./.");
            assertThat(texts).anyMatch(t -> t.contains("khen thưởng 5 tập thể, cá nhân có thành tích xuất sắc"));
            assertThat(doc.getTables().get(2).getNumberOfRows()).isEqualTo(1 + 5);
        }
    }
}
