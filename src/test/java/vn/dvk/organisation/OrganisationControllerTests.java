package vn.dvk.organisation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.web.ProblemMessages;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.validation.Inputs;
import vn.dvk.shared.validation.Years;
import vn.dvk.shared.web.TimeConfig;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OrganisationController.class)
@WithMockUser
@Import({ProblemMessages.class, TimeConfig.class, Inputs.class,
        Years.class})
class OrganisationControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Organisations organisations;
    @MockitoBean
    AdminUnits units;

    @Test
    void aRefusedFormIsShownAgainWithTheMessageUnderTheField() throws Exception {
        when(organisations.create(any())).thenThrow(new DomainException(DomainException.Kind.INVALID,
                List.of(FieldProblem.field("name", "validation.NotBlank"),
                        FieldProblem.field("unitCode", "organisation.unitNotFound", "123")), "error.validation"));
        mvc.perform(post("/organisations/new").with(csrf()).param("name", "").param("unitCode", "123"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dữ liệu chưa hợp lệ."),
                        containsString("id=\"name-error\""), containsString("Không được để trống."),
                        containsString("Không tìm thấy đơn vị hành chính nào có tên hoặc mã &quot;123&quot;."))));
    }

    @Test
    void aSavedOrganisationRedirectsToItsPage() throws Exception {
        when(organisations.create(any())).thenReturn(new OrganisationView(42L, "Chi bộ thôn Mới", OrganisationType.PARTY_CELL,
                1L, "24886", "Xã Phi Liêng", null, null, 0));
        mvc.perform(post("/organisations/new").with(csrf()).param("name", "Chi bộ thôn Mới").param("type", "PARTY_CELL").param("unitCode", "24886"))
                .andExpect(redirectedUrl("/organisations/42"));
    }

    @Test
    void theIdCannotBeBoundFromTheForm() throws Exception {
        when(organisations.get(7L)).thenReturn(new OrganisationView(7L, "A", OrganisationType.OTHER, 1L, "1", "X", null, null, 3));
        mvc.perform(post("/organisations/7/edit").with(csrf()).param("id", "99").param("name", "B").param("type", "OTHER")
                        .param("unitCode", "1").param("version", "3"))
                .andExpect(redirectedUrl("/organisations/7"));
        verify(organisations).update(eq(7L), any());
        verify(organisations, never()).update(eq(99L), any());
    }

    @Test
    void theStaleEditMessageTellsTheUserToReload() throws Exception {
        when(organisations.get(7L)).thenReturn(new OrganisationView(7L, "A", OrganisationType.OTHER, 1L, "1", "X", null, null, 3));
        when(organisations.update(eq(7L), any())).thenThrow(DomainException.conflict("error.stale"));
        mvc.perform(post("/organisations/7/edit").with(csrf()).param("name", "B").param("type", "OTHER").param("unitCode", "1").param("version", "2"))
                .andExpect(content().string(containsString("người khác sửa")));
    }
}
