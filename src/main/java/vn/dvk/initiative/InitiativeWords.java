package vn.dvk.initiative;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The word index of the search: each word of an initiative's search key in initiative_word,
 * rewritten in the same transaction as the initiative, and the change noted for the in-memory {@link SearchIndex}.
 */
@Component
class InitiativeWords {

    static final int MAX_WORD = 40;

    private final JdbcTemplate jdbc;
    private final SearchIndex index;
    private final boolean postgres;
    private final PendingWords pending;

    InitiativeWords(JdbcTemplate jdbc, SearchIndex index, PendingWords pending) {
        this.jdbc = jdbc;
        this.index = index;
        this.pending = pending;
        this.postgres = DatabaseProduct.isPostgres(jdbc);
    }

    /** The distinct words of a folded search key, each cut to the column's length. */
    static Set<String> words(String searchKey) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : searchKey.strip().split(" ")) {
            if (!word.isEmpty()) {
                words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
            }
        }
        return words;
    }

    void replace(long initiativeId, String searchKey) {
        jdbc.update("delete from initiative_word where initiative_id = ?", initiativeId);
        List<String> words = new ArrayList<>(words(searchKey));
        insert(jdbc, words, Collections.nCopies(words.size(), initiativeId));
        index.changed(initiativeId);
    }

    /**
     * The words of many new initiatives at once (an import), and their changes for the index. On
     * PostgreSQL the word table only steers the plan of the SQL search (how common a typed word is; a
     * stale count is harmless, see InitiativeSearch) and its own full-text index covers the new rows,
     * so an import leaves it alone. H2 searches through it: the initiatives are named as pending, and their
     * postings are written just after the import commits ({@link PendingWords}).
     */
    void addAll(List<Initiative> created) {
        List<Long> ids = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        for (Initiative initiative : created) {
            ids.add(initiative.getId());
            changes.add(new Object[] {initiative.getId()});
        }
        if (!postgres && !ids.isEmpty()) {
            pending.add(ids);
        }
        jdbc.batchUpdate("insert into search_change (initiative_id) values (?)", changes);
    }

    /** Postings, the i-th word of the i-th initiative id, in one statement (H2 runs a JDBC batch a row at a time). */
    static void insert(JdbcTemplate jdbc, List<String> words, List<Long> ids) {
        if (words.isEmpty()) {
            return;
        }
        jdbc.update("insert into initiative_word (word, initiative_id)"
                        + " select * from unnest(cast(? as varchar array), cast(? as bigint array))",
                new SqlArrayValue("varchar", words.toArray()), new SqlArrayValue("bigint", ids.toArray()));
    }

    /** An initiative deleted (its words go with it, by the foreign key). */
    void removed(long initiativeId) {
        index.changed(initiativeId);
    }
}
