package vn.dvk.report;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The summary report against the demo facts, its child rows, its scope and its page. */
@DvkIntegrationTest
@Transactional
class ReportApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    private RequestPostProcessor as(String user) {
        return Logins.as(directory, user);
    }

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
                        containsString("/initiatives?unit=135&amp;year=2024&amp;sector=ECONOMY"), containsString(">91<"))));
        mvc.perform(get("/initiatives").param("unit", "135").param("year", "2024").param("sector", "ECONOMY")
                        .with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(containsString("Tổng số: 91")));
    }
}
