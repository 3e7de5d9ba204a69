package vn.dvk.initiative;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Writes at the same moment, really in parallel (20 threads, each its own transaction, committed):
 * every caller gets success or a clear 409, never a 500, and the kept counts equal a fresh recount.
 * Everything made here is deleted again (the database is shared with the other tests).
 */
@DvkIntegrationTest
class ConcurrentWritesTests {

    static final int THREADS = 20;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    RegistrationTally tally;
    @Autowired
    JdbcTemplate jdbc;

    private RequestPostProcessor officer() {
        return Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
    }

    private int phiLieng() throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/admin-units/24886").param("on", "2020-12-31").with(officer()))
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private String draft(String name, String code) throws Exception {
        return """
                {"name": "%s", "kind": "EXEMPLAR", "holder": "INDIVIDUAL", "sector": "DEFENCE_SECURITY", "unitId": %d,
                 "startYear": 1971%s}"""
                .formatted(name, phiLieng(), code == null ? "" : ", \"code\": \"" + code + "\"");
    }

    private long created(String name) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/initiatives").with(officer()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(draft(name, null))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(201);
        return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }

    private RequestBuilder registration(long id, int year) {
        return post("/api/v1/initiatives/" + id + "/registrations").with(officer()).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\": " + year + ", \"status\": \"NEW\"}");
    }

    /** The statuses of the requests, all let go at once; with the body of each answer that was not a success. */
    private Map<Integer, List<String>> atOnce(int count, IntFunction<RequestBuilder> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                RequestBuilder built = request.apply(k);
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    return mvc.perform(built).andReturn().getResponse();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            Map<Integer, List<String>> byStatus = new TreeMap<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get(120, TimeUnit.SECONDS);
                byStatus.computeIfAbsent(response.getStatus(), s -> new ArrayList<>()).add(response.getContentAsString());
            }
            return byStatus;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Twenty creates let go at once, named with the prefix and their number, all with the code (or none). */
    private Map<Integer, List<String>> createsAtOnce(String namePrefix, String code) throws Exception {
        return atOnce(THREADS, k -> {
            try {
                return post("/api/v1/initiatives").with(officer()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(draft(namePrefix + k, code));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<Long> createdIds(Map<Integer, List<String>> answers) {
        List<Long> ids = new ArrayList<>();
        answers.getOrDefault(201, List.of()).forEach(body -> ids.add(((Number) JsonPath.read(body, "$.id")).longValue()));
        return ids;
    }

    private void deleteAll(List<Long> ids) throws Exception {
        for (long id : ids) {
            mvc.perform(delete("/api/v1/initiatives/" + id).with(officer()).with(csrf())).andExpect(status().isNoContent());
        }
    }

    /** The kept count of Phi Liêng's registrations of the year in the sector (what the reports add up). */
    private long counted(int year) throws Exception {
        Long n = jdbc.queryForObject("select coalesce(sum(n), 0) from registration_tally where unit_id = ? and reg_year = ?"
                + " and sector = 'DEFENCE_SECURITY'", Long.class, phiLieng(), year);
        return n == null ? 0 : n;
    }

    @Test
    void twentyRegistrationsOfOneUnitYearAndSectorAtOnceAllSucceedAndAreCountedExactly() throws Exception {
        List<Long> ids = new ArrayList<>();
        try {
            for (int k = 0; k < THREADS; k++) {
                ids.add(created("Tổ hòa giải cùng lúc số " + k));
            }
            long before = counted(1987);
            Map<Integer, List<String>> answers = atOnce(THREADS, k -> registration(ids.get(k), 1987));
            assertThat(answers).containsOnlyKeys(201);
            assertThat(answers.get(201)).hasSize(THREADS);
            assertThat(counted(1987)).isEqualTo(before + THREADS);
            assertThat(tally.drift()).as("kept counts against a fresh recount").isZero();
        } finally {
            deleteAll(ids);
        }
        assertThat(tally.drift()).isZero();
    }

    @Test
    void twentyCreatesWithoutACodeAtOnceAllSucceedWithTwentyDifferentCodesOfTheProvince() throws Exception {
        Map<Integer, List<String>> answers = createsAtOnce("Tổ tự quản đánh số cùng lúc ", null);
        List<Long> ids = createdIds(answers);
        try {
            assertThat(answers).containsOnlyKeys(201);
            List<String> codes = answers.get(201).stream().map(body -> (String) JsonPath.read(body, "$.code")).toList();
            assertThat(codes).hasSize(THREADS).doesNotHaveDuplicates().allMatch(code -> code.matches("DVK-68-\\d{5}"));
        } finally {
            deleteAll(ids);
        }
    }

    @Test
    void twentyCreatesWithOneCodeAtOnceGiveOneInitiativeAndNineteenConflicts() throws Exception {
        String code = "CL-" + System.nanoTime() % 1_000_000_000L;
        Map<Integer, List<String>> answers = createsAtOnce("Tổ an ninh cùng mã số ", code);
        List<Long> ids = createdIds(answers);
        try {
            assertThat(answers).containsOnlyKeys(201, 409);
            assertThat(answers.get(201)).hasSize(1);
            assertThat(answers.get(409)).hasSize(THREADS - 1)
                    .allSatisfy(body -> assertThat((String) JsonPath.read(body, "$.detail")).contains(code));
        } finally {
            deleteAll(ids);
        }
    }

    @Test
    void yearsRegisteredAtOnceAllSucceedAndLeaveTheInitiativesVersionAlone() throws Exception {
        long id = created("Tổ tuần tra nhiều năm cùng lúc");
        try {
            String before = mvc.perform(get("/api/v1/initiatives/" + id).with(officer())).andReturn().getResponse().getContentAsString();
            // ten different years, each asked for twice: one of each pair is registered, the other is told it already is
            Map<Integer, List<String>> answers = atOnce(THREADS, k -> registration(id, 1971 + k % 10));
            assertThat(answers).containsOnlyKeys(201, 409);
            assertThat(answers.get(201)).hasSize(10);
            assertThat(answers.get(409)).hasSize(10)
                    .allSatisfy(body -> assertThat((String) JsonPath.read(body, "$.detail")).contains("đã được đăng ký năm"));
            String after = mvc.perform(get("/api/v1/initiatives/" + id).with(officer())).andReturn().getResponse().getContentAsString();
            assertThat(((Number) JsonPath.read(after, "$.version")).longValue())
                    .isEqualTo(((Number) JsonPath.read(before, "$.version")).longValue());
            List<Integer> years = JsonPath.read(mvc.perform(get("/api/v1/initiatives/" + id + "/registrations").with(officer()))
                    .andReturn().getResponse().getContentAsString(), "$[*].year");
            assertThat(years).containsExactly(1971, 1972, 1973, 1974, 1975, 1976, 1977, 1978, 1979, 1980);
            assertThat(tally.drift()).isZero();
        } finally {
            deleteAll(List.of(id));
        }
    }
}
