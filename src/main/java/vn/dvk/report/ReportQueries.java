package vn.dvk.report;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.security.DataScope;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of the summary and trend reports, one method per figure, read through the views other modules
 * declare for them (V30): registration_count and registration_fact (initiative), commendation_fact
 * (workflow), feedback_fact (portal), initiative_fact and adminunit's unit_tree. Rows come back by the
 * unit they were registered in; {@link Reports} places them in the report's structure.
 */
@Component
class ReportQueries {

    /** The feedback of a unit's initiatives in one moderation state. */
    record Voices(Long unitId, String state, long n) {
    }

    /** The items of commendation proposals of a unit's initiatives with one award, authority and answer. */
    record Commended(Long unitId, String award, String authority, boolean commended, long n) {
    }

    /**
     * What a report is about: a unit (null for the nation) and the provinces whose records can lie under it (its
     * province and those that became it), read once per report and shared by its statements.
     */
    record Under(AdminUnitView unit, List<Long> provinces) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AdminUnits units;

    ReportQueries(NamedParameterJdbcTemplate jdbc, AdminUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    Under under(AdminUnitView unit) {
        return new Under(unit, unit == null ? List.of() : units.provincesReaching(unit));
    }

    /**
     * The registration counts of a year under a unit; of the nation by province, from the provinces' own kept
     * counts (registration_province_count, V33: a few thousand rows a year where the units' are hundreds of thousands).
     */
    List<Tally.Counted> registrations(Under under, int year) {
        if (under.unit() == null) {
            return kept("r.province_id", "registration_province_count", " where r.reg_year = :year",
                    new MapSqlParameterSource("year", year));
        }
        List<Tally.Counted> counted = new ArrayList<>();
        for (Long province : under.provinces()) {
            MapSqlParameterSource params = new MapSqlParameterSource("year", year);
            counted.addAll(kept("r.unit_id", "registration_count", " where r.reg_year = :year"
                    + ofProvince(province, under, params, "r"), params));
        }
        return counted;
    }

    /**
     * The registration counts of a year that may lie in a unit of today's structure: those of today's
     * province and of every province that became it (placed and filtered afterwards).
     */
    List<Tally.Counted> registrationsReachingToday(Under under, int year) {
        if (under.unit() == null) {
            return kept("r.unit_id", "registration_count", " where r.reg_year = :year", new MapSqlParameterSource("year", year));
        }
        List<Tally.Counted> counted = new ArrayList<>();
        for (Long province : under.provinces()) {
            counted.addAll(kept("r.unit_id", "registration_count", " where r.reg_year = :year and r.province_id = :province",
                    new MapSqlParameterSource("year", year).addValue("province", province)));
        }
        return counted;
    }

    /**
     * The counts of the registrations matching the condition, by {@code place} (the unit, or the province
     * for the nation's summary) and everything a summary shows, read from kept counts ({@code counts}: kept up to
     * date by the registry in each write's own transaction): a few rows per unit instead of every registration.
     * The rows come as kept (a unit's combination may come more than once, by workflow state): {@link Tally} adds
     * them up, where a GROUP BY made the database sort thousands of rows first.
     */
    private List<Tally.Counted> kept(String place, String counts, String where, MapSqlParameterSource params) {
        String sql = "select " + place + " as unit_id, r.sector, r.status, r.kind, r.holder, r.featured, r.recognised,"
                + " r.n from " + counts + " r" + where + " and r.n <> 0";
        return jdbc.query(sql, params, (rs, n) -> new Tally.Counted(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getLong(8)));
    }

    /** The people's feedback and proposals of the year by the unit of the initiative and moderation state. */
    List<Voices> voices(Under under, int year, boolean placedToday) {
        MapSqlParameterSource params = new MapSqlParameterSource("from", Timestamp.valueOf(LocalDate.of(year, 1, 1).atStartOfDay()))
                .addValue("to", Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay()));
        String where = placedToday ? "" : subtree(under, params, "i");
        return jdbc.query("select i.unit_id, f.state, count(*) as n from feedback_fact f join initiative_fact i on i.id = f.initiative_id"
                + " where f.created_at >= :from and f.created_at < :to" + where + " group by i.unit_id, f.state", params,
                (rs, n) -> new Voices(rs.getLong("unit_id"), rs.getString("state"), rs.getLong("n")));
    }

    /** The initiatives proposed for a commendation of the year, by the unit of the initiative, award, authority and answer. */
    List<Commended> commendations(Under under, int year, boolean placedToday) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        String where;
        if (placedToday) {
            where = "";
            if (under.unit() != null) {
                params.addValue("provinces", under.provinces());
                where = " and i.province_id in (:provinces)";
            }
        } else {
            where = subtree(under, params, "i");
        }
        String sql = "select i.unit_id, c.award, c.authority, c.commended, count(*) as n from commendation_fact c"
                + " join initiative_fact i on i.id = c.initiative_id"
                + " where c.reg_year = :year" + where + " group by i.unit_id, c.award, c.authority, c.commended";
        return jdbc.query(sql, params, (rs, n) -> new Commended(rs.getLong("unit_id"), rs.getString("award"),
                rs.getString("authority"), rs.getBoolean("commended"), rs.getLong("n")));
    }

    /** The initiatives registered under a unit in some year of a period, each counted once. */
    long initiativesOfPeriod(Under under, int from, int to) {
        List<Long> provinces = eachProvince(under);
        String registered = "from registration_fact r where r.reg_year between :from and :to";
        if (provinces.size() == 1) {
            MapSqlParameterSource params = new MapSqlParameterSource("from", from).addValue("to", to);
            Long distinct = jdbc.queryForObject("select count(distinct r.initiative_id) " + registered
                    + ofProvince(provinces.get(0), under, params, "r"), params, Long.class);
            return distinct == null ? 0 : distinct;
        }
        // a province a reform made of several: a province at a time (H2 checked an "in" list on every registration
        // of the period, 16 s at national scale), the initiatives gathered here (one may have years in two of them)
        Set<Long> initiatives = new HashSet<>();
        for (Long province : provinces) {
            MapSqlParameterSource params = new MapSqlParameterSource("from", from).addValue("to", to);
            jdbc.query("select distinct r.initiative_id " + registered + ofProvince(province, under, params, "r"), params,
                    rs -> {
                        initiatives.add(rs.getLong(1));
                    });
        }
        return initiatives.size();
    }

    /** The registrations under a unit of each year of a period by sector and status, into the years' tallies. */
    void yearsOfPeriod(Under under, int from, int to, Map<Integer, Tally> years) {
        for (Long province : eachProvince(under)) {
            MapSqlParameterSource params = new MapSqlParameterSource("from", from).addValue("to", to);
            String tallied = " from registration_count r where r.reg_year between :from and :to"
                    + ofProvince(province, under, params, "r");
            jdbc.query("select r.reg_year, r.sector, r.status, sum(r.n) as n" + tallied + " group by r.reg_year, r.sector, r.status",
                    params, rs -> {
                        years.get(rs.getInt("reg_year")).add(new Tally.Counted(null, rs.getString("sector"), rs.getString("status"),
                                "MODEL", "COLLECTIVE", false, false, rs.getLong("n")));
                    });
        }
    }

    /** The latest year up to {@code max} with registrations under the unit (anywhere for null), if any. */
    Optional<Integer> latestYear(Under under, int max) {
        Integer latest = null;
        for (Long province : eachProvince(under)) {
            MapSqlParameterSource params = new MapSqlParameterSource("max", max);
            Integer year = jdbc.queryForObject("select max(r.reg_year) from registration_fact r where r.reg_year <= :max"
                    + ofProvince(province, under, params, "r"), params, Integer.class);
            latest = year == null || latest != null && latest >= year ? latest : year;
        }
        return Optional.ofNullable(latest);
    }

    /**
     * As {@link #subtree} for one of the provinces that reach the unit (nothing for null, the nation). The kept counts are read a province at a time
     * (each statement adds to the same tally): through a view, H2 takes "province_id = ?" into the view's own query and
     * its index, where it checked an "in" list on every kept count of the year (37,812 rows for one province's summary at
     * national scale, 20–140 ms instead of a few).
     */
    private static String ofProvince(Long province, Under under, MapSqlParameterSource params, String alias) {
        if (province == null) {
            return "";
        }
        params.addValue("province", province);
        return " and " + alias + ".province_id = :province" + belowProvince(under.unit(), params, alias);
    }

    /** The provinces whose rows may lie under the unit, one statement each; for the nation one statement without (null). */
    private static List<Long> eachProvince(Under under) {
        return under.unit() == null ? Collections.singletonList(null) : under.provinces();
    }

    /** Below a province: the units in the unit's subtree or placed there (nothing for a province itself). */
    private static String belowProvince(AdminUnitView unit, MapSqlParameterSource params, String alias) {
        if (unit.id().equals(unit.provinceId())) {
            return "";
        }
        params.addValue("unitId", unit.id()).addValue("prefix", unit.subtreePrefix() + "%");
        return " and " + alias + ".unit_id in (select u.id from unit_tree u where " + DataScope.subtree("u", ":unitId", ":prefix") + ")";
    }

    /**
     * The rows of the unit and everything under it, and of the units that it continues (merged into it
     * since): of the provinces that reach it, and below a province of the units in its subtree or placed there.
     */
    private String subtree(Under under, MapSqlParameterSource params, String alias) {
        AdminUnitView unit = under.unit();
        if (unit == null) {
            return "";
        }
        params.addValue("provinces", under.provinces());
        return " and " + alias + ".province_id in (:provinces)" + belowProvince(unit, params, alias);
    }
}
