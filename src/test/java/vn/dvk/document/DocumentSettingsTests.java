package vn.dvk.document;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/** An office's document settings: the defaults of today's and of past structures, kept once saved, refused when stale. */
@DvkIntegrationTest
@Transactional
public class DocumentSettingsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    long organisation(String name) throws Exception {
        return organisationOf(mvc, directory, name);
    }

    /** The id of the demo organisation of that exact name (for other modules' document tests too). */
    public long organisationOf(MockMvc mvc, UserDirectory directory, String name) throws Exception {
        String body = mvc.perform(get("/api/v1/organisations").param("q", name).param("size", "50").with(Logins.as(directory, DvkIntegrationTest.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.items[?(@.name == '" + name + "')].id");
        assertThat(ids).as(name).hasSize(1);
        return ids.get(0).longValue();
    }

    private String settings(long id, String user) throws Exception {
        return mvc.perform(get("/api/v1/organisations/{id}/document-settings", id).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void damRongsBoardOf2021HeadsItsDocumentsWithItsDistrictCommittee() throws Exception {
        String body = settings(organisation("Ban Dân vận Huyện ủy Đam Rông"), DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat((String) JsonPath.read(body, "$.style")).isEqualTo("PARTY");
        assertThat((String) JsonPath.read(body, "$.superiorOrgan")).isEqualTo("Huyện ủy Đam Rông");
        assertThat((String) JsonPath.read(body, "$.organ")).isEqualTo("Ban Dân vận");
        assertThat((String) JsonPath.read(body, "$.symbol")).isEqualTo("BDVHU");
        assertThat((String) JsonPath.read(body, "$.place")).isEqualTo("Đam Rông");
        assertThat((String) JsonPath.read(body, "$.signerTitle")).isEqualTo("Trưởng ban");
        assertThat(JsonPath.<Object>read(body, "$.signerName")).isNull();
        assertThat((Boolean) JsonPath.read(body, "$.saved")).isFalse();
    }

    @Test
    void todaysMergedBoardIsHeadedByTheProvincesPartyOrganisation() throws Exception {
        String body = settings(organisation("Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng"), DvkIntegrationTest.ADMIN);
        assertThat((String) JsonPath.read(body, "$.superiorOrgan")).isEqualTo("Đảng bộ tỉnh Lâm Đồng");
        assertThat((String) JsonPath.read(body, "$.organ")).isEqualTo("Ban Tuyên giáo và Dân vận");
        assertThat((String) JsonPath.read(body, "$.symbol")).isEqualTo("BTGDVTU");
        assertThat((String) JsonPath.read(body, "$.place")).isEqualTo("Lâm Đồng");
        String standing = settings(organisation("Ban Thường vụ Huyện ủy Đam Rông"), DvkIntegrationTest.ADMIN);
        assertThat((String) JsonPath.read(standing, "$.superiorOrgan")).isEqualTo("Đảng bộ tỉnh Lâm Đồng");
        assertThat((String) JsonPath.read(standing, "$.organ")).isEqualTo("Huyện ủy Đam Rông");
        assertThat((String) JsonPath.read(standing, "$.signerCapacity")).isEqualTo("T/M Ban Thường vụ");
        assertThat((String) JsonPath.read(standing, "$.symbol")).isEqualTo("HU");
        String people = settings(organisation("Ủy ban nhân dân huyện Đam Rông"), DvkIntegrationTest.ADMIN);
        assertThat((String) JsonPath.read(people, "$.style")).isEqualTo("STATE");
        assertThat((String) JsonPath.read(people, "$.symbol")).isEqualTo("UBND");
    }

    @Test
    void savedSettingsAreKeptAndAStaleOrEmptyOneIsRefusedAsProblemDetails() throws Exception {
        long id = organisation("Ban Dân vận Huyện ủy Đam Rông");
        String json = """
                {"style": "PARTY", "superiorOrgan": "Huyện ủy Đam Rông", "organ": "Ban Dân vận", "symbol": "BDVHU",
                 "place": "Đam Rông", "signerCapacity": "K/T Trưởng ban", "signerTitle": "Phó Trưởng ban",
                 "signerName": "Nguyễn Văn An", "recipients": ["- Ban Dân vận Tỉnh ủy (b/c),", "- Lưu VT."], "version": %d}""";
        mvc.perform(put("/api/v1/organisations/{id}/document-settings", id).contentType(MediaType.APPLICATION_JSON)
                        .content(json.formatted(0)).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.saved").value(true)).andExpect(jsonPath("$.version").value(1));
        String body = settings(id, DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat((String) JsonPath.read(body, "$.signerName")).isEqualTo("Nguyễn Văn An");
        assertThat(JsonPath.<List<String>>read(body, "$.recipients")).containsExactly("- Ban Dân vận Tỉnh ủy (b/c),", "- Lưu VT.");
        mvc.perform(put("/api/v1/organisations/{id}/document-settings", id).contentType(MediaType.APPLICATION_JSON)
                        .content(json.formatted(0)).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                // the settings as kept, for a client to show beside its own (API.md)
                .andExpect(jsonPath("$.current.version").value(1)).andExpect(jsonPath("$.current.signerName").value("Nguyễn Văn An"));
        mvc.perform(put("/api/v1/organisations/{id}/document-settings", id).contentType(MediaType.APPLICATION_JSON)
                        .content(json.formatted(1).replace("\"organ\": \"Ban Dân vận\"", "\"organ\": \" \""))
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("organ"));
        mvc.perform(get("/api/v1/organisations/{id}/document-settings", id).with(as(DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSettingsPageShowsWhatWillBePrintedAndLeavesEmptyFieldsVisiblyEmpty() throws Exception {
        long id = organisation("Ban Dân vận Huyện ủy Đam Rông");
        String page = mvc.perform(get("/organisations/{id}/document-settings", id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"document-preview\"", "HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM",
                "-BC/BDVHU", "id=\"preview-signer-name-blank\"", "TRƯỞNG BAN");
        assertThat(page).doesNotContain("placeholder=");
        mvc.perform(post("/organisations/{id}/document-settings", id).param("style", "PARTY").param("organ", "Ban Dân vận")
                        .param("superiorOrgan", "Huyện ủy Đam Rông").param("signerName", "Nguyễn Văn An").param("version", "0")
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/organisations/{id}/document-settings", id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andReturn().getResponse().getContentAsString()).contains("Nguyễn Văn An").doesNotContain("preview-signer-name-blank");
    }
}
