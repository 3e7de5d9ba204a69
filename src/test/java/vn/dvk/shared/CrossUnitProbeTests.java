package vn.dvk.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.identity.UserDirectory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

/**
 * Reads the OpenAPI document and calls every operation that names a thing by id, or a unit, as users of
 * another unit: each must answer 404 or 403 and show no figure. A new endpoint is probed the day it is
 * added; one whose thing has no fixture here fails the test, so it cannot be forgotten.
 */
@DvkIntegrationTest
class CrossUnitProbeTests {

    /** What any signed-in user may read anywhere, and why. */
    private static final Map<String, String> SHARED_EVERYWHERE = Map.of(
            "admin-units", "the official list of administrative units is public",
            "sectors", "sectors are the movement's national configuration",
            "movements", "emulation movements are national configuration");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    private final ObjectMapper json = new ObjectMapper();

    private final int thisYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
    /** One thing of Lâm Đồng per kind of thing (the path segment after /api/v1/), with the year it is of. */
    private final Map<String, String> fixtures = new LinkedHashMap<>();
    private String fixtureYear;
    private String followUp = "0";
    private final List<String> outsiders = new ArrayList<>();
    /** The editor of the neighbouring commune: outside Xã Đam Rông 1, but heir to part of the old Đam Rông district. */
    private String neighbour;
    /** The things of Xã Đam Rông 1 itself, which the neighbouring commune must not reach either. */
    private static final Set<String> OF_DAM_RONG_1 = Set.of("initiatives", "attachments", "inspections", "plans", "conferences",
            "criteria-sets", "organisations", "users", "me", "jobs", "imports");

    private String body(AbstractMockHttpServletRequestBuilder<?> request, String user) throws Exception {
        MvcResult result = mvc.perform(request.with(as(user)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as("fixture %s %s", request, result.getResponse().getContentAsString())
                .isBetween(200, 299);
        return result.getResponse().getContentAsString();
    }

    private String firstId(String path, String user) throws Exception {
        String list = body(get(path), user);
        Object items = JsonPath.read(list, list.trim().startsWith("[") ? "$[*].id" : "$.items[*].id");
        List<?> ids = (List<?>) items;
        assertThat(ids).as("Lâm Đồng has something at %s", path).isNotEmpty();
        return String.valueOf(ids.get(0));
    }

    private String outsider(String role, String unit) throws Exception {
        String name = "ngoai." + role.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 6);
        body(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
                {"username": "%s", "displayName": "Người ngoài %s", "unitCode": "%s", "roles": ["%s"], "password": "Ngoai-Don-Vi-2026!"}"""
                .formatted(name, role, unit, role)), DvkIntegrationTest.ADMIN);
        return name;
    }

    private final List<String> fixtureProblems = new ArrayList<>();

    private interface Fixture {
        String make() throws Exception;
    }

    private void fixture(String segment, Fixture fixture) {
        try {
            fixtures.put(segment, fixture.make());
        } catch (Exception | AssertionError e) {
            fixtureProblems.add(segment + ": " + e.getMessage());
        }
    }

    @BeforeEach
    void fixturesInLamDongAndUsersElsewhere() throws Exception {
        String editor = "xa.damrong1";
        Long organisation = directory.principalOf(editor).orElseThrow().organisationId();
        String initiative = String.valueOf(anInitiative("Mô hình thăm dò phạm vi " + letters()).in("dam rong 1")
                .organisation(organisation).startYear(thisYear).by(editor).create(mvc));
        fixtures.put("initiatives", initiative);
        fixtureYear = String.valueOf(thisYear);
        fixture("attachments", () -> String.valueOf((Object) JsonPath.read(body(multipart("/api/v1/initiatives/{id}/attachments", initiative)
                .file(new MockMultipartFile("file", "bien-ban.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes())), editor), "$.id")));
        // the Đam Rông decision of 2021 (an administrator's record, read only where it acted)
        fixture("decisions", () -> {
            String demo = firstId("/api/v1/initiatives?q=" + "Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm", DvkIntegrationTest.ADMIN);
            List<?> decisions = JsonPath.read(body(get("/api/v1/initiatives/{id}/timeline", demo), DvkIntegrationTest.ADMIN),
                    "$[?(@.step == 'RECOGNISE')].decisionId");
            return String.valueOf(decisions.get(0));
        });
        String district = DvkIntegrationTest.DAM_RONG_OFFICER;
        fixture("commendation-proposals", () -> firstId("/api/v1/commendation-proposals", district));
        String officer = "btgdv.lamdong";
        fixture("inspections", () -> {
            String inspection = body(post("/api/v1/inspections").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode": "dam rong 1", "initiativeId": %s, "kind": "INSPECTION", "date": "%d-01-15",
                         "inspectors": "Ban Tuyên giáo và Dân vận Tỉnh ủy", "findings": "Thăm dò phạm vi",
                         "followUps": [{"task": "Bổ sung hồ sơ", "assignee": "UBND xã", "dueOn": "%d-03-01"}]}"""
                        .formatted(initiative, thisYear, thisYear)), officer);
            followUp = String.valueOf((Object) JsonPath.read(inspection, "$.followUps[0].id"));
            return String.valueOf((Object) JsonPath.read(inspection, "$.id"));
        });
        String period = String.valueOf((Object) JsonPath.read(body(post("/api/v1/periods").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Năm %d (thăm dò %s)", "fromYear": %d, "toYear": %d}"""
                        .formatted(thisYear, UUID.randomUUID().toString().substring(0, 6), thisYear, thisYear)),
                DvkIntegrationTest.ADMIN), "$.id"));
        fixture("plans", () -> String.valueOf((Object) JsonPath.read(body(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"unitCode": "dam rong 1", "periodId": %s, "title": "Kế hoạch thăm dò phạm vi", "documents": []}"""
                        .formatted(period)), officer), "$.id")));
        fixture("conferences", () -> String.valueOf((Object) JsonPath.read(body(post("/api/v1/conferences")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "EXCHANGE", "title": "Hội nghị thăm dò phạm vi", "heldOn": "%d-01-20",
                         "organiser": "Đảng ủy xã Đam Rông 1", "unitCode": "dam rong 1", "periodId": %s, "papers": []}"""
                        .formatted(thisYear, period)), officer), "$.id")));
        fixture("criteria-sets", () -> String.valueOf((Object) JsonPath.read(body(post("/api/v1/criteria-sets")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Tiêu chí thử của xã Đam Rông 1", "unitCode": "dam rong 1", "fromYear": 2016, "toYear": 2016,
                         "excellentFrom": 45, "goodFrom": 35, "passFrom": 25, "active": false,
                         "criteria": [{"groupName": "Hiệu quả", "name": "Hiệu quả kinh tế", "maxScore": 50}]}"""),
                DvkIntegrationTest.ADMIN), "$.id")));
        fixture("organisations", () -> String.valueOf(organisation));
        // a report the province's board issued (numbered, kept as issued)
        fixture("documents", () -> String.valueOf((Object) JsonPath.read(body(post("/api/v1/reports/annual").param("unit", "68")
                .param("year", String.valueOf(thisYear)), officer), "$.id")));
        fixture("users", () -> firstId("/api/v1/users?q=damrong1", DvkIntegrationTest.ADMIN));
        fixture("me", () -> String.valueOf((Object) JsonPath.read(body(post("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"thăm dò\"}"), editor), "$.token.id")));
        fixture("jobs", () -> String.valueOf((Object) JsonPath.read(body(post("/api/v1/exports/initiatives"), editor), "$.jobId")));
        byte[] template = mvc.perform(get("/api/v1/imports/initiatives/template.xlsx").with(as(editor))).andReturn().getResponse()
                .getContentAsByteArray();
        fixture("imports", () -> String.valueOf((Object) JsonPath.read(body(multipart("/api/v1/imports/initiatives")
                .file(new MockMultipartFile("file", "mau.xlsx", null, template)), editor), "$.id")));
        // users of a commune far away, and of the neighbouring commune of the same province
        String farAway = "Tỉnh Lào Cai";
        for (String role : List.of("VIEWER", "UNIT_EDITOR", "MOBILISATION_OFFICER", "COMMITTEE_MEMBER")) {
            outsiders.add(outsider(role, farAway));
        }
        neighbour = outsider("UNIT_EDITOR", "Xã Đam Rông 2");
    }

    @Test
    void everyOperationThatNamesAThingOrAUnitTurnsAwayUsersOfAnotherUnit() throws Exception {
        JsonNode api = json.readTree(body(get("/v3/api-docs"), DvkIntegrationTest.ADMIN));
        List<String> failures = new ArrayList<>();
        int probed = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            String segment = path.getKey().substring("/api/v1/".length()).split("/")[0];
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase());
                List<JsonNode> parameters = new ArrayList<>();
                op.getValue().path("parameters").forEach(parameters::add);
                boolean namesAThing = path.getKey().contains("{id}");
                boolean namesAUnit = parameters.stream().anyMatch(p -> "query".equals(p.path("in").asText())
                        && Set.of("unit", "unitCode").contains(p.path("name").asText()));
                if (!namesAThing && !namesAUnit || SHARED_EVERYWHERE.containsKey(segment)) {
                    continue;
                }
                if (namesAThing && !fixtures.containsKey(segment)) {
                    failures.add(method + " " + path.getKey() + ": no fixture of Lâm Đồng for '" + segment + "' — add one to this test");
                    continue;
                }
                for (String[] unitAndYear : namesAUnit ? List.of(new String[]{"674", "2021"}, new String[]{"dam rong 1", fixtureYear})
                        : List.<String[]>of(new String[]{null, fixtureYear})) {
                    String uri = path.getKey().replace("{id}", namesAThing ? fixtures.get(segment) : "")
                            .replace("{year}", unitAndYear[1]).replace("{step}", "submit").replace("{what}", "initiatives")
                            .replace("{format}", "xlsx").replace("{followUpId}", followUp);
                    List<String> users = new ArrayList<>(outsiders);
                    if (namesAThing ? OF_DAM_RONG_1.contains(segment) : !"674".equals(unitAndYear[0])) {
                        users.add(neighbour);
                    }
                    for (String user : users) {
                        AbstractMockHttpServletRequestBuilder<?> call = op.getValue().has("requestBody")
                                && op.getValue().get("requestBody").path("content").has("multipart/form-data")
                                ? multipart(method, uri).file(new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1.4\n".getBytes()))
                                : (AbstractMockHttpServletRequestBuilder<?>) request(method, uri);
                        if (op.getValue().has("requestBody") && !op.getValue().get("requestBody").path("content").has("multipart/form-data")) {
                            call.contentType(MediaType.APPLICATION_JSON).content(op.getValue().get("requestBody").path("content")
                                    .path("application/json").path("schema").path("type").asText().equals("array") ? "[]" : "{}");
                        }
                        for (JsonNode p : parameters) {
                            if (!"query".equals(p.path("in").asText())) {
                                continue;
                            }
                            String name = p.path("name").asText();
                            if (name.equals("unit") || name.equals("unitCode")) {
                                call.param(name, unitAndYear[0]);
                            } else if (name.equals("year") || name.equals("from") || name.equals("to")) {
                                call.param(name, unitAndYear[1]);
                            }
                        }
                        MvcResult result = mvc.perform(call.with(as(user)).with(csrf())).andReturn();
                        int status = result.getResponse().getStatus();
                        probed++;
                        if (status != 404 && status != 403) {
                            failures.add(method + " " + uri + " as " + user + " (" + unitAndYear[0] + "): " + status + " "
                                    + abbreviate(result.getResponse().getContentAsString()));
                        }
                    }
                }
            }
        }
        failures.addAll(0, fixtureProblems);
        assertThat(probed).as("operations probed").isGreaterThan(100);
        assertThat(failures).as("operations that answered a user of another unit").isEmpty();
    }

    /** A unique tag of letters only: digits in a name would be found by other tests' searches ("Đam Rông 2"). */
    private static String letters() {
        StringBuilder tag = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            tag.append((char) ('a' + Character.digit(c, 16)));
        }
        return tag.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
