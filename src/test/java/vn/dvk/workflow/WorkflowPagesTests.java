package vn.dvk.workflow;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

/** The workflow's pages: steps and timeline on the initiative's page, recognition by a list, proposals and their documents. */
@DvkIntegrationTest
@Transactional
class WorkflowPagesTests {

    @Autowired
    MockMvc mvc;

    private long newIn2022(String name) throws Exception {
        return anInitiative(name).in(PHI_LIENG_2021).registeredFor(2022).by(DvkIntegrationTest.DAM_RONG_OFFICER).create(mvc);
    }

    @Test
    void theInitiativePageOffersTheStepsAndShowsTheTimeline() throws Exception {
        long id = newIn2022("Mô hình trồng mắc ca thôn 9");
        var officer = as(DvkIntegrationTest.DAM_RONG_OFFICER);
        mvc.perform(get("/initiatives/" + id).with(officer))
                .andExpect(content().string(allOf(containsString("id=\"step-SUBMIT-2022\""), containsString("Chưa có bước nào."))));
        mvc.perform(post("/initiatives/" + id + "/years/2022/step").with(officer).with(csrf()).param("step", "SUBMIT"))
                .andExpect(redirectedUrl("/initiatives/" + id));
        mvc.perform(post("/initiatives/" + id + "/years/2022/step").with(officer).with(csrf()).param("step", "RETURN"))
                .andExpect(flash().attributeExists("actionError"));
        mvc.perform(post("/initiatives/" + id + "/years/2022/step").with(officer).with(csrf()).param("step", "EVALUATE")
                .param("rating", "GOOD").param("score", "78")).andExpect(flash().attribute("stepTaken", "EVALUATE"));
        mvc.perform(get("/initiatives/" + id).with(officer))
                .andExpect(content().string(allOf(containsString("id=\"workflow-timeline\""), containsString("2022: Đã nộp"),
                        containsString("2022: Đã đánh giá"), containsString("Xếp loại: Tốt · Điểm: 78"),
                        containsString("id=\"step-RETURN-2022\""))));
    }

    @Test
    void theNextStepsAreVisibleButtonsForTheRoleThatMayTakeThemAndEachSaysWhatItDid() throws Exception {
        long id = newIn2022("Mô hình sân chơi cho trẻ em thôn 9");
        String detail = "/initiatives/" + id;
        var officer = as(DvkIntegrationTest.DAM_RONG_OFFICER);
        String draft = mvc.perform(get(detail).with(officer)).andReturn().getResponse().getContentAsString();
        String steps = draft.substring(draft.indexOf("id=\"steps-2022\""), draft.indexOf("</td>", draft.indexOf("id=\"steps-2022\"")));
        // the step without a reason is a button in plain sight; one needing a reason opens its form in place
        assertThat(steps.substring(0, steps.indexOf("id=\"step-SUBMIT-2022\""))).doesNotContain("<details");
        assertThat(steps).contains(">Nộp hồ sơ<", "id=\"open-DISCONTINUE-2022\"", "id=\"reason-DISCONTINUE-2022\"")
                .doesNotContain("step-EVALUATE-2022", "step-RETURN-2022", "step-RECOGNISE-2022");

        // the flash the redirect carries, handed to the next page as the dispatcher would (the session lives in the database)
        var submitted = mvc.perform(post(detail + "/years/2022/step").with(officer).with(csrf()).param("step", "SUBMIT"))
                .andExpect(redirectedUrl(detail)).andExpect(flash().attribute("stepTaken", "SUBMIT")).andReturn();
        assertThat(mvc.perform(get(detail).with(officer).requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, submitted.getFlashMap())).andReturn().getResponse()
                .getContentAsString()).contains("id=\"step-taken\"", "Đã nộp hồ sơ năm 2022 để thẩm định.");
        assertThat(mvc.perform(get(detail).param("lang", "en").with(officer).requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, submitted.getFlashMap())).andReturn()
                .getResponse().getContentAsString()).contains("The 2022 registration was submitted for review.");

        // an officer may return or evaluate what was submitted, a viewer nothing
        assertThat(mvc.perform(get(detail).with(officer)).andReturn().getResponse().getContentAsString())
                .contains("id=\"open-RETURN-2022\"", "id=\"open-EVALUATE-2022\"").doesNotContain("id=\"step-SUBMIT-2022\"");
        assertThat(mvc.perform(get(detail).with(as(DvkIntegrationTest.LUC_YEN_VIEWER))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        var evaluated = mvc.perform(post(detail + "/years/2022/step").with(officer).with(csrf()).param("step", "EVALUATE")
                .param("rating", "GOOD")).andReturn();
        assertThat(mvc.perform(get(detail).with(officer).requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, evaluated.getFlashMap())).andReturn().getResponse()
                .getContentAsString()).contains("Đã ghi kết quả đánh giá hồ sơ năm 2022; hồ sơ chờ công nhận.")
                .doesNotContain("step-RECOGNISE-2022");

        // the committee member recognises by decision: the button opens the list of the unit and year
        String committee = mvc.perform(get(detail).with(as(DvkIntegrationTest.DAM_RONG_COMMITTEE))).andReturn().getResponse()
                .getContentAsString();
        assertThat(committee).contains("id=\"step-RECOGNISE-2022\"", "href=\"/recognitions/new?unit=24886&amp;year=2022\"",
                "id=\"open-NOT_RECOGNISE-2022\"", "id=\"open-RETURN-2022\"");
        var returned = mvc.perform(post(detail + "/years/2022/step").with(as(DvkIntegrationTest.DAM_RONG_COMMITTEE)).with(csrf())
                .param("step", "RETURN").param("reason", "Bổ sung biên bản họp thôn")).andReturn();
        assertThat(mvc.perform(get(detail).with(officer).requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, returned.getFlashMap())).andReturn().getResponse()
                .getContentAsString()).contains("Đã trả lại hồ sơ năm 2022 để đơn vị bổ sung.");
    }

    @Test
    void aCommitteeMemberRecognisesAListWithTheDecisionScan() throws Exception {
        long id = anInitiative("Mô hình nuôi dê sinh sản thôn 9").in(PHI_LIENG_2021).registeredFor(2022)
                .by(DvkIntegrationTest.DAM_RONG_OFFICER).submitted().step("evaluate", "{\"rating\": \"EXCELLENT\"}").create(mvc);
        var officer = as(DvkIntegrationTest.DAM_RONG_OFFICER);
        var committee = as(DvkIntegrationTest.DAM_RONG_COMMITTEE);
        mvc.perform(get("/recognitions/new").param("unit", "674").param("year", "2022").with(committee))
                .andExpect(content().string(allOf(containsString("Mô hình nuôi dê sinh sản thôn 9"), containsString("id=\"recognise\""))));
        mvc.perform(multipart("/recognitions").with(committee).with(csrf()).param("unit", "674").param("year", "2022")
                        .param("ids", String.valueOf(id)).param("decisionNumber", "").param("issuingBody", "Ban Thường vụ Huyện ủy"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"decisionNumber-error\""), containsString("id=\"decisionDate-error\""))));
        MockMultipartFile notAScan = new MockMultipartFile("scan", "qd.exe", "application/octet-stream", new byte[] {0x4d, 0x5a, 1, 2});
        mvc.perform(multipart("/recognitions").file(notAScan).with(committee).with(csrf()).param("unit", "674").param("year", "2022")
                        .param("ids", String.valueOf(id)).param("decisionNumber", "30-QĐ/HU").param("decisionDate", "2023-01-05")
                        .param("issuingBody", "Ban Thường vụ Huyện ủy Đam Rông"))
                .andExpect(content().string(containsString("Bản chụp quyết định phải là tệp PDF, JPEG hoặc PNG.")));
        MockMultipartFile scan = new MockMultipartFile("scan", "quyết định 30.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());
        mvc.perform(multipart("/recognitions").file(scan).with(committee).with(csrf()).param("unit", "674").param("year", "2022")
                        .param("ids", String.valueOf(id)).param("decisionNumber", "30-QĐ/HU").param("decisionDate", "2023-01-05")
                        .param("issuingBody", "Ban Thường vụ Huyện ủy Đam Rông"))
                .andExpect(redirectedUrl("/recognitions/new?unit=674&year=2022"))
                .andExpect(flash().attribute("recognisedCount", 1));
        mvc.perform(get("/initiatives/" + id).with(officer))
                .andExpect(content().string(containsString("Quyết định số 30-QĐ/HU ngày 05/01/2023 của Ban Thường vụ Huyện ủy Đam Rông")));
    }

    @Test
    void theStandingCommitteeRecognisesAll47OfDamRong2021InOneAction() throws Exception {
        var committee = as(DvkIntegrationTest.DAM_RONG_COMMITTEE);
        String list = mvc.perform(get("/api/v1/initiatives").param("unit", "674").param("year", "2021").param("size", "100")
                .with(committee)).andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(list, "$.items[*].id");
        assertThat(ids).hasSize(47);
        for (Integer id : ids) { // the demo recognised them already: re-open them to decide again
            mvc.perform(post("/api/v1/initiatives/" + id + "/years/2021/reopen").with(committee).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Xét lại theo biên bản họp\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/recognitions/new").param("unit", "674").param("year", "2021").with(committee))
                .andExpect(content().string(containsString("Có 47 mô hình, điển hình đã đánh giá đang chờ công nhận.")));
        var request = multipart("/recognitions").with(committee).with(csrf()).param("unit", "674").param("year", "2021")
                .param("decisionNumber", "01-QĐ/HU").param("decisionDate", "2022-01-10")
                .param("issuingBody", "Ban Thường vụ Huyện ủy Đam Rông");
        ids.forEach(id -> request.param("ids", String.valueOf(id)));
        mvc.perform(request).andExpect(flash().attribute("recognisedCount", 47));
        assertThat(((Number) JsonPath.read(mvc.perform(get("/api/v1/initiatives").param("unit", "674").param("year", "2021")
                .param("state", "RECOGNISED").with(committee)).andReturn().getResponse().getContentAsString(), "$.total")).intValue())
                .isEqualTo(47);
    }

    @Test
    void theDemoProposalsAreListedShownAndExported() throws Exception {
        var officer = as(DvkIntegrationTest.DAM_RONG_OFFICER);
        mvc.perform(get("/proposals").param("year", "2021").with(officer))
                .andExpect(content().string(allOf(containsString("UBND tỉnh Lâm Đồng"), containsString("Ban Dân vận Huyện ủy Đam Rông"))));
        String list = mvc.perform(get("/api/v1/commendation-proposals").param("year", "2021").with(officer))
                .andReturn().getResponse().getContentAsString();
        Object id = JsonPath.<List<Object>>read(list, "$[?(@.authority == 'UBND huyện Đam Rông')].id").get(0);
        mvc.perform(get("/proposals/" + id).with(officer))
                .andExpect(content().string(allOf(containsString("Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm"),
                        containsString("Giấy khen"), containsString("id=\"export-docx\""))));
        byte[] xlsx = mvc.perform(get("/proposals/" + id + "/list.xlsx").with(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(6).getCell(0).getStringCellValue()).isEqualTo("I. TẬP THỂ (4)");
        }
    }
}
