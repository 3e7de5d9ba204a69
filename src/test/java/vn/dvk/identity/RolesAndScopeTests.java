package vn.dvk.identity;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each role may do what its job needs and no more, and sees only its own unit and what lies under
 * it: ids of other units' objects answer 404, lists never count them.
 */
@DvkIntegrationTest
@Transactional
class RolesAndScopeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;

    @Test
    void withoutLoginTheApiAnswers401InVietnameseAndPagesGoToTheLoginPage() throws Exception {
        mvc.perform(get("/api/v1/organisations").with(anonymous()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("Cần đăng nhập")));
        mvc.perform(get("/api/v1/admin-units").with(anonymous())).andExpect(status().isUnauthorized());
        mvc.perform(get("/organisations").with(anonymous())).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/units").with(anonymous())).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login").with(anonymous())).andExpect(status().isOk());
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
    @CsvSource({
            // who, method, path, expected status
            "quantri.demo, GET, /api/v1/admin-units, 200",
            "xem.lucyen, GET, /api/v1/admin-units, 200",
            "xa.philieng, GET, /api/v1/admin-units/674, 200",
            "quantri.demo, IMPORT, /api/v1/admin-units/import, 422",
            "bdv.damrong, IMPORT, /api/v1/admin-units/import, 403",
            "btv.damrong, IMPORT, /api/v1/admin-units/import, 403",
            "xa.philieng, IMPORT, /api/v1/admin-units/import, 403",
            "xem.lucyen, IMPORT, /api/v1/admin-units/import, 403",
            "quantri.demo, GET, /api/v1/organisations, 200",
            "xem.lucyen, GET, /api/v1/organisations, 200",
            "quantri.demo, CREATE_ORG, /api/v1/organisations, 201",
            "bdv.damrong, CREATE_ORG, /api/v1/organisations, 201",
            "btv.damrong, CREATE_ORG, /api/v1/organisations, 403",
            "xa.philieng, CREATE_ORG, /api/v1/organisations, 403",
            "xem.lucyen, CREATE_ORG, /api/v1/organisations, 403",
            "quantri.demo, GET, /api/v1/users, 200",
            "bdv.damrong, GET, /api/v1/users, 403",
            "xem.lucyen, GET, /api/v1/users, 403",
            "quantri.demo, GET, /api/v1/audit/verify, 200",
            "bdv.damrong, GET, /api/v1/audit/verify, 403",
            "bdv.damrong, GET, /api/v1/audit, 200",
            "quantri.demo, GET, /admin/users, 200",
            "bdv.damrong, GET, /admin/users, 403",
            "xa.philieng, GET, /admin/users, 403",
            "xem.lucyen, GET, /units/import, 200",
            "xem.lucyen, GET, /api/v1/me, 200"
    })
    void eachRoleMayDoWhatItsJobNeeds(String who, String method, String path, int expected) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = switch (method) {
            case "GET" -> get(path);
            case "IMPORT" -> multipart(path).file(new MockMultipartFile("file", "x.csv", "text/csv",
                    "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))).with(csrf());
            case "CREATE_ORG" -> post(path).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                    {"name": "Tổ tự quản thử nghiệm", "type": "RESIDENTIAL_AREA", "unitCode": "674"}""");
            default -> throw new IllegalArgumentException(method);
        };
        mvc.perform(request.with(Logins.as(directory, who))).andExpect(status().is(expected));
    }

    @Test
    void anOfficerOfDamRongCannotReachAnOrganisationOfLucYenByItsId() throws Exception {
        int lucYen = idOf("Ban Chỉ huy Quân sự huyện Lục Yên");
        var damRong = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        mvc.perform(get("/api/v1/organisations/" + lucYen).with(damRong)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/organisations/" + lucYen).with(damRong).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Đổi tên", "type": "ARMY", "unitCode": "135", "version": 0}"""))
                .andExpect(status().isNotFound());
        mvc.perform(get("/organisations/" + lucYen).with(damRong)).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/" + lucYen + "/edit").with(damRong)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/" + lucYen).with(Logins.as(directory, DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(status().isOk());
    }

    @Test
    void listsNeverCountWhatLiesOutsideTheScope() throws Exception {
        var damRong = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        // a unit outside the scope is not there at all: 404, not a list of none
        mvc.perform(get("/api/v1/organisations").param("unit", "135").with(damRong)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations").param("q", "Luc Yen").with(damRong)).andExpect(jsonPath("$.total").value(0));
        int damRongTotal = total(mvc.perform(get("/api/v1/organisations").param("unit", "674")
                .with(Logins.as(directory, DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString());
        mvc.perform(get("/api/v1/organisations").with(damRong)).andExpect(jsonPath("$.total").value(damRongTotal));
        mvc.perform(get("/api/v1/organisations").with(Logins.as(directory, DvkIntegrationTest.PHI_LIENG_EDITOR)))
                .andExpect(jsonPath("$.total").value(6));
        int lamDong = total(mvc.perform(get("/api/v1/organisations").with(Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER)))
                .andReturn().getResponse().getContentAsString());
        // the province's three bodies of 2021, its Ban Thường vụ and Ban Tuyên giáo và Dân vận of today, and the ten
        // bodies of today's four communes Đam Rông 1-4 (demo organisations.csv)
        assertThat(lamDong).isEqualTo(damRongTotal + 3 + 2 + 10);
    }

    @Test
    void anOfficerCannotPlaceAnOrganisationOutsideTheScope() throws Exception {
        int lucYen = idOf("Huyện ủy Lục Yên");
        var damRong = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        mvc.perform(post("/api/v1/organisations").with(damRong).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Chi hội ngoài phạm vi", "type": "OTHER", "unitCode": "135"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].message", containsString("ngoài phạm vi")));
        mvc.perform(post("/api/v1/organisations").with(damRong).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Chi hội", "type": "OTHER", "unitCode": "674", "parentId": %d}""".formatted(lucYen)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    }

    @Test
    void aUnitEditorReadsButDoesNotEditOrganisations() throws Exception {
        int own = idOf("Ủy ban nhân dân xã Phi Liêng");
        var editor = Logins.as(directory, DvkIntegrationTest.PHI_LIENG_EDITOR);
        mvc.perform(get("/api/v1/organisations/" + own).with(editor)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/organisations/" + own).with(editor).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "UBND xã Phi Liêng", "type": "GOVERNMENT", "unitCode": "24886", "version": 0}"""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Bạn không có quyền thực hiện thao tác này."));
    }

    private int idOf(String name) throws Exception {
        String body = mvc.perform(get("/api/v1/organisations").param("q", name).param("size", "500")
                .with(Logins.as(directory, DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(body, "$.items[?(@.name == '" + name + "')].id");
        return ids.get(0);
    }

    private static int total(String body) {
        return JsonPath.read(body, "$.total");
    }
}
