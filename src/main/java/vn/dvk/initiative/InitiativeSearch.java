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
import java.util.List;

/**
 * The initiative list as explicit SQL: only the filters given are in the WHERE clause, the unit
 * subtree is an index range on the units' materialised path, words match word starts in the
 * folded search key, and the order is the Vietnamese one (sort_key).
 */
@Component
class InitiativeSearch {

    static final int RARE_WORD_CAP = 3000;

    private final NamedParameterJdbcTemplate jdbc;

    InitiativeSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Of the typed words, the one that starts the fewest words of the index, when it is rare enough
     * to lead the query through the word index; counting stops at a cap, so this costs little.
     */
    private java.util.Optional<String> rarestWord(String[] words) {
        String rarest = null;
        long fewest = RARE_WORD_CAP;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            String prefix = word.length() > InitiativeWords.MAX_WORD ? word.substring(0, InitiativeWords.MAX_WORD) : word;
            Long count = jdbc.getJdbcTemplate().queryForObject("select count(*) from (select 1 from initiative_word"
                    + " where word like ? limit " + RARE_WORD_CAP + ") w", Long.class, prefix + "%");
            if (count != null && count < fewest) {
                fewest = count;
                rarest = prefix;
            }
        }
        return java.util.Optional.ofNullable(rarest);
    }

    /** The province of everything under a unit: the first id of its subtree prefix ("/126/300/" gives 126). */
    static Long provinceOf(String subtreePrefix) {
        String[] parts = subtreePrefix.split("/");
        return parts.length > 1 && !parts[1].isEmpty() && !parts[1].equals("%") ? Long.valueOf(parts[1]) : null;
    }

    /** Rows without organisation and sector labels; the registry adds them for the page. */
    Page<InitiativeRow> search(InitiativeQuery query, AdminUnitView unit, DataScope scope, int page, int size) {
        StringBuilder from = new StringBuilder(" from initiative i join admin_unit u on u.id = i.unit_id");
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> where = new ArrayList<>();
        if (query.year() != null) {
            from.append(" join registration r on r.initiative_id = i.id and r.reg_year = :year");
            params.addValue("year", query.year());
            if (query.status() != null) {
                where.add("r.status = :status");
                params.addValue("status", query.status().name());
            }
            if (query.workflowState() != null && !query.workflowState().isBlank()) {
                where.add("r.workflow_state = :state");
                params.addValue("state", query.workflowState());
            }
        } else if (query.status() != null) {
            where.add("exists (select 1 from registration rs where rs.initiative_id = i.id and rs.status = :status)");
            params.addValue("status", query.status().name());
        }
        Long province = null;
        if (unit != null) {
            where.add("(u.id = :unitId or u.path like :unitPrefix)");
            params.addValue("unitId", unit.id()).addValue("unitPrefix", unit.subtreePrefix() + "%");
            province = provinceOf(unit.subtreePrefix());
        }
        if (!scope.national()) {
            where.add("(u.id = :scopeId or u.path like :scopePrefix)");
            params.addValue("scopeId", scope.unitId()).addValue("scopePrefix", scope.prefix());
            province = province != null ? province : provinceOf(scope.prefix());
        }
        if (province != null) {
            where.add("i.province_id = :provinceId");
            params.addValue("provinceId", province);
        }
        if (query.sector() != null && !query.sector().isBlank()) {
            where.add("i.sector = :sector");
            params.addValue("sector", query.sector());
        }
        if (query.kind() != null) {
            where.add("i.kind = :kind");
            params.addValue("kind", query.kind().name());
        }
        if (query.holder() != null) {
            where.add("i.holder = :holder");
            params.addValue("holder", query.holder().name());
        }
        if (query.targetGroup() == TargetGroup.ETHNIC_MINORITY) {
            where.add("i.ethnic_minority = true");
        } else if (query.targetGroup() == TargetGroup.RELIGIOUS) {
            where.add("i.religious = true");
        }
        if (query.featured() != null) {
            where.add("i.featured = :featured");
            params.addValue("featured", query.featured());
        }
        String[] words = VietnameseText.fold(query.text()).split(" ");
        for (int w = 0; w < words.length; w++) {
            if (!words[w].isEmpty()) {
                where.add("i.search_key like :word" + w);
                params.addValue("word" + w, "% " + words[w] + "%");
            }
        }
        rarestWord(words).ifPresent(word -> {
            where.add("i.id in (select iw.initiative_id from initiative_word iw where iw.word like :rarest)");
            params.addValue("rarest", word + "%");
        });
        String filter = from + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        Long total = jdbc.queryForObject("select count(*)" + filter, params, Long.class);
        String columns = "select i.id, i.code, i.name, i.kind, i.holder, i.sector, i.unit_id, u.full_name as unit_name,"
                + " i.organisation_id, i.start_year, i.featured, i.ethnic_minority, i.religious, i.discontinued_from,"
                + " i.replicated_from_id" + (query.year() != null ? ", r.reg_year, r.status, r.workflow_state" : "");
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<InitiativeRow> rows = jdbc.query(columns + filter + " order by i.sort_key, i.id limit :limit offset :offset",
                params, (rs, n) -> new InitiativeRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        Kind.valueOf(rs.getString("kind")), Holder.valueOf(rs.getString("holder")), rs.getString("sector"),
                        null, rs.getLong("unit_id"), rs.getString("unit_name"), (Long) rs.getObject("organisation_id", Long.class),
                        null, (Integer) rs.getObject("start_year", Integer.class), rs.getBoolean("featured"),
                        rs.getBoolean("ethnic_minority"), rs.getBoolean("religious"),
                        (Integer) rs.getObject("discontinued_from", Integer.class),
                        (Long) rs.getObject("replicated_from_id", Long.class),
                        query.year() != null ? rs.getInt("reg_year") : null,
                        query.year() != null ? RegistrationStatus.valueOf(rs.getString("status")) : null,
                        query.year() != null ? rs.getString("workflow_state") : null));
        return new PageImpl<>(rows, PageRequest.of(page, size), total == null ? 0 : total);
    }
}
