package vn.dvk.organisation;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.dvk.DvkIntegrationTest;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DvkIntegrationTest
@WithUserDetails(DvkIntegrationTest.ADMIN)
@Transactional
class OrganisationApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aDistrictListsItsOwnBodiesAndThoseOfItsCommunesAndVillages() throws Exception {
        mvc.perform(get("/api/v1/organisations").param("unit", "674").param("size", "500"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", hasItem("Ban Thường vụ Huyện ủy Đam Rông")))
                .andExpect(jsonPath("$.items[*].name", hasItem("Ủy ban nhân dân xã Phi Liêng")))
                .andExpect(jsonPath("$.items[*].name", hasItem("Tổ hợp tác trồng dâu nuôi tằm thôn Liêng Krắc 1")))
                .andExpect(jsonPath("$.items[*].name", everyItem(Matchers.not("Huyện ủy Lục Yên"))));
    }

    @Test
    void searchIgnoresDiacriticsAndFiltersByType() throws Exception {
        mvc.perform(get("/api/v1/organisations").param("q", "hop tac xa trong rau"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Hợp tác xã trồng rau công nghệ cao Phi Liêng"))
                .andExpect(jsonPath("$.items[0].type").value("ENTERPRISE"))
                .andExpect(jsonPath("$.items[0].label").value("Doanh nghiệp, hợp tác xã"));
        mvc.perform(get("/api/v1/organisations").param("type", "ARMY"))
                .andExpect(jsonPath("$.total").value(5));
    }

    @Test
    void anOrganisationIsCreatedReadAndEditedWithItsVersion() throws Exception {
        String body = mvc.perform(post("/api/v1/organisations").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Chi hội Phụ nữ thôn Đồng Tâm", "type": "WOMENS_UNION", "unitCode": "24886"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/organisations/")))
                .andExpect(jsonPath("$.unitName").value("Xã Đam Rông 1"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        Integer id = JsonPath.read(body, "$.id");
        mvc.perform(put("/api/v1/organisations/" + id).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Chi hội Phụ nữ thôn Đồng Tâm (mới)", "type": "WOMENS_UNION", "unitCode": "24886", "version": 0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Chi hội Phụ nữ thôn Đồng Tâm (mới)"))
                .andExpect(jsonPath("$.version", greaterThan(0)));
        mvc.perform(put("/api/v1/organisations/" + id).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Sửa cũ", "type": "WOMENS_UNION", "unitCode": "24886", "version": 0}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", Matchers.containsString("người khác sửa")));
        mvc.perform(get("/api/v1/organisations/" + id))
                .andExpect(jsonPath("$.name").value("Chi hội Phụ nữ thôn Đồng Tâm (mới)"));
    }

    @Test
    void invalidContentNamesEachFieldInVietnamese() throws Exception {
        mvc.perform(post("/api/v1/organisations").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "  ", "unitCode": "00000"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("Không được để trống."))
                .andExpect(jsonPath("$.errors[?(@.field == 'type')].message").value("Phải chọn hoặc nhập giá trị."))
                .andExpect(jsonPath("$.errors[?(@.field == 'unitCode')].message").value("Không tìm thấy đơn vị hành chính nào có tên hoặc mã \"00000\"."));
    }

    @Test
    void anOrganisationCannotBeItsOwnAncestor() throws Exception {
        String parent = mvc.perform(get("/api/v1/organisations").param("q", "Huyen uy Dam Rong").param("type", "PARTY_COMMITTEE"))
                .andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(parent, "$.items[?(@.name == 'Huyện ủy Đam Rông')].id");
        Integer huyenUy = ids.get(0);
        List<Integer> versions = JsonPath.read(parent, "$.items[?(@.name == 'Huyện ủy Đam Rông')].version");
        String child = mvc.perform(get("/api/v1/organisations").param("q", "Ban Thuong vu Huyen uy Dam Rong"))
                .andReturn().getResponse().getContentAsString();
        Integer btv = JsonPath.read(child, "$.items[0].id");
        mvc.perform(put("/api/v1/organisations/" + huyenUy).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Huyện ủy Đam Rông", "type": "PARTY_COMMITTEE", "unitCode": "674", "parentId": %d, "version": %d}"""
                        .formatted(btv, versions.get(0))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    }

    @Test
    void unknownIdsAre404() throws Exception {
        mvc.perform(get("/api/v1/organisations/987654321")).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/organisations/987654321").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
    }
}
