package vn.dvk.workflow;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;

import java.util.List;
import org.hamcrest.Matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

/** Inspections with follow-ups, what is overdue in whose scope, and each user's to-do list and notifications. */
@DvkIntegrationTest
@Transactional
class InspectionAndTasksTests {

    static final String OFFICER = DvkIntegrationTest.DAM_RONG_OFFICER;
    static final String COMMITTEE = DvkIntegrationTest.DAM_RONG_COMMITTEE;

    @Autowired
    MockMvc mvc;

    @Test
    void anInspectionLeavesFollowUpsAndTheOfficerSeesWhatIsOverdueInTheirScope() throws Exception {
        mvc.perform(post("/api/v1/inspections").with(as(OFFICER)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode": "674", "kind": "URGING", "date": "2022-03-01", "inspectors": "",
                         "followUps": [{"task": "Bổ sung hồ sơ", "dueOn": "2022-02-01"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("inspectors", "findings")))
                .andExpect(jsonPath("$.errors[?(@.column == 'dueOn')].row", hasItem(1)))
                .andExpect(jsonPath("$.errors[?(@.column == 'dueOn')].message", hasItem("Hạn hoàn thành không được trước ngày kiểm tra.")));
        String created = mvc.perform(post("/api/v1/inspections").with(as(OFFICER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"unitCode": "674", "kind": "INSPECTION", "date": "2022-03-01",
                         "inspectors": "Đồng chí Trưởng Ban Dân vận Huyện ủy; cán bộ phụ trách địa bàn",
                         "findings": "Các mô hình duy trì tốt; 2 mô hình chưa có số liệu hộ tham gia.",
                         "followUps": [{"task": "Bổ sung số liệu hộ tham gia của 2 mô hình", "assignee": "UBND xã Phi Liêng", "dueOn": "2022-04-15"},
                                       {"task": "Tổ chức hội nghị nhân rộng mô hình", "dueOn": "2099-12-31"},
                                       {"task": "", "dueOn": null}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.followUps.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        List<Integer> followUps = JsonPath.read(created, "$.followUps[*].id");
        mvc.perform(get("/api/v1/follow-ups/overdue").with(as(OFFICER)))
                .andExpect(jsonPath("$[*].task", hasItem("Bổ sung số liệu hộ tham gia của 2 mô hình")))
                .andExpect(jsonPath("$[*].task", not(hasItem("Tổ chức hội nghị nhân rộng mô hình"))));
        mvc.perform(get("/api/v1/follow-ups/overdue").with(as(DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(jsonPath("$[*].task", not(hasItem("Bổ sung số liệu hộ tham gia của 2 mô hình"))));
        mvc.perform(get("/inspections").with(as(OFFICER)))
                .andExpect(content().string(allOf(containsString("id=\"overdue-list\""), containsString("hạn 15/04/2022"))));
        mvc.perform(post("/inspections/" + id + "/follow-ups/" + followUps.get(0) + "/done").with(as(OFFICER)).with(csrf()))
                .andExpect(redirectedUrlPattern("/inspections/*"));
        mvc.perform(get("/api/v1/follow-ups/overdue").with(as(OFFICER)))
                .andExpect(jsonPath("$[*].task", not(hasItem("Bổ sung số liệu hộ tham gia của 2 mô hình"))));
        mvc.perform(post("/api/v1/inspections/" + id + "/follow-ups/" + followUps.get(0) + "/done").with(as(OFFICER)).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void theToDoListFollowsTheWorkflowAndTheSubmitterIsNotified() throws Exception {
        long id = anInitiative("Mô hình vườn cà phê mẫu thôn 7").in(PHI_LIENG_2021).registeredFor(2023).by(OFFICER).submitted()
                .create(mvc);
        mvc.perform(get("/api/v1/me/tasks").with(as(COMMITTEE)))
                .andExpect(jsonPath("$.awaitingEvaluation.first[*].name", hasItem("Mô hình vườn cà phê mẫu thôn 7")))
                .andExpect(jsonPath("$.awaitingRecognition").exists());
        mvc.perform(get("/api/v1/me/tasks").with(as(DvkIntegrationTest.PHI_LIENG_EDITOR)))
                .andExpect(jsonPath("$.awaitingEvaluation").doesNotExist())
                .andExpect(jsonPath("$.awaitingRecognition").doesNotExist());
        mvc.perform(post("/api/v1/initiatives/" + id + "/years/2023/return").with(as(COMMITTEE)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Thiếu số hộ tham gia\"}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me/tasks").with(as(OFFICER)))
                .andExpect(jsonPath("$.awaitingRevision.first[*].name", hasItem("Mô hình vườn cà phê mẫu thôn 7")))
                .andExpect(jsonPath("$.notifications[0].message").value("Mô hình \"Mô hình vườn cà phê mẫu thôn 7\" năm 2023:"
                        + " Trả lại để bổ sung (bởi btv.damrong). Lý do: Thiếu số hộ tham gia."))
                .andExpect(jsonPath("$.notifications[0].read").value(false));
        long unread = ((Number) JsonPath.read(mvc.perform(get("/api/v1/me/tasks").with(as(OFFICER))).andReturn().getResponse()
                .getContentAsString(), "$.unread")).longValue();
        assertThat(unread).isPositive();
        mvc.perform(get("/tasks").with(as(OFFICER)))
                .andExpect(content().string(allOf(containsString("id=\"awaitingRevision\""), containsString("id=\"unread-count\""),
                        containsString("Thiếu số hộ tham gia"))));
        mvc.perform(post("/api/v1/me/notifications/read").with(as(OFFICER)).with(csrf()))
                .andExpect(jsonPath("$.read").value((int) unread));
        mvc.perform(get("/api/v1/me/tasks").with(as(OFFICER))).andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void theInspectionFormNamesWhatIsMissingAndRecordsTheVisit() throws Exception {
        mvc.perform(get("/inspections/new").with(as(OFFICER)))
                .andExpect(content().string(allOf(containsString("id=\"inspectors\""), containsString("id=\"task-0\""))));
        mvc.perform(post("/inspections").with(as(OFFICER)).with(csrf()).param("unit", "674").param("kind", "INSPECTION")
                        .param("date", "2022-05-05").param("inspectors", "").param("findings", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"inspectors-error\""), containsString("id=\"findings-error\""))));
        mvc.perform(post("/inspections").with(as(OFFICER)).with(csrf()).param("unit", "674").param("kind", "URGING")
                        .param("date", "2022-05-05").param("inspectors", "Ban Dân vận Huyện ủy")
                        .param("findings", "Đôn đốc đăng ký mô hình năm 2022")
                        .param("task", "Nộp danh sách đăng ký", "", "").param("assignee", "Các xã", "", "")
                        .param("dueOn", "2022-05-30", "", ""))
                .andExpect(redirectedUrlPattern("/inspections/*"));
    }

}
