package vn.dvk.initiative;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/** The shared form fields (fragments/fields) as an officer meets them on the initiative pages. */
@DvkIntegrationTest
@Transactional
class InitiativeFormFieldsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    @Test
    void anInitiativeWithoutANameIsRefusedWithTheMessageUnderTheNameField() throws Exception {
        Document page = page(post("/initiatives/new").with(csrf()).param("name", "").param("kind", "MODEL")
                .param("holder", "COLLECTIVE").param("sector", "ECONOMY").param("unitCode", "24886").param("responsibleOfficer", "Cô Lan & anh Tú"));

        var name = page.selectFirst("input#name");
        assertThat(name.attr("name")).isEqualTo("name");
        assertThat(name.hasClass("is-invalid")).isTrue();
        assertThat(name.attr("aria-describedby")).isEqualTo("name-error");
        assertThat(page.selectFirst("label[for=name]").text()).isEqualTo("Tên");
        assertThat(page.selectFirst("#name-error").hasClass("invalid-feedback")).isTrue();
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Không được để trống.");
        // what was typed comes back as typed, and a field without a problem is not marked
        var officer = page.selectFirst("input#responsibleOfficer");
        assertThat(officer.val()).isEqualTo("Cô Lan & anh Tú");
        assertThat(officer.hasClass("is-invalid")).isFalse();
        assertThat(officer.hasAttr("aria-describedby")).isFalse();
        assertThat(page.selectFirst("input#code").attr("aria-describedby")).isEqualTo("code-help");
        assertThat(page.selectFirst("select#sector option[selected]").val()).isEqualTo("ECONOMY");
    }

    @Test
    void theListsFiltersOfferAllFirstAndKeepWhatWasChosen() throws Exception {
        Document page = page(get("/initiatives").param("kind", "EXEMPLAR").param("sector", "ECONOMY").param("year", "2021"));

        var kind = page.selectFirst("form#initiative-filters select#kind");
        assertThat(kind.attr("name")).isEqualTo("kind");
        assertThat(kind.selectFirst("option").val()).isEmpty();
        assertThat(kind.selectFirst("option").text()).isEqualTo("Tất cả");
        assertThat(kind.select("option[selected]").eachAttr("value")).containsExactly("EXEMPLAR");
        assertThat(page.select("select#sector option[selected]").eachAttr("value")).containsExactly("ECONOMY");
        assertThat(page.select("select#holder option[selected]")).isEmpty();
    }

    @Test
    void untickingFeaturedOnTheEditFormTakesTheMarkOff() throws Exception {
        var officer = Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER);
        String created = mvc.perform(post("/initiatives/new").with(officer).with(csrf()).param("name", "Mô hình biểu mẫu bỏ đánh dấu thôn 5")
                        .param("kind", "MODEL").param("holder", "COLLECTIVE").param("sector", "ECONOMY").param("unitCode", "24886")
                        .param("startYear", "2022").param("featured", "true").param("_featured", "on").param("confirmDuplicate", "true"))
                .andExpect(redirectedUrlPattern("/initiatives/*")).andReturn().getResponse().getRedirectedUrl();
        Document form = page(get(created + "/edit"));
        assertThat(form.selectFirst("input#featured1").hasAttr("checked")).isTrue();
        assertThat(form.selectFirst("input#name").val()).isEqualTo("Mô hình biểu mẫu bỏ đánh dấu thôn 5");

        mvc.perform(post(created + "/edit").with(officer).with(csrf()).param("name", "Mô hình biểu mẫu bỏ đánh dấu thôn 5")
                        .param("kind", "MODEL").param("holder", "COLLECTIVE").param("sector", "ECONOMY").param("unitCode", "24886")
                        .param("startYear", "2022").param("_featured", "on").param("version", form.selectFirst("input[name=version]").val()))
                .andExpect(redirectedUrlPattern("/initiatives/*"));

        assertThat(page(get(created + "/edit")).selectFirst("input#featured1").hasAttr("checked")).isFalse();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        var officer = Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER);
        return Jsoup.parse(mvc.perform(request.with(officer)).andReturn().getResponse().getContentAsString());
    }
}
