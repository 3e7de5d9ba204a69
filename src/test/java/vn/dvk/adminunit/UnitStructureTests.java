package vn.dvk.adminunit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.DvkIntegrationTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit structure a node holds for read-only work answers as the database does, and a change of the
 * structure — through the entities or by plain SQL — is seen by the next read-only transaction.
 */
@DvkIntegrationTest
class UnitStructureTests {

    @Autowired
    AdminUnits units;
    @Autowired
    UnitStructure structure;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private <T> T readOnly(Supplier<T> work) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template.execute(status -> {
            assertThat(structure.forReading()).as("a read-only transaction reads the structure held").isPresent();
            return work.get();
        });
    }

    /** Plain SQL in a transaction of its own, as an operator would change the units (H2 refuses it in auto-commit). */
    private void sql(String statement, Object... args) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.update(statement, args));
    }

    private <T> T writing(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            assertThat(structure.forReading()).as("a transaction that may write reads with SQL").isEmpty();
            return work.get();
        });
    }

    /** Everything the reports and lists ask of the units, once from the structure held and once from the database. */
    private Map<String, Object> answers(List<Long> ids, List<Long> provinceIds, List<String> codes) {
        LocalDate today = LocalDate.now();
        LocalDate before = LocalDate.of(2020, 12, 31);
        Map<String, Object> answers = new java.util.LinkedHashMap<>();
        answers.put("byIds", units.byIds(ids));
        answers.put("byIds' order", new ArrayList<>(units.byIds(ids.subList(0, Math.min(900, ids.size()))).keySet()));
        answers.put("provinces today", units.provinces(today));
        answers.put("provinces 2020", units.provinces(before));
        answers.put("placed today", units.onDay(ids, today));
        answers.put("placed 2020", units.onDay(ids, before));
        for (Long province : provinceIds) {
            answers.put("children today " + province, units.children(province, today));
            answers.put("children 2020 " + province, units.children(province, before));
            answers.put("reaching " + province, units.withPredecessors(province));
            answers.put("lineage " + province, units.lineage(province));
            units.findById(province).ifPresent(p -> {
                answers.put("provinces reaching " + province, units.provincesReaching(p));
                answers.put("placed under " + province, units.placedUnder(p, today));
            });
        }
        for (String code : codes) {
            answers.put("history " + code, units.history(code));
            answers.put("by code today " + code, units.findByCode(code, today));
            answers.put("by code 2020 " + code, units.findByCode(code, before));
        }
        answers.put("lineages", units.lineages(ids.subList(0, Math.min(200, ids.size()))));
        return answers;
    }

    @Test
    void theUnitsAreReadBeforeTheNodeIsReady() {
        // read at start-up, after the demo data (so not empty)
        assertThat(structure.heldRevision()).isPresent();
        assertThat(structure.heldRevision().get()).isGreaterThan(0L);
    }

    @Test
    void theStructureHeldAnswersAsTheDatabase() {
        List<Long> ids = jdbc.queryForList("select id from admin_unit order by id", Long.class);
        List<Long> provinceIds = jdbc.queryForList("select id from admin_unit where level = 'PROVINCE' order by id", Long.class);
        List<String> codes = jdbc.queryForList("select distinct code from admin_unit where level <> 'VILLAGE' order by code", String.class)
                .stream().limit(300).toList();
        assertThat(ids).hasSizeGreaterThan(100);
        assertThat(provinceIds).hasSizeGreaterThan(2);

        Map<String, Object> held = readOnly(() -> answers(ids, provinceIds, codes));
        Map<String, Object> read = writing(() -> answers(ids, provinceIds, codes));

        assertThat(held.keySet()).containsExactlyElementsOf(read.keySet());
        held.forEach((what, answer) -> assertThat(answer).as(what).isEqualTo(read.get(what)));
        // the comparison covers units of earlier structures placed elsewhere, not only trivial answers
        assertThat(((Map<?, ?>) read.get("placed today")).entrySet().stream().filter(e -> !e.getKey().equals(((AdminUnitView) e.getValue()).id())))
                .as("units placed in another unit today").isNotEmpty();
    }

    @Test
    void aChangeOfTheStructureIsSeenByTheNextReadOnlyTransaction() {
        Long id = jdbc.queryForObject("select min(id) from admin_unit where level = 'COMMUNE' and valid_to is null", Long.class);
        String name = readOnly(() -> units.findById(id).orElseThrow().name());
        long before = jdbc.queryForObject("select revision from admin_unit_revision", Long.class);
        try {
            // by plain SQL, as an operator might: the database's trigger moves the revision on
            sql("update admin_unit set name = ? where id = ?", name + " (đổi tên)", id);
            assertThat(jdbc.queryForObject("select revision from admin_unit_revision", Long.class)).isGreaterThan(before);
            assertThat(readOnly(() -> units.findById(id).orElseThrow().name())).isEqualTo(name + " (đổi tên)");
            assertThat(readOnly(() -> units.byIds(List.of(id)).get(id).name())).isEqualTo(name + " (đổi tên)");
        } finally {
            sql("update admin_unit set name = ? where id = ?", name, id);
        }
        assertThat(readOnly(() -> units.findById(id).orElseThrow().name())).isEqualTo(name);

        // a commune that ended in 2020 without a successor, added by plain SQL: seen at once, placed where its district lies;
        // then a successor link, followed by the next read-only placing
        Long district = jdbc.queryForObject("select parent_id from admin_unit where id = (select min(id) from admin_unit"
                + " where level = 'COMMUNE' and valid_to is not null)", Long.class);
        String path = jdbc.queryForObject("select path from admin_unit where id = ?", String.class, district) + district + "/";
        Long ended = jdbc.queryForObject("select max(id) + 1000 from admin_unit", Long.class);
        LocalDate today = LocalDate.now();
        try {
            sql("insert into admin_unit (id, code, name, full_name, level, type, parent_id, path, valid_from, valid_to, search_key,"
                    + " sort_key, version) values (?, 'T9999', 'Thử Cấu Trúc', 'Xã Thử Cấu Trúc', 'COMMUNE', 'COMMUNE', ?, ?, ?, ?,"
                    + " 'thu cau truc', 'zz', 0)", ended, district, path, LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31));
            assertThat(readOnly(() -> units.findByCode("T9999", today).map(AdminUnitView::id))).contains(ended);
            Long placedBefore = readOnly(() -> units.onDay(List.of(ended), today).get(ended).id());
            Long districtPlaced = readOnly(() -> units.onDay(List.of(district), today).get(district).id());
            assertThat(placedBefore).as("without a successor it lies where its district lies").isEqualTo(districtPlaced).isNotEqualTo(id);
            sql("insert into admin_unit_successor (predecessor_id, successor_id, partial) values (?, ?, false)", ended, id);
            assertThat(readOnly(() -> units.onDay(List.of(ended), today).get(ended).id())).isEqualTo(id);
            sql("delete from admin_unit_successor where predecessor_id = ?", ended);
            assertThat(readOnly(() -> units.onDay(List.of(ended), today).get(ended).id())).isEqualTo(placedBefore);
        } finally {
            sql("delete from admin_unit_successor where predecessor_id = ?", ended);
            sql("delete from admin_unit where id = ?", ended);
        }
        assertThat(readOnly(() -> units.findByCode("T9999", today))).isEmpty();
    }
}
