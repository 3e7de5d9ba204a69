package vn.dvk.shared.web;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every endpoint of the core contract (../shared/API.md) answers in its documented shape: the fields
 * integrators read are where the document puts them (a created resource as itself, never wrapped; lists
 * paged as items/page/size/total; errors as problem details). The documented field lists are written
 * here as the document gives them; when the document is beside the project, each path is checked to be
 * still in it, so the two cannot drift apart unseen.
 */
@DvkIntegrationTest
@Transactional
class ApiContractTests {

    static final List<String> PAGE = List.of("items", "page", "size", "total");
    static final List<String> ADMIN_UNIT = List.of("code", "name", "fullName", "level", "type", "parentCode", "validFrom", "validTo",
            "successorCodes");
    static final List<String> ORGANISATION = List.of("id", "name", "type", "unitCode", "parentId", "version");
    static final List<String> INITIATIVE = List.of("id", "code", "name", "kind", "holder", "sector", "unitCode", "organisationId",
            "responsibleOfficer", "startYear", "description", "method", "results", "targetGroups", "featured", "replicatedFromId",
            "workflowState", "version");
    static final List<String> REGISTRATION = List.of("year", "status", "organisationId");
    static final List<String> SUMMARY = List.of("unit", "year", "total", "bySector", "byStatus", "byHolder", "byKind", "recognised",
            "commendations", "featured", "children");
    static final List<String> PROBLEM = List.of("status", "title", "detail");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    private RequestPostProcessor officer() {
        return Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(officer()).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s %s: %s", request, response.getStatus(), response.getContentAsString()).isEqualTo(status);
        return response;
    }

    private static Map<String, Object> object(MockHttpServletResponse response, String path) throws Exception {
        return JsonPath.read(response.getContentAsString(), path);
    }

    private static void shaped(Map<String, Object> json, List<String> documented, String what) {
        assertThat(json).as(what).containsKeys(documented.toArray(String[]::new));
    }

    private static void paged(MockHttpServletResponse response, List<String> item, String what) throws Exception {
        Map<String, Object> page = object(response, "$");
        shaped(page, PAGE, what + " (page)");
        List<Map<String, Object>> items = JsonPath.read(response.getContentAsString(), "$.items");
        assertThat(items).as(what + " has items to check").isNotEmpty();
        items.forEach(i -> shaped(i, item, what + " (item)"));
    }

    @Test
    void everyDocumentedPathIsStillInTheDocument() throws Exception {
        Path document = Path.of("../shared/API.md");
        Assumptions.assumeTrue(Files.exists(document), "Skipped: ../shared/API.md is not beside the project");
        String text = Files.readString(document);
        assertThat(text).contains("GET /api/v1/admin-units?level=&parent=&on=&q=", "GET /api/v1/admin-units/{code}",
                "POST /api/v1/admin-units/import", "GET|POST /api/v1/organisations", "GET|PUT /api/v1/organisations/{id}",
                "GET /api/v1/sectors", "GET /api/v1/initiatives?unit=&sector=&year=&kind=&status=&q=", "POST /api/v1/initiatives",
                "GET|PUT|DELETE /api/v1/initiatives/{id}", "GET|POST /api/v1/initiatives/{id}/registrations",
                "GET /api/v1/initiatives/{id}/replications", "GET /api/v1/reports/summary?unit=&year=",
                "GET /api/v1/reports/summary.xlsx|.docx|.pdf?unit=&year=");
        for (String field : INITIATIVE) {
            assertThat(text).contains("\"" + field + "\"");
        }
    }

    @Test
    void unitsOrganisationsAndSectorsAnswerInTheirDocumentedShapes() throws Exception {
        paged(call(get("/api/v1/admin-units").param("level", "PROVINCE").param("q", "lam dong"), 200), ADMIN_UNIT, "admin units");
        shaped(object(call(get("/api/v1/admin-units/68"), 200), "$"), ADMIN_UNIT, "one admin unit");
        paged(call(get("/api/v1/organisations"), 200), ORGANISATION, "organisations");
        MockHttpServletResponse created = call(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Chi hội Nông dân thử hợp đồng API\", \"type\": \"FARMERS_UNION\", \"unitCode\": \"68\"}"), 201);
        assertThat(created.getHeader("Location")).isNotBlank();
        Map<String, Object> organisation = object(created, "$");
        shaped(organisation, ORGANISATION, "created organisation");
        shaped(object(call(get("/api/v1/organisations/" + organisation.get("id")), 200), "$"), ORGANISATION, "one organisation");
        String sectors = call(get("/api/v1/sectors"), 200).getContentAsString();
        assertThat(sectors).contains("ECONOMY", "CULTURE_SOCIETY", "DEFENCE_SECURITY", "POLITICAL_SYSTEM", "NEW_RURAL");
    }

    @Test
    void aCreatedInitiativeIsAnsweredAsItselfWithItsDuplicatesAddedAndEveryInitiativeEndpointKeepsItsShape() throws Exception {
        String draft = """
                {"name": "Tổ hợp tác thử hợp đồng API", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY",
                 "unitCode": "24886", "responsibleOfficer": "Nguyễn Thị B", "startYear": 2025, "description": "Mô tả",
                 "method": "Cách làm", "results": "Kết quả", "targetGroups": ["ETHNIC_MINORITY"], "featured": false}""";
        MockHttpServletResponse created = call(post("/api/v1/initiatives").contentType(MediaType.APPLICATION_JSON).content(draft), 201);
        Map<String, Object> initiative = object(created, "$");
        shaped(initiative, INITIATIVE, "created initiative");
        assertThat(initiative).as("never wrapped").doesNotContainKey("initiative").containsKey("possibleDuplicates");
        assertThat(initiative.get("name")).isEqualTo("Tổ hợp tác thử hợp đồng API");
        Object id = initiative.get("id");
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/initiatives/" + id);

        Map<String, Object> read = object(call(get("/api/v1/initiatives/" + id), 200), "$");
        shaped(read, INITIATIVE, "one initiative");
        paged(call(get("/api/v1/initiatives").param("q", "thu hop dong api"), 200), List.of("id", "code", "name"), "initiatives");

        String changed = draft.replace("Mô tả", "Mô tả đã sửa").replace("}", ", \"version\": " + read.get("version") + "}");
        shaped(object(call(put("/api/v1/initiatives/" + id).contentType(MediaType.APPLICATION_JSON).content(changed), 200), "$"),
                INITIATIVE, "changed initiative");

        MockHttpServletResponse registered = call(post("/api/v1/initiatives/" + id + "/registrations")
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2025, \"status\": \"MAINTAINED\"}"), 201);
        shaped(object(registered, "$"), REGISTRATION, "created registration");
        List<Map<String, Object>> registrations = JsonPath.read(call(get("/api/v1/initiatives/" + id + "/registrations"), 200)
                .getContentAsString(), "$");
        assertThat(registrations).isNotEmpty().allSatisfy(r -> shaped(r, REGISTRATION, "registration"));

        MockHttpServletResponse replica = call(post("/api/v1/initiatives/" + id + "/replicas").contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitCode\": \"24877\"}"), 201);
        Map<String, Object> copy = object(replica, "$");
        shaped(copy, INITIATIVE, "replica");
        assertThat(copy).doesNotContainKey("initiative").containsKey("possibleDuplicates");
        assertThat(((Number) copy.get("replicatedFromId")).longValue()).isEqualTo(((Number) id).longValue());
        assertThat(call(get("/api/v1/initiatives/" + id + "/replications"), 200).getContentAsString()).contains(String.valueOf(copy.get("id")));

        call(delete("/api/v1/initiatives/" + copy.get("id")), 204);
        shaped(object(call(get("/api/v1/initiatives/" + copy.get("id")), 404), "$"), PROBLEM, "problem of a deleted initiative");
    }

    @Test
    void theSummaryAndItsDocumentsAndTheProblemsAnswerAsDocumented() throws Exception {
        MockHttpServletResponse summary = call(get("/api/v1/reports/summary").param("unit", "68").param("year", "2025"), 200);
        shaped(object(summary, "$"), SUMMARY, "summary");
        List<Map<String, Object>> children = JsonPath.read(summary.getContentAsString(), "$.children");
        assertThat(children).isNotEmpty().allSatisfy(c -> shaped(c, List.of("unit", "name", "total", "bySector"), "summary child"));
        for (String format : List.of("xlsx", "docx", "pdf")) {
            MockHttpServletResponse file = call(get("/api/v1/reports/summary." + format).param("unit", "68").param("year", "2025"), 200);
            assertThat(file.getContentAsByteArray()).as(format).isNotEmpty();
        }
        MockHttpServletResponse invalid = call(post("/api/v1/initiatives").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"\", \"kind\": \"MODEL\"}"), 422);
        assertThat(invalid.getContentType()).startsWith("application/problem+json");
        shaped(object(invalid, "$"), PROBLEM, "validation problem");
        List<Map<String, Object>> errors = JsonPath.read(invalid.getContentAsString(), "$.errors");
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).containsKeys("field", "message"));
    }
}
