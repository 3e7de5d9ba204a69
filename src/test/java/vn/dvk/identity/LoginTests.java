package vn.dvk.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.security.SystemActor;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DvkIntegrationTest
class LoginTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAdministration administration;
    @Autowired
    JdbcTemplate jdbc;

    /** Logs in through the form and answers the session cookie (sessions live in the database). */
    private Cookie login(String username, String password, Cookie... existing) throws Exception {
        var request = post("/login").with(csrf()).param("username", username).param("password", password);
        if (existing.length > 0) {
            request.cookie(existing);
        }
        return mvc.perform(request).andExpect(authenticated()).andReturn().getResponse().getCookie("SESSION");
    }

    @Test
    void aDemoAccountLogsInWithANewSessionIdAndLogsOut() throws Exception {
        Cookie anonymous = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(anonymous).isNotNull();
        Cookie session = login(DvkIntegrationTest.DAM_RONG_COMMITTEE, DvkIntegrationTest.DEMO_PASSWORD, anonymous);
        assertThat(session).isNotNull();
        assertThat(session.getValue()).isNotEqualTo(anonymous.getValue());
        mvc.perform(get("/organisations").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/organisations").cookie(anonymous)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/organisations").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageAndRecorded() throws Exception {
        mvc.perform(formLogin("/login").user(DvkIntegrationTest.LUC_YEN_VIEWER).password("sai mat khau 1"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/login").param("error", "bad"))
                .andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng.")));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_FAILED' and summary like ?",
                Long.class, DvkIntegrationTest.LUC_YEN_VIEWER + "%")).isPositive();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdministratorResetsIt() throws Exception {
        String username = "khoa.thu" + System.nanoTime() % 100000;
        Long id = SystemActor.call(() -> administration.create(new UserDraft(username, "Người thử khóa", null, "674", null,
                Set.of(Role.VIEWER), "Mat khau dung 2026", true, null))).user().id();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("sai " + i + " lan")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin("/login").user(username).password("Mat khau dung 2026"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/login").param("error", "locked")).andExpect(content().string(containsString("tạm khóa 15 phút")));

        String temporary = SystemActor.call(() -> administration.resetPassword(id));
        mvc.perform(formLogin("/login").user(username).password(temporary))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/account/password?required"));
    }

    @Test
    void aLockedAccountIsNamedLockedOnlyToTheRightPassword() throws Exception {
        String username = "khoa.kin" + System.nanoTime() % 100000;
        SystemActor.run(() -> administration.create(new UserDraft(username, "Người thử khóa kín", null, "674", null,
                Set.of(Role.VIEWER), "Mat khau dung 2026", true, null)));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("sai " + i + " lan")).andExpect(unauthenticated());
        }
        Timestamp lockedUntil = jdbc.queryForObject("select locked_until from user_account where username = ?",
                Timestamp.class, username);
        // a guess says nothing about the account: the same answer as for a name that does not exist
        for (int i = 6; i <= 10; i++) {
            mvc.perform(formLogin("/login").user(username).password("van sai " + i))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        // and guesses while locked neither prolong the lock nor count towards the next one
        assertThat(jdbc.queryForObject("select locked_until from user_account where username = ?", Timestamp.class,
                username)).isEqualTo(lockedUntil);
        assertThat(jdbc.queryForObject("select failed_attempts from user_account where username = ?", Integer.class,
                username)).isZero();
        mvc.perform(formLogin("/login").user("khong.co.ai" + System.nanoTime() % 100000).password("van sai 6"))
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(formLogin("/login").user(username).password("Mat khau dung 2026"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=locked"));
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        String username = "tat.thu" + System.nanoTime() % 100000;
        SystemActor.run(() -> administration.create(new UserDraft(username, "Người bị tắt", null, "674", null,
                Set.of(Role.VIEWER), "Mat khau dung 2026", false, null)));
        mvc.perform(formLogin("/login").user(username).password("Mat khau dung 2026"))
                .andExpect(redirectedUrl("/login?error=disabled"));
    }

    @Test
    void changingMyPasswordChecksTheOldOneAndThePolicy() throws Exception {
        String username = "doi.mk" + System.nanoTime() % 100000;
        SystemActor.run(() -> administration.create(new UserDraft(username, "Người đổi mật khẩu", null, "674", null,
                Set.of(Role.VIEWER), "Mat khau cu 2026", true, null)));
        Cookie session = login(username, "Mat khau cu 2026");
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "sai").param("newPassword", "ngan1").param("repeatPassword", "khac"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mật khẩu hiện tại không đúng.")))
                .andExpect(content().string(containsString("Mật khẩu phải dài từ 10 đến 128 ký tự.")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "Mat khau cu 2026").param("newPassword", "Mat khau moi 2026")
                        .param("repeatPassword", "Mat khau moi 2026"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user(username).password("Mat khau moi 2026")).andExpect(authenticated());
        mvc.perform(formLogin("/login").user(username).password("Mat khau cu 2026")).andExpect(unauthenticated());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        Cookie session = login(DvkIntegrationTest.ADMIN, DvkIntegrationTest.DEMO_PASSWORD);
        mvc.perform(post("/organisations/new").cookie(session).param("name", "X").param("type", "OTHER").param("unitCode", "674"))
                .andExpect(status().isForbidden());
    }
}
