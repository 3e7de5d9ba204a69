package vn.dvk.dashboard;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/** The field app a commune cadre installs on a phone: what it may load before login, and what it keeps offline. */
@DvkIntegrationTest
class FieldAppTests {

    static final String DAM_RONG_1_EDITOR = "xa.damrong1";
    static final String LAM_DONG_OFFICER = "btgdv.lamdong";

    @Autowired
    MockMvc mvc;

    private String json(String path, String user) throws Exception {
        return mvc.perform(get(path).with(as(user)).accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aPhoneCanInstallTheAppBeforeAnyoneLogsIn() throws Exception {
        String manifest = mvc.perform(get("/manifest.webmanifest")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("manifest+json")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(manifest, "$.name")).isEqualTo("Dân vận khéo");
        assertThat((String) JsonPath.read(manifest, "$.short_name")).isEqualTo("DVK");
        assertThat((String) JsonPath.read(manifest, "$.start_url")).isEqualTo("/field");
        List<Map<String, String>> icons = JsonPath.read(manifest, "$.icons");
        assertThat(icons).extracting(i -> i.get("sizes")).contains("192x192", "512x512");
        assertThat(icons).extracting(i -> i.get("purpose")).contains("maskable");
        for (Map<String, String> icon : icons) {
            mvc.perform(get(icon.get("src"))).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
        }
        mvc.perform(get("/sw.js")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("javascript")))
                .andExpect(header().string("Cache-Control", containsString("no-cache")))
                .andExpect(header().doesNotExist("Service-Worker-Allowed"));
    }

    @Test
    void theFieldPageIsTheSameForEveryoneAndNeedsALogin() throws Exception {
        mvc.perform(get("/field")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        String page = mvc.perform(get("/field").with(as(DAM_RONG_1_EDITOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String other = mvc.perform(get("/field").with(as(LAM_DONG_OFFICER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // the service worker keeps one copy of the page for whoever uses the phone: no names, no tokens in it
        assertThat(page).isEqualTo(other).contains("/manifest.webmanifest", "/js/field.js", "capture=\"environment\"")
                .doesNotContain(DAM_RONG_1_EDITOR, "echarts", "leaflet", "bootstrap");
        assertThat(page).doesNotContainPattern("name=\"_csrf\"\\s+value=\"[^\"]+\"");
    }

    @Test
    void theSessionTellsWhoIsLoggedInWithAFreshCsrfToken() throws Exception {
        mvc.perform(get("/api/v1/field/session").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/field/session").with(as(DAM_RONG_1_EDITOR)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(DAM_RONG_1_EDITOR))
                .andExpect(jsonPath("$.csrfHeader").value("X-CSRF-TOKEN"))
                .andExpect(jsonPath("$.csrfToken").isNotEmpty());
    }

    @Test
    void aCommuneCadreCarriesTheirCommuneAndItsVillagesAndNothingOfAnotherUnit() throws Exception {
        String bundle = json("/api/v1/field/bundle", DAM_RONG_1_EDITOR);
        List<String> names = JsonPath.read(bundle, "$.units[*].name");
        assertThat(names).contains("Xã Đam Rông 1", "Thôn Trung Tâm", "Thôn Đồng Tâm")
                .doesNotContain("Tỉnh Lâm Đồng", "Xã Phi Liêng", "Xã Đạ K' Nàng");
        List<String> levels = JsonPath.read(bundle, "$.units[*].level");
        assertThat(levels).containsOnly("COMMUNE", "VILLAGE");
        assertThat((List<String>) JsonPath.read(bundle, "$.sectors[*].code")).contains("ECONOMY", "NEW_RURAL");

        // the initiatives are those the cadre's own search finds, no more
        List<Integer> carried = JsonPath.read(bundle, "$.initiatives[*].id");
        List<Integer> visible = JsonPath.read(json("/api/v1/initiatives?size=500", DAM_RONG_1_EDITOR), "$.items[*].id");
        assertThat(visible).containsAll(carried);

        String province = json("/api/v1/field/bundle", LAM_DONG_OFFICER);
        List<String> provinceNames = JsonPath.read(province, "$.units[*].name");
        assertThat(provinceNames).contains("Tỉnh Lâm Đồng", "Xã Đam Rông 1", "Thôn Trung Tâm").hasSizeGreaterThan(names.size());
        List<Integer> provinceInitiatives = JsonPath.read(province, "$.initiatives[*].id");
        assertThat(provinceInitiatives).containsAll(carried);
    }

    @Test
    void aNationalUserCarriesNoVillages() throws Exception {
        String bundle = json("/api/v1/field/bundle", DvkIntegrationTest.ADMIN);
        assertThat((List<?>) JsonPath.read(bundle, "$.units")).isEmpty();
    }
}
