package vn.dvk;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.dvk.Logins.as;

/**
 * A test's initiative, made the way an integrator would make it: through /api/v1, as a user, each
 * answer checked (a failed step fails the test with the answer's body, not a later assertion with
 * a puzzling figure).
 * <pre>
 * long id = anInitiative("Mô hình nuôi ong thôn 3").in(PHI_LIENG_2021).sector("NEW_RURAL")
 *         .registeredFor(2022).by(DAM_RONG_OFFICER).submitted().create(mvc);
 * </pre>
 * Defaults: a collective MODEL in ECONOMY, started in the first year it is registered for.
 */
public final class InitiativeFixture {

    /** The old commune Phi Liêng (GSO 24886) as it was before the 2025 merger, in huyện Đam Rông. */
    public static final Unit PHI_LIENG_2021 = Unit.asOf("24886", "2021-01-01");

    /** An administrative unit: by its code (today's unit), or as it was on a date (looked up to its id). */
    public record Unit(String code, String on) {

        public static Unit code(String code) {
            return new Unit(code, null);
        }

        public static Unit asOf(String code, String on) {
            return new Unit(code, on);
        }
    }

    /** What the API answered for the created initiative (the POST's body as it was then). */
    public record Created(long id, String code, String json) {
    }

    private record Registration(int year, String status) {
    }

    private record Step(String user, String step, String body) {
    }

    private final String name;
    private String user;
    private Unit unit;
    private String kind = "MODEL";
    private String holder = "COLLECTIVE";
    private String sector = "ECONOMY";
    private Long organisationId;
    private String organisationOf;
    private Integer startYear;
    private String description;
    private String results;
    private final List<Registration> registrations = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<MockMultipartFile> attachments = new ArrayList<>();

    private InitiativeFixture(String name) {
        this.name = name;
    }

    public static InitiativeFixture anInitiative(String name) {
        return new InitiativeFixture(name);
    }

    /** Who creates and registers it and, unless a step names another, takes its steps. */
    public InitiativeFixture by(String user) {
        this.user = user;
        return this;
    }

    public InitiativeFixture in(Unit unit) {
        this.unit = unit;
        return this;
    }

    /** Today's unit with this code (or name, as the API takes it: "dam rong 1"). */
    public InitiativeFixture in(String unitCode) {
        return in(Unit.code(unitCode));
    }

    public InitiativeFixture kind(String kind) {
        this.kind = kind;
        return this;
    }

    public InitiativeFixture holder(String holder) {
        this.holder = holder;
        return this;
    }

    public InitiativeFixture sector(String sector) {
        this.sector = sector;
        return this;
    }

    public InitiativeFixture organisation(long organisationId) {
        this.organisationId = organisationId;
        return this;
    }

    /** Owned by the organisation the user belongs to (as /api/v1/me tells). */
    public InitiativeFixture ofTheOrganisationOf(String user) {
        this.organisationOf = user;
        return this;
    }

    public InitiativeFixture startYear(int year) {
        this.startYear = year;
        return this;
    }

    public InitiativeFixture description(String description) {
        this.description = description;
        return this;
    }

    public InitiativeFixture results(String results) {
        this.results = results;
        return this;
    }

    /** Registered NEW for the year. */
    public InitiativeFixture registeredFor(int year) {
        return registeredFor(year, "NEW");
    }

    public InitiativeFixture maintainedFor(int year) {
        return registeredFor(year, "MAINTAINED");
    }

    public InitiativeFixture registeredFor(int year, String status) {
        registrations.add(new Registration(year, status));
        return this;
    }

    /** Submitted for the year it was last registered for, by its creator. */
    public InitiativeFixture submitted() {
        return step(null, "submit", "{}");
    }

    public InitiativeFixture submittedBy(String user) {
        return step(user, "submit", "{}");
    }

    /** A workflow step taken by its creator. */
    public InitiativeFixture step(String step, String jsonBody) {
        return step(null, step, jsonBody);
    }

    /** A workflow step (path of /api/v1/initiatives/{id}/years/{year}/…) on the last registered year, answered 200. */
    public InitiativeFixture step(String user, String step, String jsonBody) {
        steps.add(new Step(user, step, jsonBody));
        return this;
    }

    public InitiativeFixture attachment(String fileName, String contentType, byte[] content) {
        attachments.add(new MockMultipartFile("file", fileName, contentType, content));
        return this;
    }

    public long create(MockMvc mvc) throws Exception {
        return created(mvc).id();
    }

    public Created created(MockMvc mvc) throws Exception {
        if (user == null || unit == null) {
            throw new IllegalStateException("an initiative fixture needs by(user) and in(unit): " + name);
        }
        Integer year = startYear != null ? startYear : registrations.isEmpty() ? null : registrations.get(0).year();
        String body = ("{\"name\": %s, \"kind\": \"%s\", \"holder\": \"%s\", \"sector\": \"%s\", %s, \"organisationId\": %s,"
                + " \"startYear\": %s, \"description\": %s, \"results\": %s}")
                .formatted(quoted(name), kind, holder, sector, unitField(mvc), organisation(mvc), year, quoted(description), quoted(results));
        String answer = expect(mvc, json(post("/api/v1/initiatives"), body).with(as(user)), 201);
        long id = ((Number) JsonPath.read(answer, "$.id")).longValue();
        for (Registration registration : registrations) {
            expect(mvc, json(post("/api/v1/initiatives/{id}/registrations", id),
                    "{\"year\": %d, \"status\": \"%s\"}".formatted(registration.year(), registration.status())).with(as(user)), 201);
        }
        if (!steps.isEmpty() && registrations.isEmpty()) {
            throw new IllegalStateException("workflow steps need a registered year: " + name);
        }
        for (Step step : steps) {
            int stepYear = registrations.get(registrations.size() - 1).year();
            expect(mvc, json(post("/api/v1/initiatives/{id}/years/{year}/{step}", id, stepYear, step.step()), step.body())
                    .with(as(step.user() == null ? user : step.user())), 200);
        }
        for (MockMultipartFile file : attachments) {
            expect(mvc, multipart("/api/v1/initiatives/{id}/attachments", id).file(file).with(as(user)).with(csrf()), 201);
        }
        return new Created(id, JsonPath.read(answer, "$.code"), answer);
    }

    private String unitField(MockMvc mvc) throws Exception {
        if (unit.on() == null) {
            return "\"unitCode\": " + quoted(unit.code());
        }
        String answer = expect(mvc, get("/api/v1/admin-units/{code}", unit.code()).param("on", unit.on())
                .with(as(DvkIntegrationTest.ADMIN)), 200);
        return "\"unitId\": " + ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    private Long organisation(MockMvc mvc) throws Exception {
        if (organisationOf == null) {
            return organisationId;
        }
        Number id = JsonPath.read(expect(mvc, get("/api/v1/me").with(as(organisationOf)), 200), "$.organisationId");
        if (id == null) {
            throw new AssertionError(organisationOf + " belongs to no organisation");
        }
        return id.longValue();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** The answer's body, or the test fails saying which request got which answer. */
    static String expect(MockMvc mvc, RequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        MockHttpServletResponse response = result.getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        if (response.getStatus() != status) {
            throw new AssertionError("fixture step " + result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " answered "
                    + response.getStatus() + " (expected " + status + "): " + body);
        }
        return body;
    }

    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
