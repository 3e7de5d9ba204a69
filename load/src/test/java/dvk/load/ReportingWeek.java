package dvk.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * The week before a province's review deadline, as DVK's users make it (issue 19): commune editors log in,
 * search, register new initiatives and renew last year's, upload a photo and submit; the province's
 * mobilisation officers evaluate what was submitted and open reports and the start page; standing-committee
 * members recognise evaluated lists by decision; one large import runs meanwhile.
 * <p>
 * {@code -Dusers=N} virtual users log in over ten seconds and work at once for {@code -Dduration=S} seconds, with pauses
 * of 1–3 s between actions (a real officer pauses ten times longer, so one virtual user stands for about ten
 * officers at their desks: see docs/benchmarks.md). Mix: 90 % commune editors, 7 % officers, 3 % committee
 * members. Every write the server acknowledged is written to {@code -Dacknowledged=<file>} for the
 * after-run check (tools/loadtest.sh) that it is in the database.
 */
public class ReportingWeek extends Simulation {

    private static final String BASE = System.getProperty("base", "http://127.0.0.1:8090");
    private static final int USERS = Integer.getInteger("users", 20);
    private static final int DURATION = Integer.getInteger("duration", 60);
    private static final int IMPORT_ROWS = Integer.getInteger("importRows", 5000);
    private static final String DATA = System.getProperty("data", "target/load");
    private static final int YEAR = Integer.getInteger("year", LocalDate.now().getYear());
    private static final String RUN = System.getProperty("run", Long.toString(System.currentTimeMillis() % 1_000_000));
    private static final Path ACKNOWLEDGED = Path.of(System.getProperty("acknowledged", DATA + "/acknowledged-" + RUN + ".csv"));

    private static final String[] WORDS = {"ca phe", "dan van kheo", "nong thon moi", "phu nu", "an ninh", "bo sinh san",
            "tho cam", "chuyen doi so", "duong hoa", "kinh te gioi"};
    private static final String[] THEMES = {"Mô hình trồng cà phê sạch", "Dân vận khéo trong xây dựng nông thôn mới",
            "Tổ tự quản an ninh trật tự", "Mô hình nuôi bò sinh sản", "Chi hội phụ nữ tiết kiệm", "Đường hoa nông thôn"};
    private static final String[] SECTORS = {"ECONOMY", "CULTURE_SOCIETY", "DEFENCE_SECURITY", "POLITICAL_SYSTEM", "NEW_RURAL"};

    /** What the server acknowledged: "kind,initiativeId,year" or "attachment,id,"; written at the end. */
    private static final Queue<String> ACKS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptLanguageHeader("vi-VN,vi;q=0.9")
            .acceptHeader("text/html,application/json;q=0.9,*/*;q=0.8")
            .userAgentHeader("DVK load test (Gatling)")
            .disableCaching();

    /** Logs in through the form, as a person would: again (three tries at most) when refused, else the user stops. */
    private static ChainBuilder login() {
        return tryMax(3).on(exec(http("page: login form").get("/login").check(status().is(200),
                        css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("page: log in").post("/login")
                        .formParam("username", "#{username}").formParam("password", "#{password}").formParam("_csrf", "#{csrf}")
                        // the start page after the redirect: the session is live and carries a new CSRF token
                        .check(status().is(200), css("form[action$='/logout']").exists(),
                                css("meta[name='_csrf']", "content").saveAs("csrf"))))
                .exitHereIfFailed();
    }

    private static HttpRequestActionBuilder apiPost(String name, String path, String json) {
        return http(name).post(path).header("X-CSRF-TOKEN", "#{csrf}").header("Content-Type", "application/json")
                .header("Accept", "application/json").body(StringBody(json));
    }

    /**
     * One round of a user's work: a request that fails (an unexpected status, a node gone, 503) ends the round
     * there — nothing after it runs, so nothing after it is acknowledged — and the user starts the next round.
     */
    private static ChainBuilder round(ChainBuilder work) {
        return exec(Session::markAsSucceeded).exitBlockOnFail().on(work);
    }

    private static Session acknowledge(Session session, String kind, String idKey, int year) {
        ACKS.add(kind + "," + session.getLong(idKey) + "," + year);
        return session;
    }

    private static String initiativeJson(Session session, int startYear) {
        Random random = new Random();
        return """
                {"name": "%s số %s-%d", "kind": "%s", "holder": "COLLECTIVE", "sector": "%s", "unitCode": "%s",
                 "organisationId": %s, "startYear": %d, "description": "Người dân cùng bàn, cùng làm, cùng hưởng lợi."}"""
                .formatted(THEMES[random.nextInt(THEMES.length)], RUN, SEQUENCE.incrementAndGet(), random.nextInt(10) == 0 ? "EXEMPLAR" : "MODEL",
                        SECTORS[random.nextInt(SECTORS.length)], session.getString("unitCode"), session.getString("organisationId"), startYear);
    }

    /** A commune editor's round: search, register a new one, renew last year's, a photo, submit. */
    private final ChainBuilder editorRound = exec(session -> session.set("word", WORDS[new Random().nextInt(WORDS.length)]))
            .exec(http("page: initiative list, searched").get("/initiatives").queryParam("q", "#{word}")
                    .check(status().is(200), css("meta[name='_csrf']", "content").saveAs("csrf")))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000))
            .exec(http("api: search in the commune").get("/api/v1/initiatives").queryParam("unit", "#{unitCode}")
                    .queryParam("q", "#{word}").queryParam("size", "20").header("Accept", "application/json").check(status().is(200)))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000))
            // a new one, registered this year
            .exec(apiPost("api: create initiative", "/api/v1/initiatives", "#{newJson}")
                    .check(status().is(201), jsonPath("$.id").ofLong().saveAs("newId")))
            .exec(apiPost("api: register (new, this year)", "/api/v1/initiatives/#{newId}/registrations",
                    "{\"year\": " + YEAR + ", \"status\": \"NEW\"}").check(status().is(201)))
            .exec(session -> acknowledge(session, "registration", "newId", YEAR))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000))
            // last year's, entered late, then renewed for this year
            .exec(apiPost("api: create initiative", "/api/v1/initiatives", "#{oldJson}")
                    .check(status().is(201), jsonPath("$.id").ofLong().saveAs("oldId")))
            .exec(apiPost("api: register (new, last year)", "/api/v1/initiatives/#{oldId}/registrations",
                    "{\"year\": " + (YEAR - 1) + ", \"status\": \"NEW\"}").check(status().is(201)))
            .exec(session -> acknowledge(session, "registration", "oldId", YEAR - 1))
            .exec(apiPost("api: renew (maintained, this year)", "/api/v1/initiatives/#{oldId}/registrations",
                    "{\"year\": " + YEAR + ", \"status\": \"MAINTAINED\"}").check(status().is(201)))
            .exec(session -> acknowledge(session, "registration", "oldId", YEAR))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000))
            .exec(http("api: upload photo").post("/api/v1/initiatives/#{newId}/attachments").header("X-CSRF-TOKEN", "#{csrf}")
                    .header("Accept", "application/json")
                    .bodyPart(RawFileBodyPart("file", "anh-mo-hinh.jpg").fileName("anh-mo-hinh.jpg").contentType("image/jpeg"))
                    .asMultipartForm()
                    .check(status().is(201), jsonPath("$.id").ofLong().saveAs("attachmentId")))
            .exec(session -> acknowledge(session, "attachment", "attachmentId", 0))
            .exec(http("page: initiative").get("/initiatives/#{newId}").check(status().is(200)))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000))
            .exec(apiPost("api: submit", "/api/v1/initiatives/#{newId}/years/" + YEAR + "/submit", "{}").check(status().is(200)))
            .exec(session -> acknowledge(session, "submitted", "newId", YEAR))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000));

    /** A province officer's round: reports, the start page, evaluate what was submitted. */
    private final ChainBuilder officerRound = exec(http("page: start page").get("/").check(status().is(200),
                    css("meta[name='_csrf']", "content").saveAs("csrf")))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000))
            .exec(http("page: reports").get("/reports").queryParam("unit", "#{unitCode}").queryParam("year", String.valueOf(YEAR))
                    .check(status().is(200)))
            .exec(http("api: report summary, province").get("/api/v1/reports/summary").queryParam("unit", "#{unitCode}")
                    .queryParam("year", String.valueOf(YEAR)).header("Accept", "application/json").check(status().is(200)))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000))
            .exec(http("api: submitted in the province").get("/api/v1/initiatives").queryParam("unit", "#{unitCode}")
                    .queryParam("year", String.valueOf(YEAR)).queryParam("state", "SUBMITTED").queryParam("size", "5")
                    .header("Accept", "application/json")
                    .check(status().is(200), jsonPath("$.items[*].id").ofLong().findAll().optional().saveAs("submitted")))
            .foreach(session -> session.contains("submitted") ? session.getList("submitted") : List.of(), "toEvaluate").on(
                    exec(apiPost("api: evaluate", "/api/v1/initiatives/#{toEvaluate}/years/" + YEAR + "/evaluate",
                            "{\"rating\": \"GOOD\", \"score\": 82}")
                            // 409: another officer's round evaluated it first
                            .check(status().in(200, 409), status().saveAs("answer")))
                            .exec(session -> session.getInt("answer") == 200
                                    ? acknowledge(session.set("evaluatedId", session.getLong("toEvaluate")), "evaluated", "evaluatedId", YEAR)
                                    : session)
                            .pause(Duration.ofMillis(500), Duration.ofMillis(1500)))
            .exec(session -> session.remove("submitted"));

    /** A standing-committee member's round: the evaluated list recognised by one decision. */
    private final ChainBuilder committeeRound = exec(http("page: recognition list").get("/recognitions/new")
                    .queryParam("unit", "#{unitCode}").queryParam("year", String.valueOf(YEAR))
                    .check(status().is(200), css("meta[name='_csrf']", "content").saveAs("csrf")))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000))
            .exec(http("api: evaluated in the province").get("/api/v1/initiatives").queryParam("unit", "#{unitCode}")
                    .queryParam("year", String.valueOf(YEAR)).queryParam("state", "EVALUATED").queryParam("size", "20")
                    .header("Accept", "application/json")
                    .check(status().is(200), jsonPath("$.items[*].id").ofLong().findAll().optional().saveAs("evaluated")))
            .doIf(session -> session.contains("evaluated")).then(
                    exec(session -> session.set("decision", recognitionJson(session.getList("evaluated"))))
                            .exec(apiPost("api: recognise a list", "/api/v1/recognitions", "#{decision}")
                                    // 409: one of the list was returned or recognised by another round meanwhile
                                    .check(status().in(201, 409), status().saveAs("answer")))
                            .exec(session -> {
                                if (session.getInt("answer") == 201) {
                                    for (Object id : session.getList("evaluated")) {
                                        ACKS.add("recognised," + id + "," + YEAR);
                                    }
                                }
                                return session.remove("evaluated");
                            }))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000))
            .exec(http("api: report summary, province").get("/api/v1/reports/summary").queryParam("unit", "#{unitCode}")
                    .queryParam("year", String.valueOf(YEAR)).header("Accept", "application/json").check(status().is(200)))
            .exec(http("document: report summary xlsx").get("/reports/summary.xlsx").queryParam("unit", "#{unitCode}")
                    .queryParam("year", String.valueOf(YEAR)).check(status().is(200)))
            .pause(Duration.ofMillis(1000), Duration.ofMillis(3000));

    private static String recognitionJson(List<Object> ids) {
        String items = ids.stream().map(id -> "{\"initiativeId\": " + id + ", \"year\": " + YEAR + "}").collect(Collectors.joining(", "));
        return """
                {"decisionNumber": "%d-QĐ/TU", "decisionDate": "%s", "issuingBody": "Ban Thường vụ Tỉnh ủy", "items": [%s]}"""
                .formatted(SEQUENCE.incrementAndGet(), LocalDate.now(), items);
    }

    /** One large import (a province office's file of this year's registrations), previewed then confirmed, as jobs. */
    private ChainBuilder largeImport() {
        return exec(http("import: send file (preview job)").post("/api/v1/imports/initiatives").queryParam("async", "true")
                        .header("X-CSRF-TOKEN", "#{csrf}").header("Accept", "application/json")
                        .bodyPart(ByteArrayBodyPart("file", session -> importCsv()).fileName("dang-ky-" + RUN + ".csv")
                                .contentType("text/csv"))
                        .asMultipartForm()
                        .check(status().is(202), jsonPath("$.jobId").saveAs("job")))
                .exitHereIfFailed()
                .exec(waitForJob())
                .exitHereIfFailed()
                .exec(apiPost("import: confirm (import job)", "/api/v1/imports/initiatives/#{upload}/confirm?async=true", "")
                        .check(status().is(202), jsonPath("$.jobId").saveAs("job")))
                .exitHereIfFailed()
                .exec(waitForJob())
                .exec(session -> {
                    ACKS.add("import," + session.getString("job") + "," + IMPORT_ROWS);
                    return session;
                });
    }

    private static ChainBuilder waitForJob() {
        return exec(session -> session.set("jobState", "RUNNING"))
                .asLongAs(session -> !List.of("DONE", "FAILED", "CANCELLED").contains(session.getString("jobState"))).on(
                        pause(Duration.ofSeconds(2))
                                .exec(http("import: job state").get("/api/v1/jobs/#{job}").header("Accept", "application/json")
                                        .check(status().is(200), jsonPath("$.state").saveAs("jobState"),
                                                jsonPath("$.report.id").optional().saveAs("upload"))))
                .exec(session -> "DONE".equals(session.getString("jobState")) ? session : session.markAsFailed());
    }

    private byte[] importCsv() {
        List<Map<String, Object>> communes = csv(DATA + "/editors.csv").readRecords();
        Random random = new Random(RUN.hashCode());
        StringBuilder csv = new StringBuilder("Tên mô hình, điển hình,Loại (Mô hình/Điển hình),Tập thể/Cá nhân,Lĩnh vực,"
                + "Tỉnh/Thành phố,Xã/Phường/Thị trấn,Năm đăng ký,Đăng ký (Mới/Duy trì),Mô tả\n");
        String[] sectors = {"Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị", "Nông thôn mới"};
        for (int r = 0; r < IMPORT_ROWS; r++) {
            Map<String, Object> commune = communes.get(random.nextInt(communes.size()));
            csv.append('"').append(THEMES[random.nextInt(THEMES.length)]).append(" nhập ").append(RUN).append('-').append(r).append("\",")
                    .append(random.nextInt(10) == 0 ? "Điển hình" : "Mô hình").append(",Tập thể,")
                    .append(sectors[random.nextInt(sectors.length)]).append(',')
                    .append('"').append(commune.get("provinceName")).append("\",\"").append(commune.get("communeName")).append("\",")
                    .append(YEAR).append(",Mới,Người dân cùng bàn cùng làm\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    {
        int officers = Math.max(1, USERS * 7 / 100);
        int committee = Math.max(1, USERS * 3 / 100);
        int editors = Math.max(1, USERS - officers - committee);
        ScenarioBuilder editor = scenario("commune editors").feed(csv(DATA + "/editors.csv").circular())
                .exec(login())
                .during(Duration.ofSeconds(DURATION)).on(round(
                        exec(session -> session.set("newJson", initiativeJson(session, YEAR)).set("oldJson", initiativeJson(session, YEAR - 1)))
                                .exec(editorRound)));
        ScenarioBuilder officer = scenario("province officers").feed(csv(DATA + "/officers.csv").circular())
                .exec(login()).during(Duration.ofSeconds(DURATION)).on(round(officerRound));
        ScenarioBuilder member = scenario("committee members").feed(csv(DATA + "/committee.csv").circular())
                .exec(login()).during(Duration.ofSeconds(DURATION)).on(round(committeeRound));
        // users arrive over ten seconds (a login each), then work through their rounds for the duration
        List<PopulationBuilder> populations = new ArrayList<>(List.of(
                editor.injectOpen(rampUsers(editors).during(Duration.ofSeconds(10))),
                officer.injectOpen(rampUsers(officers).during(Duration.ofSeconds(10))),
                member.injectOpen(rampUsers(committee).during(Duration.ofSeconds(10)))));
        if (IMPORT_ROWS > 0) {
            populations.add(scenario("large import").feed(csv(DATA + "/officers.csv").circular())
                    .exec(login()).exec(largeImport()).injectOpen(atOnceUsers(1)));
        }
        setUp(populations).protocols(protocol).maxDuration(Duration.ofSeconds(DURATION + 240L));
    }

    @Override
    public void after() {
        try {
            Files.createDirectories(ACKNOWLEDGED.toAbsolutePath().getParent());
            Files.write(ACKNOWLEDGED, ACKS, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
