package vn.dvk.shared.web;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a province's IT office watches: the probes for its load balancer and the metrics for Prometheus. */
@DvkIntegrationTest
class OperationsEndpointsTests {

    private static final String ADMIN = DvkIntegrationTest.ADMIN;
    private static final String PASSWORD = DvkIntegrationTest.DEMO_PASSWORD;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void theProbesArePublicAndTellNothingButTheirStatus() throws Exception {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            mvc.perform(get(probe))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"))
                    .andExpect(jsonPath("$.components").doesNotExist());
        }
        // an administrator sees what readiness is made of: the start-up state and the database
        mvc.perform(get("/actuator/health/readiness").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void metricsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/prometheus").with(httpBasic(DvkIntegrationTest.LAM_DONG_OFFICER, PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(httpBasic(DvkIntegrationTest.LAM_DONG_OFFICER, PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void prometheusScrapesWithAnAdministratorsTokenRequestTimingsByRouteThePoolTheJvmAndTheMovementsCounts() throws Exception {
        String body = mvc.perform(post("/api/v1/me/tokens").with(httpBasic(ADMIN, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Prometheus tỉnh\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(body, "$.secret");
        mvc.perform(get("/api/v1/initiatives/{id}", 999_999_999L).with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isNotFound());

        System.gc(); // a gauge whose reading is only weakly held reads NaN once collected
        String metrics = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // timings by route (the template, never the id), the pool, the JVM
        assertThat(metrics).contains("http_server_requests_seconds_count{", "uri=\"/api/v1/initiatives/{id}\"")
                .doesNotContain("999999999")
                .contains("hikaricp_connections_active{", "jvm_memory_used_bytes{", "dvk_jobs{");
        long expected = jdbc.queryForObject("select coalesce(sum(n), 0) from registration_tally where reg_year = ?", Long.class,
                LocalDate.now(clock).getYear());
        assertThat(expected).as("the demo registers initiatives this year").isPositive();
        assertThat(sumOf(metrics, "dvk_registrations_this_year")).isEqualTo(expected);
        assertThat(sumOf(metrics, "dvk_jobs")).isEqualTo(
                jdbc.queryForObject("select count(*) from import_job where state in ('QUEUED', 'RUNNING')", Long.class));
    }

    private static long sumOf(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.E+-]+|NaN)$").matcher(metrics);
        double sum = 0;
        boolean found = false;
        while (line.find()) {
            double value = Double.parseDouble(line.group(1));
            assertThat(value).as(line.group()).isNotNaN();
            sum += value;
            found = true;
        }
        assertThat(found).as(name + " in the scrape").isTrue();
        return (long) sum;
    }
}
