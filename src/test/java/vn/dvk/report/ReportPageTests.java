package vn.dvk.report;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/** The report page opens where its user stands: their unit, this year, today's structure, charts and map beside the table. */
@DvkIntegrationTest
@Transactional
class ReportPageTests {

    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

    @Autowired
    MockMvc mvc;

    private String page(String user, String... params) throws Exception {
        var request = get("/reports").with(as(user));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String summary(String user, String year, String structure) throws Exception {
        var request = get("/api/v1/reports/summary").param("year", year).with(as(user));
        if (structure != null) {
            request.param("structure", structure);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private static String figure(String page, String id) {
        String rest = page.substring(page.indexOf("id=\"" + id + "\""));
        return rest.substring(rest.indexOf('>') + 1, rest.indexOf('<'));
    }

    @Test
    void aProvinceOfficerOpensOnTheirProvinceThisYearInTodaysStructure() throws Exception {
        String page = page(DvkIntegrationTest.LAM_DONG_OFFICER);
        long total = ((Number) JsonPath.read(summary(DvkIntegrationTest.LAM_DONG_OFFICER, String.valueOf(THIS_YEAR), "today"),
                "$.total")).longValue();
        assertThat(page).contains("id=\"report-heading\">Tỉnh Lâm Đồng — năm " + THIS_YEAR + "<", "value=\"today\" selected",
                "id=\"report-charts\"", "id=\"chart-sectors\"", "id=\"chart-years\"", "id=\"chart-children\"", "id=\"dashboard-data\"",
                "/js/dashboard.js");
        assertThat(figure(page, "figure-total")).isEqualTo(String.valueOf(total));
        // no boundaries in the demo: said plainly, and only an administrator is offered the import
        assertThat(page).contains("id=\"report-no-boundaries\"", "Chưa nhập ranh giới bản đồ").doesNotContain("id=\"import-boundaries\"");
        assertThat(page(DvkIntegrationTest.ADMIN, "unit", "68", "year", "2021"))
                .contains("id=\"report-no-boundaries\"", "id=\"import-boundaries\" href=\"/units/boundaries\"");
    }

    @Test
    void aDistrictAbolishedIn2025OpensOnTheLatestYearWithDataAndSaysWhy() throws Exception {
        String officer = DvkIntegrationTest.DAM_RONG_OFFICER;
        int latest = THIS_YEAR;
        while (((Number) JsonPath.read(summary(officer, String.valueOf(latest), null), "$.total")).longValue() == 0) {
            latest--;
        }
        long total = ((Number) JsonPath.read(summary(officer, String.valueOf(latest), null), "$.total")).longValue();
        String page = page(officer);
        assertThat(page).contains("id=\"report-heading\">Huyện Đam Rông — năm " + latest + "<", "id=\"report-opened-on-latest\"",
                "Huyện Đam Rông hoạt động đến hết ngày 30/06/2025 (sắp xếp đơn vị hành chính), nên báo cáo mở năm " + latest)
                .doesNotContain("value=\"today\" selected", "id=\"report-no-data\"");
        assertThat(figure(page, "figure-total")).isEqualTo(String.valueOf(total));
        String data = page.substring(page.indexOf("id=\"dashboard-data\""));
        data = data.substring(data.indexOf('>') + 1, data.indexOf("</script>"));
        // the child chart adds up to the children of the summary: what was registered at the district itself is no child of it
        List<Integer> children = JsonPath.read(summary(officer, String.valueOf(latest), null), "$.children[?(@.direct == false)].total");
        assertThat(JsonPath.<List<Integer>>read(data, "$.childTotals").stream().mapToLong(Integer::longValue).sum())
                .isEqualTo(children.stream().mapToLong(Integer::longValue).sum());
        assertThat(JsonPath.<List<String>>read(data, "$.children")).doesNotContain("Huyện Đam Rông");
    }

    @Test
    void aYearWithoutDataSaysSoAndLinksTheLatestYear() throws Exception {
        // 1995: before the movement, surely without data whatever other tests registered
        String page = page(DvkIntegrationTest.DAM_RONG_OFFICER, "year", "1995");
        assertThat(page).contains("id=\"report-no-data\"", "Năm 1995 chưa có đăng ký nào ở đơn vị này.",
                "id=\"report-latest-year\"");
    }
}
