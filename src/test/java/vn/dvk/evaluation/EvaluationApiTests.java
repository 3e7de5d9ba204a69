package vn.dvk.evaluation;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

/** Two evaluators score an initiative-year against the default criteria; the average becomes the evaluation. */
@DvkIntegrationTest
@Transactional
class EvaluationApiTests {

    @Autowired
    MockMvc mvc;

    private long submittedIn2022(String name) throws Exception {
        return anInitiative(name).in(PHI_LIENG_2021).sector("NEW_RURAL").registeredFor(2022)
                .by(DvkIntegrationTest.DAM_RONG_OFFICER).submitted().create(mvc);
    }

    private String sheet(String scores, boolean submit) {
        return "{\"scores\": {" + scores + "}, \"submit\": " + submit + "}";
    }

    @Test
    void twoEvaluatorsScoreAndTheAverageIsRecordedWithItsRating() throws Exception {
        long id = submittedIn2022("Đường giao thông nông thôn do dân tự làm thôn 4");
        String path = "/api/v1/initiatives/" + id + "/years/2022/evaluations";
        mvc.perform(get(path).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(jsonPath("$.set.criteria", hasSize(8)))
                .andExpect(jsonPath("$.set.maxTotal").value(100))
                .andExpect(jsonPath("$.mayScore").value(true));
        mvc.perform(put(path + "/mine").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(sheet("\"1\": 45, \"3\": 14", true)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Còn 5 tiêu chí chưa chấm; chấm đủ các tiêu chí (trừ điểm thưởng) rồi mới nộp phiếu."))
                .andExpect(jsonPath("$.errors", hasSize(5)));
        mvc.perform(put(path + "/mine").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sheet("\"1\": 45, \"2\": 9, \"3\": 14, \"4\": 9, \"5\": 13, \"6\": 9, \"7\": 8, \"8\": 4", true)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scores.1").value(30))
                .andExpect(jsonPath("$.total").value(96))
                .andExpect(jsonPath("$.state").value("SUBMITTED"));
        mvc.perform(put(path + "/mine").with(as(DvkIntegrationTest.DAM_RONG_COMMITTEE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sheet("\"1\": 25, \"2\": 8, \"3\": 12, \"4\": 8, \"5\": 10, \"6\": 8, \"7\": 7", true)))
                .andExpect(jsonPath("$.total").value(78));
        mvc.perform(get(path).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(jsonPath("$.sheets", hasSize(2)))
                .andExpect(jsonPath("$.average").value(87.0))
                .andExpect(jsonPath("$.averageRating").value("GOOD"));
        mvc.perform(post(path + "/result").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(jsonPath("$.to").value("EVALUATED"));
        mvc.perform(get("/api/v1/initiatives/" + id + "/timeline").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(jsonPath("$[1].rating").value("GOOD"))
                .andExpect(jsonPath("$[1].score").value(87.0))
                .andExpect(jsonPath("$[1].document", containsString("Trung bình 2 phiếu đánh giá")));
        mvc.perform(put(path + "/mine").with(as(DvkIntegrationTest.ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(sheet("\"1\": 1", false))).andExpect(status().isConflict());
    }

    @Test
    void anAdministratorDefinesASetForADistrictAndPeriodWhichThenApplies() throws Exception {
        String set = """
                {"name": "Tiêu chí Đam Rông 2022–2025", "unitCode": "674", "fromYear": 2022, "toYear": 2025,
                 "excellentFrom": 45, "goodFrom": 35, "passFrom": 25,
                 "criteria": [{"groupName": "Hiệu quả", "name": "Hiệu quả kinh tế", "maxScore": 30},
                              {"groupName": "Đồng thuận", "name": "Nhân dân đồng tình", "maxScore": 20},
                              {"groupName": "", "name": "", "maxScore": null}]}""";
        mvc.perform(post("/api/v1/criteria-sets").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(set)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/criteria-sets").with(as(DvkIntegrationTest.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(set.replace("\"passFrom\": 25", "\"passFrom\": 40")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("excellentFrom"));
        mvc.perform(post("/api/v1/criteria-sets").with(as(DvkIntegrationTest.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(set))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.criteria", hasSize(2)))
                .andExpect(jsonPath("$.maxTotal").value(50));
        long id = submittedIn2022("Mô hình sân chơi thiếu nhi thôn 4");
        mvc.perform(get("/api/v1/initiatives/" + id + "/years/2022/evaluations").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(jsonPath("$.set.name").value("Tiêu chí Đam Rông 2022–2025"));
    }

    @Test
    void theSheetPageScoresAndExplainsWhatIsMissing() throws Exception {
        long id = submittedIn2022("Mô hình thắp sáng đường quê thôn 4");
        var officer = as(DvkIntegrationTest.DAM_RONG_OFFICER);
        String page = "/initiatives/" + id + "/years/2022/evaluation";
        mvc.perform(get(page).with(officer))
                .andExpect(content().string(allOf(containsString("I. Hiệu quả"), containsString("id=\"score-1\""),
                        containsString("Xuất sắc từ 90 điểm"))));
        mvc.perform(post(page).with(officer).with(csrf()).param("score-1", "abc"))
                .andExpect(content().string(containsString("id=\"score-1-error\"")));
        mvc.perform(post(page).with(officer).with(csrf()).param("score-1", "25").param("submit", "true"))
                .andExpect(content().string(allOf(containsString("Còn 6 tiêu chí chưa chấm"), containsString("id=\"score-2-error\""))));
        mvc.perform(post(page).with(officer).with(csrf()).param("score-1", "25").param("score-2", "8"))
                .andExpect(redirectedUrl(page));
        mvc.perform(get(page).with(officer)).andExpect(content().string(containsString("id=\"my-total\">33")));
    }

    @Test
    void aScoreTypedWithACommaOrAPointCountsTheSameInEitherLanguageAndReadsInTheReadersOwn() throws Exception {
        long id = submittedIn2022("Mô hình điểm thập phân thôn 5");
        var officer = as(DvkIntegrationTest.DAM_RONG_OFFICER);
        String page = "/initiatives/" + id + "/years/2022/evaluation";
        mvc.perform(post(page).with(officer).with(csrf()).locale(Locale.ENGLISH).param("lang", "en")
                        .param("score-1", "8,5").param("score-2", "7.5"))
                .andExpect(redirectedUrl(page));
        mvc.perform(get(page).with(officer)).andExpect(content().string(allOf(containsString("id=\"my-total\">16<"),
                containsString("value=\"8,5\""), containsString("value=\"7,5\""), containsString("inputmode=\"decimal\""))));
        mvc.perform(post(page).with(officer).with(csrf()).param("score-1", "8,5").param("score-2", "7"))
                .andExpect(redirectedUrl(page));
        mvc.perform(get(page).with(officer)).andExpect(content().string(containsString("id=\"my-total\">15,5<")));
        mvc.perform(get(page).param("lang", "en").with(officer)).andExpect(content().string(allOf(
                containsString("id=\"my-total\">15.5<"), containsString("value=\"8.5\""))));
    }

    @Test
    void administratorsEditCriteriaSetsOnTheirPage() throws Exception {
        mvc.perform(get("/admin/criteria").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(containsString("Bộ tiêu chí đánh giá mô hình, điển hình")));
        mvc.perform(get("/admin/criteria").with(as(DvkIntegrationTest.DAM_RONG_OFFICER))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/criteria/1").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(allOf(containsString("I. Hiệu quả"), containsString("id=\"criterion-8\""))));
        mvc.perform(post("/admin/criteria/new").with(as(DvkIntegrationTest.ADMIN)).with(csrf()).param("name", "Bộ mới")
                        .param("excellentFrom", "50").param("goodFrom", "60").param("passFrom", "40")
                        .param("groupName", "A").param("criterionName", "Tiêu chí A").param("guidance", "").param("maxScore", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ngưỡng điểm phải giảm dần")));
        mvc.perform(post("/admin/criteria/new").with(as(DvkIntegrationTest.ADMIN)).with(csrf()).param("name", "Bộ mới")
                        .param("excellentFrom", "18").param("goodFrom", "15").param("passFrom", "10").param("active", "on")
                        .param("groupName", "A", "B").param("criterionName", "Tiêu chí A", "Tiêu chí B").param("guidance", "", "")
                        .param("maxScore", "10", "10").param("bonus", "1"))
                .andExpect(redirectedUrlPattern("/admin/criteria/*"));
    }

}
