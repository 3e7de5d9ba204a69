package vn.dvk.initiative;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DvkIntegrationTest
@Transactional
class InitiativePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    @Test
    void theListFiltersAndAnsweresHtmxWithTheRowsOnly() throws Exception {
        var officer = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        mvc.perform(get("/initiatives").param("year", "2021").param("sector", "ECONOMY").with(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tổng số: 17"), containsString("Hợp tác xã trồng rau công nghệ cao"),
                        containsString("<html"))));
        mvc.perform(get("/initiatives").param("q", "trong rau").header("HX-Request", "true").with(officer))
                .andExpect(content().string(allOf(containsString("Tổng số: 2"), not(containsString("<html")))));
    }

    @Test
    void theFormShowsVietnameseMessagesUnderTheFields() throws Exception {
        mvc.perform(post("/initiatives/new").with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .param("name", "").param("kind", "MODEL").param("holder", "COLLECTIVE").param("unitCode", "99999"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString("Không được để trống."),
                        containsString("Không tìm thấy đơn vị hành chính nào có tên hoặc mã &quot;99999&quot;."), containsString("id=\"sector-error\""))));
    }

    @Test
    void aLikelyDuplicateIsShownBeforeSavingAndCanBeConfirmed() throws Exception {
        var officer = Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER);
        mvc.perform(post("/initiatives/new").with(officer).with(csrf()).param("name", "Mô hình nuôi ong xã Đam Rông 1")
                        .param("kind", "MODEL").param("holder", "COLLECTIVE").param("sector", "ECONOMY").param("unitCode", "24886"))
                .andExpect(redirectedUrlPattern("/initiatives/*"));
        mvc.perform(post("/initiatives/new").with(officer).with(csrf()).param("name", "Mô hình nuôi ong  xã Đam Rông 1")
                        .param("kind", "MODEL").param("holder", "COLLECTIVE").param("sector", "ECONOMY").param("unitCode", "24886"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"duplicate-warning\""), containsString("confirmDuplicate"))));
        mvc.perform(post("/initiatives/new").with(officer).with(csrf()).param("name", "Mô hình nuôi ong  xã Đam Rông 1")
                        .param("kind", "MODEL").param("holder", "COLLECTIVE").param("sector", "ECONOMY").param("unitCode", "24886")
                        .param("confirmDuplicate", "true"))
                .andExpect(redirectedUrlPattern("/initiatives/*"));
    }

    @Test
    void theHistorySaysWhatChangedInWordsNotCodes() throws Exception {
        var officer = Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER);
        // codes mean the communes of the start year 2022: 24886 Phi Liêng, 24877 Rô Men
        String created = mvc.perform(post("/initiatives/new").with(officer).with(csrf()).param("name", "Mô hình lịch sử dễ đọc thôn 3")
                        .param("kind", "MODEL").param("holder", "COLLECTIVE").param("sector", "ECONOMY").param("unitCode", "24886")
                        .param("startYear", "2022").param("confirmDuplicate", "true"))
                .andExpect(redirectedUrlPattern("/initiatives/*")).andReturn().getResponse().getRedirectedUrl();
        String form = mvc.perform(get(created + "/edit").with(officer)).andReturn().getResponse().getContentAsString();
        String version = Jsoup.parse(form).select("input[name=version]").val();
        mvc.perform(post(created + "/edit").with(officer).with(csrf()).param("name", "Mô hình lịch sử dễ đọc thôn 3")
                        .param("kind", "EXEMPLAR").param("holder", "COLLECTIVE").param("sector", "CULTURE_SOCIETY")
                        .param("unitCode", "24877").param("startYear", "2022").param("featured", "true").param("version", version)
                        .param("confirmDuplicate", "true"))
                .andExpect(redirectedUrlPattern("/initiatives/*"));

        String page = mvc.perform(get(created).with(officer)).andReturn().getResponse().getContentAsString();
        String history = Jsoup.parse(page).select("#history-table").text();

        assertThat(history).contains("Loại: Mô hình → Điển hình", "Lĩnh vực: Kinh tế → Văn hóa - xã hội",
                "Địa bàn: Xã Phi Liêng → Xã Rô Men", "Tiêu biểu: Không → Có")
                .doesNotContain("MODEL", "EXEMPLAR", "ECONOMY", "unitId", "{");
    }

    @Test
    void theDetailPageShowsRegistrationsIndicatorsAndEditingForOfficersOnly() throws Exception {
        String list = mvc.perform(get("/api/v1/initiatives").param("q", "Hop tac xa trong rau thon Trung Tam")
                .with(Logins.as(directory, DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(list,
                "$.items[?(@.name == 'Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm')].id");
        Integer id = ids.get(0);
        mvc.perform(get("/initiatives/" + id).with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(content().string(allOf(containsString("Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm"),
                        containsString("Thôn Trung Tâm, Xã Phi Liêng, Huyện Đam Rông, Tỉnh Lâm Đồng"),
                        containsString("Xây dựng mới"), containsString("Hộ tham gia"), containsString("id=\"edit-initiative\""),
                        containsString("id=\"history-table\""), containsString("indicator Hộ tham gia 2021"))));
        mvc.perform(get("/initiatives/" + id).with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_COMMITTEE)))
                .andExpect(content().string(not(containsString("id=\"edit-initiative\""))));
    }

    @Test
    void theOwnerPickerOffersTheBodiesOfTheProvinceInsideTheScope() throws Exception {
        String unit = mvc.perform(get("/api/v1/admin-units/24886").param("on", "2021-01-01")
                .with(Logins.as(directory, DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString();
        Integer phiLieng = JsonPath.read(unit, "$.id");
        mvc.perform(get("/organisations/options").param("unitCode", "24886").param("unitId", phiLieng.toString())
                        .with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ủy ban nhân dân xã Phi Liêng"),
                        containsString("Huyện ủy Đam Rông"), not(containsString("Lục Yên")), not(containsString("<html")))));
        mvc.perform(get("/initiatives/new").param("unit", "24886").with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(content().string(containsString("hx-get=\"/organisations/options")));
    }
}
