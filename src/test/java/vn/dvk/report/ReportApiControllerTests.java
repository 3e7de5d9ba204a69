package vn.dvk.report;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.identity.AppSecurity;
import vn.dvk.shared.DomainException;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The report API's answers (problems, file names) with the reports themselves mocked: no database, no other module. */
@WebMvcTest(ReportApiController.class)
@AppSecurity
@WithMockUser
class ReportApiControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Reports reports;
    @MockitoBean
    ReportDocuments documents;
    @MockitoBean
    OutcomeIndicators outcomes;
    @MockitoBean
    ReportMap map;
    @MockitoBean
    OutcomeSheets outcomeSheets;

    private static Summary damRong2021() {
        return new Summary("674", "Huyện Đam Rông", 674L, 2021, "THEN", 47, Map.of(), Map.of(), Map.of(), Map.of(), 0, 0,
                new Summary.Commendations(0, 0, Map.of(), Map.of()), Map.of(), List.of());
    }

    @Test
    void outcomesWithoutAYearAreRefusedNamingTheYearAndReadNothing() throws Exception {
        mvc.perform(get("/api/v1/reports/outcomes").param("unit", "674"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Dữ liệu chưa hợp lệ."))
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].message").value("Phải chọn hoặc nhập giá trị."));
        verifyNoInteractions(outcomes, reports);
    }

    @Test
    void aUnitOutsideTheCallersScopeIsAnsweredNotFoundAsAProblem() throws Exception {
        given(reports.summary(eq("68"), eq(2021), eq(false))).willThrow(DomainException.notFound("adminUnit.notFound", "68"));
        mvc.perform(get("/api/v1/reports/summary").param("unit", "68").param("year", "2021"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy đơn vị hành chính nào có tên hoặc mã \"68\"."));
    }

    @Test
    @WithAnonymousUser
    void aCallerWhoIsNotLoggedInIsAskedToLogInAsAProblem() throws Exception {
        mvc.perform(get("/api/v1/reports/summary").param("year", "2021"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("Cần đăng nhập")));
        verifyNoInteractions(reports);
    }

    @Test
    void theSummaryAsAWordFileIsNamedAfterTheYearAndTheUnit() throws Exception {
        given(reports.summary("674", 2021)).willReturn(damRong2021());
        given(documents.docx(any(), any())).willReturn(new byte[]{1, 2, 3});
        mvc.perform(get("/api/v1/reports/summary.docx").param("unit", "674").param("year", "2021"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("tong-hop-dan-van-kheo-2021-huyen-dam-rong.docx")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
    }
}
