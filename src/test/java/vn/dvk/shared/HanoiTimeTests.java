package vn.dvk.shared;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every hour a page shows is Hanoi's, never UTC's: a step taken now reads as now in Hanoi. */
@DvkIntegrationTest
@Transactional
class HanoiTimeTests {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    Clock clock;

    private RequestPostProcessor as(String user) {
        return Logins.as(directory, user);
    }

    @Test
    void theClockKeepsHanoisTime() {
        assertThat(clock.getZone()).isEqualTo(HANOI);
    }

    @Test
    void theTimelineShowsTheHanoiHourOfAStepJustTaken() throws Exception {
        String officer = DvkIntegrationTest.DAM_RONG_OFFICER;
        Integer unitId = JsonPath.read(mvc.perform(get("/api/v1/admin-units/24886").param("on", "2021-01-01")
                .with(as(officer))).andReturn().getResponse().getContentAsString(), "$.id");
        String body = mvc.perform(post("/api/v1/initiatives").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Giờ Hà Nội trên dòng thời gian", "kind": "MODEL", "holder": "COLLECTIVE",
                                 "sector": "ECONOMY", "unitId": %d, "startYear": 2022}""".formatted(unitId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/initiatives/" + id + "/registrations").with(as(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2022, \"status\": \"NEW\"}"))
                .andExpect(status().isCreated());
        Instant before = Instant.now();
        mvc.perform(post("/api/v1/initiatives/" + id + "/years/2022/submit").with(as(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        Instant after = Instant.now();

        String page = mvc.perform(get("/initiatives/" + id).with(as(officer))).andReturn().getResponse().getContentAsString();
        String timeline = page.substring(page.indexOf("id=\"workflow-timeline\""), page.indexOf("id=\"history-table\""));

        assertShownInHanoi(timeline, before, after);
    }

    @Test
    void aTokenListShowsWhenItWasMadeInHanoi() throws Exception {
        String officer = DvkIntegrationTest.DAM_RONG_OFFICER;
        Instant before = Instant.now();
        mvc.perform(post("/api/v1/me/tokens").with(as(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"giờ Hà Nội\"}")).andExpect(status().isCreated());
        Instant after = Instant.now();

        String page = mvc.perform(get("/account/tokens").with(as(officer))).andReturn().getResponse().getContentAsString();

        assertShownInHanoi(page, before, after);
    }

    private static void assertShownInHanoi(String html, Instant before, Instant after) {
        String hanoiBefore = SHOWN.format(before.atZone(HANOI));
        String hanoiAfter = SHOWN.format(after.atZone(HANOI));
        assertThat(html).containsAnyOf(hanoiBefore, hanoiAfter);
        assertThat(html).doesNotContain(SHOWN.format(before.atZone(ZoneOffset.UTC)), SHOWN.format(after.atZone(ZoneOffset.UTC)));
    }
}
