package vn.dvk.report;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.initiative.Sectors;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary report of a unit for a year. A unit code means the unit as it was in that year (on
 * 31 December), so "674, 2021" is the Đam Rông district of 2021 with its communes of the time.
 * Counted from registration_tally (the counts kept in each write's transaction, V14) for the
 * unit's subtree, read by the (province, year) key ({@link ReportQueries}); children are added up
 * from the units' materialised paths.
 */
@Service
public class Reports {

    private final ReportQueries queries;
    private final AdminUnits units;
    private final Sectors sectors;
    private final Clock clock;

    Reports(ReportQueries queries, AdminUnits units, Sectors sectors, Clock clock) {
        this.queries = queries;
        this.units = units;
        this.sectors = sectors;
        this.clock = clock;
    }

    /** The unit a summary of a year means (see {@link #summary}); null for the whole country. */
    @Transactional(readOnly = true)
    public AdminUnitView unitFor(String unitCode, int year) {
        return unitOf(unitCode, year);
    }

    @Transactional(readOnly = true)
    public Summary summary(String unitCode, Integer year) {
        return summary(unitCode, year, false);
    }

    /**
     * The summary of a year in the structure of that year (the units as they were on 31 December)
     * or, with {@code today}, in today's structure: a unit that no longer exists is counted under the
     * unit that succeeded it (its parent's successor when it has none), so both views of a year add
     * up to the same total.
     */
    @Transactional(readOnly = true)
    public Summary summary(String unitCode, Integer year, boolean today) {
        Permissions.require(Role.values());
        int thisYear = LocalDate.now(clock).getYear();
        if (year == null || year < 1990 || year > thisYear + 1) {
            throw new DomainException(DomainException.Kind.INVALID,
                    List.of(FieldProblem.field("year", "report.year", thisYear + 1)), "error.validation");
        }
        LocalDate day = today ? LocalDate.now(clock) : LocalDate.of(year, 12, 31);
        AdminUnitView unit = unitForSummary(unitCode, year, today, day);
        List<String> sectorCodes = sectors.all().stream().map(s -> s.code()).toList();
        ReportQueries.Under under = queries.under(unit);
        List<Tally.Counted> counted;
        Map<Long, AdminUnitView> placed;
        // a unit that no longer exists, seen in today's structure: its own records, grouped by the units of today they lie in
        boolean ended = today && unit != null && !unit.isValidOn(day);
        if (ended) {
            counted = queries.registrations(under, year);
            placed = units.onDay(counted.stream().map(Tally.Counted::unitId).distinct().toList(), day);
        } else if (today) {
            counted = queries.registrationsReachingToday(under, year);
            placed = units.onDay(counted.stream().map(Tally.Counted::unitId).distinct().toList(), day);
            counted = counted.stream().filter(r -> within(unit, placed.get(r.unitId()))).toList();
        } else {
            counted = queries.registrations(under, year);
            placed = new HashMap<>(units.byIds(counted.stream().map(Tally.Counted::unitId).distinct().toList()));
            // records of units merged into this one lie where those units went: by the year's end (a unit of that
            // structure), or today for the units that this one continues
            boolean unitInForce = unit == null || unit.isValidOn(day);
            List<Long> endedBefore = placed.entrySet().stream()
                    .filter(e -> unitInForce && within(unit, e.getValue()) && !e.getValue().isValidOn(day)).map(Map.Entry::getKey).toList();
            if (!endedBefore.isEmpty()) {
                placed.putAll(units.onDay(endedBefore, day));
            }
            List<Long> elsewhere = placed.entrySet().stream().filter(e -> !within(unit, e.getValue())).map(Map.Entry::getKey).toList();
            if (!elsewhere.isEmpty()) {
                placed.putAll(units.onDay(elsewhere, LocalDate.now(clock)));
            }
        }
        Tally all = new Tally(sectorCodes);
        Map<Long, Tally> byChild = new LinkedHashMap<>();
        List<AdminUnitView> children = unit == null ? units.provinces(day) : ended ? List.of() : units.children(unit.id(), day);
        children.forEach(c -> byChild.put(c.id(), new Tally(sectorCodes)));
        Tally direct = new Tally(sectorCodes);
        List<Long> extraChildren = new ArrayList<>();
        // a unit's counts come in many rows (one per sector, status, kind...): where it lies is found once per unit
        Map<Long, Optional<Long>> childByUnit = new HashMap<>();
        for (Tally.Counted row : counted) {
            all.add(row);
            Long child = childByUnit.computeIfAbsent(row.unitId(), id -> Optional.ofNullable(
                    ended ? communeOf(placed.get(id)) : childOf(unit, placed.get(id)))).orElse(null);
            if (child == null) {
                direct.add(row);
            } else {
                if (!byChild.containsKey(child)) {
                    // a unit of another time under this one (e.g. merged away during the year), read with the others below
                    byChild.put(child, new Tally(sectorCodes));
                    extraChildren.add(child);
                }
                byChild.get(child).add(row);
            }
        }
        List<Summary.Row> rows = new ArrayList<>();
        Map<Long, AdminUnitView> childUnits = new LinkedHashMap<>();
        children.forEach(c -> childUnits.put(c.id(), c));
        childUnits.putAll(units.byIds(extraChildren));
        byChild.forEach((id, t) -> {
            AdminUnitView c = childUnits.get(id);
            if (c != null) {
                rows.add(row(c.code(), c.fullName(), c.id(), false, t));
            }
        });
        if (direct.total > 0 && unit != null) {
            rows.add(row(unit.code(), unit.fullName(), unit.id(), true, direct));
        }
        return new Summary(unit == null ? null : unit.code(), unit == null ? null : unit.fullName(), unit == null ? null : unit.id(),
                year, today ? "TODAY" : "THEN", all.total, all.bySector, all.byStatus, all.byHolder, all.byKind, all.recognised,
                all.featured, commendations(under, year, today, day), voices(under, year, today, day), rows);
    }

    /** The people's feedback and proposals of the year about initiatives of the unit, by moderation state. */
    private Map<String, Long> voices(ReportQueries.Under under, int year, boolean today, LocalDate day) {
        AdminUnitView unit = under.unit();
        boolean placedToday = today && (unit == null || unit.isValidOn(day));
        List<ReportQueries.Voices> items = queries.voices(under, year, placedToday);
        if (placedToday && unit != null) {
            Map<Long, AdminUnitView> placed = units.onDay(items.stream().map(ReportQueries.Voices::unitId).distinct().toList(), day);
            items = items.stream().filter(i -> within(unit, placed.get(i.unitId()))).toList();
        }
        Map<String, Long> voices = new LinkedHashMap<>();
        for (String state : List.of("NEW", "PUBLISHED", "HIDDEN")) {
            voices.put(state, 0L);
        }
        items.forEach(i -> voices.merge(i.state(), i.n(), Long::sum));
        voices.put("TOTAL", items.stream().mapToLong(ReportQueries.Voices::n).sum());
        return voices;
    }

    /** Whether a unit (placed in the report's structure) is the report's unit or under it; everything is under the nation. */
    static boolean within(AdminUnitView unit, AdminUnitView at) {
        return at != null && (unit == null || at.id().equals(unit.id()) || at.path().startsWith(unit.subtreePrefix()));
    }

    private static Summary.Row row(String code, String name, Long id, boolean direct, Tally t) {
        return new Summary.Row(code, name, id, direct, t.total, t.bySector, t.byStatus, t.byHolder, t.byKind, t.recognised,
                t.featured);
    }

    /** The unit of a summary: on its day; in today's structure also a unit of that year that no longer exists. */
    private AdminUnitView unitForSummary(String unitCode, int year, boolean today, LocalDate day) {
        try {
            return unitOn(unitCode, day);
        } catch (DomainException e) {
            if (!today || e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            return unitOf(unitCode, year);
        }
    }

    /** The commune (of today's two levels) that a unit lies in, or its province when it lies directly there. */
    static Long communeOf(AdminUnitView at) {
        if (at == null) {
            return null;
        }
        List<Long> lineage = at.lineageIds();
        return lineage.get(Math.min(1, lineage.size() - 1));
    }

    /** The child of the unit (a province of the nation) that a unit lies in; null for the unit itself. */
    static Long childOf(AdminUnitView unit, AdminUnitView at) {
        if (at == null) {
            return null;
        }
        String chain = at.subtreePrefix();
        String prefix = unit == null ? "/" : unit.subtreePrefix();
        if (!chain.startsWith(prefix) || chain.length() == prefix.length()) {
            return null;
        }
        String rest = chain.substring(prefix.length());
        return Long.valueOf(rest.substring(0, rest.indexOf('/')));
    }

    private Summary.Commendations commendations(ReportQueries.Under under, int year, boolean today, LocalDate day) {
        AdminUnitView unit = under.unit();
        boolean placedToday = today && (unit == null || unit.isValidOn(day));
        List<ReportQueries.Commended> items = queries.commendations(under, year, placedToday);
        if (placedToday) {
            Map<Long, AdminUnitView> placed = units.onDay(items.stream().map(ReportQueries.Commended::unitId).distinct().toList(), day);
            items = items.stream().filter(i -> within(unit, placed.get(i.unitId()))).toList();
        }
        long proposed = 0;
        long commended = 0;
        Map<String, Long> byAward = new LinkedHashMap<>();
        Map<String, Long> byAuthority = new LinkedHashMap<>();
        for (ReportQueries.Commended item : items) {
            proposed += item.n();
            byAward.merge(item.award(), item.n(), Long::sum);
            byAuthority.merge(item.authority(), item.n(), Long::sum);
            if (item.commended()) {
                commended += item.n();
            }
        }
        return new Summary.Commendations(proposed, commended, byAward, byAuthority);
    }

    /** The figures of each year of a period, and the initiatives that took part in it, each counted once. */
    @Transactional(readOnly = true)
    public Trend trend(String unitCode, Integer from, Integer to) {
        Permissions.require(Role.values());
        int thisYear = LocalDate.now(clock).getYear();
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null || from < 1990 || from > thisYear + 1) {
            problems.add(FieldProblem.field("from", "report.year", thisYear + 1));
        }
        if (to == null || to < 1990 || to > thisYear + 1) {
            problems.add(FieldProblem.field("to", "report.year", thisYear + 1));
        } else if (from != null && to < from) {
            problems.add(FieldProblem.field("to", "report.period"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        return trend(unitOf(unitCode, to), from, to);
    }

    /**
     * As {@link #trend(String, Integer, Integer)} for the unit with this id (the unit of a summary),
     * which a code may no longer name in the last year: a commune merged in 2025 under a code that
     * names its successor today.
     */
    @Transactional(readOnly = true)
    public Trend trendOfUnit(Long unitId, int from, int to) {
        if (unitId == null) {
            return trend((String) null, from, to);
        }
        Permissions.require(Role.values());
        AdminUnitView unit = units.findById(unitId).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", unitId));
        if (!CurrentUser.currentScope().covers(unit)) {
            throw DomainException.notFound("adminUnit.notFound", unit.code());
        }
        return trend(unit, from, to);
    }

    private Trend trend(AdminUnitView unit, int from, int to) {
        List<String> sectorCodes = sectors.all().stream().map(sv -> sv.code()).toList();
        ReportQueries.Under under = queries.under(unit);
        long distinct = queries.initiativesOfPeriod(under, from, to);
        Map<Integer, Tally> years = new LinkedHashMap<>();
        for (int y = from; y <= to; y++) {
            years.put(y, new Tally(sectorCodes));
        }
        queries.yearsOfPeriod(under, from, to, years);
        List<Trend.Year> rows = new ArrayList<>();
        years.forEach((y, t) -> rows.add(new Trend.Year(y, t.total, t.bySector, t.byStatus)));
        return new Trend(unit == null ? null : unit.code(), unit == null ? null : unit.fullName(), from, to,
                distinct, rows);
    }

    /** The unit a report means: the code's version at the end of the year, or the user's own unit; in scope. */
    private AdminUnitView unitOf(String unitCode, int year) {
        return unitOn(unitCode, LocalDate.of(year, 12, 31));
    }

    /** The unit a report means: the code's version on the day, or the user's own unit; in scope. */
    private AdminUnitView unitOn(String unitCode, LocalDate day) {
        DataScope scope = CurrentUser.currentScope();
        AdminUnitView unit = unitCode == null || unitCode.isBlank() ? null
                : units.getByCode(unitCode.strip(), day);
        if (unit == null && !scope.national()) {
            unit = units.findById(scope.unitId()).orElseThrow();
        }
        if (unit != null && !scope.covers(unit)) {
            throw DomainException.notFound("adminUnit.notFound", unitCode);
        }
        return unit;
    }


    /** The movement's calendar: the current year in Vietnam, whatever the server's time zone. */
    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    /**
     * Where a report opens for the current user when they ask for nothing: their own unit (the
     * country for an administrator) this year in today's structure; for a unit that no longer
     * exists today (a district abolished in 2025, a merged commune), the latest year with data in
     * that year's structure. {@code ended} is the unit's last day when it no longer exists.
     */
    public record Opening(AdminUnitView unit, int year, boolean today, LocalDate ended, Integer latestWithData) {
    }

    @Transactional(readOnly = true)
    public Opening opening() {
        DataScope scope = CurrentUser.currentScope();
        AdminUnitView unit = scope.national() ? null : units.findById(scope.unitId()).orElse(null);
        LocalDate now = LocalDate.now(clock);
        Integer latest = latestYear().orElse(null);
        if (unit != null && unit.validTo() != null && unit.validTo().isBefore(now)) {
            return new Opening(unit, latest != null ? latest : unit.validTo().getYear(), false, unit.validTo(), latest);
        }
        return new Opening(unit, now.getYear(), true, null, latest);
    }

    /** The latest year with registrations in the user's scope, if any. */
    @Transactional(readOnly = true)
    public Optional<Integer> latestYear() {
        Permissions.require(Role.values());
        DataScope scope = CurrentUser.currentScope();
        AdminUnitView unit = scope.national() ? null : units.findById(scope.unitId()).orElseThrow();
        return queries.latestYear(queries.under(unit), LocalDate.now(clock).getYear() + 1);
    }

}
