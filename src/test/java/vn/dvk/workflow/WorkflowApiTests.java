package vn.dvk.workflow;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.hamcrest.Matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

/** The workflow of an initiative-year through the API, from draft to commendation, with its refusals. */
@DvkIntegrationTest
@Transactional
class WorkflowApiTests {

    static final String OFFICER = DvkIntegrationTest.DAM_RONG_OFFICER;
    static final String COMMITTEE = DvkIntegrationTest.DAM_RONG_COMMITTEE;
    static final String DECISION = """
            {"decisionNumber": "12-QĐ/HU", "decisionDate": "2023-01-09", "issuingBody": "Ban Thường vụ Huyện ủy Đam Rông"}""";

    @Autowired
    MockMvc mvc;

    private ResultActions step(String user, long id, String step, String body) throws Exception {
        return mvc.perform(post("/api/v1/initiatives/" + id + "/years/2022/" + step).with(as(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long registeredIn2022(String name, String holder) throws Exception {
        return anInitiative(name).in(PHI_LIENG_2021).holder(holder).registeredFor(2022).by(OFFICER).create(mvc);
    }

    private long evaluated(String name, String holder) throws Exception {
        long id = registeredIn2022(name, holder);
        step(OFFICER, id, "submit", "{}").andExpect(status().isOk());
        step(OFFICER, id, "evaluate", "{\"rating\": \"GOOD\", \"score\": 82}").andExpect(status().isOk());
        return id;
    }

    private String state(long id) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/initiatives/" + id).with(as(OFFICER))).andReturn().getResponse()
                .getContentAsString(), "$.workflowState");
    }

    @Test
    void anInitiativeYearGoesFromDraftToRecognisedAndIsLockedUntilACommitteeMemberReopensIt() throws Exception {
        long id = registeredIn2022("Tổ hợp tác nuôi cá nước lạnh thôn 2", "COLLECTIVE");
        step(OFFICER, id, "evaluate", "{\"rating\": \"GOOD\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Không thể ghi kết quả đánh giá cho hồ sơ năm 2022 khi hồ sơ đang ở"
                        + " trạng thái \"Đang xây dựng\"."));
        step(OFFICER, id, "submit", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.to").value("SUBMITTED"));
        step(OFFICER, id, "return", "{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("Cần ghi rõ lý do."));
        step(OFFICER, id, "return", "{\"reason\": \"Bổ sung số hộ tham gia\"}").andExpect(jsonPath("$.to").value("RETURNED"));
        step(OFFICER, id, "submit", "{}").andExpect(status().isOk());
        step(OFFICER, id, "evaluate", "{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("rating"));
        step(OFFICER, id, "evaluate", "{\"rating\": \"EXCELLENT\", \"score\": 95}").andExpect(jsonPath("$.to").value("EVALUATED"));

        mvc.perform(post("/api/v1/initiatives/" + id + "/years/2022/recognise").with(as(OFFICER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(DECISION)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/initiatives/" + id + "/years/2022/recognise").with(as(COMMITTEE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(DECISION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.citation").value("Quyết định số 12-QĐ/HU ngày 09/01/2023 của Ban Thường vụ"
                        + " Huyện ủy Đam Rông"))
                .andExpect(jsonPath("$.recognised[0].to").value("RECOGNISED"));
        assertThat(state(id)).isEqualTo("RECOGNISED");

        String edit = """
                {"name": "Tổ hợp tác nuôi cá nước lạnh thôn 2 (sửa)", "kind": "MODEL", "holder": "COLLECTIVE",
                 "sector": "ECONOMY", "unitId": %s, "startYear": 2022, "version": %s}""";
        String version = JsonPath.read(mvc.perform(get("/api/v1/initiatives/" + id).with(as(OFFICER))).andReturn()
                .getResponse().getContentAsString(), "$.version").toString();
        mvc.perform(put("/api/v1/initiatives/" + id).with(as(OFFICER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(edit.formatted(unitOf(id), version)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("cần Ủy viên Ban Thường vụ mở lại")));
        step(OFFICER, id, "reopen", "{\"reason\": \"Sửa tên\"}").andExpect(status().isForbidden());
        step(COMMITTEE, id, "reopen", "{}").andExpect(status().isUnprocessableContent());
        step(COMMITTEE, id, "reopen", "{\"reason\": \"Sửa tên theo biên bản họp\"}").andExpect(jsonPath("$.to").value("EVALUATED"));
        mvc.perform(put("/api/v1/initiatives/" + id).with(as(OFFICER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(edit.formatted(unitOf(id), version)))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/initiatives/" + id + "/timeline").with(as(OFFICER)))
                .andExpect(jsonPath("$", hasSize(6)))
                .andExpect(jsonPath("$[0].step").value("SUBMIT"))
                .andExpect(jsonPath("$[1].reason").value("Bổ sung số hộ tham gia"))
                .andExpect(jsonPath("$[3].rating").value("EXCELLENT"))
                .andExpect(jsonPath("$[4].document").value("Quyết định số 12-QĐ/HU ngày 09/01/2023 của Ban Thường vụ Huyện ủy Đam Rông"))
                .andExpect(jsonPath("$[4].actor").value(COMMITTEE))
                .andExpect(jsonPath("$[5].step").value("REOPEN"));
        mvc.perform(get("/api/v1/audit").param("objectType", "REGISTRATION").param("action", "STATE_CHANGE")
                        .with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(jsonPath("$.items[0].summary", containsString("REOPEN: Sửa tên theo biên bản họp")));
    }

    private Object unitOf(long id) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/initiatives/" + id).with(as(OFFICER))).andReturn().getResponse()
                .getContentAsString(), "$.unitId");
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // the refusal must be seen rolled back, so no test transaction
    void aRecognitionListIsAllOrNothingAndNamesTheRowItRefuses() throws Exception {
        long first = evaluated("Mô hình trồng cà phê sạch thôn 1 " + System.nanoTime(), "COLLECTIVE");
        long second = evaluated("Mô hình trồng cà phê sạch thôn 2 " + System.nanoTime(), "COLLECTIVE");
        long draft = registeredIn2022("Mô hình trồng cà phê sạch thôn 3 " + System.nanoTime(), "COLLECTIVE");
        String batch = """
                {"decisionNumber": "15-QĐ/HU", "decisionDate": "2023-01-10", "issuingBody": "Ban Thường vụ Huyện ủy Đam Rông",
                 "items": [{"initiativeId": %d, "year": 2022}, {"initiativeId": %d, "year": 2022}, {"initiativeId": %d, "year": 2022}]}""";
        mvc.perform(post("/api/v1/recognitions").with(as(COMMITTEE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(batch.formatted(first, second, draft)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Dòng 3: Không thể công nhận")));
        assertThat(state(first)).isEqualTo("EVALUATED");
        mvc.perform(post("/api/v1/recognitions").with(as(COMMITTEE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": []}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("decisionNumber", "decisionDate",
                        "issuingBody", "items")));
        mvc.perform(post("/api/v1/recognitions").with(as(COMMITTEE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(batch.formatted(first, second, draft).replace(", {\"initiativeId\": " + draft + ", \"year\": 2022}", "")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recognised", hasSize(2)));
        assertThat(state(second)).isEqualTo("RECOGNISED");
    }

    @Test
    void anEvaluatorCannotScoreAnInitiativeOfTheirOwnOrganisation() throws Exception {
        Integer organisation = JsonPath.read(mvc.perform(get("/api/v1/me").with(as(OFFICER))).andReturn().getResponse()
                .getContentAsString(), "$.organisationId");
        long id = registeredIn2022("Mô hình dân vận khéo của Ban Dân vận", "COLLECTIVE");
        String version = JsonPath.read(mvc.perform(get("/api/v1/initiatives/" + id).with(as(OFFICER))).andReturn()
                .getResponse().getContentAsString(), "$.version").toString();
        mvc.perform(put("/api/v1/initiatives/" + id).with(as(OFFICER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Mô hình dân vận khéo của Ban Dân vận", "kind": "MODEL", "holder": "COLLECTIVE",
                         "sector": "ECONOMY", "unitId": %s, "organisationId": %d, "startYear": 2022, "version": %s}"""
                        .formatted(unitOf(id), organisation, version))).andExpect(status().isOk());
        step(OFFICER, id, "submit", "{}").andExpect(status().isOk());
        step(OFFICER, id, "evaluate", "{\"rating\": \"GOOD\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Người đánh giá không được chấm mô hình của chính tổ chức mình."));
        step(COMMITTEE, id, "evaluate", "{\"rating\": \"GOOD\"}").andExpect(status().isOk());
    }

    @Test
    void aCommendationProposalListsRecognisedInitiativesExportsAndRecordsTheAuthoritysDecision() throws Exception {
        long collective = evaluated("Hợp tác xã chè sạch thôn 6", "COLLECTIVE");
        long individual = evaluated("Gương nông dân sản xuất giỏi thôn 6", "INDIVIDUAL");
        mvc.perform(post("/api/v1/recognitions").with(as(COMMITTEE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"decisionNumber": "20-QĐ/HU", "decisionDate": "2023-01-10", "issuingBody": "Ban Thường vụ Huyện ủy Đam Rông",
                         "items": [{"initiativeId": %d, "year": 2022}, {"initiativeId": %d, "year": 2022}]}"""
                        .formatted(collective, individual))).andExpect(status().isCreated());
        String proposal = """
                {"unitCode": "674", "year": 2022, "number": "07/TTr-UBND", "date": "2023-01-12",
                 "proposingBody": "UBND huyện Đam Rông", "authority": "UBND tỉnh Lâm Đồng",
                 "items": [{"initiativeId": %d, "award": "BANG_KHEN", "achievement": "Liên kết 60 hộ trồng chè sạch"},
                           {"initiativeId": %d, "award": "GIAY_KHEN"}]}""".formatted(collective, individual);
        String created = mvc.perform(post("/api/v1/commendation-proposals").with(as(OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(proposal))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("SENT"))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        assertThat(state(collective)).isEqualTo("PROPOSED");
        mvc.perform(post("/api/v1/commendation-proposals").with(as(OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(proposal))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("Dòng 1")));

        byte[] xlsx = mvc.perform(get("/api/v1/commendation-proposals/" + id + "/list.xlsx").with(as(OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("UBND HUYỆN ĐAM RÔNG");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022");
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("I. TẬP THỂ (1)");
            assertThat(sheet.getRow(7).getCell(1).getStringCellValue()).isEqualTo("Hợp tác xã chè sạch thôn 6");
            assertThat(sheet.getRow(7).getCell(5).getStringCellValue()).isEqualTo("Bằng khen");
            assertThat(sheet.getRow(8).getCell(0).getStringCellValue()).isEqualTo("II. CÁ NHÂN (1)");
            assertThat(sheet.getRow(9).getCell(1).getStringCellValue()).isEqualTo("Gương nông dân sản xuất giỏi thôn 6");
            assertThat(book.getFontAt(sheet.getRow(7).getCell(1).getCellStyle().getFontIndex()).getFontName())
                    .isEqualTo("Times New Roman");
        }
        byte[] docx = mvc.perform(get("/api/v1/commendation-proposals/" + id + "/list.docx").with(as(OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022", "Hợp tác xã chè sạch thôn 6", "Giấy khen",
                    "ngày 12 tháng 1 năm 2023");
        }

        String version = JsonPath.read(created, "$.version").toString();
        String decision = """
                {"version": %s, "decisionNumber": "315/QĐ-UBND", "decisionDate": "2023-03-01",
                 "issuingBody": "UBND tỉnh Lâm Đồng", "commended": [%d]}""".formatted(version, collective);
        mvc.perform(post("/api/v1/commendation-proposals/" + id + "/decision").with(as(OFFICER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/commendation-proposals/" + id + "/decision").with(as(COMMITTEE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(decision))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DECIDED"))
                .andExpect(jsonPath("$.items[0].commended").value(true))
                .andExpect(jsonPath("$.items[1].commended").value(false));
        assertThat(state(collective)).isEqualTo("COMMENDED");
        assertThat(state(individual)).isEqualTo("RECOGNISED");
        mvc.perform(post("/api/v1/commendation-proposals/" + id + "/decision").with(as(COMMITTEE)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(decision)).andExpect(status().isConflict());
    }

    @Test
    void theDamRong2021FactsAreAllRecognisedAndProposedAsTheReportSays() throws Exception {
        long recognised = total("RECOGNISED");
        long proposed = total("PROPOSED");
        assertThat(recognised + proposed).isEqualTo(47);
        assertThat(proposed).isEqualTo(6);
        String body = mvc.perform(get("/api/v1/commendation-proposals").param("year", "2021").with(as(OFFICER)))
                .andReturn().getResponse().getContentAsString();
        List<String> authorities = JsonPath.read(body, "$[*].authority");
        assertThat(authorities).containsExactlyInAnyOrder("UBND tỉnh Lâm Đồng", "UBND huyện Đam Rông");
        for (Object id : JsonPath.<List<Object>>read(body, "$[*].id")) {
            String proposal = mvc.perform(get("/api/v1/commendation-proposals/" + id).with(as(OFFICER)))
                    .andReturn().getResponse().getContentAsString();
            List<String> holders = JsonPath.read(proposal, "$.items[*].holder");
            if ("UBND tỉnh Lâm Đồng".equals(JsonPath.read(proposal, "$.authority"))) {
                assertThat(holders).containsExactly("INDIVIDUAL");
                assertThat(JsonPath.<List<String>>read(proposal, "$.items[*].kind")).containsExactly("EXEMPLAR");
            } else {
                assertThat(holders).containsExactlyInAnyOrder("COLLECTIVE", "COLLECTIVE", "COLLECTIVE", "COLLECTIVE", "INDIVIDUAL");
                assertThat(JsonPath.<List<String>>read(proposal, "$.items[?(@.holder == 'COLLECTIVE')].kind"))
                        .containsOnly("MODEL");
            }
        }
    }

    private long total(String state) throws Exception {
        return ((Number) JsonPath.read(mvc.perform(get("/api/v1/initiatives").param("unit", "674").param("year", "2021")
                .param("state", state).with(as(OFFICER))).andReturn().getResponse().getContentAsString(), "$.total")).longValue();
    }

    @Test
    void aUnitEditorSubmitsTheirOwnOrganisationsRecordsAndTakesNoOtherStep() throws Exception {
        String editor = DvkIntegrationTest.PHI_LIENG_EDITOR;
        long own = anInitiative("Tổ phụ nữ tiết kiệm thôn 3").in(PHI_LIENG_2021).ofTheOrganisationOf(editor).registeredFor(2022)
                .by(editor).create(mvc);
        long other = registeredIn2022("Mô hình của tổ chức khác thôn 3", "COLLECTIVE");
        step(editor, other, "submit", "{}").andExpect(status().isForbidden());
        step(editor, own, "submit", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.to").value("SUBMITTED"));
        step(editor, own, "evaluate", "{\"rating\": \"GOOD\"}").andExpect(status().isForbidden());
        step(editor, own, "return", "{\"reason\": \"x\"}").andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/initiatives/" + own + "/years/2022/recognise").with(as(editor)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(DECISION)).andExpect(status().isForbidden());
        step(DvkIntegrationTest.LUC_YEN_VIEWER, own, "submit", "{}").andExpect(status().isNotFound()); // out of scope: not even seen
    }

}
