package vn.dvk.initiative;

import com.jayway.jsonpath.JsonPath;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;

/** The kept counts never drift from a fresh count, whatever the registry and the workflow write. */
@DvkIntegrationTest
@Transactional
class RegistrationTallyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    RegistrationTally tally;
    @Autowired
    EntityManager entities;
    @Autowired
    JdbcTemplate jdbc;

    private RequestPostProcessor officer() {
        return Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
    }

    /**
     * The test runs in one transaction (rolled back at its end), so what the requests changed through JPA
     * is written out before the counts are compared in SQL, as each request's commit would. Both kept
     * counts are compared: the units' (registration_tally) and the provinces' (registration_tally_province).
     */
    private long drift() {
        entities.flush();
        long drift = tally.drift();
        assertThat(nationsSummary("$.total")).as("the nation's summary of 2023, added up from the provinces' counts")
                .isEqualTo(jdbc.queryForObject("select count(*) from registration where reg_year = 2023", Long.class));
        assertThat(nationsSummary("$.bySector.ECONOMY")).isEqualTo(jdbc.queryForObject(
                "select count(*) from registration where reg_year = 2023 and sector = 'ECONOMY'", Long.class));
        return drift;
    }

    private long nationsSummary(String figure) {
        try {
            var request = get("/api/v1/reports/summary").param("year", "2023").with(Logins.as(directory, DvkIntegrationTest.ADMIN));
            return ((Number) JsonPath.read(mvc.perform(request).andReturn().getResponse().getContentAsString(), figure)).longValue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long summaryTotal(String sector) throws Exception {
        var request = get("/api/v1/reports/summary").param("unit", "674").param("year", "2023").with(officer());
        String body = mvc.perform(request).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, sector == null ? "$.total" : "$.bySector." + sector)).longValue();
    }

    @Test
    void everyKindOfWriteKeepsTheCountsExact() throws Exception {
        assertThat(drift()).as("after the demo data").isZero();
        long before = summaryTotal(null);
        long economyBefore = summaryTotal("ECONOMY");
        Integer unitId = JsonPath.read(mvc.perform(get("/api/v1/admin-units/24886").param("on", "2021-01-01")
                .with(officer())).andReturn().getResponse().getContentAsString(), "$.id");
        String draft = """
                {"name": "Mô hình đếm thử thôn 8", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "CULTURE_SOCIETY",
                 "unitId": %d, "startYear": 2022, "version": %s}""";
        long id = anInitiative("Mô hình đếm thử thôn 8").in(PHI_LIENG_2021).sector("CULTURE_SOCIETY").registeredFor(2022)
                .by(DvkIntegrationTest.DAM_RONG_OFFICER).create(mvc);
        mvc.perform(post("/api/v1/registrations/renew").with(officer()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\": \"674\", \"year\": 2023}")).andExpect(status().isOk());
        assertThat(drift()).as("after registering and renewing").isZero();
        assertThat(summaryTotal(null)).isGreaterThan(before);
        String version = JsonPath.read(mvc.perform(get("/api/v1/initiatives/" + id).with(officer())).andReturn().getResponse()
                .getContentAsString(), "$.version").toString();
        mvc.perform(put("/api/v1/initiatives/" + id).with(officer()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(draft.formatted(unitId, version).replace("CULTURE_SOCIETY", "ECONOMY").replace("\"MODEL\"", "\"EXEMPLAR\"")))
                .andExpect(status().isOk());
        assertThat(drift()).as("after a change of sector and kind").isZero();
        assertThat(summaryTotal("ECONOMY")).isEqualTo(economyBefore + 1);
        mvc.perform(post("/api/v1/initiatives/" + id + "/years/2023/submit").with(officer()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        assertThat(drift()).as("after a workflow step").isZero();
        mvc.perform(post("/api/v1/initiatives/" + id + "/years/2023/return").with(officer()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Thử\"}")).andExpect(status().isOk());
        long created2023 = summaryTotal(null);
        long other = anInitiative("Mô hình đếm thử thôn 9").in(PHI_LIENG_2021).sector("CULTURE_SOCIETY").startYear(2022)
                .registeredFor(2023).by(DvkIntegrationTest.DAM_RONG_OFFICER).create(mvc);
        assertThat(summaryTotal(null)).isEqualTo(created2023 + 1);
        mvc.perform(delete("/api/v1/initiatives/" + other).with(officer()).with(csrf())).andExpect(status().isNoContent());
        assertThat(summaryTotal(null)).isEqualTo(created2023);
        assertThat(drift()).as("after a delete").isZero();
    }
}
