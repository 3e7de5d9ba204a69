package vn.dvk.initiative;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;

import java.util.List;
import org.hamcrest.Matchers;
import vn.dvk.shared.VietnameseText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

@DvkIntegrationTest
@Transactional
class InitiativeApiTests {

    @Autowired
    MockMvc mvc;

    private long total(String path, String... params) throws Exception {
        var request = get(path).with(as(DvkIntegrationTest.ADMIN));
        for (int k = 0; k < params.length; k += 2) {
            request.param(params[k], params[k + 1]);
        }
        Integer total = JsonPath.read(mvc.perform(request).andReturn().getResponse().getContentAsString(), "$.total");
        return total;
    }

    @Test
    void damRong2021Has47Initiatives37NewAnd10MaintainedBySector() throws Exception {
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021")).isEqualTo(47);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021", "status", "NEW")).isEqualTo(37);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021", "status", "MAINTAINED")).isEqualTo(10);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021", "sector", "ECONOMY")).isEqualTo(17);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021", "sector", "CULTURE_SOCIETY")).isEqualTo(25);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021", "sector", "DEFENCE_SECURITY")).isEqualTo(2);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021", "sector", "POLITICAL_SYSTEM")).isEqualTo(3);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021", "featured", "true")).isEqualTo(23);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021", "holder", "INDIVIDUAL")).isEqualTo(2);
    }

    @Test
    void lucYen2024Has421InitiativesBySector() throws Exception {
        assertThat(total("/api/v1/initiatives", "unit", "135", "year", "2024")).isEqualTo(421);
        assertThat(total("/api/v1/initiatives", "unit", "135", "year", "2024", "sector", "ECONOMY")).isEqualTo(91);
        assertThat(total("/api/v1/initiatives", "unit", "135", "year", "2024", "sector", "CULTURE_SOCIETY")).isEqualTo(232);
        assertThat(total("/api/v1/initiatives", "unit", "135", "year", "2024", "sector", "DEFENCE_SECURITY")).isEqualTo(47);
        assertThat(total("/api/v1/initiatives", "unit", "135", "year", "2024", "sector", "POLITICAL_SYSTEM")).isEqualTo(18);
        assertThat(total("/api/v1/initiatives", "unit", "135", "year", "2024", "sector", "NEW_RURAL")).isEqualTo(33);
        assertThat(total("/api/v1/initiatives", "unit", "135", "year", "2024", "targetGroup", "ETHNIC_MINORITY")).isPositive();
    }

    @Test
    void kySon2019Has54InitiativesOf16Economic() throws Exception {
        assertThat(total("/api/v1/initiatives", "unit", "151", "year", "2019")).isEqualTo(54);
        assertThat(total("/api/v1/initiatives", "unit", "151", "year", "2019", "sector", "ECONOMY")).isEqualTo(16);
    }

    @Test
    void theHopThanhPilotWasReplicatedToEveryOtherCommuneOfKySon() throws Exception {
        String body = mvc.perform(get("/api/v1/initiatives").with(as(DvkIntegrationTest.ADMIN))
                .param("q", "dong thuan chinh quyen nguoi dan dat").param("unit", "151")).andReturn().getResponse().getContentAsString();
        List<Integer> pilots = JsonPath.read(body, "$.items[?(@.replicatedFromId == null)].id");
        assertThat(pilots).hasSize(1);
        mvc.perform(get("/api/v1/initiatives/" + pilots.get(0) + "/replications").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(jsonPath("$.unitName").value("Xã Hợp Thành"))
                .andExpect(jsonPath("$.replicas", hasSize(7)))
                .andExpect(jsonPath("$.replicas[*].unitName", hasItem("Thị trấn Kỳ Sơn")))
                .andExpect(jsonPath("$.replicas[*].unitName", hasItem("Xã Độc Lập")));
    }

    @Test
    void searchIgnoresDiacriticsAndSortsInVietnameseOrder() throws Exception {
        mvc.perform(get("/api/v1/initiatives").param("q", "mai am tinh thuong").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name", startsWith("Mái ấm tình thương")));
        mvc.perform(get("/api/v1/initiatives").param("q", "HỢP TÁC XÃ TRỒNG RAU").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(jsonPath("$.total").value(2));
        String body = mvc.perform(get("/api/v1/initiatives").param("unit", "674").param("size", "500")
                .with(as(DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString();
        List<String> names = JsonPath.read(body, "$.items[*].name");
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(VietnameseText.order());
        assertThat(names).isEqualTo(sorted);
    }

    @Test
    void aProvinceYearListReadPageByPageIsTheWholeListInVietnameseOrder() throws Exception {
        // Lâm Đồng (68) in 2021: the plan H2 is held to (the province's index in Vietnamese order) gives
        // every row once, in order, and the sector lists add up to the total
        long total = total("/api/v1/initiatives", "unit", "68", "year", "2021");
        assertThat(total).isGreaterThanOrEqualTo(47);
        long bySector = 0;
        for (String sector : List.of("ECONOMY", "CULTURE_SOCIETY", "DEFENCE_SECURITY", "POLITICAL_SYSTEM", "NEW_RURAL")) {
            bySector += total("/api/v1/initiatives", "unit", "68", "year", "2021", "sector", sector);
        }
        assertThat(bySector).isEqualTo(total);
        List<String> names = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int page = 0; page * 10 < total; page++) {
            String body = mvc.perform(get("/api/v1/initiatives").param("unit", "68").param("year", "2021")
                    .param("page", String.valueOf(page)).param("size", "10").with(as(DvkIntegrationTest.ADMIN)))
                    .andReturn().getResponse().getContentAsString();
            names.addAll(JsonPath.read(body, "$.items[*].name"));
            ids.addAll(JsonPath.read(body, "$.items[*].id"));
        }
        assertThat(ids).hasSize((int) total).doesNotHaveDuplicates();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(VietnameseText.order());
        assertThat(names).isEqualTo(sorted);
    }

    @Test
    void anOfficerRegistersANewInitiativeWithAGeneratedCodeAndDuplicatesAreFlagged() throws Exception {
        String draft = """
                {"name": "Mô hình nuôi ong lấy mật xã Phi Liêng", "kind": "MODEL", "holder": "COLLECTIVE",
                 "sector": "ECONOMY", "unitCode": "24886", "startYear": 2024, "targetGroups": ["ETHNIC_MINORITY"]}""";
        String body = mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draft))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code", startsWith("DVK-68-")))
                // a code means the unit of the start year: 24886 was Xã Phi Liêng in 2024, Xã Đam Rông 1 since July 2025
                .andExpect(jsonPath("$.unitName").value("Xã Phi Liêng"))
                .andExpect(jsonPath("$.targetGroups[0]").value("ETHNIC_MINORITY"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.possibleDuplicates", hasSize(0)))
                .andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(body, "$.code");
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draft.replace("Mô hình nuôi ong", "Mô hình nuôi  ong")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.possibleDuplicates[0].code").value(code));
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draft.replace("{\"name\"", "{\"code\": \"" + code + "\", \"name\"")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("đã được dùng")));
    }

    @Test
    void invalidContentNamesEveryField() throws Exception {
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\", \"sector\": \"SPACE\", \"startYear\": 1800}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("holder")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("unitCode")))
                .andExpect(jsonPath("$.errors[?(@.field == 'sector')].message").value("Không có lĩnh vực \"SPACE\"."))
                .andExpect(jsonPath("$.errors[?(@.field == 'startYear')].message", hasItem(startsWith("Năm bắt đầu phải từ 1945"))));
    }

    @Test
    void aListFilterThatIsNotANumberOrNotAValueIsRefusedNamingItOnTheApiAndThePage() throws Exception {
        mvc.perform(get("/api/v1/initiatives").param("year", "hai nghìn").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(get("/api/v1/initiatives").param("kind", "MOUNTAIN").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/initiatives").param("year", "abc").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("abc")));
        // blank filters, as an emptied form sends them, are no filter at all
        long all = total("/api/v1/initiatives", "unit", "674", "year", "2021");
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2021", "sector", " ", "q", "", "state", "")).isEqualTo(all);
    }

    @Test
    void yearlyRegistrationRenewalAndDiscontinuation() throws Exception {
        Integer id = createInDamRong("Tổ hòa giải cơ sở thôn Đồng Tâm", 2022);
        var officer = as(DvkIntegrationTest.DAM_RONG_OFFICER);
        mvc.perform(post("/api/v1/initiatives/" + id + "/registrations").with(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2022, \"status\": \"NEW\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.year").value(2022))
                .andExpect(jsonPath("$.status").value("NEW"));
        mvc.perform(post("/api/v1/initiatives/" + id + "/registrations").with(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2022, \"status\": \"MAINTAINED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Mô hình \"Tổ hòa giải cơ sở thôn Đồng Tâm\" đã được đăng ký năm 2022."));
        long before = total("/api/v1/initiatives", "unit", "674", "year", "2023");
        mvc.perform(post("/api/v1/registrations/renew").with(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\": \"674\", \"year\": 2023}"))
                .andExpect(jsonPath("$.renewed").value(1));
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2023", "status", "MAINTAINED")).isEqualTo(before + 1);
        mvc.perform(post("/api/v1/registrations/renew").with(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\": \"674\", \"year\": 2023}"))
                .andExpect(jsonPath("$.renewed").value(0));
        mvc.perform(post("/api/v1/initiatives/" + id + "/discontinue").with(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"fromYear\": 2024, \"reason\": \"Không còn hiệu quả\"}"))
                .andExpect(jsonPath("$.discontinuedFrom").value(2024));
        mvc.perform(post("/api/v1/registrations/renew").with(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\": \"674\", \"year\": 2024}"))
                .andExpect(jsonPath("$.renewed").value(0));
    }

    @Test
    void aYearsCountsFollowAnInitiativeMovedToAnotherSector() throws Exception {
        long economy = total("/api/v1/initiatives", "unit", "674", "year", "2022", "sector", "ECONOMY");
        long culture = total("/api/v1/initiatives", "unit", "674", "year", "2022", "sector", "CULTURE_SOCIETY");
        Integer id = createInDamRong("Tổ hợp tác nuôi cá lồng thôn 3", 2022);
        mvc.perform(post("/api/v1/initiatives/" + id + "/registrations").with(as(DvkIntegrationTest.DAM_RONG_OFFICER))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2022, \"status\": \"NEW\"}"))
                .andExpect(status().isCreated());
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2022", "sector", "CULTURE_SOCIETY")).isEqualTo(culture + 1);
        String edit = "{\"name\": \"Tổ hợp tác nuôi cá lồng thôn 3\", \"kind\": \"MODEL\", \"holder\": \"COLLECTIVE\","
                + " \"sector\": \"ECONOMY\", \"unitId\": " + phiLiengOld() + ", \"startYear\": 2022, \"version\": "
                + JsonPath.read(mvc.perform(get("/api/v1/initiatives/" + id).with(as(DvkIntegrationTest.ADMIN)))
                        .andReturn().getResponse().getContentAsString(), "$.version") + "}";
        mvc.perform(put("/api/v1/initiatives/" + id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(edit)).andExpect(status().isOk());
        // The year's count without other filters reads the registrations alone; with a word typed it
        // reads the initiatives: both must see the move.
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2022", "sector", "ECONOMY")).isEqualTo(economy + 1);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2022", "sector", "CULTURE_SOCIETY")).isEqualTo(culture);
        assertThat(total("/api/v1/initiatives", "unit", "674", "year", "2022", "sector", "ECONOMY", "q", "ca long"))
                .isEqualTo(1);
    }

    @Test
    void aReplicaCopiesWhatMakesSenseFromThePilot() throws Exception {
        Integer pilot = createInDamRong("Tuyến đường hoa thôn Trung Tâm", 2021);
        mvc.perform(put("/api/v1/initiatives/" + pilot + "/indicators").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Chiều dài\", \"unit\": \"km\", \"year\": 2021, \"value\": 2.5}"))
                .andExpect(jsonPath("$.indicators[0].value").value(2.5));
        mvc.perform(post("/api/v1/initiatives/" + pilot + "/replicas").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\": \"24889\", \"startYear\": 2022}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Tuyến đường hoa thôn Trung Tâm"))
                .andExpect(jsonPath("$.sector").value("CULTURE_SOCIETY"))
                .andExpect(jsonPath("$.description").value("Mô tả thử nghiệm"))
                .andExpect(jsonPath("$.results").doesNotExist())
                .andExpect(jsonPath("$.replicatedFromId").value(pilot))
                .andExpect(jsonPath("$.unitName").value("Xã Đạ K' Nàng"));
        mvc.perform(get("/api/v1/initiatives/" + pilot + "/replications").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(jsonPath("$.replicas[0].unitName").value("Xã Đạ K' Nàng"));
        mvc.perform(delete("/api/v1/initiatives/" + pilot).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void editsNeedTheCurrentVersion() throws Exception {
        Integer id = createInDamRong("Câu lạc bộ dân ca thôn 5", 2023);
        String edit = "{\"name\": \"Câu lạc bộ dân ca thôn 5 (sửa)\", \"kind\": \"MODEL\", \"holder\": \"COLLECTIVE\","
                + " \"sector\": \"CULTURE_SOCIETY\", \"unitId\": " + phiLiengOld() + ", \"startYear\": 2023, \"version\": %d}";
        mvc.perform(put("/api/v1/initiatives/" + id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(edit.formatted(0)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Câu lạc bộ dân ca thôn 5 (sửa)"));
        mvc.perform(put("/api/v1/initiatives/" + id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(edit.formatted(0)))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/initiatives/" + id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/initiatives/" + id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER))).andExpect(status().isNotFound());
    }

    @Test
    void scopeAndRolesHoldOnEveryInitiativeEndpoint() throws Exception {
        String lucYen = mvc.perform(get("/api/v1/initiatives").param("unit", "135").param("size", "1")
                .with(as(DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString();
        Integer id = JsonPath.read(lucYen, "$.items[0].id");
        var damRong = as(DvkIntegrationTest.DAM_RONG_OFFICER);
        mvc.perform(get("/api/v1/initiatives/" + id).with(damRong)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/initiatives/" + id + "/registrations").with(damRong)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/initiatives/" + id + "/replications").with(damRong)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/initiatives/" + id + "/registrations").with(damRong).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2025, \"status\": \"MAINTAINED\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/initiatives/" + id + "/replicas").with(damRong).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\": \"24886\"}")).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/initiatives/" + id).with(damRong).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/initiatives/" + id).with(damRong)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/initiatives").param("unit", "135").with(damRong)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/initiatives").param("year", "2021").with(damRong)).andExpect(jsonPath("$.total").value(47));
        mvc.perform(get("/api/v1/initiatives/" + id).with(as(DvkIntegrationTest.LUC_YEN_VIEWER))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.LUC_YEN_VIEWER)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"X\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.DAM_RONG_COMMITTEE)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"X\"}")).andExpect(status().isForbidden());
    }

    @Test
    void aUnitEditorRegistersOnlyForTheirOwnOrganisation() throws Exception {
        String editorOrg = mvc.perform(get("/api/v1/me").with(as(DvkIntegrationTest.PHI_LIENG_EDITOR)))
                .andReturn().getResponse().getContentAsString();
        Integer organisationId = JsonPath.read(editorOrg, "$.organisationId");
        // Xã Phi Liêng ended on 30 June 2025: its editor still enters its records of 2021
        String draft = "{\"name\": \"Tổ vay vốn thôn Trung Tâm\", \"kind\": \"MODEL\", \"holder\": \"COLLECTIVE\","
                + " \"sector\": \"ECONOMY\", \"unitId\": %d, \"organisationId\": %s, \"startYear\": 2021}";
        Integer phiLieng = JsonPath.read(mvc.perform(get("/api/v1/admin-units/24886").param("on", "2021-01-01")
                .with(as(DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.PHI_LIENG_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draft.formatted(phiLieng, organisationId)))
                .andExpect(status().isCreated());
        // not chosen: asked to choose it, naming the field (the page preselects the editor's organisation)
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.PHI_LIENG_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draft.formatted(phiLieng, "null")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("organisationId"));
        // another organisation's: refused
        Integer other = JsonPath.read(mvc.perform(post("/api/v1/organisations").with(as(DvkIntegrationTest.DAM_RONG_OFFICER))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Chi hội nông dân thôn Liêng Trang\", \"type\": \"FARMERS_UNION\", \"unitCode\": \"674\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.PHI_LIENG_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draft.formatted(phiLieng, other)))
                .andExpect(status().isForbidden());
    }

    @Test
    void sectorsAreConfigurableByAdministrators() throws Exception {
        mvc.perform(get("/api/v1/sectors").with(as(DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(jsonPath("$[*].code", hasItem("NEW_RURAL")))
                .andExpect(jsonPath("$[0].label").value("Kinh tế"));
        mvc.perform(post("/api/v1/sectors").with(as(DvkIntegrationTest.ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"ENVIRONMENT\", \"nameVi\": \"Bảo vệ môi trường\", \"nameEn\": \"Environment\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.position").value(6));
        mvc.perform(post("/api/v1/sectors").with(as(DvkIntegrationTest.ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"ENVIRONMENT\", \"nameVi\": \"Môi trường\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/sectors").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"SPORT\", \"nameVi\": \"Thể thao\"}"))
                .andExpect(status().isForbidden());
    }

    private Integer createInDamRong(String name, int startYear) throws Exception {
        return Math.toIntExact(anInitiative(name).in(PHI_LIENG_2021).sector("CULTURE_SOCIETY").startYear(startYear)
                .description("Mô tả thử nghiệm").results("Kết quả riêng của mô hình điểm").by(DvkIntegrationTest.DAM_RONG_OFFICER)
                .create(mvc));
    }

    private Integer phiLiengOld() throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/admin-units/24886").param("on", "2021-01-01")
                .with(as(DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void aTakenCodeNamesItsInitiativeOnlyToThoseWhoMayReadIt() throws Exception {
        String code = "MA-" + System.nanoTime() % 1_000_000_000L;
        String draft = """
                {"name": "%s", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY", "unitCode": "%s",
                 "startYear": 2022, "code": "%s"%s}""";
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draft.formatted("Tổ giữ mã riêng thôn Rô Men", "24877", code, "")))
                .andExpect(status().isCreated());
        String organisations = mvc.perform(get("/api/v1/organisations").param("q", "Ủy ban nhân dân xã Phi Liêng")
                .with(as(DvkIntegrationTest.ADMIN))).andReturn().getResponse().getContentAsString();
        Integer own = JsonPath.<List<Integer>>read(organisations, "$.items[?(@.name == 'Ủy ban nhân dân xã Phi Liêng')].id").get(0);
        // the commune's editor does not read Rô Men's initiatives: told only that the code is taken
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.PHI_LIENG_EDITOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft.formatted("Tổ dùng mã trùng", "24886", code, ", \"organisationId\": " + own)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Mã \"" + code + "\" đã được dùng cho mô hình khác trong tỉnh."));
        // the district's officer reads it: told which initiative holds it
        mvc.perform(post("/api/v1/initiatives").with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draft.formatted("Tổ dùng mã trùng", "24886", code, "")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Tổ giữ mã riêng thôn Rô Men")));
    }

    @Test
    void renewingAnotherUnitsInitiativesAnswersNotFoundAndWritesNothing() throws Exception {
        long audited = total("/api/v1/audit", "objectType", "REGISTRATION");
        mvc.perform(post("/api/v1/registrations/renew").with(as(DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitCode\": \"33\", \"year\": 2024}"))
                .andExpect(status().isNotFound());
        assertThat(total("/api/v1/audit", "objectType", "REGISTRATION")).isEqualTo(audited);
    }
}
