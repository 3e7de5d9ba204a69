package vn.dvk.adminunit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.dvk.DvkIntegrationTest;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

@DvkIntegrationTest
@WithUserDetails(DvkIntegrationTest.ADMIN)
class AdminUnitApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void searchWithoutDiacriticsFindsTheDistrictOfItsTime() throws Exception {
        mvc.perform(get("/api/v1/admin-units").param("q", "dam rong").param("on", "2021-06-01").param("level", "DISTRICT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value("674"))
                .andExpect(jsonPath("$.items[0].fullName").value("Huyện Đam Rông"))
                .andExpect(jsonPath("$.items[0].type").value("RURAL_DISTRICT"))
                .andExpect(jsonPath("$.items[0].parentCode").value("68"))
                .andExpect(jsonPath("$.items[0].validTo").value("2025-06-30"))
                .andExpect(jsonPath("$.items[0].successorCodes", hasItem("24886")))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50));
    }

    @Test
    void todayTheDistrictIsGoneAndItsCommunesAreUnderTheProvince() throws Exception {
        mvc.perform(get("/api/v1/admin-units").param("q", "Đam Rông").param("level", "DISTRICT"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/admin-units").param("parent", "68").param("q", "dam rong").param("size", "10"))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[0].fullName").value("Xã Đam Rông 1"))
                .andExpect(jsonPath("$.items[0].validFrom").value("2025-07-01"));
    }

    @Test
    void toneMarkPlacementAndCaseDoNotMatterInSearch() throws Exception {
        mvc.perform(get("/api/v1/admin-units").param("q", "HOÀ BÌNH").param("on", "2019-06-01").param("level", "PROVINCE"))
                .andExpect(jsonPath("$.items[0].code").value("17"));
        mvc.perform(get("/api/v1/admin-units").param("q", "hòa bình").param("on", "2019-06-01").param("level", "PROVINCE"))
                .andExpect(jsonPath("$.items[0].code").value("17"));
    }

    @Test
    void aUnitByCodeIsTheVersionInForceOnTheDay() throws Exception {
        mvc.perform(get("/api/v1/admin-units/04894").param("on", "2019-01-01"))
                .andExpect(jsonPath("$.fullName").value("Thị trấn Kỳ Sơn"))
                .andExpect(jsonPath("$.parentCode").value("151"))
                .andExpect(jsonPath("$.validTo").value("2019-12-31"));
        mvc.perform(get("/api/v1/admin-units/04894").param("on", "2021-01-01"))
                .andExpect(jsonPath("$.fullName").value("Phường Kỳ Sơn"))
                .andExpect(jsonPath("$.parentCode").value("148"));
        mvc.perform(get("/api/v1/admin-units/04894/versions"))
                .andExpect(jsonPath("$.length()").value(3));
    }

    @Test
    void anUnknownCodeIsA404ProblemInVietnameseOrEnglish() throws Exception {
        mvc.perform(get("/api/v1/admin-units/99999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy đơn vị hành chính nào có tên hoặc mã \"99999\"."));
        mvc.perform(get("/api/v1/admin-units/99999").param("lang", "en"))
                .andExpect(jsonPath("$.detail").value("No administrative unit is named or coded \"99999\"."));
    }

    @Test
    void aBadLevelIsA400Problem() throws Exception {
        mvc.perform(get("/api/v1/admin-units").param("level", "REGION"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("Yêu cầu không hợp lệ")));
    }

    @Test
    void aListWithBadRowsIsRefusedWholeWithEveryRowNamedAndNothingWritten() throws Exception {
        long before = unitCount();
        String csv = """
                Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp
                Tỉnh Thử Nghiệm,97,Huyện Một,971,Xã Một,97001,Xã
                Tỉnh Thử Nghiệm,97,Huyện Một,971,Xã Hai,97A02,Xã
                Tỉnh Thử Nghiệm,97,Huyện Một,971,Xã Ba,97001,Xã
                Tỉnh Thử Nghiệm,97,,972,Xã Bốn,97004,Xã
                """;
        mvc.perform(multipart("/api/v1/admin-units/import").with(csrf()).file(csvFile(csv)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("3 dòng lỗi")))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("Mã PX"))
                .andExpect(jsonPath("$.errors[0].message", containsString("5 chữ số")))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].message", containsString("dòng 2")))
                .andExpect(jsonPath("$.errors[2].row").value(5))
                .andExpect(jsonPath("$.errors[2].column").value("Quận Huyện"));
        assertThat(unitCount()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoUnitListIsRefused() throws Exception {
        long before = unitCount();
        mvc.perform(multipart("/api/v1/admin-units/import").with(csrf()).file(csvFile("Họ tên,Ngày sinh\nA,1990\n")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("Không nhận ra tệp")));
        mvc.perform(multipart("/api/v1/admin-units/import").with(csrf())
                        .file(new MockMultipartFile("file", "anh.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("không phải bảng tính")));
        assertThat(unitCount()).isEqualTo(before);
    }

    @Test
    @Transactional // rolled back, so the test units do not change the counts other tests check
    void aSmallListImportsAndAgainChangesNothing() throws Exception {
        String csv = """
                Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp
                Tỉnh Thử Nghiệm,98,Huyện Một,981,Xã Một,98001,Xã
                Tỉnh Thử Nghiệm,98,Huyện Một,981,Thị trấn Hai,98002,Thị trấn
                """;
        mvc.perform(multipart("/api/v1/admin-units/import").with(csrf()).file(csvFile(csv)).param("effectiveFrom", "2024-01-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.levels.PROVINCE.created").value(1))
                .andExpect(jsonPath("$.levels.COMMUNE.created").value(2));
        mvc.perform(multipart("/api/v1/admin-units/import").with(csrf()).file(csvFile(csv)).param("effectiveFrom", "2024-01-01"))
                .andExpect(jsonPath("$.levels.COMMUNE.created").value(0))
                .andExpect(jsonPath("$.levels.COMMUNE.unchanged").value(2));
        mvc.perform(get("/api/v1/admin-units/98002").param("on", "2024-01-01"))
                .andExpect(jsonPath("$.type").value("TOWNSHIP"))
                .andExpect(jsonPath("$.parentCode").value("981"));
    }

    private long unitCount() {
        return jdbc.queryForObject("select count(*) from admin_unit", Long.class);
    }

    private static MockMultipartFile csvFile(String content) {
        return new MockMultipartFile("file", "list.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
