package vn.dvk.initiative;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.SharedData;
import vn.dvk.adminunit.AdminUnitImporter;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.security.SystemActor;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latency of the initiative list and search over HTTP with the national synthetic data set
 * (profile "synthetic": 500,000 initiatives, about 3 million registrations). Not part of
 * {@code ./mvnw verify}: run {@code tools/benchmark.sh h2} or {@code tools/benchmark.sh postgres}.
 * Writes its figures to target/benchmark-results.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.profiles.include=synthetic", "dvk.demo.enabled=true"})
class RegistryBenchmark {

    /** Requests before measuring: on two cores the JIT compiler still competes with the first few hundred (see docs/benchmarks.md). */
    private static final int WARMUP = Integer.getInteger("dvk.benchmark.warmup", 50);
    private static final int MEASURED = 400;
    /** A query shape that is far too slow stops after this long (after its warm-up) rather than running for hours. */
    private static final Duration BUDGET = Duration.ofMinutes(3);
    private static final String[] PHRASES = {"mai am tinh thuong", "to an ninh tu quan", "hien dat lam duong",
            "nuoi ong lay mat", "dong ho hoc tap", "cau lac bo dan ca", "phan loai rac", "camera an ninh",
            "vuon mau nong thon moi", "hoa giai o co so"};
    private static final String[] SECTORS = {"ECONOMY", "CULTURE_SOCIETY", "DEFENCE_SECURITY", "POLITICAL_SYSTEM", "NEW_RURAL"};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdminUnits units;
    @Autowired
    DataSource dataSource;

    @Autowired
    AdminUnitImporter importer;
    @Autowired
    SyntheticData synthetic;
    @Autowired
    SearchIndex index;

    @Test
    void listAndSearchLatency() throws Exception {
        if (units.countValidOn(AdminUnitLevel.COMMUNE, LocalDate.of(2025, 7, 1)) < 3000) {
            try (InputStream in = Files.newInputStream(SharedData.require(SharedData.CONVERSION_TABLE))) {
                SystemActor.run(() -> importer.importList(in, "conversion.csv", null));
            }
        }
        synthetic.generate();
        // the in-memory word index of the search is built in the background at start (about ten seconds
        // at this scale); until then a search reads the database: measure the steady state
        for (int wait = 0; wait < 600 && !index.ready(); wait++) {
            Thread.sleep(1_000);
        }
        assertThat(index.ready()).as("search index built").isTrue();
        long initiatives = jdbc.queryForObject("select count(*) from initiative", Long.class);
        long registrations = jdbc.queryForObject("select count(*) from registration", Long.class);
        String token = token();
        List<String> provinces = jdbc.queryForList(
                "select code from admin_unit where level = 'PROVINCE' and valid_to is null and valid_from = date '2025-07-01'"
                        + " union select code from admin_unit where level = 'PROVINCE' and valid_to is null and valid_from is null",
                String.class);
        Random random = new Random(7);
        HttpClient http = HttpClient.newHttpClient();

        List<String> results = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                // each shape's line also goes to target/benchmark-progress.md at once, so a run stopped early
                // still tells what it measured
                try {
                    Files.createDirectories(Path.of("target"));
                    Files.writeString(Path.of("target/benchmark-progress.md"), line, StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return super.add(line);
            }
        };
        results.add(measure(http, token, "filtered list: province + year + sector, page 1 of 50", () ->
                "/api/v1/initiatives?unit=" + provinces.get(random.nextInt(provinces.size())) + "&year="
                        + (2016 + random.nextInt(10)) + "&sector=" + SECTORS[random.nextInt(SECTORS.length)] + "&size=50"));
        results.add(measure(http, token, "filtered list: province + year, page 3 of 50", () ->
                "/api/v1/initiatives?unit=" + provinces.get(random.nextInt(provinces.size())) + "&year="
                        + (2016 + random.nextInt(10)) + "&page=2&size=50"));
        results.add(measure(http, token, "search without diacritics, whole country", () ->
                "/api/v1/initiatives?q=" + URLEncoder.encode(PHRASES[random.nextInt(PHRASES.length)] + " thon "
                        + (1 + random.nextInt(25)), StandardCharsets.UTF_8) + "&size=50"));
        results.add(measure(http, token, "search without diacritics inside a province", () ->
                "/api/v1/initiatives?unit=" + provinces.get(random.nextInt(provinces.size())) + "&q="
                        + URLEncoder.encode(PHRASES[random.nextInt(PHRASES.length)], StandardCharsets.UTF_8) + "&size=50"));

        results.add(measure(http, token, "report summary: province + year (kept counts)", () ->
                "/api/v1/reports/summary?unit=" + provinces.get(random.nextInt(provinces.size())) + "&year="
                        + (2016 + random.nextInt(10))));
        results.add(measure(http, token, "report summary: whole country + year (kept counts)", () ->
                "/api/v1/reports/summary?year=" + (2016 + random.nextInt(10))));
        List<Long> provinceIds = jdbc.queryForList("select distinct province_id from registration_tally", Long.class);
        String plain = "select r.unit_id, r.sector, r.status, i.kind, i.holder, i.featured, r.workflow_state, count(*)"
                + " from registration r join initiative i on i.id = r.initiative_id where r.reg_year = ?%s"
                + " group by r.unit_id, r.sector, r.status, i.kind, i.holder, i.featured, r.workflow_state";
        results.add(measureSql("plain GROUP BY of the same figures: province + year (SQL only, no HTTP)", () -> {
            jdbc.queryForList(plain.formatted(" and r.province_id = ?"), 2016 + random.nextInt(10),
                    provinceIds.get(random.nextInt(provinceIds.size())));
        }));
        results.add(measureSql("plain GROUP BY of the same figures: whole country + year (SQL only, no HTTP)", () -> {
            jdbc.queryForList(plain.formatted(""), 2016 + random.nextInt(10));
        }));

        String database;
        try (var connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
        }
        StringBuilder report = new StringBuilder();
        report.append("\n### ").append(database).append(" — ").append(LocalDateTime.now().withNano(0)).append("\n\n")
                .append("Data: ").append(initiatives).append(" initiatives, ").append(registrations)
                .append(" registrations. ").append(WARMUP).append(" warm-up requests, then ").append(MEASURED)
                .append(" measured, one client, over HTTP with a bearer token.\n\n")
                .append("| query | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        results.forEach(report::append);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-results.md"), report.toString(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(report);
    }

    /** -Ddvk.benchmark.only=<part of a label> measures only the shapes whose label contains it. */
    private static final String ONLY = System.getProperty("dvk.benchmark.only", "");

    private String measure(HttpClient http, String token, String label, Supplier<String> paths)
            throws Exception {
        if (!label.contains(ONLY)) {
            return "";
        }
        List<Double> millis = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int n = 0; n < WARMUP + MEASURED && System.nanoTime() < deadline; n++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + paths.get()))
                    .header("Authorization", "Bearer " + token).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - start) / 1e6;
            assertThat(response.statusCode()).isEqualTo(200);
            if (n >= WARMUP) {
                millis.add(elapsed);
            }
        }
        Collections.sort(millis);
        if (millis.isEmpty()) {
            return "| %s (time budget of %d min spent in the warm-up) | – | – | – | – |%n".formatted(label, BUDGET.toMinutes());
        }
        String measured = millis.size() < MEASURED ? " (" + millis.size() + " of " + MEASURED + " measured: time budget spent)" : "";
        return "| %s%s | %.1f | %.1f | %.1f | %.1f |%n".formatted(label, measured, at(millis, 0.50), at(millis, 0.95),
                at(millis, 0.99), millis.get(millis.size() - 1));
    }

    /** The same loop for a query run in-process (for the plain GROUP BY the report's counts are compared with). */
    private String measureSql(String label, Runnable query) {
        if (!label.contains(ONLY)) {
            return "";
        }
        List<Double> millis = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int n = 0; n < WARMUP + MEASURED && System.nanoTime() < deadline; n++) {
            long start = System.nanoTime();
            query.run();
            if (n >= WARMUP) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        if (millis.isEmpty()) {
            return "| %s (time budget spent in the warm-up) | – | – | – | – |%n".formatted(label);
        }
        return "| %s | %.1f | %.1f | %.1f | %.1f |%n".formatted(label, at(millis, 0.50), at(millis, 0.95), at(millis, 0.99),
                millis.get(millis.size() - 1));
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1);
    }

    private String token() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/me/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "quantri.demo:DanVanKheo2025".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"benchmark\"}")).build(), HttpResponse.BodyHandlers.ofString());
        return JsonPath.read(response.body(), "$.secret");
    }
}
