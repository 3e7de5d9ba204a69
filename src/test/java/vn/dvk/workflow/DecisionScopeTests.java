package vn.dvk.workflow;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/** A recognition decision is read where it acted: by the units in whose scope it was taken or whose initiatives it named. */
@DvkIntegrationTest
@Transactional
class DecisionScopeTests {

    @Autowired
    MockMvc mvc;

    private long initiative(String name) throws Exception {
        String body = mvc.perform(get("/api/v1/initiatives").with(as(DvkIntegrationTest.ADMIN)).param("q", name))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(body, "$.items[*].id");
        return ids.get(0);
    }

    private long recognitionOf(long initiativeId) throws Exception {
        String body = mvc.perform(get("/api/v1/initiatives/{id}/timeline", initiativeId).with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> decisions = JsonPath.read(body, "$[?(@.step == 'RECOGNISE')].decisionId");
        return decisions.get(0);
    }

    @Test
    void theDamRongDecisionOf2021IsReadInDamRongAndNowhereElse() throws Exception {
        long decision = recognitionOf(initiative("Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm"));
        mvc.perform(get("/api/v1/decisions/{id}", decision).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value("01-QĐ/HU (số minh họa)"));
        // the commune of today that continues Phi Liêng reads the decision on its initiatives
        mvc.perform(get("/api/v1/decisions/{id}", decision).with(as("xa.damrong1"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/decisions/{id}", decision).with(as(DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/decisions/{id}/scan", decision).with(as(DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDecisionAnAdministratorRecordedHasNoUnitButIsStillReadOnlyWhereItActed() throws Exception {
        // the demo's evaluated record of Xã Đam Rông 2 this year, recognised by an administrator's decision
        long id = initiative("Chi hội nông dân trồng cà phê sinh thái xã Đam Rông 2");
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        String body = mvc.perform(post("/api/v1/recognitions").with(as(DvkIntegrationTest.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"decisionNumber": "77-QĐ/TU", "decisionDate": "%d-01-05", "issuingBody": "Ban Thường vụ Tỉnh ủy Lâm Đồng",
                                 "items": [{"initiativeId": %d, "year": %d}]}""".formatted(year, id, year)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long decision = ((Number) JsonPath.read(body, "$.decision.id")).longValue();
        assertThat((Object) JsonPath.read(body, "$.decision.unitId")).isNull();
        mvc.perform(get("/api/v1/decisions/{id}", decision).with(as("btgdv.lamdong"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/decisions/{id}", decision).with(as("xa.damrong1"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/decisions/{id}", decision).with(as(DvkIntegrationTest.PHI_LIENG_EDITOR))).andExpect(status().isNotFound());
        mvc.perform(get("/decisions/{id}/scan", decision).with(as(DvkIntegrationTest.PHI_LIENG_EDITOR))).andExpect(status().isNotFound());
    }
}
