package vn.dvk.adminunit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.dvk.DvkIntegrationTest;

import java.time.LocalDate;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The unit browser as a person sees it: Vietnamese by default, English on request, dd/MM/yyyy dates. */
@DvkIntegrationTest
@WithUserDetails(DvkIntegrationTest.ADMIN)
class UnitPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminUnits units;

    @Test
    void theBrowserListsTodaysProvincesInVietnamese() throws Exception {
        mvc.perform(get("/units"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"vi\""), containsString("Đơn vị hành chính"),
                        containsString("Tỉnh Lâm Đồng"), containsString("Tỉnh Lào Cai"), not(containsString("Tỉnh Yên Bái")))));
    }

    @Test
    void theStructureBeforeTheReformShowsTheOldProvinces() throws Exception {
        mvc.perform(get("/units").param("on", "2025-06-30"))
                .andExpect(content().string(allOf(containsString("Tỉnh Yên Bái"), containsString("Tại ngày 30/06/2025"))));
    }

    @Test
    void searchWithoutDiacriticsFindsDamRong() throws Exception {
        mvc.perform(get("/units/search").param("q", "dam rong").param("on", "2021-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Huyện Đam Rông")));
    }

    @Test
    void aDistrictPageShowsItsCommunesValidityAndSuccessors() throws Exception {
        AdminUnitView damRong = units.getByCode("674", LocalDate.of(2021, 1, 1));
        mvc.perform(get("/units/" + damRong.id()))
                .andExpect(content().string(allOf(containsString("Huyện Đam Rông"), containsString("Xã Phi Liêng"),
                        containsString("đến 30/06/2025"), containsString("Xã Đam Rông 1"), containsString("Tỉnh Lâm Đồng"))));
    }

    @Test
    void englishIsSwitchedOnAndRemembered() throws Exception {
        var result = mvc.perform(get("/units").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("<html lang=\"en\""), containsString("Administrative units"))))
                .andExpect(cookie().exists("DVK_LANG"))
                .andReturn();
        mvc.perform(get("/units").cookie(result.getResponse().getCookie("DVK_LANG")))
                .andExpect(content().string(containsString("Administrative units")));
        mvc.perform(get("/units").param("lang", "fr"))
                .andExpect(content().string(containsString("<html lang=\"vi\"")));
    }

    @Test
    void anUnknownUnitIsANotFoundPageWithoutInternals() throws Exception {
        mvc.perform(get("/units/987654321"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Không tìm thấy đơn vị hành chính"),
                        not(containsString("Exception")))));
    }

    @Test
    void longListsArePagedWithLinksThatKeepTheFilters() throws Exception {
        mvc.perform(get("/organisations").param("type", "GOVERNMENT"))
                .andExpect(content().string(allOf(containsString("Trang 1/"),
                        containsString("type=GOVERNMENT&amp;unit=&amp;page=1"))));
    }

    @Test
    void theHomePageCountsUnitsInVietnameseNumberFormat() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phong trào thi đua")));
    }
}
