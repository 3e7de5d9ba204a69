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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;

/**
 * The initiative list as explicit SQL: only the filters given are in the WHERE clause, the unit
 * subtree is an index range on the units' materialised path (adminunit's view unit_tree, V30), words
 * match word starts in the folded search key ({@link WordMatching}), and the order is the Vietnamese
 * one (sort_key).
 */
@Component
class InitiativeSearch {

    private final NamedParameterJdbcTemplate jdbc;
    private final SearchIndex index;
    private final WordMatching wordMatching;
    private final boolean postgres;

    private final AdminUnits units;

    InitiativeSearch(NamedParameterJdbcTemplate jdbc, SearchIndex index, WordMatching wordMatching,
                     AdminUnits units) {
        this.jdbc = jdbc;
        this.index = index;
        this.wordMatching = wordMatching;
        this.units = units;
        this.postgres = DatabaseProduct.isPostgres(jdbc.getJdbcTemplate());
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
    Page<InitiativeRow> search(InitiativeQuery query, AdminUnitView unit, Collection<Long> unitIds, DataScope scope,
                               int page, int size) {
        return search(query, unit, unitIds, scope, page, size, true);
    }

    /** The same answer read from the database alone (the in-memory index is checked against it). */
    Page<InitiativeRow> searchWithoutIndex(InitiativeQuery query, AdminUnitView unit, DataScope scope, int page, int size) {
        return search(query, unit, null, scope, page, size, false);
    }

    private Page<InitiativeRow> search(InitiativeQuery query, AdminUnitView unit, Collection<Long> unitIds,
                                       DataScope scope, int page, int size, boolean useIndex) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> where = new ArrayList<>();
        List<String> registrationWhere = new ArrayList<>();
        Long province = null;
        List<String> order = new ArrayList<>();
        // the unit of a row: of the year's registration for a year's list, else of the initiative; filtered
        // by ids, so that only the page's rows join their unit's name (a count reads the initiatives alone)
        String at = query.year() != null ? "r." : "i.";
        if (unitIds != null) {
            if (unitIds.isEmpty()) {
                where.add("1 = 0");
                registrationWhere.add("1 = 0");
            } else {
                where.add(at + "unit_id in (:placedUnits)");
                registrationWhere.add("r.unit_id in (:placedUnits)");
                params.addValue("placedUnits", unitIds);
            }
        }
        // The provinces whose rows can answer: a unit of today reaches the provinces that became its own.
        List<Long> provinces = null;
        if (unit != null) {
            provinces = units.provincesReaching(unit);
            if (!unit.id().equals(unit.provinceId())) {
                String inSubtree = "unit_id in (select u.id from unit_tree u where "
                        + DataScope.subtree("u", ":unitId", ":unitPrefix") + ")";
                where.add(at + inSubtree);
                registrationWhere.add("r." + inSubtree);
                params.addValue("unitId", unit.id()).addValue("unitPrefix", unit.subtreePrefix() + "%");
            }
        }
        if (!scope.national()) {
            Long scopeProvince = scope.provinceId();
            List<Long> reach = scope.provinceIds().isEmpty() ? List.of(scopeProvince) : scope.provinceIds();
            provinces = provinces == null ? reach : provinces.stream().filter(reach::contains).toList();
            if (!scope.unitId().equals(scopeProvince)) {
                String inScope = "unit_id in (select u.id from unit_tree u where " + DataScope.SQL + ")";
                where.add(at + inScope);
                registrationWhere.add("r." + inScope);
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
                ? " join registration r on r.initiative_id = i.id and r.reg_year = :year" : ""));
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
                        throw new DomainException(DomainException.Kind.INVALID,
                                List.of(FieldProblem.field("state", "initiative.stateUnknown", state.strip())),
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
            total = useIndex ? wordMatching.fromIndex(words, province, onlyProvince, (long) page * size + size, where, params) : null;
            if (total == null && !where.contains(FROM_INDEX)) {
                wordMatching.matchWords(words, province, where, params);
            }
        }
        String conditions = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        String filter = from + conditions;
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
        List<InitiativeRow> rows = jdbc.query(columns + from + " join unit_tree u on u.id = " + at + "unit_id" + conditions
                        + " order by " + String.join(", ", order)
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
    private static final String FROM_INDEX = WordMatching.FROM_INDEX;

    /**
     * Initiative-years in a workflow state in the scope (for to-do lists), newest year first; with
     * the total. Few registrations are in the states a to-do list asks for, and the index on
     * (workflow_state, province_id) finds them.
     */
    Page<InitiativeRow> inState(String state, DataScope scope, Long organisationId, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("state", state);
        StringBuilder filter = new StringBuilder(" from registration r join initiative i on i.id = r.initiative_id"
                + " join unit_tree u on u.id = i.unit_id where r.workflow_state = :state");
        if (!scope.national()) {
            List<Long> provinces = scope.provinceIds().isEmpty() ? Collections.singletonList(scope.provinceId())
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
