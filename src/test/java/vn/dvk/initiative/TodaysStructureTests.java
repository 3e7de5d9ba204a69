package vn.dvk.initiative;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.identity.UserDirectory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/**
 * Today's officers in today's structure: since 1 July 2025 Xã Đam Rông 1 continues Phi Liêng and
 * Đạ K'Nàng, whose 2021 records stay with the communes of their time. Units are named, never coded.
 */
@DvkIntegrationTest
@Transactional
class TodaysStructureTests {

    static final String DAM_RONG_1_EDITOR = "xa.damrong1";
    static final String PROVINCE_OFFICER = "btgdv.lamdong";
    static final String PROVINCE_COMMITTEE = "btv.lamdong";
    /** The 2021 initiatives of Phi Liêng (with its villages Trung Tâm and Đồng Tâm) and Đạ K'Nàng, counted in initiatives.csv. */
    static final int PHI_LIENG_AND_DA_K_NANG_2021 = 12;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    Clock clock;

    private int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    private int total(String user, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/initiatives").with(as(user));
        for (int k = 0; k < params.length; k += 2) {
            request.param(params[k], params[k + 1]);
        }
        return JsonPath.read(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.total");
    }

    private int summaryTotal(String user, String unit, int year, String structure) throws Exception {
        var request = get("/api/v1/reports/summary").with(as(user)).param("year", String.valueOf(year)).param("structure", structure);
        if (unit != null) {
            request.param("unit", unit);
        }
        return JsonPath.read(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.total");
    }

    private Long idOf(String user, String name) throws Exception {
        String body = mvc.perform(get("/api/v1/initiatives").with(as(user)).param("q", name)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(body, "$.items[*].id");
        assertThat(ids).as(name).hasSize(1);
        return ids.get(0).longValue();
    }

    @Test
    void anEditorOfDamRong1SeesTheRecordsOfTheCommunesItContinues() throws Exception {
        assertThat(total(DAM_RONG_1_EDITOR, "year", "2021")).isEqualTo(PHI_LIENG_AND_DA_K_NANG_2021);
        assertThat(total(DAM_RONG_1_EDITOR, "year", "2021", "q", "phi lieng")).isPositive();
        // but nothing of the neighbouring communes, then or now
        assertThat(total(DAM_RONG_1_EDITOR, "year", "2021", "q", "ro men")).isZero();
        // (other tests file records in the scope whose names carry numbers ("2021", a timestamp) and lie under Huyện Đam Rông:
        // what must never appear is a record of Xã Đam Rông 2 itself)
        String found = mvc.perform(get("/api/v1/initiatives").with(as(DAM_RONG_1_EDITOR)).param("q", "Đam Rông 2").param("size", "200"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> units = JsonPath.read(found, "$.items[*].unitName");
        assertThat(units).doesNotContain("Xã Đam Rông 2");
    }

    @Test
    void anEditorOfDamRong1KeepsUpAnInitiativeOfDaKNangAndMovesItWithItsPastKept() throws Exception {
        int year = thisYear() + 1; // next year: no other test registers it
        Long id = idOf(DAM_RONG_1_EDITOR, "Tổ hợp tác trồng dâu nuôi tằm xã Đạ K'Nàng");
        mvc.perform(post("/api/v1/initiatives/{id}/registrations", id).with(as(DAM_RONG_1_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": " + year + ", \"status\": \"MAINTAINED\"}"))
                .andExpect(status().isCreated());
        // it counts for Xã Đam Rông 1 in that year, though it still lies in the old commune
        assertThat(total(DAM_RONG_1_EDITOR, "unit", "Xã Đam Rông 1", "year", String.valueOf(year))).isEqualTo(1);
        assertThat(summaryTotal(DAM_RONG_1_EDITOR, "Xã Đam Rông 1", year, "then")).isEqualTo(1);
        assertThat(summaryTotal(DAM_RONG_1_EDITOR, "Xã Đam Rông 1", year, "today")).isEqualTo(1);
        // moved to the commune of today, its 2019 and 2021 records stay with Đạ K'Nàng and the district of their time
        mvc.perform(post("/api/v1/initiatives/{id}/move-to-successor", id).with(as(DAM_RONG_1_EDITOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitName").value("Xã Đam Rông 1"));
        assertThat(summaryTotal(DvkIntegrationTest.ADMIN, "674", 2021, "then")).isEqualTo(47);
        assertThat(total(DvkIntegrationTest.ADMIN, "unit", "24889", "year", "2021", "q", "dau nuoi tam")).isEqualTo(1);
        assertThat(total(DvkIntegrationTest.ADMIN, "unit", "24889", "year", "2019", "q", "dau nuoi tam")).isEqualTo(1);
        assertThat(summaryTotal(DvkIntegrationTest.DAM_RONG_OFFICER, null, 2021, "then")).isEqualTo(47);
        assertThat(summaryTotal(DAM_RONG_1_EDITOR, "Xã Đam Rông 1", year, "then")).isEqualTo(1);
    }

    @Test
    void theCommuneOfAMergedUnitTakesNoRecordsOfLaterYearsFromItsOldAccount() throws Exception {
        Long id = idOf(DvkIntegrationTest.PHI_LIENG_EDITOR, "Tổ hợp tác trồng dâu nuôi tằm xã Phi Liêng");
        mvc.perform(post("/api/v1/initiatives/{id}/registrations", id).with(as(DvkIntegrationTest.PHI_LIENG_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": " + (thisYear() + 1) + ", \"status\": \"MAINTAINED\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Xã Phi Liêng chỉ tồn tại đến ngày 30/06/2025")));
    }

    @Test
    void aUnitIsTypedByNameWithOrWithoutDiacriticsAndAWrongNameSaysSo() throws Exception {
        Long organisation = organisationOf(DAM_RONG_1_EDITOR);
        String draft = """
                {"name": "Mô hình thử đặt tên địa bàn", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY",
                 "unitCode": "%s", "organisationId": %d, "startYear": %d}""";
        mvc.perform(post("/api/v1/initiatives").with(as(DAM_RONG_1_EDITOR)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(draft.formatted("dam rong 1", organisation, thisYear())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitName").value("Xã Đam Rông 1"));
        // a commune that merged away: the message says why, never "no permission"
        mvc.perform(post("/api/v1/initiatives").with(as(DAM_RONG_1_EDITOR)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(draft.formatted("Phi Liêng", organisation, thisYear())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Xã Phi Liêng chỉ tồn tại đến ngày 30/06/2025, nay là Xã Đam Rông 1")))
                .andExpect(content().string(not(containsString("quyền"))));
        mvc.perform(post("/api/v1/initiatives").with(as(DAM_RONG_1_EDITOR)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(draft.formatted("Đam Rông 2", organisation, thisYear())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Xã Đam Rông 2 nằm ngoài phạm vi bạn phụ trách")));
        mvc.perform(post("/api/v1/initiatives").with(as(DAM_RONG_1_EDITOR)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(draft.formatted("Không Có Xã Này", organisation, thisYear())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Không tìm thấy đơn vị hành chính nào có tên hoặc mã \\\"Không Có Xã Này\\\"")));
    }

    @Test
    void anAccountOfACommuneThatNoLongerExistsReadsItsHistoryButFilesNothingNewInIt() throws Exception {
        assertThat(total(DvkIntegrationTest.PHI_LIENG_EDITOR, "year", "2021")).isPositive();
        Long organisation = organisationOf(DvkIntegrationTest.PHI_LIENG_EDITOR);
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.PHI_LIENG_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Mô hình mới của xã cũ", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY",
                                 "unitCode": "24886", "organisationId": %d, "startYear": %d}""".formatted(organisation, thisYear())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("chỉ tồn tại đến ngày 30/06/2025")));
        // a late entry for 2021 in the commune of its time is still taken
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.PHI_LIENG_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Mô hình năm 2021 nhập muộn", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY",
                                 "unitCode": "24886", "organisationId": %d, "startYear": 2021}""".formatted(organisation)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitName").value("Xã Phi Liêng"));
    }

    @Test
    void bothViewsOfAReportGiveTheSameTotals() throws Exception {
        for (int year : List.of(2021, 2025, thisYear())) {
            assertThat(summaryTotal(DvkIntegrationTest.ADMIN, "674", year, "today"))
                    .as("Đam Rông %d", year).isEqualTo(summaryTotal(DvkIntegrationTest.ADMIN, "674", year, "then"));
            assertThat(summaryTotal(PROVINCE_OFFICER, null, year, "today"))
                    .as("Lâm Đồng %d", year).isEqualTo(summaryTotal(PROVINCE_OFFICER, null, year, "then"));
        }
        assertThat(summaryTotal(DvkIntegrationTest.ADMIN, "674", 2021, "today")).isEqualTo(47);
        assertThat(summaryTotal(DvkIntegrationTest.DAM_RONG_OFFICER, null, 2025, "today")).isEqualTo(24);
    }

    @Test
    void todaysAccountsSeeRealFiguresForThisYear() throws Exception {
        int year = thisYear();
        // the demo: 6 of Phi Liêng's and Đạ K'Nàng's renewed, 12 of Đạ M'Rông's and Đạ Rsal's, 2 kept up from 2025, 4 new
        // (browser tests that run before may have added theirs)
        int province = summaryTotal(PROVINCE_OFFICER, null, year, "today");
        assertThat(province).isGreaterThanOrEqualTo(24).isEqualTo(total(PROVINCE_OFFICER, "year", String.valueOf(year)));
        int commune = summaryTotal(DAM_RONG_1_EDITOR, null, year, "today");
        assertThat(commune).isGreaterThanOrEqualTo(8).isEqualTo(total(DAM_RONG_1_EDITOR, "year", String.valueOf(year)));
        assertThat(total(PROVINCE_COMMITTEE, "year", String.valueOf(year), "state", "EVALUATED")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void thePickerOffersUnitsByNameInTheYearAndTheScope() throws Exception {
        mvc.perform(get("/units/suggest").with(as(DAM_RONG_1_EDITOR)).param("field", "unitCode").param("unitCode", "phi lieng")
                        .param("year", "2021"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xã Phi Liêng — Huyện Đam Rông, Tỉnh Lâm Đồng")));
        mvc.perform(get("/units/suggest").with(as(DAM_RONG_1_EDITOR)).param("field", "unitCode").param("unitCode", "dam rong")
                        .param("year", String.valueOf(thisYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xã Đam Rông 1 — Tỉnh Lâm Đồng")))
                .andExpect(content().string(not(containsString("Đam Rông 2"))))
                .andExpect(content().string(not(containsString("Phi Liêng"))));
        mvc.perform(get("/api/v1/admin-units/suggest").with(as(PROVINCE_OFFICER)).param("q", "dam rong").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].label").value("Xã Đam Rông 1 — Tỉnh Lâm Đồng"));
        // the old unit browser finds a commune that merged away
        mvc.perform(get("/units/search").with(as(PROVINCE_OFFICER)).param("q", "phi lieng"))
                .andExpect(content().string(containsString("Xã Phi Liêng")));
    }

    @Test
    void aHistoricalDistrictOfficerDoesNotSeeTodaysCommuneRecords() throws Exception {
        assertThat(total(DvkIntegrationTest.DAM_RONG_OFFICER, "year", "2021")).isEqualTo(47);
        assertThat(total(DvkIntegrationTest.DAM_RONG_OFFICER, "q", "hien dat mo rong duong")).isZero();
        assertThat(total(PROVINCE_OFFICER, "q", "hien dat mo rong duong")).isEqualTo(1);
    }

    @Test
    void anAdministratorMovesTheAccountsOfMergedUnitsByNameInOneScreen() throws Exception {
        Long philieng = directory.principalOf(DvkIntegrationTest.PHI_LIENG_EDITOR).orElseThrow().id();
        mvc.perform(get("/admin/users/moves").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("xa.philieng")))
                .andExpect(content().string(containsString("Xã Đam Rông 1 — Tỉnh Lâm Đồng")))
                .andExpect(content().string(not(containsString(">xa.damrong1<"))));
        mvc.perform(post("/admin/users/moves").with(as(DvkIntegrationTest.ADMIN)).with(csrf())
                        .param("move", String.valueOf(philieng)).param("unit-" + philieng, "khong co xa nay"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tài khoản xa.philieng: không tìm thấy đơn vị hành chính")));
        mvc.perform(post("/admin/users/moves").with(as(DvkIntegrationTest.ADMIN)).with(csrf())
                        .param("move", String.valueOf(philieng)).param("unit-" + philieng, "dam rong 1"))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.principalOf(DvkIntegrationTest.PHI_LIENG_EDITOR).orElseThrow().scope().unitId())
                .isEqualTo(directory.principalOf(DAM_RONG_1_EDITOR).orElseThrow().scope().unitId());
        mvc.perform(get("/api/v1/audit").with(as(DvkIntegrationTest.ADMIN)).param("objectType", "USER").param("size", "200"))
                .andExpect(content().string(containsString("moved to Xã Đam Rông 1: xa.philieng")));
        mvc.perform(get("/admin/users/moves").with(as(DvkIntegrationTest.PHI_LIENG_EDITOR))).andExpect(status().isForbidden());
    }

    private Long organisationOf(String username) {
        return directory.principalOf(username).orElseThrow().organisationId();
    }
}
