package vn.dvk.initiative;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.DataScope;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The initiative list as explicit SQL: only the filters given are in the WHERE clause, the unit
 * subtree is an index range on the units' materialised path, words match word starts in the
 * folded search key, and the order is the Vietnamese one (sort_key).
 */
@Component
class InitiativeSearch {

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

    private final NamedParameterJdbcTemplate jdbc;
    private final SearchIndex index;
    private final boolean postgres;
    /** How many indexed words start with a prefix (capped): only steers the plan, so a stale value is harmless. */
    private final Map<String, Long> postingSizes = new ConcurrentHashMap<>();

    private final vn.dvk.adminunit.AdminUnits units;

    InitiativeSearch(NamedParameterJdbcTemplate jdbc, SearchIndex index, vn.dvk.adminunit.AdminUnits units) {
        this.jdbc = jdbc;
        this.index = index;
        this.units = units;
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

    /** The typed words, folded (no diacritics, lower case), letters and digits only, each once. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : VietnameseText.fold(text).split("[^\\p{L}\\p{N}]+")) {
            String w = word.length() > InitiativeWords.MAX_WORD ? word.substring(0, InitiativeWords.MAX_WORD) : word;
            if (!w.isEmpty() && !words.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** The province of everything under a unit: the first id of its subtree prefix ("/126/300/" gives 126). */
    static Long provinceOf(String subtreePrefix) {
        String[] parts = subtreePrefix.split("/");
        return parts.length > 1 && !parts[1].isEmpty() && !parts[1].equals("%") ? Long.valueOf(parts[1]) : null;
    }

    /**
     * Rows without organisation and sector labels; the registry adds them for the page.
     *
     * <p>The plan: a province (of the unit asked for, or of the user's scope) becomes
     * {@code province_id = ?}, and a unit below a province adds its subtree; the page is read in
     * Vietnamese order from the index (province, sector, sort key, id); the total of a year's list
     * without other filters is counted on the registrations alone; typed words go through
     * PostgreSQL's full-text index, or on H2 through the postings of the rarest words.
     */
    Page<InitiativeRow> search(InitiativeQuery query, AdminUnitView unit, DataScope scope, int page, int size) {
        return search(query, unit, null, scope, page, size);
    }

    /**
     * As above; with {@code unitIds}, the initiatives of those units (of any time) instead of a unit's
     * subtree — the units that lie in a unit of today's structure.
     */
    Page<InitiativeRow> search(InitiativeQuery query, AdminUnitView unit, java.util.Collection<Long> unitIds, DataScope scope,
                               int page, int size) {
        return search(query, unit, unitIds, scope, page, size, true);
    }

    /** The same answer read from the database alone (the in-memory index is checked against it). */
    Page<InitiativeRow> searchWithoutIndex(InitiativeQuery query, AdminUnitView unit, DataScope scope, int page, int size) {
        return search(query, unit, null, scope, page, size, false);
    }

    private Page<InitiativeRow> search(InitiativeQuery query, AdminUnitView unit, java.util.Collection<Long> unitIds,
                                       DataScope scope, int page, int size, boolean useIndex) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> where = new ArrayList<>();
        List<String> registrationWhere = new ArrayList<>();
        Long province = null;
        List<String> order = new ArrayList<>();
        if (unitIds != null) {
            if (unitIds.isEmpty()) {
                where.add("1 = 0");
                registrationWhere.add("1 = 0");
            } else {
                where.add("u.id in (:placedUnits)");
                registrationWhere.add("r.unit_id in (:placedUnits)");
                params.addValue("placedUnits", unitIds);
            }
        }
        // The provinces whose rows can answer: a unit of today reaches the provinces that became its own.
        List<Long> provinces = null;
        if (unit != null) {
            provinces = units.provincesReaching(unit);
            if (!unit.id().equals(provinceOf(unit.subtreePrefix()))) {
                where.add("(u.id = :unitId or u.path like :unitPrefix or u.placed_path like :unitPrefix)");
                registrationWhere.add("r.unit_id in (select u.id from admin_unit u where u.id = :unitId or u.path like :unitPrefix"
                        + " or u.placed_path like :unitPrefix)");
                params.addValue("unitId", unit.id()).addValue("unitPrefix", unit.subtreePrefix() + "%");
            }
        }
        if (!scope.national()) {
            Long scopeProvince = provinceOf(scope.prefix());
            List<Long> reach = scope.provinceIds().isEmpty() ? List.of(scopeProvince) : scope.provinceIds();
            provinces = provinces == null ? reach : provinces.stream().filter(reach::contains).toList();
            if (!scope.unitId().equals(scopeProvince)) {
                where.add(DataScope.SQL);
                registrationWhere.add("r.unit_id in (select u.id from admin_unit u where " + DataScope.SQL + ")");
                params.addValue("scopeId", scope.unitId()).addValue("scopePrefix", scope.prefix());
            }
        }
        if (provinces != null && provinces.isEmpty()) {
            where.add("1 = 0");
            registrationWhere.add("1 = 0");
        } else if (provinces != null && provinces.size() == 1) {
            province = provinces.get(0);
        } else if (provinces != null) {
            where.add("i.province_id in (:provinces)");
            registrationWhere.add("r.province_id in (:provinces)");
            params.addValue("provinces", provinces);
        }
        if (province != null) {
            where.add(PROVINCE);
            registrationWhere.add("r.province_id = :provinceId");
            params.addValue("provinceId", province);
            order.add("i.province_id");
        }
        // a year's list filters by what the year was registered (or recognised) with, as its report counts
        String c = query.year() != null ? "r." : "i.";
        if (query.sector() != null && !query.sector().isBlank()) {
            where.add(c + "sector = :sector");
            registrationWhere.add("r.sector = :sector");
            params.addValue("sector", query.sector());
            if (province != null) {
                order.add("i.sector");
            }
        }
        order.add("i.sort_key");
        order.add("i.id");
        boolean onlyRegistrationFilters = true;
        if (query.kind() != null) {
            where.add(c + "kind = :kind");
            params.addValue("kind", query.kind().name());
            onlyRegistrationFilters = false;
        }
        if (query.holder() != null) {
            where.add(c + "holder = :holder");
            params.addValue("holder", query.holder().name());
            onlyRegistrationFilters = false;
        }
        if (query.targetGroup() == TargetGroup.ETHNIC_MINORITY) {
            where.add(c + "ethnic_minority = true");
            onlyRegistrationFilters = false;
        } else if (query.targetGroup() == TargetGroup.RELIGIOUS) {
            where.add(c + "religious = true");
            onlyRegistrationFilters = false;
        }
        if (query.featured() != null) {
            where.add(c + "featured = :featured");
            params.addValue("featured", query.featured());
            onlyRegistrationFilters = false;
        }
        // H2 sometimes reads a province-year's registrations and sorts them all for one page; in Vietnamese
        // order from the province's index it reads only the page's rows (PostgreSQL chooses that itself).
        boolean pin = !postgres && province != null && onlyRegistrationFilters && words(query.text()).isEmpty()
                && (query.workflowState() == null || query.workflowState().isBlank())
                && where.stream().allMatch(w -> w.equals(PROVINCE) || w.equals("i.sector = :sector") || w.equals("r.sector = :sector"));
        String pinned = !pin ? "" : where.contains("i.sector = :sector") ? " use index (ix_initiative_province_sector)"
                : " use index (ix_initiative_province_sort)";
        // a year's list names each initiative where it was registered that year (an initiative moved after a
        // reform leaves its earlier years with the unit of their time)
        StringBuilder from = new StringBuilder(" from initiative i" + pinned + (query.year() != null
                ? " join registration r on r.initiative_id = i.id and r.reg_year = :year join admin_unit u on u.id = r.unit_id"
                : " join admin_unit u on u.id = i.unit_id"));
        if (query.year() != null) {
            registrationWhere.add("r.reg_year = :year");
            params.addValue("year", query.year());
            if (query.status() != null) {
                where.add("r.status = :status");
                registrationWhere.add("r.status = :status");
                params.addValue("status", query.status().name());
            }
            if (query.workflowState() != null && !query.workflowState().isBlank()) {
                // one state, or several separated by commas ("RECOGNISED,PROPOSED,COMMENDED": recognised at all)
                List<String> states = new ArrayList<>();
                for (String state : query.workflowState().split(",")) {
                    try {
                        states.add(WorkflowState.valueOf(state.strip()).name());
                    } catch (IllegalArgumentException e) {
                        throw new vn.dvk.shared.DomainException(vn.dvk.shared.DomainException.Kind.INVALID,
                                List.of(vn.dvk.shared.FieldProblem.field("state", "initiative.stateUnknown", state.strip())),
                                "error.validation");
                    }
                }
                where.add("r.workflow_state in (:states)");
                registrationWhere.add("r.workflow_state in (:states)");
                params.addValue("states", states);
            }
        } else if (query.status() != null) {
            where.add("exists (select 1 from registration rs where rs.initiative_id = i.id and rs.status = :status)");
            params.addValue("status", query.status().name());
        }
        List<String> words = words(query.text());
        Long total = null;
        if (!words.isEmpty()) {
            onlyRegistrationFilters = false;
            boolean onlyProvince = query.year() == null && where.stream().allMatch(PROVINCE::equals);
            total = useIndex ? fromIndex(words, province, onlyProvince, (long) page * size + size, where, params) : null;
            if (total == null && !where.contains(FROM_INDEX)) {
                matchWords(words, province, where, params);
            }
        }
        String filter = from + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        // A search reads its few matching rows once: the page and the total come from one query.
        boolean countWithPage = !words.isEmpty() && total == null;
        total = total != null ? total : countWithPage ? null : query.year() != null && onlyRegistrationFilters
                ? jdbc.queryForObject("select count(*) from registration r where " + String.join(" and ", registrationWhere),
                        params, Long.class)
                : jdbc.queryForObject("select count(*)" + filter, params, Long.class);
        if (!countWithPage && (total == null || total == 0 || (long) page * size >= total)) {
            return new PageImpl<>(List.of(), PageRequest.of(page, size), total == null ? 0 : total);
        }
        String columns = "select i.id, i.code, i.name, i.kind, i.holder, i.sector, i.unit_id, u.full_name as unit_name,"
                + " i.organisation_id, i.start_year, i.featured, i.ethnic_minority, i.religious, i.discontinued_from,"
                + " i.replicated_from_id" + (query.year() != null ? ", r.reg_year, r.status, r.workflow_state" : "")
                + (countWithPage ? ", count(*) over () as total" : "");
        long[] counted = {0};
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<InitiativeRow> rows = jdbc.query(columns + filter + " order by " + String.join(", ", order)
                        + " limit :limit offset :offset",
                params, (rs, n) -> {
                    if (countWithPage) {
                        counted[0] = rs.getLong("total");
                    }
                    return new InitiativeRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        Kind.valueOf(rs.getString("kind")), Holder.valueOf(rs.getString("holder")), rs.getString("sector"),
                        null, rs.getLong("unit_id"), rs.getString("unit_name"), (Long) rs.getObject("organisation_id", Long.class),
                        null, (Integer) rs.getObject("start_year", Integer.class), rs.getBoolean("featured"),
                        rs.getBoolean("ethnic_minority"), rs.getBoolean("religious"),
                        (Integer) rs.getObject("discontinued_from", Integer.class),
                        (Long) rs.getObject("replicated_from_id", Long.class),
                        query.year() != null ? rs.getInt("reg_year") : null,
                        query.year() != null ? RegistrationStatus.valueOf(rs.getString("status")) : null,
                        query.year() != null ? rs.getString("workflow_state") : null);
                });
        if (countWithPage) {
            total = rows.isEmpty() && page > 0 ? jdbc.queryForObject("select count(*)" + filter, params, Long.class)
                    : Long.valueOf(counted[0]);
        } else if (where.contains(FROM_INDEX) && rows.size() < Math.min(size, total - (long) page * size)) {
            // The index named initiatives the database no longer has: written around the change log.
            index.rebuild();
            return search(query, unit, unitIds, scope, page, size, false);
        }
        return new PageImpl<>(rows, PageRequest.of(page, size), total == null ? 0 : total);
    }

    private static final String PROVINCE = "i.province_id = :provinceId";
    private static final String FROM_INDEX = "i.id = any(:found)";

    /**
     * The typed words looked up in the in-memory {@link SearchIndex}: the initiatives found become
     * {@code i.id = any(:found)}. With no filter but a province, only the first rows of the page are
     * looked up and the total is the index's count (returned); with other filters all those found are
     * (up to {@link #ID_CAP}) and SQL counts. Initiatives changed since the index was built are checked
     * on their current rows. Returns null when the total is left to SQL.
     */
    private Long fromIndex(List<String> words, Long province, boolean onlyProvince, long pageEnd, List<String> where,
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
        params.addValue("found", new org.springframework.jdbc.support.SqlArrayValue("bigint", found.toArray()));
        return ranked ? Long.valueOf(total) : null;
    }

    /** Which of the initiatives changed since the index was built match the typed words now. */
    private List<Long> changedMatching(List<Long> changed, List<String> words, Long province) {
        MapSqlParameterSource params = new MapSqlParameterSource("changed",
                new org.springframework.jdbc.support.SqlArrayValue("bigint", changed.toArray()));
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

    /**
     * Every typed word must start a word of the search key (name, code, description, locality). The
     * words that start few indexed words are looked up in an index (PostgreSQL: the GIN index of V8;
     * H2: the postings of initiative_word, intersected); the very common ones ("thon", "tinh") are
     * only checked on the rows those lookups found. On PostgreSQL the two rarest words are always
     * looked up, so a phrase of common words still starts from an intersection in the GIN index.
     */
    private void matchWords(List<String> words, Long province, List<String> where, MapSqlParameterSource params) {
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
        } else if (province == null) {
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

    /**
     * Initiative-years in a workflow state in the scope (for to-do lists), newest year first; with
     * the total. Few registrations are in the states a to-do list asks for, and the index on
     * (workflow_state, province_id) finds them.
     */
    Page<InitiativeRow> inState(String state, DataScope scope, Long organisationId, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("state", state);
        StringBuilder filter = new StringBuilder(" from registration r join initiative i on i.id = r.initiative_id"
                + " join admin_unit u on u.id = i.unit_id where r.workflow_state = :state");
        if (!scope.national()) {
            List<Long> provinces = scope.provinceIds().isEmpty() ? java.util.Collections.singletonList(provinceOf(scope.prefix()))
                    : scope.provinceIds();
            if (provinces.get(0) != null) {
                filter.append(" and r.province_id in (:provinces)");
                params.addValue("provinces", provinces);
            }
            filter.append(" and " + DataScope.SQL);
            params.addValue("scopeId", scope.unitId()).addValue("scopePrefix", scope.prefix());
        }
        if (organisationId != null) {
            filter.append(" and (r.organisation_id = :organisationId or i.organisation_id = :organisationId)");
            params.addValue("organisationId", organisationId);
        }
        Long total = jdbc.queryForObject("select count(*)" + filter, params, Long.class);
        params.addValue("limit", size);
        List<InitiativeRow> rows = jdbc.query("select i.id, i.code, i.name, i.kind, i.holder, i.sector, i.unit_id,"
                        + " u.full_name as unit_name, r.reg_year, r.status, r.workflow_state" + filter
                        + " order by r.reg_year desc, i.sort_key, i.id limit :limit", params,
                (rs, n) -> new InitiativeRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        Kind.valueOf(rs.getString("kind")), Holder.valueOf(rs.getString("holder")), rs.getString("sector"), null,
                        rs.getLong("unit_id"), rs.getString("unit_name"), null, null, null, false, false, false, null, null,
                        rs.getInt("reg_year"), RegistrationStatus.valueOf(rs.getString("status")), rs.getString("workflow_state")));
        return new PageImpl<>(rows, PageRequest.of(0, size), total == null ? 0 : total);
    }

}
