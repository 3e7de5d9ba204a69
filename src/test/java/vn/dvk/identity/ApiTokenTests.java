package vn.dvk.identity;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.security.SystemActor;

import java.util.Set;
import org.hamcrest.Matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A script of the provincial portal uses a personal token; the officer can revoke it. */
@DvkIntegrationTest
class ApiTokenTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAdministration administration;

    @Test
    void aTokenIsIssuedOnceStoredHashedUsedAsBearerAndRevoked() throws Exception {
        String body = mvc.perform(post("/api/v1/me/tokens")
                        .with(httpBasic(DvkIntegrationTest.DAM_RONG_OFFICER, DvkIntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Cổng thông tin huyện\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(body, "$.secret");
        Integer id = JsonPath.read(body, "$.token.id");
        assertThat(secret).startsWith("dvk_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, secret)).isZero();
        assertThat(jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, id))
                .isNotEqualTo(secret).hasSize(64);

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(DvkIntegrationTest.DAM_RONG_OFFICER))
                .andExpect(jsonPath("$.roles[0]").value("MOBILISATION_OFFICER"))
                .andExpect(jsonPath("$.nationalScope").value(false));
        mvc.perform(get("/api/v1/organisations").param("unit", "135").header("Authorization", "Bearer " + secret))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + secret))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].name").value("Cổng thông tin huyện"));
        // its use was noted (written in a transaction of its own: the request's check reads only)
        assertThat(jdbc.queryForObject("select last_used_at is not null from api_token where id = ?", Boolean.class, id)).isTrue();

        mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", "Bearer " + secret))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownTokenIs401AndATokenNeverOpensPages() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer dvk_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() throws Exception {
        String body = mvc.perform(post("/api/v1/me/tokens")
                        .with(httpBasic(DvkIntegrationTest.LUC_YEN_VIEWER, DvkIntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Báo cáo\"}"))
                .andReturn().getResponse().getContentAsString();
        Integer id = JsonPath.read(body, "$.token.id");
        mvc.perform(delete("/api/v1/me/tokens/" + id)
                        .with(httpBasic(DvkIntegrationTest.DAM_RONG_OFFICER, DvkIntegrationTest.DEMO_PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTokenCannotMintAnotherToken() throws Exception {
        String body = mvc.perform(post("/api/v1/me/tokens")
                        .with(httpBasic(DvkIntegrationTest.DAM_RONG_OFFICER, DvkIntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Tập lệnh cha\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String parent = JsonPath.read(body, "$.secret");
        mvc.perform(post("/api/v1/me/tokens").header("Authorization", "Bearer " + parent)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Mã con\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("mã truy cập")));
        assertThat(jdbc.queryForObject("select count(*) from api_token where name = 'Mã con'", Long.class)).isZero();
    }

    @Test
    void aLockedAccountIsAProblemAnswerNamingTheLockOnlyToTheRightPassword() throws Exception {
        String username = "khoa.api" + System.nanoTime() % 100000;
        SystemActor.run(() -> administration.create(new UserDraft(username, "Người thử khóa API", null, "674", null,
                Set.of(Role.VIEWER), "Mat khau dung 2026", true, null)));
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "sai " + i + " lan"))).andExpect(status().isUnauthorized());
        }
        String ordinary = mvc.perform(get("/api/v1/me").with(httpBasic("khong.co.ai", "sai 1 lan")))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "van sai 6")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().json(ordinary));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "Mat khau dung 2026")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("tạm khóa")));
    }

    @Test
    void httpBasicWithAWrongPasswordIs401() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic(DvkIntegrationTest.LUC_YEN_VIEWER, "wrong password 1")))
                .andExpect(status().isUnauthorized());
    }
}
