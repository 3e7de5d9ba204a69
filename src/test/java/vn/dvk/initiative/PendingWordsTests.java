package vn.dvk.initiative;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.shared.security.DataScope;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word postings of imported initiatives, written after the import commits (H2's SQL search reads them): until
 * then the search without the in-memory index still finds those initiatives, and the postings come, the same as an
 * edit writes them, also for an import whose node stopped before writing them (at the next start).
 */
@DvkIntegrationTest
@Transactional
class PendingWordsTests {

    @Autowired
    PendingWords pending;
    @Autowired
    InitiativeSearch search;
    @Autowired
    JdbcTemplate jdbc;

    private List<Long> found(String phrase) {
        return search.searchWithoutIndex(new InitiativeQuery(null, null, null, null, null, null, null, null, null, phrase), null,
                DataScope.NATIONAL, 0, 50).getContent().stream().map(InitiativeRow::id).toList();
    }

    @Test
    void aPendingInitiativeIsFoundBeforeItsPostingsAreWrittenAndGetsTheSamePostingsAfter() {
        Map<String, Object> initiative = jdbc.queryForMap("select id, code, search_key from initiative order by id limit 1");
        long id = ((Number) initiative.get("id")).longValue();
        String key = (String) initiative.get("search_key");
        List<String> before = jdbc.queryForList("select word from initiative_word where initiative_id = ? order by word", String.class, id);
        assertThat(before).isNotEmpty();
        // its code's words are rare: the search reads their postings
        String phrase = vn.dvk.shared.VietnameseText.fold((String) initiative.get("code"));
        assertThat(found(phrase)).contains(id);

        // as an import leaves it: no postings yet, named as pending
        jdbc.update("delete from initiative_word where initiative_id = ?", id);
        boolean postgres = DatabaseProduct.isPostgres(jdbc);
        if (!postgres) {
            assertThat(found(phrase)).as("without postings, and not pending").doesNotContain(id);
        }
        pending.add(List.of(id));
        assertThat(found(phrase)).as("pending: found by its search key").contains(id);

        assertThat(pending.writeAll()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from initiative_word_pending", Long.class)).isZero();
        List<String> after = jdbc.queryForList("select word from initiative_word where initiative_id = ? order by word", String.class, id);
        assertThat(new HashSet<>(after)).isEqualTo(InitiativeWords.words(key)).isEqualTo(new HashSet<>(before));
        assertThat(found(phrase)).contains(id);
    }
}
