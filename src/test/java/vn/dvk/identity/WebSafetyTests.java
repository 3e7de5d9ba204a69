package vn.dvk.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Safe to expose on the internet: strict headers, escaped user text, no internals in errors. */
@DvkIntegrationTest
@Transactional
class WebSafetyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    @Test
    void pagesAndTheApiSendStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline")))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
        mvc.perform(get("/api/v1/me").with(Logins.as(directory, DvkIntegrationTest.ADMIN)))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void pagesHaveNoInlineScripts() throws Exception {
        mvc.perform(get("/units").with(Logins.as(directory, DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(allOf(containsString("<script src="), not(containsString("<script>")),
                        not(containsString("onclick=")), not(containsString("javascript:")))));
    }

    @Test
    void userTextIsEscapedEverywhereItIsShown() throws Exception {
        var admin = Logins.as(directory, DvkIntegrationTest.ADMIN);
        mvc.perform(post("/api/v1/organisations").with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"<script>alert('xss')</script> Tổ\", \"type\": \"OTHER\", \"unitCode\": \"674\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/organisations").param("q", "alert").with(admin))
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert("),
                        not(containsString("<script>alert(")))));
    }

    @Test
    void errorPagesShowNoInternals() throws Exception {
        mvc.perform(get("/organisations/notanumber").with(Logins.as(directory, DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(allOf(not(containsString("Exception")), not(containsString("at vn.dvk")))));
        mvc.perform(get("/api/v1/organisations/notanumber").with(Logins.as(directory, DvkIntegrationTest.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(not(containsString("Exception")), not(containsString("NumberFormat")))));
    }
}
