package vn.dvk.initiative;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * The typed words of an initiative search as conditions of its WHERE clause: looked up in the in-memory
 * {@link SearchIndex}, in PostgreSQL's full-text index or H2's postings, or checked on the rows, whichever
 * reads least; {@link InitiativeSearch} builds the rest of the query around them.
 */
@Component
class WordMatching {

    /** The condition on the ids the in-memory index found (bound as :found). */
    static final String FROM_INDEX = "i.id = any(:found)";

    /** A typed word that starts more indexed words than this is checked on the rows, not looked up... */
    static final int POSTING_CAP = 150_000;
    /** ...or than this inside a province, whose own entry already narrows the lookup (PostgreSQL)... */
    static final int POSTING_CAP_IN_PROVINCE = 30_000;
    /** ...unless it is one of the two rarest typed words. */
    static final int LOOKED_UP_AT_LEAST = 2;
    /** On H2 at most this many of the rarest typed words are looked up and intersected... */
    static final int POSTINGS_USED_H2 = 3;
    /** ...and only those that start fewer indexed words than this... */
    static final int POSTING_CAP_H2 = 20_000;
    /** ...giving at most this many ids to look up. */
    static final int ID_CAP_H2 = 20_000;
    /** Posting sizes are counted up to here: enough to tell the rarer of two common words. */
    static final int COUNT_CAP = 1_000_000;

    /** An index answer with more rows than this to look up goes through the SQL search instead. */
    static final int ID_CAP = 20_000;

    /** How many indexed words start with a prefix (capped): only steers the plan, so a stale value is harmless. */
    private final Map<String, Long> postingSizes = new ConcurrentHashMap<>();

    private final NamedParameterJdbcTemplate jdbc;
    private final SearchIndex index;
    private final boolean postgres;

    WordMatching(NamedParameterJdbcTemplate jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
        this.postgres = DatabaseProduct.isPostgres(jdbc.getJdbcTemplate());
    }

    private long postingSize(String prefix) {
        if (postingSizes.size() > 10_000) {
            postingSizes.clear();
        }
        return postingSizes.computeIfAbsent(prefix, p -> {
            Long count = jdbc.getJdbcTemplate().queryForObject("select count(*) from (select 1 from initiative_word"
                    + " where word like ? limit " + COUNT_CAP + ") w", Long.class, p + "%");
            return count == null ? 0 : count;
        });
    }

    /**
     * The typed words looked up in the in-memory {@link SearchIndex}: the initiatives found become
     * {@code i.id = any(:found)}. With no filter but a province, only the first rows of the page are
     * looked up and the total is the index's count (returned); with other filters all those found are
     * (up to {@link #ID_CAP}) and SQL counts. Initiatives changed since the index was built are checked
     * on their current rows. Returns null when the total is left to SQL.
     */
    Long fromIndex(List<String> words, Long province, boolean onlyProvince, long pageEnd, List<String> where,
                   MapSqlParameterSource params) {
        SearchIndex.Matches matches = index.match(words, province).orElse(null);
        if (matches == null) {
            return null;
        }
        List<Long> changed = matches.changedIds().isEmpty() ? List.of() : changedMatching(matches.changed(), words, province);
        long total = matches.count() + changed.size();
        boolean ranked = onlyProvince && pageEnd <= ID_CAP;
        if (!ranked && total > ID_CAP) {
            return null;
        }
        List<Long> found = new ArrayList<>(matches.first(ranked ? (int) pageEnd : ID_CAP));
        found.addAll(changed);
        where.add(FROM_INDEX);
        params.addValue("found", new SqlArrayValue("bigint", found.toArray()));
        return ranked ? Long.valueOf(total) : null;
    }

    /** Which of the initiatives changed since the index was built match the typed words now. */
    private List<Long> changedMatching(List<Long> changed, List<String> words, Long province) {
        MapSqlParameterSource params = new MapSqlParameterSource("changed",
                new SqlArrayValue("bigint", changed.toArray()));
        StringBuilder sql = new StringBuilder("select i.id from initiative i where i.id = any(:changed)");
        if (province != null) {
            sql.append(" and i.province_id = :provinceId");
            params.addValue("provinceId", province);
        }
        for (int w = 0; w < words.size(); w++) {
            sql.append(" and i.search_key like :word").append(w);
            params.addValue("word" + w, "% " + words.get(w) + "%");
        }
        return jdbc.queryForList(sql.toString(), params, Long.class);
    }

    /** True while some initiatives' word postings are still to be written (H2, just after an import). */
    private boolean postingsPending() {
        return Boolean.TRUE.equals(jdbc.getJdbcTemplate().queryForObject(
                "select count(*) > 0 from (select 1 from initiative_word_pending limit 1) p", Boolean.class));
    }

    /**
     * Every typed word must start a word of the search key (name, code, description, locality). The
     * words that start few indexed words are looked up in an index (PostgreSQL: the GIN index of V8;
     * H2: the postings of initiative_word, intersected); the very common ones ("thon", "tinh") are
     * only checked on the rows those lookups found. On PostgreSQL the two rarest words are always
     * looked up, so a phrase of common words still starts from an intersection in the GIN index.
     */
    void matchWords(List<String> words, Long province, List<String> where, MapSqlParameterSource params) {
        List<String> byRarity = words.stream().sorted(Comparator.comparingLong(this::postingSize)).toList();
        // PostgreSQL looks up every word under the cap, and at least the two rarest. H2 looks up at most
        // three words with small postings, and none inside a province, whose own rows it reads instead:
        // its INTERSECT of large postings costs more than checking the words on those rows.
        List<String> looked = new ArrayList<>();
        if (postgres) {
            long cap = province != null ? POSTING_CAP_IN_PROVINCE : POSTING_CAP;
            for (String word : byRarity) {
                if (looked.size() < LOOKED_UP_AT_LEAST || postingSize(word) < cap) {
                    looked.add(word);
                }
            }
        } else if (province == null && !postingsPending()) {
            // an import's initiatives whose postings are not written yet (PendingWords) are found by their keys instead
            byRarity.stream().filter(w -> postingSize(w) < POSTING_CAP_H2).limit(POSTINGS_USED_H2).forEach(looked::add);
        }
        if (postgres) {
            // 'mai:*D & am:*D & province11098:A' — see V8 for the province entry.
            String query = looked.stream().map(w -> w + ":*D").collect(Collectors.joining(" & "))
                    + (province != null ? " & province" + province + ":A" : "");
            where.add("i.search_words @@ to_tsquery('simple', :words)");
            params.addValue("words", query);
        } else if (!looked.isEmpty()) {
            // H2 answers "id in (… intersect …)" by reading the postings again for every row: intersect
            // first, on their own, then look the few ids up; too many ids and the words are checked on the rows.
            List<String> postings = new ArrayList<>();
            MapSqlParameterSource prefixes = new MapSqlParameterSource();
            for (int w = 0; w < looked.size(); w++) {
                postings.add("select iw.initiative_id from initiative_word iw where iw.word like :posting" + w);
                prefixes.addValue("posting" + w, looked.get(w) + "%");
            }
            List<Long> ids = jdbc.queryForList(String.join(" intersect ", postings) + " limit " + (ID_CAP_H2 + 1), prefixes,
                    Long.class);
            if (ids.isEmpty()) {
                where.add("1 = 0");
            } else if (ids.size() <= ID_CAP_H2) {
                where.add("i.id = any(:ids)");
                params.addValue("ids", ids.toArray(new Long[0]));
            } else {
                looked = List.of();
            }
        }
        for (int w = 0; w < words.size(); w++) {
            if (!looked.contains(words.get(w))) {
                where.add("i.search_key like :word" + w);
                params.addValue("word" + w, "% " + words.get(w) + "%");
            }
        }
    }
}
