package vn.dvk.planning;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.identity.AppSecurity;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;

import java.time.LocalDate;
import java.util.List;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnitType;
import vn.dvk.adminunit.AdminUnitView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The planning pages' forms: where they redirect and what they tell, with the plans themselves mocked. */
@WebMvcTest(PlanningController.class)
@AppSecurity
@WithMockUser(roles = "MOBILISATION_OFFICER")
class PlanningControllerTests {

    static final Plans.PeriodView PERIOD = new Plans.PeriodView(3, "Giai đoạn 2021–2025", 2021, 2025, 2030);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Plans plans;
    @MockitoBean
    Movements movements;
    @MockitoBean
    Conferences conferences;

    @Test
    void aSavedPlanOpensItsPageAndKeepsItsFoundingDocument() throws Exception {
        given(plans.create(any())).willReturn(new Plans.PlanView(42, 674, "674", "Huyện Đam Rông", PERIOD, "Kế hoạch Dân vận khéo",
                List.of(), 0));
        mvc.perform(post("/plans").with(csrf()).param("unitCode", "674").param("periodId", "3").param("title", "Kế hoạch Dân vận khéo")
                        .param("docNumber", "12-KH/HU").param("docDate", "2021-03-15").param("docIssuer", "Huyện ủy Đam Rông"))
                .andExpect(redirectedUrl("/plans/42"));
        ArgumentCaptor<Plans.PlanInput> input = ArgumentCaptor.forClass(Plans.PlanInput.class);
        verify(plans).create(input.capture());
        assertThat(input.getValue().documents()).containsExactly(
                new Plans.Document("12-KH/HU", LocalDate.of(2021, 3, 15), "Huyện ủy Đam Rông", null));
    }

    @Test
    void aRefusedPeriodGoesBackToThePlansWithTheReason() throws Exception {
        given(plans.addPeriod("Giai đoạn quá dài", 2021, 2040, null)).willThrow(new DomainException(DomainException.Kind.INVALID,
                List.of(FieldProblem.field("toYear", "period.years")), "error.validation"));
        mvc.perform(post("/periods").with(csrf()).param("name", "Giai đoạn quá dài").param("fromYear", "2021").param("toYear", "2040"))
                .andExpect(redirectedUrl("/plans"))
                .andExpect(flash().attribute("problem", "period.years"))
                .andExpect(flash().attributeExists("problemArgs"));
    }

    @Test
    void aTargetThatIsNotANumberIsRefusedBeforeAnythingIsSaved() throws Exception {
        Plans.PlanView plan = new Plans.PlanView(42, 674, "674", "Huyện Đam Rông", PERIOD, "Kế hoạch", List.of(), 5);
        given(plans.get(42)).willReturn(plan);
        given(plans.children(plan)).willReturn(List.of(new AdminUnitView(24886L, "24886", "Phi Liêng",
                "Xã Phi Liêng", AdminUnitLevel.COMMUNE, AdminUnitType.COMMUNE, 674L, "674", "/68/674/",
                null, null, List.of(), null)));
        mvc.perform(post("/plans/42/targets").with(csrf()).param("metric", "NEW_MODELS").param("version", "5")
                        .param("t_24886_2021", "ba"))
                .andExpect(redirectedUrl("/plans/42?metric=NEW_MODELS"))
                .andExpect(flash().attribute("problem", "plan.amount"));
        verify(plans, never()).saveTargets(anyLong(), any(), any(), any());
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/periods").param("name", "Giai đoạn").param("fromYear", "2021").param("toYear", "2025"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(plans);
    }

    @Test
    @WithAnonymousUser
    void aVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/plans")).andExpect(redirectedUrl("/login"));
        verifyNoInteractions(plans);
    }
}
