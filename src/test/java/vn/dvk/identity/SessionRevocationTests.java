package vn.dvk.identity;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.security.SystemActor;

import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An open browser session never outlives a change of what its user may do: new roles, a disabled
 * account, a reset or changed password end the user's other sessions at once.
 */
@DvkIntegrationTest
class SessionRevocationTests {

    private static final String PASSWORD = "Mat khau phien 2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory directory;

    private UserView officer(String prefix) {
        String username = prefix + System.nanoTime() % 1_000_000;
        return SystemActor.call(() -> administration.create(new UserDraft(username, "Cán bộ thử phiên", null, "674", null,
                Set.of(Role.MOBILISATION_OFFICER), PASSWORD, true, null))).user();
    }

    private Cookie login(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(authenticated()).andReturn().getResponse().getCookie("SESSION");
    }

    private void stillOpen(Cookie session, String role) throws Exception {
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value(role));
    }

    private void ended(Cookie session) throws Exception {
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/organisations").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    private UserDraft draft(UserView user, Set<Role> roles, boolean enabled) {
        return new UserDraft(user.username(), user.displayName(), user.organisationId(), null, user.unitId(), roles, null,
                enabled, user.version());
    }

    @Test
    void demotingAnOfficerEndsTheirOpenSessionAtOnce() throws Exception {
        UserView user = officer("ha.vaitro");
        Cookie session = login(user.username(), PASSWORD);
        stillOpen(session, "MOBILISATION_OFFICER");

        SystemActor.run(() -> administration.update(user.id(), draft(user, Set.of(Role.VIEWER), true)));

        ended(session);
        stillOpen(login(user.username(), PASSWORD), "VIEWER");
    }

    @Test
    void anAdministratorWhoChangesTheirOwnRolesLogsInAgain() throws Exception {
        String username = "qt.tuthay" + System.nanoTime() % 1_000_000;
        UserView admin = SystemActor.call(() -> administration.create(new UserDraft(username, "Quản trị tự đổi vai trò", null, null,
                null, Set.of(Role.ADMIN), PASSWORD, true, null))).user();
        Cookie here = login(username, PASSWORD);
        Cookie elsewhere = login(username, PASSWORD);
        stillOpen(here, "ADMIN");
        // a change of their own name alone keeps the session
        String renamed = "{\"username\": \"" + username + "\", \"displayName\": \"Tên mới\", \"roles\": [\"ADMIN\"],"
                + " \"enabled\": true, \"version\": " + admin.version() + "}";
        String body = mvc.perform(put("/api/v1/users/" + admin.id()).cookie(here).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(renamed)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        stillOpen(here, "ADMIN");
        stillOpen(elsewhere, "ADMIN");
        // giving up their own administrator's role: no session of theirs keeps it, this one included
        Long unitId = officer("don.vi").unitId();
        String demoted = "{\"username\": \"" + username + "\", \"displayName\": \"Tên mới\", \"unitId\": " + unitId + ","
                + " \"roles\": [\"VIEWER\"], \"enabled\": true, \"version\": " + JsonPath.read(body, "$.version") + "}";
        mvc.perform(put("/api/v1/users/" + admin.id()).cookie(here).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(demoted)).andExpect(status().isOk());
        ended(here);
        ended(elsewhere);
        stillOpen(login(username, PASSWORD), "VIEWER");

        // the same through the page: the administrator is sent to the login page, told why
        String other = "qt.trang" + System.nanoTime() % 1_000_000;
        UserView pageAdmin = SystemActor.call(() -> administration.create(new UserDraft(other, "Quản trị trang", null, null,
                null, Set.of(Role.ADMIN), PASSWORD, true, null))).user();
        Cookie page = login(other, PASSWORD);
        mvc.perform(post("/admin/users/" + pageAdmin.id()).cookie(page).with(csrf()).param("username", other)
                        .param("displayName", "Quản trị trang").param("unitId", String.valueOf(unitId)).param("roles", "VIEWER")
                        .param("enabled", "true").param("version", String.valueOf(pageAdmin.version())))
                .andExpect(redirectedUrl("/login?rolesChanged"));
        ended(page);
        mvc.perform(get("/login").param("rolesChanged", "")).andExpect(content().string(containsString("hãy đăng nhập lại")));
    }

    @Test
    void disablingAnAccountThroughTheApiEndsItsSessions() throws Exception {
        UserView user = officer("tat.phien");
        Cookie first = login(user.username(), PASSWORD);
        Cookie second = login(user.username(), PASSWORD);
        String body = "{\"username\": \"" + user.username() + "\", \"displayName\": \"Cán bộ thử phiên\", \"unitId\": "
                + user.unitId() + ", \"roles\": [\"MOBILISATION_OFFICER\"], \"enabled\": false, \"version\": " + user.version() + "}";
        mvc.perform(put("/api/v1/users/" + user.id()).with(Logins.as(directory, DvkIntegrationTest.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        ended(first);
        ended(second);
    }

    @Test
    void anAdministratorsResetEndsTheUsersSessionsButAnEditOfTheNameAlone() throws Exception {
        UserView user = officer("dat.lai");
        Cookie session = login(user.username(), PASSWORD);
        Cookie untouched = login(DvkIntegrationTest.LUC_YEN_VIEWER, DvkIntegrationTest.DEMO_PASSWORD);
        UserView renamed = SystemActor.call(() -> administration.update(user.id(), new UserDraft(user.username(),
                "Tên mới của cán bộ", user.organisationId(), null, user.unitId(), user.roles(), null, true, user.version())));
        stillOpen(session, "MOBILISATION_OFFICER");

        mvc.perform(post("/admin/users/" + renamed.id() + "/reset-password")
                        .with(Logins.as(directory, DvkIntegrationTest.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ended(session);
        stillOpen(untouched, "VIEWER");
    }

    @Test
    void changingMyPasswordKeepsThisSessionEndsTheOthersAndMayRevokeMyTokens() throws Exception {
        UserView user = officer("doi.phien");
        Cookie here = login(user.username(), PASSWORD);
        Cookie elsewhere = login(user.username(), PASSWORD);
        String secret = JsonPath.read(mvc.perform(post("/api/v1/me/tokens").with(httpBasic(user.username(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Tập lệnh thử\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.secret");

        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", PASSWORD)
                        .param("newPassword", "Mat khau moi phien 2026").param("repeatPassword", "Mat khau moi phien 2026"))
                .andExpect(redirectedUrl("/"));
        stillOpen(here, "MOBILISATION_OFFICER");
        ended(elsewhere);
        // not asked to: the token keeps working
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());

        Cookie third = login(user.username(), "Mat khau moi phien 2026");
        mvc.perform(get("/account/password").cookie(here)).andExpect(content().string(containsString("name=\"revokeTokens\"")));
        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", "Mat khau moi phien 2026")
                        .param("newPassword", "Mat khau thu ba 2026").param("repeatPassword", "Mat khau thu ba 2026")
                        .param("revokeTokens", "true"))
                .andExpect(redirectedUrl("/"));
        stillOpen(here, "MOBILISATION_OFFICER");
        ended(third);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
    }

    @Test
    void changingMyPasswordThroughTheApiEndsMySessionsAndRevokesTokensWhenAsked() throws Exception {
        UserView user = officer("api.doi");
        Cookie session = login(user.username(), PASSWORD);
        String secret = JsonPath.read(mvc.perform(post("/api/v1/me/tokens").with(httpBasic(user.username(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Tập lệnh API\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.secret");

        mvc.perform(post("/api/v1/me/password").with(httpBasic(user.username(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"sai\", \"newPassword\": \"Mat khau API 2026\", \"repeatPassword\": \"Mat khau API 2026\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("Mật khẩu hiện tại không đúng."));
        stillOpen(session, "MOBILISATION_OFFICER");

        mvc.perform(post("/api/v1/me/password").with(httpBasic(user.username(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"Mat khau API 2026\","
                                + " \"repeatPassword\": \"Mat khau API 2026\", \"revokeTokens\": true}"))
                .andExpect(status().isNoContent());
        ended(session);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(user.username(), "Mat khau API 2026"))).andExpect(status().isOk());
    }
}
