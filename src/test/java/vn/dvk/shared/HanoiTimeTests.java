package vn.dvk.shared;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;

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
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

/** Every hour a page shows is Hanoi's, never UTC's: a step taken now reads as now in Hanoi. */
@DvkIntegrationTest
@Transactional
class HanoiTimeTests {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    @Test
    void theClockKeepsHanoisTime() {
        assertThat(clock.getZone()).isEqualTo(HANOI);
    }

    @Test
    void theTimelineShowsTheHanoiHourOfAStepJustTaken() throws Exception {
        String officer = DvkIntegrationTest.DAM_RONG_OFFICER;
        long id = anInitiative("Giờ Hà Nội trên dòng thời gian").in(PHI_LIENG_2021).registeredFor(2022).by(officer).create(mvc);
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
