package vn.dvk.planning;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.planning.Plans.Cell;
import vn.dvk.planning.Plans.PlanView;
import vn.dvk.planning.Plans.Progress;
import vn.dvk.planning.Plans.ProgressRow;
import vn.dvk.planning.Plans.Target;
import vn.dvk.shared.security.DataScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plan's targets against what the registry holds: the registrations of each child unit, year and
 * {@link Metric}, read through initiative's registration_fact and adminunit's unit_tree (V30).
 */
@Component
class PlanProgress {

    private final NamedParameterJdbcTemplate jdbc;
    private final AdminUnits units;
    private final Clock clock;

    PlanProgress(NamedParameterJdbcTemplate jdbc, AdminUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    /** Target against actual, by child unit, year and metric (every metric: those without targets show what the registry holds). */
    Progress of(PlanView plan, List<AdminUnitView> children, List<Target> targets) {
        Set<Metric> metrics = new TreeSet<>(List.of(Metric.values()));
        Map<Long, Map<String, Cell>> cells = new LinkedHashMap<>();
        children.forEach(c -> cells.put(c.id(), new HashMap<>()));
        Map<String, Long> actual = actuals(plan, children);
        Map<String, Cell> totals = new HashMap<>();
        for (AdminUnitView child : children) {
            for (int year : plan.period().years()) {
                for (Metric metric : metrics) {
                    String key = Progress.key(year, metric);
                    Integer target = targets.stream().filter(t -> t.unitId() == child.id() && t.year() == year && t.metric() == metric)
                            .map(Target::amount).findFirst().orElse(null);
                    long a = actual.getOrDefault(child.id() + "|" + key, 0L);
                    cells.get(child.id()).put(key, new Cell(target, a));
                    Cell total = totals.getOrDefault(key, new Cell(null, 0));
                    Integer sum = total.target();
                    if (target != null) {
                        sum = (sum == null ? 0 : sum) + target;
                    }
                    totals.put(key, new Cell(sum, total.actual() + a));
                }
            }
        }
        List<ProgressRow> rows = new ArrayList<>();
        int behind = 0;
        int thisYear = LocalDate.now(clock).getYear();
        for (AdminUnitView child : children) {
            Map<String, Cell> row = cells.get(child.id());
            // behind: a target of a year already over (or this year) not reached
            boolean isBehind = row.entrySet().stream().anyMatch(e -> e.getValue().behind()
                    && Integer.parseInt(e.getKey().split(":")[0]) <= thisYear);
            behind += isBehind ? 1 : 0;
            rows.add(new ProgressRow(child.id(), child.code(), child.fullName(), row, isBehind));
        }
        return new Progress(plan, List.copyOf(metrics), rows, totals, behind);
    }

    /** Actual counts keyed "childId|year:METRIC". */
    Map<String, Long> actuals(PlanView plan, List<AdminUnitView> children) {
        AdminUnitView unit = units.findById(plan.unitId()).orElseThrow();
        // new communes of the reform continue the children they came from
        Map<String, Long> continued = new HashMap<>();
        for (AdminUnitView child : children.stream().sorted(Comparator.comparing(AdminUnitView::code)).toList()) {
            for (String successor : child.successorCodes() == null ? List.<String>of() : child.successorCodes()) {
                if (successor.equals(child.code())) {
                    continued.put(successor, child.id());
                } else {
                    continued.putIfAbsent(successor, child.id());
                }
            }
        }
        MapSqlParameterSource params = new MapSqlParameterSource("from", plan.period().fromYear()).addValue("to", plan.period().toYear())
                .addValue("unit", unit.id()).addValue("prefix", unit.subtreePrefix() + "%")
                .addValue("codes", continued.isEmpty() ? List.of("-") : List.copyOf(continued.keySet()));
        record Row(long unitId, String code, String path, int year, String status, boolean ethnic, boolean recognised, long n) {
        }
        // each year as it was registered (a recognised year keeps the target groups it was recognised with)
        List<Row> rows = jdbc.query("select r.unit_id, u.code, u.path, r.reg_year, r.status, r.ethnic_minority, r.recognised, count(*) as n"
                        + " from registration_fact r join unit_tree u on u.id = r.unit_id"
                        + " where r.reg_year between :from and :to and (" + DataScope.subtreeByPath("u", ":unit", ":prefix")
                        + " or u.code in (:codes))"
                        + " group by r.unit_id, u.code, u.path, r.reg_year, r.status, r.ethnic_minority, r.recognised", params,
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getBoolean(6),
                        rs.getBoolean(7), rs.getLong(8)));
        Map<String, Long> actual = new HashMap<>();
        for (Row row : rows) {
            Long child = null;
            for (AdminUnitView c : children) {
                if (c.id() == row.unitId() || row.path().contains("/" + c.id() + "/")) {
                    child = c.id();
                    break;
                }
            }
            if (child == null) {
                child = continued.get(row.code());
            }
            if (child == null) {
                continue;
            }
            for (Metric metric : Metric.values()) {
                if (metric.counts(row.status(), row.ethnic(), row.recognised())) {
                    actual.merge(child + "|" + Progress.key(row.year(), metric), row.n(), Long::sum);
                }
            }
        }
        return actual;
    }
}
