package vn.dvk.planning;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.test.web.servlet.RequestBuilder;
import vn.dvk.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.anInitiative;

/** Plans with targets against the registry (across unit levels and the 2025 reform), movements, conferences. */
@DvkIntegrationTest
@Transactional
class PlanningTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    private RequestPostProcessor admin() {
        return Logins.as(directory, DvkIntegrationTest.ADMIN);
    }

    private String json(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long periodId(String name) {
        return jdbc.queryForObject("select id from plan_period where name = ?", Long.class, name);
    }

    @Test
    void lucYensPlanCitesScheme13AndIts421RegistrationsMeetThe2024Targets() throws Exception {
        Long planId = jdbc.queryForObject("select p.id from plan p join admin_unit u on u.id = p.unit_id where u.code = '135'", Long.class);
        String plan = json(get("/api/v1/plans/" + planId).with(admin()));
        assertThat((String) JsonPath.read(plan, "$.documents[0].number")).isEqualTo("13-ĐA/TU");
        assertThat((String) JsonPath.read(plan, "$.period.name")).contains("2030");
        String progress = json(get("/api/v1/plans/" + planId + "/progress").with(admin()));
        assertThat(((Number) JsonPath.read(progress, "$.totals['2024:REGISTERED'].actual")).intValue()).isEqualTo(421);
        assertThat(((Number) JsonPath.read(progress, "$.totals['2024:REGISTERED'].target")).intValue()).isEqualTo(421);
        assertThat(((Number) JsonPath.read(progress, "$.behindUnits")).intValue()).isZero();
        // the same figures on the page, and a screen that sets every commune's target at once
        String page = mvc.perform(get("/plans/" + planId).param("metric", "REGISTERED").with(admin())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"progress-table\"", "421 / 421", "id=\"targets-form\"").doesNotContain("table-danger");
        List<Integer> children = JsonPath.read(progress, "$.rows[*].unitId");
        var request = post("/plans/" + planId + "/targets").with(admin()).with(csrf()).param("metric", "NEW_MODELS");
        for (Integer child : children) {
            request.param("t_" + child + "_2024", "1000");
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        String behind = json(get("/api/v1/plans/" + planId + "/progress").with(admin()));
        assertThat(((Number) JsonPath.read(behind, "$.behindUnits")).intValue()).isEqualTo(children.size());
        assertThat(mvc.perform(get("/plans/" + planId).with(admin())).andReturn().getResponse().getContentAsString()).contains("table-danger");
    }

    @Test
    void aPeriodWithoutANameIsRefusedAboveTheListNamingWhatIsMissing() throws Exception {
        var refused = mvc.perform(post("/periods").with(admin()).with(csrf()).param("name", "  ").param("fromYear", "2026")
                .param("toYear", "2030")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(mvc.perform(get("/plans").requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, refused.getFlashMap()).with(admin())).andReturn().getResponse()
                .getContentAsString()).contains("Hãy nhập tên giai đoạn.");
    }

    private List<Integer> targetsOf(Long planId, Integer unit) {
        return jdbc.queryForList("select amount from plan_target where plan_id = ? and unit_id = ? and target_year = 2024"
                + " and metric = 'NEW_MODELS'", Integer.class, planId, unit);
    }

    private String saveScreen(Long planId, long version, List<Integer> children, Integer unit, String amount) throws Exception {
        var request = post("/plans/" + planId + "/targets").with(admin()).with(csrf()).param("metric", "NEW_MODELS")
                .param("version", String.valueOf(version));
        for (Integer child : children) {
            request.param("t_" + child + "_2024", child.equals(unit) ? amount : "");
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getFlashMap().toString();
    }

    @Test
    void theTargetsScreenIsSavedAsOneChangeSoABadAmountOrAStaleScreenClearsNothing() throws Exception {
        Long planId = jdbc.queryForObject("select p.id from plan p join admin_unit u on u.id = p.unit_id where u.code = '135'", Long.class);
        List<Integer> children = JsonPath.read(json(get("/api/v1/plans/" + planId + "/progress").with(admin())), "$.rows[*].unitId");
        Integer first = children.get(0);
        Integer second = children.get(1);
        json(put("/api/v1/plans/" + planId + "/targets").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                {"targets": [{"unitId": %d, "year": 2024, "metric": "NEW_MODELS", "amount": 7},
                             {"unitId": %d, "year": 2024, "metric": "NEW_MODELS", "amount": 9}]}""".formatted(first, second)));
        long version = ((Number) JsonPath.read(json(get("/api/v1/plans/" + planId).with(admin())), "$.version")).longValue();

        // the first box emptied, the second with an amount no plan can have: refused, and the first keeps its target
        assertThat(saveScreen(planId, version, children, second, "-1")).contains("plan.amount");
        assertThat(targetsOf(planId, first)).containsExactly(7);
        assertThat(targetsOf(planId, second)).containsExactly(9);
        // a screen read before someone else saved: refused, nothing cleared
        assertThat(saveScreen(planId, version - 1, children, second, "3")).contains("error.stale");
        assertThat(targetsOf(planId, first)).containsExactly(7);
        assertThat(targetsOf(planId, second)).containsExactly(9);
        // the screen as read: the emptied box loses its target, the other takes the new amount, the version moves once
        assertThat(saveScreen(planId, version, children, second, "3")).contains("saved");
        assertThat(targetsOf(planId, first)).isEmpty();
        assertThat(targetsOf(planId, second)).containsExactly(3);
        assertThat(((Number) JsonPath.read(json(get("/api/v1/plans/" + planId).with(admin())), "$.version")).longValue())
                .isEqualTo(version + 1);
    }

    @Test
    void aProvincesPlanCountsItsDistrictsSubtreesAndFlagsTheOnesBehind() throws Exception {
        String created = json(post("/api/v1/plans").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                {"unitCode": "15", "periodId": %d, "title": "Kế hoạch tỉnh thử", "documents": [{"number": "01-KH/TU"}]}"""
                .formatted(periodId("2023–2025, định hướng đến năm 2030"))));
        long planId = ((Number) JsonPath.read(created, "$.id")).longValue();
        Long lucYen = jdbc.queryForObject("select id from admin_unit where code = '135' and level = 'DISTRICT' and (valid_to is null or"
                + " valid_to >= date '2023-12-31') and (valid_from is null or valid_from <= date '2023-12-31')", Long.class);
        json(put("/api/v1/plans/" + planId + "/targets").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                {"targets": [{"unitId": %d, "year": 2024, "metric": "REGISTERED", "amount": 500},
                             {"unitId": %d, "year": 2024, "metric": "NEW_MODELS", "amount": 1}]}""".formatted(lucYen, lucYen)));
        String progress = json(get("/api/v1/plans/" + planId + "/progress").with(admin()));
        List<Map<String, Object>> rows = JsonPath.read(progress, "$.rows[?(@.unitId == " + lucYen + ")]");
        assertThat(rows).hasSize(1);
        assertThat(cell(progress, lucYen, "2024:REGISTERED")).isEqualTo(421);
        assertThat(JsonPath.read(progress, "$.rows[?(@.unitId == " + lucYen + ")].behind").toString()).contains("true");
        assertThat(((Number) JsonPath.read(progress, "$.behindUnits")).intValue()).isEqualTo(1);
        // a target outside the plan's children is refused with the reason
        mvc.perform(put("/api/v1/plans/" + planId + "/targets").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"targets\": [{\"unitId\": 1, \"year\": 2024, \"metric\": \"REGISTERED\", \"amount\": 1}]}"))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void registrationsOfACommuneMadeByThe2025ReformCountOnceForTheCommuneItContinues() throws Exception {
        String created = json(post("/api/v1/plans").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                {"unitCode": "674", "periodId": %d, "title": "Kế hoạch Đam Rông thử", "documents": []}""".formatted(periodId("2021–2025"))));
        long planId = ((Number) JsonPath.read(created, "$.id")).longValue();
        Long oldPhiLieng = jdbc.queryForObject("select id from admin_unit where code = '24886' and valid_to = date '2025-06-30'", Long.class);
        Long oldDaKNang = jdbc.queryForObject("select id from admin_unit where code = '24889' and valid_to = date '2025-06-30'", Long.class);
        String before = json(get("/api/v1/plans/" + planId + "/progress").with(admin()));
        long phiLiengBefore = cell(before, oldPhiLieng, "2025:REGISTERED");
        long daKNangBefore = cell(before, oldDaKNang, "2025:REGISTERED");
        long totalBefore = ((Number) JsonPath.read(before, "$.totals['2025:REGISTERED'].actual")).longValue();
        // a new initiative of the new (merged) xã Phi Liêng, registered in 2025
        anInitiative("Mô hình sau sáp nhập thử").in("24886").registeredFor(2025).by(DvkIntegrationTest.LAM_DONG_OFFICER).create(mvc);
        String after = json(get("/api/v1/plans/" + planId + "/progress").with(admin()));
        assertThat(cell(after, oldPhiLieng, "2025:REGISTERED")).isEqualTo(phiLiengBefore + 1);
        assertThat(cell(after, oldDaKNang, "2025:REGISTERED")).isEqualTo(daKNangBefore);
        assertThat(((Number) JsonPath.read(after, "$.totals['2025:REGISTERED'].actual")).longValue()).isEqualTo(totalBefore + 1);
        assertThat(((Number) JsonPath.read(after, "$.totals['2025:NEW_MODELS'].actual")).longValue()).isGreaterThanOrEqualTo(1);
    }

    private static long cell(String progress, long unitId, String key) {
        String value = JsonPath.read(progress, "$.rows[?(@.unitId == " + unitId + ")].cells['" + key + "'].actual").toString()
                .replaceAll("[\\[\\]]", "");
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    @Test
    void theTuyenHoaConferenceShowsOnItsInitiativesAndDraftsItsReport() throws Exception {
        String list = json(get("/api/v1/conferences").with(admin()));
        List<Integer> ids = JsonPath.read(list, "$[?(@.heldOn == '2018-09-13')].id");
        assertThat(ids).hasSize(1);
        String conference = json(get("/api/v1/conferences/" + ids.get(0)).with(admin()));
        assertThat((String) JsonPath.read(conference, "$.organiser")).isEqualTo("Ban Thường vụ Huyện ủy Tuyên Hóa");
        assertThat((List<String>) JsonPath.read(conference, "$.papers[*].initiatives[0].name")).containsExactly(
                "Thực hiện quy chế dân chủ ở cơ sở", "Chính quyền thân thiện vì nhân dân phục vụ", "Xã bình yên, gia đình hòa thuận");
        Long th1 = jdbc.queryForObject("select id from initiative where name = 'Thực hiện quy chế dân chủ ở cơ sở'", Long.class);
        String part = mvc.perform(get("/initiatives/" + th1 + "/planning").with(admin())).andReturn().getResponse().getContentAsString();
        assertThat(part).contains("id=\"presented\"", "2016–2018", "13/09/2018");
        var response = mvc.perform(get("/api/v1/conferences/" + ids.get(0) + "/draft.docx").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains("bao-cao-trao-doi-kinh-nghiem-dan-van-kheo-2016-2018-huyen-tuyen-hoa.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "giai đoạn 2016–2018", "toàn huyện Tuyên Hóa",
                    "Kinh nghiệm xây dựng và nhân rộng", "Nơi nhận:").doesNotContain("toàn Huyện");
            assertThat(doc.getTables().get(0).getRow(0).getCell(0).getText()).contains("HUYỆN ỦY TUYÊN HÓA");
            // the header, the signature block, then the figures by year as the annex
            assertThat(doc.getTables()).hasSize(3);
            assertThat(doc.getTables().get(2).getRows()).hasSize(4);
        }
        byte[] pdf = mvc.perform(get("/api/v1/conferences/" + ids.get(0) + "/draft.pdf").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("BÁO CÁO", "toàn huyện Tuyên Hóa", "Kinh nghiệm xây dựng và nhân rộng");
        }
    }

    @Test
    void aDistrictOfficerRecordsAConferenceWithPapersLinkedToInitiatives() throws Exception {
        String code = jdbc.queryForObject("select code from initiative where name = 'Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm'",
                String.class);
        var officer = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        String location = mvc.perform(post("/conferences").with(officer).with(csrf()).param("kind", "INTERIM_REVIEW")
                        .param("title", "Sơ kết thử").param("heldOn", "2023-06-20").param("organiser", "Ban Dân vận Huyện ủy Đam Rông")
                        .param("unitCode", "674").param("paperTitle", "Tham luận rau", "").param("paperPresenter", "HTX", "")
                        .param("paperInitiatives", code, ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).with(officer)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Sơ kết thử", "Tham luận rau", "Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm", "id=\"draft-docx\"");
        String refused = mvc.perform(post("/conferences").with(officer).with(csrf()).param("kind", "EXCHANGE").param("title", "Sai mã")
                .param("heldOn", "2023-06-20").param("organiser", "X").param("unitCode", "674").param("paperTitle", "T")
                .param("paperInitiatives", "KHONG-CO")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"conference-error\"", "KHONG-CO");
    }

    @Test
    void thePlanAndConferenceListsReadAFixedNumberOfStatementsWhateverTheirLength() throws Exception {
        String code = jdbc.queryForObject("select code from initiative where name = 'Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm'",
                String.class);
        long period = periodId("2023–2025, định hướng đến năm 2030");
        long plansBefore = StatementCounter.during(() -> json(get("/api/v1/plans").with(admin())));
        long conferencesBefore = StatementCounter.during(() -> json(get("/api/v1/conferences").with(admin())));
        int listedPlans = JsonPath.<List<Object>>read(json(get("/api/v1/plans").with(admin())), "$").size();
        int listedConferences = JsonPath.<List<Object>>read(json(get("/api/v1/conferences").with(admin())), "$").size();
        for (int k = 0; k < 3; k++) {
            json(post("/api/v1/plans").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                    {"unitCode": "674", "periodId": %d, "title": "Kế hoạch đếm câu lệnh %d", "documents": [{"number": "0%d-KH/HU"}]}"""
                    .formatted(period, k, k)));
            json(post("/api/v1/conferences").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                    {"kind": "EXCHANGE", "title": "Hội nghị đếm câu lệnh %d", "heldOn": "2024-05-0%d", "organiser": "Ban Dân vận",
                     "unitCode": "674", "papers": [{"title": "Tham luận %d", "presenter": "HTX", "initiativeCodes": ["%s"]}]}"""
                    .formatted(k, k + 1, k, code)));
        }
        String plans = json(get("/api/v1/plans").with(admin()));
        String conferences = json(get("/api/v1/conferences").with(admin()));
        assertThat(JsonPath.<List<Object>>read(plans, "$")).hasSize(listedPlans + 3);
        assertThat(JsonPath.<List<Object>>read(conferences, "$")).hasSize(listedConferences + 3);
        assertThat(JsonPath.<List<String>>read(conferences, "$[?(@.title == 'Hội nghị đếm câu lệnh 2')].papers[0].initiatives[0].code"))
                .containsExactly(code);
        assertThat(JsonPath.<List<String>>read(plans, "$[?(@.title == 'Kế hoạch đếm câu lệnh 1')].documents[0].number"))
                .containsExactly("01-KH/HU");
        // three more of each, and not one statement more
        assertThat(StatementCounter.during(() -> json(get("/api/v1/plans").with(admin())))).isEqualTo(plansBefore);
        assertThat(StatementCounter.during(() -> json(get("/api/v1/conferences").with(admin())))).isEqualTo(conferencesBefore);
    }

    @Test
    void initiativesAreLinkedToMovementsAndReportsCountByMovement() throws Exception {
        Long id = jdbc.queryForObject("select id from initiative where name = 'Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm'", Long.class);
        String linked = json(put("/api/v1/initiatives/" + id + "/movements").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("[\"NEW_RURAL\", \"WOMEN_FAMILY_ECONOMY\"]"));
        assertThat((List<String>) JsonPath.read(linked, "$[*].code")).containsExactlyInAnyOrder("NEW_RURAL", "WOMEN_FAMILY_ECONOMY");
        String counts = json(get("/api/v1/reports/movements").param("unit", "674").param("year", "2021").with(admin()));
        assertThat(((Number) JsonPath.read(counts, "$.NEW_RURAL")).intValue()).isEqualTo(1);
        assertThat(((Number) JsonPath.read(counts, "$.HO_CHI_MINH_STUDY")).intValue()).isZero();
        String kySon = json(get("/api/v1/reports/movements").param("unit", "151").param("year", "2019").with(admin()));
        long youth = jdbc.queryForObject("select count(*) from registration r join initiative_movement m on m.initiative_id = r.initiative_id"
                + " where m.movement_code = 'YOUTH_VOLUNTEERS' and r.reg_year = 2019", Long.class);
        assertThat(((Number) JsonPath.read(kySon, "$.YOUTH_VOLUNTEERS")).longValue()).isEqualTo(youth);
        mvc.perform(put("/api/v1/initiatives/" + id + "/movements").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("[\"NOT_A_MOVEMENT\"]")).andExpect(status().isUnprocessableEntity());
        // the report page's part: registrations by movement
        String part = mvc.perform(get("/reports/movements").param("unit", "674").param("year", "2021").with(admin())).andReturn()
                .getResponse().getContentAsString();
        assertThat(part).contains("id=\"report-movements\"", "Cả nước chung sức xây dựng nông thôn mới");
        // an administrator configures the list
        mvc.perform(post("/admin/movements").with(admin()).with(csrf()).param("code", "green_environment")
                .param("nameVi", "Chung tay bảo vệ môi trường")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/admin/movements").with(admin())).andReturn().getResponse().getContentAsString())
                .contains("GREEN_ENVIRONMENT", "Chung tay bảo vệ môi trường");
        String again = mvc.perform(post("/admin/movements").with(admin()).with(csrf()).param("code", "GREEN_ENVIRONMENT")
                .param("nameVi", "Lặp")).andReturn().getResponse().getRedirectedUrl();
        assertThat(again).isEqualTo("/admin/movements");
        mvc.perform(post("/admin/movements").with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                .param("code", "X_Y").param("nameVi", "Không được")).andExpect(status().isForbidden());
    }
}
