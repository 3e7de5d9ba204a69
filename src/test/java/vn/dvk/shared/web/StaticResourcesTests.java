package vn.dvk.shared.web;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import vn.dvk.DvkIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/**
 * Static files are served from their own paths, and only those: a page's links to other pages are not
 * looked up as files (with a catch-all "/**" every link of a page cost classpath lookups — seconds for
 * a province's report with 2,000 links, found by the load test).
 */
@DvkIntegrationTest
class StaticResourcesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void stylesScriptsIconsAndWebJarsAreServed() throws Exception {
        mvc.perform(get("/css/dvk.css")).andExpect(status().isOk());
        mvc.perform(get("/js/dvk.js")).andExpect(status().isOk());
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
        // version-agnostic webjar paths, as templates and the 503 page write them
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void noStaticHandlerAnswersForEveryPath() {
        assertThat(resourceUrls.getHandlerMap()).isNotEmpty().doesNotContainKey("/**");
        assertThat(resourceUrls.getForLookupPath("/initiatives")).isNull();
        assertThat(resourceUrls.getForLookupPath("/webjars/bootstrap/css/bootstrap.min.css")).matches("/webjars/bootstrap/[0-9.]+/css/bootstrap.min.css");
    }

    @Test
    void pagesLinkTheirWebJarsByVersionAndOtherPagesAsWritten() throws Exception {
        mvc.perform(get("/reports").param("unit", "674").param("year", "2023").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.matchesPattern("(?s).*href=\"/webjars/bootstrap/[0-9.]+/css/bootstrap.min.css\".*")))
                .andExpect(content().string(Matchers.containsString("href=\"/initiatives?")));
    }
}
