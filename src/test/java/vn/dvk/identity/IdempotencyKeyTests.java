package vn.dvk.identity;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.dvk.DvkIntegrationTest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static vn.dvk.Logins.as;

/**
 * API.md's Idempotency-Key: a retry after a lost answer is answered again and writes nothing; the same key for
 * another request is refused; a refused request keeps no key; a 409 for a stale version carries the record as it is.
 */
@DvkIntegrationTest
class IdempotencyKeyTests {

    static final String EDITOR = DvkIntegrationTest.LAM_DONG_OFFICER;
    static final String DRAFT = """
            {"name": "%s", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY", "unitCode": "24886",
             "startYear": 2024, "targetGroups": []}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDirectory directory;

    private MvcResult send(MockHttpServletRequestBuilder request, String user, String key, String body) throws Exception {
        request.with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn();
    }

    private long named(String name) {
        return jdbc.queryForObject("select count(*) from initiative where name = ?", Long.class, name);
    }

    @Test
    void aRetryWithTheSameKeyIsAnsweredAgainAndWritesNothing() throws Exception {
        String name = "Tổ tự quản đường làng thôn 4 " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        MvcResult first = send(post("/api/v1/initiatives"), EDITOR, key, DRAFT.formatted(name));
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(first.getResponse().getHeader("Idempotency-Replayed")).isNull();

        MvcResult again = send(post("/api/v1/initiatives"), EDITOR, key, DRAFT.formatted(name));
        assertThat(again.getResponse().getStatus()).isEqualTo(201);
        assertThat(again.getResponse().getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(named(name)).isEqualTo(1);

        // the same key for another request: refused, naming the header, and nothing written
        MvcResult other = send(post("/api/v1/initiatives"), EDITOR, key, DRAFT.formatted(name + " (2)"));
        assertThat(other.getResponse().getStatus()).isEqualTo(422);
        assertThat(other.getResponse().getContentAsString()).contains("Idempotency-Key").contains("khóa mới");
        assertThat(named(name + " (2)")).isZero();

        // without a key every send is a new request (the old behaviour for clients that send none)
        assertThat(send(post("/api/v1/initiatives"), EDITOR, null, DRAFT.formatted(name)).getResponse().getStatus()).isEqualTo(201);
        assertThat(named(name)).isEqualTo(2);
    }

    @Test
    void keysBelongToTheirUserAndARefusedRequestKeepsNone() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "Câu lạc bộ dân ca thôn 2 " + UUID.randomUUID();
        // refused (no name): the key is not kept, so the mended request may use it
        MvcResult refused = send(post("/api/v1/initiatives"), EDITOR, key, DRAFT.formatted(""));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(send(post("/api/v1/initiatives"), EDITOR, key, DRAFT.formatted(name)).getResponse().getStatus()).isEqualTo(201);
        // another user's request with the same key is that user's own
        MvcResult otherUser = send(post("/api/v1/initiatives"), DvkIntegrationTest.DAM_RONG_OFFICER, key, DRAFT.formatted(name + " bis"));
        assertThat(otherUser.getResponse().getStatus()).isEqualTo(201);
        assertThat(otherUser.getResponse().getHeader("Idempotency-Replayed")).isNull();
        assertThat(named(name)).isEqualTo(1);
        assertThat(named(name + " bis")).isEqualTo(1);

        MvcResult tooLong = send(post("/api/v1/initiatives"), EDITOR, "k".repeat(201), DRAFT.formatted(name + " ter"));
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(422);
        assertThat(named(name + " ter")).isZero();
    }

    @Test
    void aRetryWhileTheFirstIsRunningIsRefusedNeverRunTwice() throws Exception {
        long userId = directory.principalOf(EDITOR).orElseThrow().id();
        String name = "Mô hình nuôi ong thôn 7 " + UUID.randomUUID();
        String running = UUID.randomUUID().toString();
        String lost = UUID.randomUUID().toString();
        // the fingerprint of the request is what a running first send would have stored
        MvcResult probe = send(post("/api/v1/initiatives"), EDITOR, running, DRAFT.formatted(name));
        String hash = jdbc.queryForObject("select request_hash from idempotency_key where user_id = ? and idem_key = ?", String.class,
                userId, running);
        long before = named(name);
        assertThat(probe.getResponse().getStatus()).isEqualTo(201);
        jdbc.update("update idempotency_key set state = 'RUNNING', status = null, body = null where user_id = ? and idem_key = ?",
                userId, running);
        jdbc.update("insert into idempotency_key (user_id, idem_key, request_hash, state, created_at) values (?, ?, ?, 'RUNNING', ?)",
                userId, lost, hash, Timestamp.from(Instant.now().minus(20, ChronoUnit.MINUTES)));

        MvcResult whileRunning = send(post("/api/v1/initiatives"), EDITOR, running, DRAFT.formatted(name));
        assertThat(whileRunning.getResponse().getStatus()).isEqualTo(409);
        assertThat(whileRunning.getResponse().getHeader("Retry-After")).isNotNull();
        assertThat(whileRunning.getResponse().getContentAsString()).contains("đang được xử lý");

        MvcResult answerLost = send(post("/api/v1/initiatives"), EDITOR, lost, DRAFT.formatted(name));
        assertThat(answerLost.getResponse().getStatus()).isEqualTo(409);
        assertThat(answerLost.getResponse().getContentAsString()).contains("kiểm tra dữ liệu");
        assertThat(named(name)).isEqualTo(before);
    }

    @Test
    void aStaleVersionIsRefusedWithTheRecordAsItIsNow() throws Exception {
        String name = "Tổ hòa giải thôn 9 " + UUID.randomUUID();
        String created = send(post("/api/v1/initiatives"), EDITOR, null, DRAFT.formatted(name)).getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");
        String update = """
                {"name": "%s", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY", "unitCode": "24886",
                 "startYear": 2024, "targetGroups": [], "version": 0}""";
        MvcResult edited = send(put("/api/v1/initiatives/" + id), EDITOR, UUID.randomUUID().toString(), update.formatted(name + " (sửa ở xã)"));
        assertThat(edited.getResponse().getStatus()).isEqualTo(200);

        // the phone's edit, made offline on version 0
        MvcResult stale = send(put("/api/v1/initiatives/" + id), EDITOR, UUID.randomUUID().toString(), update.formatted(name + " (sửa trên điện thoại)"));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        String problem = stale.getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(problem, "$.current.version")).isEqualTo(1);
        assertThat((String) JsonPath.read(problem, "$.current.name")).isEqualTo(name + " (sửa ở xã)");
        assertThat((Integer) JsonPath.read(problem, "$.current.id")).isEqualTo(id);
        String now = mvc.perform(get("/api/v1/initiatives/" + id).with(as(EDITOR))).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(now, "$.name")).isEqualTo(name + " (sửa ở xã)");
    }
}
