package vn.dvk.initiative;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.security.DataScope;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory word index gives the same pages and totals as the SQL search, follows writes made
 * through the change log (by this node or another), and repairs itself when rows change around it.
 */
@DvkIntegrationTest
@Transactional
class SearchIndexTests {

    @Autowired
    InitiativeSearch search;
    @Autowired
    SearchIndex index;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdminUnits units;
    @Autowired
    InitiativeWords words;

    @BeforeEach
    void indexBuilt() throws InterruptedException {
        for (int wait = 0; wait < 100 && !index.ready(); wait++) {
            Thread.sleep(100);
        }
        assertThat(index.ready()).as("the index is built at start for a small registry").isTrue();
    }

    private static InitiativeQuery text(String words) {
        return new InitiativeQuery(null, null, null, null, null, null, null, null, null, words);
    }

    private List<Long> ids(Page<InitiativeRow> page) {
        return page.getContent().stream().map(InitiativeRow::id).toList();
    }

    private AdminUnitView unit(long id) {
        return units.findById(id).orElseThrow();
    }

    /** Every page of the answer with and without the index, compared row by row. */
    private void sameAnswer(InitiativeQuery query, AdminUnitView unit, DataScope scope) {
        int size = 7;
        Page<InitiativeRow> first = search.search(query, unit, null, scope, 0, size);
        Page<InitiativeRow> plain = search.searchWithoutIndex(query, unit, scope, 0, size);
        assertThat(first.getTotalElements()).as("total of %s in %s", query.text(), unit == null ? "the country" : unit.name())
                .isEqualTo(plain.getTotalElements());
        for (int page = 0; page <= Math.min(first.getTotalPages(), 6); page++) {
            assertThat(ids(search.search(query, unit, null, scope, page, size)))
                    .as("page %d of %s", page, query.text()).isEqualTo(ids(search.searchWithoutIndex(query, unit, scope, page, size)));
        }
    }

    @Test
    void theIndexAnswersAsTheDatabaseDoes() {
        List<String> keys = jdbc.queryForList("select search_key from initiative order by id", String.class);
        assertThat(keys).hasSizeGreaterThan(400);
        Set<String> phrases = new LinkedHashSet<>(List.of("mai am tinh thuong", "to", "mo hinh", "thon", "an ninh", "xa",
                "lam dong", "dan van kheo", "zzzz", "1"));
        for (int k = 0; k < keys.size(); k += 37) {
            String[] words = keys.get(k).strip().split(" ");
            phrases.add(words[0].substring(0, Math.min(3, words[0].length())));
            if (words.length > 2) {
                phrases.add(words[1] + " " + words[2].substring(0, Math.min(2, words[2].length())));
            }
        }
        List<Long> provinces = jdbc.queryForList("select distinct province_id from initiative order by province_id", Long.class);
        Long district = jdbc.queryForObject("select min(u.parent_id) from initiative i join admin_unit u on u.id = i.unit_id"
                + " where u.parent_id is not null and u.parent_id <> i.province_id", Long.class);
        int found = 0;
        for (String phrase : phrases) {
            assertThat(index.match(InitiativeSearch.words(phrase), null)).as("the index answers").isPresent();
            sameAnswer(text(phrase), null, DataScope.NATIONAL);
            for (Long province : provinces) {
                sameAnswer(text(phrase), unit(province), DataScope.NATIONAL);
                sameAnswer(text(phrase), null, DataScope.of(province, unit(province).subtreePrefix()));
            }
            // with other filters the index only narrows, SQL counts
            sameAnswer(new InitiativeQuery(null, "ECONOMY", 2021, null, null, null, null, null, null, phrase), null,
                    DataScope.NATIONAL);
            sameAnswer(text(phrase), unit(district), DataScope.NATIONAL);
            found += search.search(text(phrase), null, null, DataScope.NATIONAL, 0, 5).getTotalElements() > 0 ? 1 : 0;
        }
        assertThat(found).as("most phrases find something").isGreaterThan(phrases.size() / 2);
    }

    @Test
    void writesOfAnyNodeAreSeenThroughTheChangeLog() {
        Long id = jdbc.queryForObject("select min(id) from initiative", Long.class);
        Long province = jdbc.queryForObject("select province_id from initiative where id = ?", Long.class, id);
        assertThat(search.search(text("quytrinhmoi"), null, null, DataScope.NATIONAL, 0, 10).getTotalElements()).isZero();
        long before = search.search(text("thon"), null, null, DataScope.NATIONAL, 0, 10).getTotalElements();
        String oldKey = jdbc.queryForObject("select search_key from initiative where id = ?", String.class, id);

        // another node renames it: the row, its words and a change in one transaction
        jdbc.update("update initiative set search_key = ' quytrinhmoi thon ' where id = ?", id);
        words.replace(id, " quytrinhmoi thon ");

        Page<InitiativeRow> renamed = search.search(text("quytrinh"), null, null, DataScope.NATIONAL, 0, 10);
        assertThat(ids(renamed)).containsExactly(id);
        assertThat(renamed.getTotalElements()).isEqualTo(1);
        assertThat(ids(search.search(text("quytrinhmoi"), unit(province), null, DataScope.NATIONAL, 0, 10))).containsExactly(id);
        assertThat(search.search(text("quytrinhmoi"), null, null, DataScope.of(-5L, "/-5/"), 0, 10).getTotalElements()).isZero();
        long expectedThon = before + (oldKey.contains(" thon") ? 0 : 1);
        assertThat(search.search(text("thon"), null, null, DataScope.NATIONAL, 0, 10).getTotalElements()).isEqualTo(expectedThon);
        String firstOldWord = oldKey.strip().split(" ")[0];
        if (!firstOldWord.startsWith("quytrinh") && !firstOldWord.startsWith("thon")) {
            sameAnswer(text(firstOldWord), null, DataScope.NATIONAL);
            assertThat(ids(search.search(text(firstOldWord), null, null, DataScope.NATIONAL, 0, 1000))).doesNotContain(id);
        }
    }

    @Test
    void rowsChangedAroundTheChangeLogAreNoticedAndAnsweredFromTheDatabase() {
        Long id = jdbc.queryForObject("select min(id) from initiative", Long.class);
        Long province = jdbc.queryForObject("select province_id from initiative where id = ?", Long.class, id);
        Long otherProvince = jdbc.queryForObject("select min(id) from admin_unit where parent_id is null and id <> ?", Long.class,
                province);
        String word = jdbc.queryForObject("select search_key from initiative where id = ?", String.class, id).strip().split(" ")[0];
        Page<InitiativeRow> before = search.search(text(word), unit(province), null, DataScope.NATIONAL, 0, 1000);
        assertThat(ids(before)).contains(id);

        // moved by hand, without a change: the index still places it in its old province
        jdbc.update("update initiative set province_id = ? where id = ?", otherProvince, id);

        Page<InitiativeRow> after = search.search(text(word), unit(province), null, DataScope.NATIONAL, 0, 1000);
        assertThat(ids(after)).doesNotContain(id);
        assertThat(after.getTotalElements()).isEqualTo(before.getTotalElements() - 1)
                .isEqualTo(search.searchWithoutIndex(text(word), unit(province), DataScope.NATIONAL, 0, 10).getTotalElements());
    }

    @Test
    void anInitiativeThatNoLongerMatchesLeavesTheAnswers() {
        List<Long> candidates = new ArrayList<>(jdbc.queryForList("select i.id from initiative i where not exists"
                + " (select 1 from initiative r where r.replicated_from_id = i.id) order by i.id desc", Long.class));
        Long id = candidates.get(0);
        String word = jdbc.queryForObject("select search_key from initiative where id = ?", String.class, id).strip().split(" ")[0];
        assertThat(ids(search.search(text(word), null, null, DataScope.NATIONAL, 0, 1000))).contains(id);
        long total = search.search(text(word), null, null, DataScope.NATIONAL, 0, 1000).getTotalElements();

        jdbc.update("update initiative set search_key = ' ' where id = ?", id);
        words.replace(id, " ");

        Page<InitiativeRow> after = search.search(text(word), null, null, DataScope.NATIONAL, 0, 1000);
        assertThat(ids(after)).doesNotContain(id);
        assertThat(after.getTotalElements()).isEqualTo(total - 1);
    }
}
