package vn.dvk.identity;

import java.util.ArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each role is offered only what it may use: a link the menu shows is a page its controller lets that role in. */
@DvkIntegrationTest
class MenuByRoleTests {

    private static final List<String> ADMIN_ONLY = List.of("/admin/users", "/admin/criteria", "/admin/movements",
            "/units/import", "/units/boundaries");
    private static final String RECOGNITION = "/recognitions/new";
    private static final String FEEDBACK = "/portal/feedback";
    private static final List<String> EVERYONE = List.of("/initiatives", "/tasks", "/inspections", "/proposals", "/plans",
            "/conferences", "/reports", "/units", "/organisations", "/audit", "/cong-khai");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    private List<String> menuOf(String user) throws Exception {
        String html = mvc.perform(get("/units").with(Logins.as(directory, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        List<String> links = new ArrayList<>(page.select("nav.navbar a[href]").eachAttr("href"));
        links.addAll(page.select("main a[href]").eachAttr("href"));
        return links;
    }

    @Test
    void anAdministratorIsOfferedEverything() throws Exception {
        List<String> menu = menuOf(DvkIntegrationTest.ADMIN);
        assertThat(menu).containsAll(EVERYONE).containsAll(ADMIN_ONLY).contains(RECOGNITION, FEEDBACK);
    }

    @Test
    void aCommitteeMemberRecognisesButDoesNotAdministerOrModerate() throws Exception {
        List<String> menu = menuOf(DvkIntegrationTest.DAM_RONG_COMMITTEE);
        assertThat(menu).containsAll(EVERYONE).contains(RECOGNITION).doesNotContain(FEEDBACK)
                .doesNotContainAnyElementsOf(ADMIN_ONLY);
    }

    @Test
    void aMobilisationOfficerModeratesFeedbackButDoesNotRecognise() throws Exception {
        List<String> menu = menuOf(DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat(menu).containsAll(EVERYONE).contains(FEEDBACK).doesNotContain(RECOGNITION)
                .doesNotContainAnyElementsOf(ADMIN_ONLY);
    }

    @Test
    void aCommuneEditorIsNotOfferedTheUnitImportBoundariesRecognitionCriteriaOrUsers() throws Exception {
        List<String> menu = menuOf(DvkIntegrationTest.PHI_LIENG_EDITOR);
        assertThat(menu).containsAll(EVERYONE).contains(FEEDBACK).doesNotContain(RECOGNITION)
                .doesNotContainAnyElementsOf(ADMIN_ONLY);
    }

    @Test
    void aViewerOnlyReads() throws Exception {
        List<String> menu = menuOf(DvkIntegrationTest.LUC_YEN_VIEWER);
        assertThat(menu).containsAll(EVERYONE).doesNotContain(RECOGNITION, FEEDBACK)
                .doesNotContainAnyElementsOf(ADMIN_ONLY);
    }

    @Test
    void everyRefusedPageIsReallyRefusedToTheRolesItIsHiddenFrom() throws Exception {
        var editor = Logins.as(directory, DvkIntegrationTest.PHI_LIENG_EDITOR);
        for (String path : List.of("/admin/users", "/admin/criteria", "/admin/movements")) {
            assertThat(mvc.perform(get(path).with(editor)).andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
        }
    }

    @Test
    void theFaviconIsServedWithoutLoginAndLinkedFromEveryLayout() throws Exception {
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
        mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
        for (String path : List.of("/login", "/cong-khai")) {
            Document page = Jsoup.parse(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
            assertThat(page.select("link[rel=icon]").eachAttr("href")).as(path).contains("/favicon.svg", "/favicon.ico");
        }
    }
}
