package vn.dvk.initiative;

import com.jayway.jsonpath.JsonPath;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.InitiativeFixture.Unit;

import java.util.List;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

/**
 * What was recognised for a year stays as it was recognised: a later edit of the initiative reaches
 * only the open years, so the recognised year's report never moves; a record whose every year is
 * recognised takes no attachment or movement link until a committee member re-opens it.
 */
@DvkIntegrationTest
@Transactional
class RecognitionLockTests {

    static final String OFFICER = DvkIntegrationTest.DAM_RONG_OFFICER;
    static final String COMMITTEE = DvkIntegrationTest.DAM_RONG_COMMITTEE;
    static final String DECISION = """
            {"decisionNumber": "31-QĐ/HU", "decisionDate": "2023-01-12", "issuingBody": "Ban Thường vụ Huyện ủy Đam Rông"}""";
    static final String DRAFT = """
            {"name": "%s", "kind": "%s", "holder": "COLLECTIVE", "sector": "%s", "unitId": %d, "startYear": 2022,
             "targetGroups": [], "featured": false, "version": %s}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    RegistrationTally tally;
    @Autowired
    EntityManager entities;

    /** The test's one transaction: what the requests changed through JPA is written out before SQL compares counts. */
    private long drift() {
        entities.flush();
        return tally.drift();
    }

    private String json(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private int unitId(String code) throws Exception {
        return JsonPath.read(json(get("/api/v1/admin-units/" + code).param("on", "2022-12-31").with(as(OFFICER))), "$.id");
    }

    private ResultActions step(String user, long id, int year, String step, String body) throws Exception {
        return mvc.perform(post("/api/v1/initiatives/" + id + "/years/" + year + "/" + step).with(as(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A fresh initiative of Phi Liêng in ECONOMY, registered for 2022 and recognised for it. */
    private long recognisedIn2022(String name) throws Exception {
        return anInitiative(name).in(Unit.asOf("24886", "2022-12-31")).registeredFor(2022).by(OFFICER).submitted()
                .step(OFFICER, "evaluate", "{\"rating\": \"GOOD\", \"score\": 80}").step(COMMITTEE, "recognise", DECISION)
                .create(mvc);
    }

    private ResultActions register(long id, int year) throws Exception {
        return mvc.perform(post("/api/v1/initiatives/" + id + "/registrations").with(as(OFFICER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\": %d, \"status\": \"%s\"}"
                        .formatted(year, year == 2022 ? "NEW" : "MAINTAINED")));
    }

    private long summary(String unit, int year, String path) throws Exception {
        return ((Number) JsonPath.read(json(get("/api/v1/reports/summary").param("unit", unit).param("year", String.valueOf(year))
                .with(as(OFFICER))), path)).longValue();
    }

    private long listed(int year, String... filter) throws Exception {
        var request = get("/api/v1/initiatives").param("unit", "674").param("year", String.valueOf(year)).with(as(OFFICER));
        for (int k = 0; k < filter.length; k += 2) {
            request.param(filter[k], filter[k + 1]);
        }
        return ((Number) JsonPath.read(json(request), "$.total")).longValue();
    }

    private String version(long id) throws Exception {
        return JsonPath.read(json(get("/api/v1/initiatives/" + id).with(as(OFFICER))), "$.version").toString();
    }

    @Test
    void anEditAfterNextYearsRegistrationLeavesTheRecognisedYearAndItsReportAsRecognised() throws Exception {
        long id = recognisedIn2022("Tổ liên kết trồng cà phê xứ lạnh thôn 3");
        long economy = summary("674", 2022, "$.bySector.ECONOMY");
        long newRural = summary("674", 2022, "$.bySector.NEW_RURAL");
        long exemplars = summary("674", 2022, "$.byKind.EXEMPLAR");
        long listedEconomy = listed(2022, "sector", "ECONOMY");
        long phiLieng = summary("24886", 2022, "$.total");

        register(id, 2023).andExpect(status().isCreated());
        mvc.perform(put("/api/v1/initiatives/" + id).with(as(OFFICER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(DRAFT.formatted("Tổ liên kết trồng cà phê xứ lạnh thôn 3 (mở rộng)", "EXEMPLAR", "NEW_RURAL",
                                unitId("24877"), version(id))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sector").value("NEW_RURAL"));

        // the recognised year keeps its sector, kind and unit; the open year follows the edit
        String registrations = json(get("/api/v1/initiatives/" + id + "/registrations").with(as(OFFICER)));
        assertThat((List<String>) JsonPath.read(registrations, "$[?(@.year == 2022)].sector")).containsExactly("ECONOMY");
        assertThat((List<String>) JsonPath.read(registrations, "$[?(@.year == 2022)].kind")).containsExactly("MODEL");
        assertThat((List<Integer>) JsonPath.read(registrations, "$[?(@.year == 2022)].unitId")).containsExactly(unitId("24886"));
        assertThat((List<String>) JsonPath.read(registrations, "$[?(@.year == 2023)].sector")).containsExactly("NEW_RURAL");
        assertThat((List<String>) JsonPath.read(registrations, "$[?(@.year == 2023)].kind")).containsExactly("EXEMPLAR");
        assertThat((List<Integer>) JsonPath.read(registrations, "$[?(@.year == 2023)].unitId")).containsExactly(unitId("24877"));

        assertThat(summary("674", 2022, "$.bySector.ECONOMY")).isEqualTo(economy);
        assertThat(summary("674", 2022, "$.bySector.NEW_RURAL")).isEqualTo(newRural);
        assertThat(summary("674", 2022, "$.byKind.EXEMPLAR")).isEqualTo(exemplars);
        assertThat(summary("24886", 2022, "$.total")).isEqualTo(phiLieng);
        assertThat(listed(2022, "sector", "ECONOMY")).isEqualTo(listedEconomy);
        assertThat(drift()).isZero();

        // re-opened by the committee, the year follows the next edit again
        step(COMMITTEE, id, 2022, "reopen", "{\"reason\": \"Theo biên bản họp\"}").andExpect(status().isOk());
        mvc.perform(put("/api/v1/initiatives/" + id).with(as(OFFICER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(DRAFT.formatted("Tổ liên kết trồng cà phê xứ lạnh thôn 3", "EXEMPLAR", "NEW_RURAL",
                                unitId("24877"), version(id))))
                .andExpect(status().isOk());
        assertThat(summary("674", 2022, "$.bySector.NEW_RURAL")).isEqualTo(newRural + 1);
        assertThat(drift()).isZero();
    }

    @Test
    void aRecordWhoseEveryYearIsRecognisedTakesNoAttachmentOrMovementUntilReopened() throws Exception {
        long id = recognisedIn2022("Tổ tự quản đường hoa thôn 5");
        MockMultipartFile pdf = new MockMultipartFile("file", "Biên bản.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());
        mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").file(pdf).with(as(OFFICER)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("đã được công nhận")));
        mvc.perform(put("/api/v1/initiatives/" + id + "/movements").with(as(OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("[\"NEW_RURAL\"]"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("đã được công nhận")));
        assertThat(json(get("/api/v1/initiatives/" + id + "/movements").with(as(OFFICER)))).isEqualTo("[]");

        // an open year takes new files; the files of the recognised dossier stay while it is recognised
        step(COMMITTEE, id, 2022, "reopen", "{\"reason\": \"Bổ sung hồ sơ\"}").andExpect(status().isOk());
        Integer attachment = JsonPath.read(mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").file(pdf)
                .with(as(OFFICER)).with(csrf())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(put("/api/v1/initiatives/" + id + "/movements").with(as(OFFICER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("[\"NEW_RURAL\"]")).andExpect(status().isOk());
        step(COMMITTEE, id, 2022, "recognise", DECISION).andExpect(status().isOk());
        register(id, 2023).andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/attachments/" + attachment).with(as(OFFICER)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("2022")));
        mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").file(pdf).with(as(OFFICER)).with(csrf()))
                .andExpect(status().isCreated());
    }
}
