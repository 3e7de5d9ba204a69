package vn.dvk.dashboard;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

/** Each role's start page: their own unit and scope, this year, and what they have to do next. */
@DvkIntegrationTest
@Transactional
class StartPageTests {

    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

    @Autowired
    MockMvc mvc;

    private String page(String user, String... yearParam) throws Exception {
        var request = get("/").with(as(user));
        if (yearParam.length > 0) {
            request.param("year", yearParam[0]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long total(String user, int year) throws Exception {
        return ((Number) JsonPath.read(mvc.perform(get("/api/v1/reports/summary").param("year", String.valueOf(year)).with(as(user)))
                .andReturn().getResponse().getContentAsString(), "$.total")).longValue();
    }

    /** A new initiative of the (old) commune Phi Liêng owned by its People's Committee, registered NEW for the year. */
    private long phiLiengInitiative(String name, int year, String by) throws Exception {
        return anInitiative(name).in(PHI_LIENG_2021).ofTheOrganisationOf(DvkIntegrationTest.PHI_LIENG_EDITOR).registeredFor(year)
                .by(by).create(mvc);
    }

    /** An initiative of Xã Đam Rông 1 (today's commune that continues Phi Liêng), registered for the year by its editor. */
    private long damRong1Initiative(String name, int year) throws Exception {
        String editor = "xa.damrong1";
        return anInitiative(name).in("dam rong 1").ofTheOrganisationOf(editor).registeredFor(year).by(editor).create(mvc);
    }

    private void step(long id, int year, String step, String... more) throws Exception {
        var request = post("/initiatives/" + id + "/years/" + year + "/step").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                .param("step", step);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private static String chartData(String page) {
        String data = page.substring(page.indexOf("id=\"dashboard-data\""));
        return data.substring(data.indexOf('>') + 1, data.indexOf("</script>"));
    }

    private static String figure(String page, String id) {
        String rest = page.substring(page.indexOf("id=\"" + id + "\""));
        return rest.substring(rest.indexOf('>') + 1, rest.indexOf('<'));
    }

    @Test
    void aCommuneEditorSeesTheirCommuneThisYearsRegistrationsAndTheButtonsToRegisterRenewAndImport() throws Exception {
        String editor = "xa.damrong1";
        long before = total(editor, THIS_YEAR);
        long id = damRong1Initiative("Tổ hợp tác trồng cà phê xứ lạnh thôn Păng Pế Đơm", THIS_YEAR);
        assertThat(total(editor, THIS_YEAR)).isEqualTo(before + 1);

        String page = page(editor);
        assertThat(page).contains("id=\"my-unit-name\"", ">Xã Đam Rông 1<")
                .contains("Xã Đam Rông 1 — năm " + THIS_YEAR)
                .contains("id=\"register-new\" href=\"/initiatives/new?unit=24886\"")
                .contains("action=\"/initiatives/renew\"", "name=\"unit\" value=\"24886\"", "name=\"year\" value=\"" + THIS_YEAR + "\"",
                        "Đăng ký lại các mô hình năm " + (THIS_YEAR - 1) + " cho năm " + THIS_YEAR)
                .contains("id=\"import-list\" href=\"/exchange/import\"")
                .contains("href=\"/initiatives/" + id + "\">Tổ hợp tác trồng cà phê xứ lạnh thôn Păng Pế Đơm<", "Đang xây dựng");
        assertThat(figure(page, "dashboard-total")).isEqualTo(String.valueOf(before + 1));
        // no national counts for a commune, and the commune is not a child of itself
        assertThat(page).doesNotContain("id=\"count-provinces\"", "id=\"count-communes\"", "id=\"no-data\"", "nay là");
        assertThat(JsonPath.<List<String>>read(chartData(page), "$.children")).doesNotContain("Xã Đam Rông 1");
        // the editor of the commune it continues is told where the work went
        assertThat(page(DvkIntegrationTest.PHI_LIENG_EDITOR)).contains(">Xã Phi Liêng<", "nay là Xã Đam Rông 1");
    }

    @Test
    void aYearWithoutDataSaysSoAndOffersTheLatestYearWithData() throws Exception {
        String officer = DvkIntegrationTest.DAM_RONG_OFFICER;
        int latest = THIS_YEAR;
        while (total(officer, latest) == 0) {
            latest--;
        }
        assertThat(page(officer)).contains("Huyện Đam Rông — năm " + THIS_YEAR, "id=\"change-year\"", ">Đổi năm<",
                "nay là Xã Đam Rông", "Xã Đam Rông 1", "Xã Đam Rông 4").doesNotContain(">Xem báo cáo<", "id=\"count-provinces\"");
        // 1995: before the movement, surely without data whatever other tests registered
        assertThat(total(officer, 1995)).isZero();
        assertThat(page(officer, "1995")).contains("Huyện Đam Rông — năm 1995", "id=\"no-data\"",
                "Năm 1995 chưa có đăng ký nào trong phạm vi của bạn.",
                "href=\"/?year=" + latest + "\"", "Xem năm " + latest + ", năm gần nhất có số liệu");
        assertThat(page(officer, String.valueOf(latest))).doesNotContain("id=\"no-data\"");
    }

    @Test
    void anOfficerSeesTheirToDoAndTheFiguresOfTheirDistrict() throws Exception {
        long id = phiLiengInitiative("Mô hình dân vận khéo giữ rừng đầu nguồn Phi Liêng", 2022, DvkIntegrationTest.DAM_RONG_OFFICER);
        step(id, 2022, "SUBMIT");
        String officer = DvkIntegrationTest.DAM_RONG_OFFICER;
        Integer waiting = JsonPath.read(mvc.perform(get("/api/v1/me/tasks").with(as(officer))).andReturn().getResponse()
                .getContentAsString(), "$.awaitingEvaluation.total");
        assertThat(waiting).isPositive();

        String page = page(officer, "2022");
        assertThat(page).contains("id=\"todo-panel\"", "href=\"/initiatives/" + id + "/years/2022/evaluation\"",
                "Mô hình dân vận khéo giữ rừng đầu nguồn Phi Liêng", "href=\"/tasks\"", "Huyện Đam Rông — năm 2022");
        assertThat(figure(page, "todo-evaluation")).isEqualTo(String.valueOf(waiting));
        assertThat(figure(page, "dashboard-total")).isEqualTo(String.valueOf(total(officer, 2022)));
        assertThat(page).doesNotContain("id=\"count-provinces\"", "id=\"editor-panel\"", "id=\"recognition-panel\"");
        // the district of 2021: 47 = 37 new + 10 maintained
        String of2021 = page(officer, "2021");
        assertThat(figure(of2021, "dashboard-total")).isEqualTo("47");
    }

    @Test
    void aCommitteeMemberSeesWhatWaitsForRecognitionWithTheFormFilledIn() throws Exception {
        long id = phiLiengInitiative("Câu lạc bộ hòa giải cơ sở thôn Liêng Trang", 2022, DvkIntegrationTest.DAM_RONG_OFFICER);
        step(id, 2022, "SUBMIT");
        step(id, 2022, "EVALUATE", "rating", "GOOD", "score", "80");
        String committee = DvkIntegrationTest.DAM_RONG_COMMITTEE;
        long evaluated = ((Number) JsonPath.read(mvc.perform(get("/api/v1/initiatives").param("unit", "674").param("year", "2022")
                .param("state", "EVALUATED").with(as(committee))).andReturn().getResponse().getContentAsString(), "$.total")).longValue();
        assertThat(evaluated).isPositive();

        String page = page(committee);
        String link = "href=\"/recognitions/new?unit=674&amp;year=2022\"";
        assertThat(page).contains("id=\"recognition-panel\"", link,
                "Công nhận mô hình, điển hình của Huyện Đam Rông năm 2022: " + evaluated + " chờ công nhận");
        mvc.perform(get("/recognitions/new").param("unit", "674").param("year", "2022").with(as(committee)))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("Câu lạc bộ hòa giải cơ sở thôn Liêng Trang"));
        // the to-do page opens the same filled-in form
        assertThat(mvc.perform(get("/tasks").with(as(committee))).andReturn().getResponse().getContentAsString()).contains(link);
        // an officer does not recognise: no such panel
        assertThat(page(DvkIntegrationTest.DAM_RONG_OFFICER)).doesNotContain("id=\"recognition-panel\"");
    }

    @Test
    void anAdministratorStillSeesTheNationalCounts() throws Exception {
        assertThat(page(DvkIntegrationTest.ADMIN)).contains("id=\"count-provinces\"", "Toàn quốc — năm " + THIS_YEAR);
    }
}
