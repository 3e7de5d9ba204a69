package vn.dvk.initiative;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.StatementCounter;
import vn.dvk.identity.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The initiative's page reads the initiative once: not in a test transaction, so that each read of
 * the page's parts would reach the database as it does for a user.
 */
@DvkIntegrationTest
class InitiativePageReadsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theInitiativePageReadsTheInitiativeOnce() throws Exception {
        Long id = jdbc.queryForObject("select id from initiative where name = 'Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm'",
                Long.class);
        var officer = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        mvc.perform(get("/initiatives/" + id).with(officer)).andExpect(status().isOk());
        long page = StatementCounter.during(() -> mvc.perform(get("/initiatives/" + id).with(officer))
                .andExpect(status().isOk()));
        // 36 with the initiative read once; reading it again for the files, replicas, unit and timeline made 64
        assertThat(page).isLessThanOrEqualTo(40);
    }
}
