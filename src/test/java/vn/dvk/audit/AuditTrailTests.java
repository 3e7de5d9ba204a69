package vn.dvk.audit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;
import vn.dvk.shared.security.SystemActor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DvkIntegrationTest
class AuditTrailTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEditIsRecordedWithWhoFromWhereAndEachChangedFieldBeforeAndAfter() throws Exception {
        var officer = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        String created = mvc.perform(post("/api/v1/organisations").with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Tổ hòa giải thôn Trung Tâm\", \"type\": \"RESIDENTIAL_AREA\", \"unitCode\": \"674\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Integer id = JsonPath.read(created, "$.id");
        mvc.perform(put("/api/v1/organisations/" + id).with(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Tổ hòa giải thôn Trung Tâm (mới)\", \"type\": \"RESIDENTIAL_AREA\", \"unitCode\": \"674\", \"version\": 0}"))
                .andExpect(status().isOk());

        Map<String, Object> entry = jdbc.queryForMap(
                "select * from audit_entry where object_type = 'ORGANISATION' and object_id = ? and action = 'UPDATE'", id.toString());
        assertThat(entry.get("actor")).isEqualTo(DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat(entry.get("ip")).isEqualTo("127.0.0.1");
        assertThat((String) entry.get("changes")).contains("\"name\"", "\"before\":\"Tổ hòa giải thôn Trung Tâm\"",
                "\"after\":\"Tổ hòa giải thôn Trung Tâm (mới)\"").doesNotContain("\"type\"");

        mvc.perform(get("/api/v1/audit").param("objectType", "ORGANISATION").with(officer))
                .andExpect(jsonPath("$.items[*].objectId", hasItem(id.toString())));
        mvc.perform(get("/api/v1/audit").param("objectType", "ORGANISATION")
                        .with(Logins.as(directory, DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(jsonPath("$.items[*].objectId", not(hasItem(id.toString()))));
        mvc.perform(get("/audit").with(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tổ hòa giải thôn Trung Tâm (mới)")));
    }

    @Test
    void aRefusedChangeLeavesNoEntry() throws Exception {
        long before = count();
        mvc.perform(post("/api/v1/organisations").with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\", \"unitCode\": \"674\"}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aChangedOrRemovedEntryBreaksTheChain() throws Exception {
        var admin = Logins.as(directory, DvkIntegrationTest.ADMIN);
        mvc.perform(get("/api/v1/audit/verify").with(admin)).andExpect(jsonPath("$.intact").value(true));
        long place = jdbc.queryForObject("select max(chain_no) from audit_entry", Long.class) / 2;
        long seq = jdbc.queryForObject("select seq from audit_entry where chain_no = ?", Long.class, place);
        String summary = jdbc.queryForObject("select summary from audit_entry where seq = ?", String.class, seq);
        try {
            jdbc.update("update audit_entry set summary = ? where seq = ?", "sửa lén", seq);
            mvc.perform(get("/api/v1/audit/verify").with(admin))
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(place))
                    .andExpect(jsonPath("$.reason").value("content"));
            mvc.perform(post("/audit/verify").with(admin).with(csrf()))
                    .andExpect(content().string(Matchers.containsString("bị sửa đổi từ vị trí " + place)));
        } finally {
            jdbc.update("update audit_entry set summary = ? where seq = ?", summary, seq);
        }
        assertThat(SystemActor.call(trail::verify).intact()).isTrue();

        Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
        try {
            jdbc.update("delete from audit_entry where seq = ?", seq);
            assertThat(SystemActor.call(trail::verify)).extracting(AuditTrail.Verification::intact,
                    AuditTrail.Verification::firstBrokenSeq, AuditTrail.Verification::reason)
                    .containsExactly(false, place, "missing");
        } finally {
            jdbc.update("insert into audit_entry (seq, chain_no, at, actor, ip, action, object_type, object_id, unit_id, unit_path, "
                            + "summary, changes, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("seq"), row.get("chain_no"), row.get("at"), row.get("actor"), row.get("ip"), row.get("action"),
                    row.get("object_type"), row.get("object_id"), row.get("unit_id"), row.get("unit_path"), row.get("summary"),
                    row.get("changes"), row.get("prev_hash"), row.get("hash"));
        }
        assertThat(SystemActor.call(trail::verify).intact()).isTrue();
    }

    @Test
    void writersOfDifferentUnitsAtOnceAreAllChainedInOneUnbrokenChainAndARolledBackOneLeavesNoGap() throws Exception {
        var officers = List.of(DvkIntegrationTest.DAM_RONG_OFFICER, DvkIntegrationTest.LAM_DONG_OFFICER);
        String run = Long.toString(System.nanoTime(), 36);
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String officer = officers.get(i % 2);
            String unit = i % 2 == 0 ? "674" : "68";
            String name = "Tổ tự quản " + run + " số " + i;
            writes.add(() -> mvc.perform(post("/api/v1/organisations").with(Logins.as(directory, officer)).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \"" + name + "\", \"type\": \"RESIDENTIAL_AREA\", \"unitCode\": \"" + unit + "\"}"))
                    .andReturn().getResponse().getStatus());
        }
        // one refused write in between: its entry (and the number it took) is rolled back
        writes.add(() -> mvc.perform(post("/api/v1/organisations").with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\", \"unitCode\": \"674\"}"))
                .andReturn().getResponse().getStatus());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> answer : pool.invokeAll(writes)) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses.subList(0, 20)).containsOnly(201);
        assertThat(statuses.get(20)).isEqualTo(422);

        AuditTrail.Verification verification = SystemActor.call(trail::verify);
        assertThat(verification.intact()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where summary like ? and chain_no is not null",
                Long.class, "%" + run + "%")).isEqualTo(20);
        assertThat(verification.checked()).isEqualTo(jdbc.queryForObject("select max(chain_no) from audit_entry", Long.class));
    }

    @Test
    void loginsAreRecorded() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", DvkIntegrationTest.LUC_YEN_VIEWER)
                .param("password", DvkIntegrationTest.DEMO_PASSWORD));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN' and actor = ?", Long.class,
                DvkIntegrationTest.LUC_YEN_VIEWER)).isPositive();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }
}
