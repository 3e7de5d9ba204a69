package vn.dvk.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.adminunit.AdminUnitView;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.AuditEvent;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.Inserts;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;
import vn.dvk.shared.security.Permissions;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.validation.Inputs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Periods and plans: a plan belongs to a unit and a period, cites its founding documents, and sets
 * targets per child unit, year and {@link Metric}; its progress compares them with the registry.
 *
 * <p>A registration counts for the child unit it lies in (the child or under it). Across the 2025
 * reform, a registration of a commune created by a merger counts for the plan's child that the new
 * commune continues: the one with its code if one kept it, else the first of its predecessors by code —
 * so no registration is counted twice and the children add up to the plan's unit.
 */
@Service
public class Plans {

    public record PeriodView(long id, String name, int fromYear, int toYear, Integer orientedTo) {

        public List<Integer> years() {
            List<Integer> years = new ArrayList<>();
            for (int y = fromYear; y <= toYear; y++) {
                years.add(y);
            }
            return years;
        }
    }

    public record Document(@Size(max = 60) String number, LocalDate issuedOn, @Size(max = 200) String issuer,
                           @Size(max = 500) String title) {

        /** "Đề án 13-ĐA/TU ngày 16/3/2023 của Tỉnh ủy Yên Bái" style citation. */
        public String citation() {
            StringBuilder text = new StringBuilder(title == null || title.isBlank() ? "" : title + " ");
            text.append(number);
            if (issuedOn != null) {
                text.append(" ngày ").append(issuedOn.getDayOfMonth()).append('/').append(issuedOn.getMonthValue()).append('/')
                        .append(issuedOn.getYear());
            }
            if (issuer != null && !issuer.isBlank()) {
                text.append(" của ").append(issuer);
            }
            return text.toString();
        }
    }

    public record PlanView(long id, long unitId, String unitCode, String unitName, PeriodView period, String title,
                           List<Document> documents, long version) {
    }

    public record PlanInput(@Size(max = 60) String unitCode, Long periodId, @Size(max = 300) String title,
                            List<@Valid Document> documents) {
    }

    public record Target(long unitId, int year, Metric metric, int amount) {
    }

    /** One child unit's target and actual for a year and metric. */
    public record Cell(Integer target, long actual) {

        public boolean behind() {
            return target != null && actual < target;
        }
    }

    public record ProgressRow(long unitId, String unitCode, String unitName, Map<String, Cell> cells, boolean behind) {
    }

    public record Progress(PlanView plan, List<Metric> metrics, List<ProgressRow> rows, Map<String, Cell> totals, int behindUnits) {

        public static String key(int year, Metric metric) {
            return year + ":" + metric.name();
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AdminUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Inputs inputs;
    private final PlanProgress progress;

    Plans(NamedParameterJdbcTemplate jdbc, AdminUnits units, ApplicationEventPublisher events, Clock clock, Inputs inputs,
          PlanProgress progress) {
        this.inputs = inputs;
        this.progress = progress;
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    // ---- periods

    public List<PeriodView> periods() {
        return jdbc.query("select * from plan_period order by from_year desc, id", (rs, n) -> new PeriodView(rs.getLong("id"),
                rs.getString("name"), rs.getInt("from_year"), rs.getInt("to_year"), (Integer) rs.getObject("oriented_to", Integer.class)));
    }

    PeriodView period(long id) {
        return periods().stream().filter(p -> p.id() == id).findFirst().orElseThrow(() -> DomainException.notFound("period.notFound", id));
    }

    @Transactional
    public PeriodView addPeriod(String name, Integer fromYear, Integer toYear, Integer orientedTo) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        List<FieldProblem> problems = new ArrayList<>();
        String clean = VietnameseText.clean(name);
        if (clean == null || clean.isEmpty()) {
            // shown above the list of periods, away from the field: the message names it
            problems.add(FieldProblem.field("name", "period.nameRequired"));
        }
        if (fromYear == null || toYear == null || fromYear < 1990 || toYear > 2100 || toYear < fromYear || toYear - fromYear > 15) {
            problems.add(FieldProblem.field("toYear", "period.years"));
        }
        if (orientedTo != null && toYear != null && orientedTo < toYear) {
            problems.add(FieldProblem.field("orientedTo", "period.orientedTo"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        long id = Inserts.returningId(jdbc.getJdbcTemplate(),
                "insert into plan_period (name, from_year, to_year, oriented_to) values (?, ?, ?, ?)", clean, fromYear, toYear, orientedTo);
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "PERIOD", id, null, clean));
        return period(id);
    }

    // ---- plans

    private AdminUnitView unitInScope(String code, LocalDate on, List<FieldProblem> problems) {
        CurrentUser user = CurrentUser.get().orElseThrow(Permissions::forbidden);
        AdminUnitView unit = code == null || code.isBlank() ? null : units.named(code.strip(), on).orElse(null);
        if (unit == null) {
            problems.add(FieldProblem.field("unitCode", code == null || code.isBlank() ? "validation.NotBlank" : "organisation.unitNotFound",
                    code));
        } else if (!user.scope().covers(unit)) {
            problems.add(FieldProblem.field("unitCode", "organisation.unitOutOfScope"));
        }
        return unit;
    }

    @Transactional
    public PlanView create(PlanInput input) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        inputs.check(input);
        List<FieldProblem> problems = new ArrayList<>();
        PeriodView period = input.periodId() == null ? null : periods().stream().filter(p -> p.id() == input.periodId()).findFirst().orElse(null);
        if (period == null) {
            problems.add(FieldProblem.field("periodId", "period.notFound", input.periodId()));
        }
        AdminUnitView unit = unitInScope(input.unitCode(), period == null ? LocalDate.now(clock) : LocalDate.of(period.fromYear(), 12, 31),
                problems);
        String title = VietnameseText.clean(input.title());
        if (title == null || title.isEmpty()) {
            problems.add(FieldProblem.field("title", "validation.NotBlank"));
        }
        List<Document> documents = input.documents() == null ? List.of() : input.documents().stream()
                .filter(d -> d.number() != null && !d.number().isBlank()).toList();
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        String user = CurrentUser.get().map(CurrentUser::getUsername).orElse("?");
        long id = Inserts.returningId(jdbc.getJdbcTemplate(), "insert into plan (unit_id, period_id, title, created_by, created_at)"
                + " values (?, ?, ?, ?, ?)", unit.id(), period.id(), title, user, Timestamp.from(clock.instant()));
        for (Document d : documents) {
            jdbc.update("insert into plan_document (plan_id, doc_number, issued_on, issuer, title) values (:plan, :number, :on, :issuer, :title)",
                    new MapSqlParameterSource("plan", id).addValue("number", d.number().strip()).addValue("on", d.issuedOn())
                            .addValue("issuer", VietnameseText.clean(d.issuer())).addValue("title", VietnameseText.clean(d.title())));
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.CREATE, "PLAN", id, unit.id(), title));
        return get(id);
    }

    public PlanView get(long id) {
        List<PlanView> found = jdbc.query("select p.*, u.code, u.full_name, u.path from plan p join unit_tree u on u.id = p.unit_id"
                + " where p.id = :id", Map.of("id", id), (rs, n) -> new PlanView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("code"),
                rs.getString("full_name"), period(rs.getLong("period_id")), rs.getString("title"), documents(rs.getLong("id")),
                rs.getLong("version")));
        if (found.isEmpty()) {
            throw DomainException.notFound("plan.notFound", id);
        }
        PlanView plan = found.get(0);
        AdminUnitView unit = units.findById(plan.unitId()).orElseThrow();
        Permissions.requireInScope(unit, "plan.notFound", id);
        return plan;
    }

    private List<Document> documents(long planId) {
        return jdbc.query("select * from plan_document where plan_id = :id order by id", Map.of("id", planId), (rs, n) -> document(rs));
    }

    private static Document document(ResultSet rs) throws SQLException {
        return new Document(rs.getString("doc_number"), rs.getObject("issued_on", LocalDate.class), rs.getString("issuer"),
                rs.getString("title"));
    }

    /** The plans of units inside the current user's scope. */
    public List<PlanView> list() {
        CurrentUser user = CurrentUser.get().orElseThrow(Permissions::forbidden);
        // three statements whatever the number of plans: the plans with their units, the periods, the documents
        Map<Long, PeriodView> periods = new HashMap<>();
        periods().forEach(p -> periods.put(p.id(), p));
        List<Object[]> rows = jdbc.query("select p.id, p.unit_id, u.code, u.full_name, p.period_id, p.title, p.version from plan p"
                        + " join unit_tree u on u.id = p.unit_id"
                        + " where " + DataScope.inScope("u", ":national", ":unit", ":prefix") + " order by p.id desc",
                new MapSqlParameterSource("national", user.scope().national()).addValue("unit", user.scope().unitId())
                        .addValue("prefix", user.scope().prefix()),
                (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getLong(7)});
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Document>> documents = new HashMap<>();
        jdbc.query("select * from plan_document where plan_id in (:ids) order by id",
                Map.of("ids", rows.stream().map(r -> (Long) r[0]).toList()),
                (RowCallbackHandler) rs -> documents.computeIfAbsent(rs.getLong("plan_id"),
                        k -> new ArrayList<>()).add(document(rs)));
        return rows.stream().map(r -> new PlanView((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], periods.get((Long) r[4]),
                (String) r[5], documents.getOrDefault((Long) r[0], List.of()), (Long) r[6])).toList();
    }

    /** The units that receive targets: the plan unit's children in the period's first year. */
    public List<AdminUnitView> children(PlanView plan) {
        return units.children(plan.unitId(), LocalDate.of(plan.period().fromYear(), 12, 31)).stream()
                .sorted(Comparator.comparing(AdminUnitView::name, VietnameseText.order())).toList();
    }

    public List<Target> targets(long planId) {
        get(planId);
        return jdbc.query("select * from plan_target where plan_id = :id", Map.of("id", planId), (rs, n) -> new Target(rs.getLong("unit_id"),
                rs.getInt("target_year"), Metric.valueOf(rs.getString("metric")), rs.getInt("amount")));
    }

    /**
     * Sets targets of a plan (the API): every given amount replaces the one for its unit, year and
     * metric. Units must be the plan's children, years in its period.
     */
    @Transactional
    public List<Target> setTargets(long planId, List<Target> targets, Long version) {
        return saveTargets(planId, targets, List.of(), version);
    }

    /**
     * The one screen saved as one change: the amounts typed replace theirs, the cells left empty lose
     * their target. Everything is checked before anything is written, and the plan's version moves
     * only from the version the officer read (a stale screen, or one bad amount, changes nothing).
     */
    @Transactional
    public List<Target> saveTargets(long planId, List<Target> set, List<Target> cleared, Long version) {
        Permissions.require(Role.ADMIN, Role.MOBILISATION_OFFICER);
        PlanView plan = get(planId);
        Set<Long> children = new HashSet<>(children(plan).stream().map(AdminUnitView::id).toList());
        List<FieldProblem> problems = new ArrayList<>();
        for (Target t : set) {
            check(plan, children, t, true, problems);
        }
        for (Target t : cleared) {
            check(plan, children, t, false, problems);
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems, "error.validation");
        }
        int moved = version == null
                ? jdbc.update("update plan set version = version + 1 where id = :id", Map.of("id", planId))
                : jdbc.update("update plan set version = version + 1 where id = :id and version = :version",
                Map.of("id", planId, "version", version));
        if (moved == 0) {
            throw DomainException.conflict("error.stale");
        }
        for (Target t : cleared) {
            jdbc.update("delete from plan_target where plan_id = :plan and unit_id = :unit and target_year = :year and metric = :metric",
                    cell(planId, t));
        }
        for (Target t : set) {
            MapSqlParameterSource p = cell(planId, t).addValue("amount", t.amount());
            jdbc.update("delete from plan_target where plan_id = :plan and unit_id = :unit and target_year = :year and metric = :metric", p);
            jdbc.update("insert into plan_target (plan_id, unit_id, target_year, metric, amount) values (:plan, :unit, :year, :metric, :amount)", p);
        }
        events.publishEvent(AuditEvent.of(AuditEvent.Action.UPDATE, "PLAN_TARGETS", planId, plan.unitId(),
                cleared.isEmpty() ? set.size() + " chỉ tiêu" : set.size() + " chỉ tiêu, bỏ " + cleared.size() + " ô"));
        return targets(planId);
    }

    private static MapSqlParameterSource cell(long planId, Target t) {
        return new MapSqlParameterSource("plan", planId).addValue("unit", t.unitId()).addValue("year", t.year())
                .addValue("metric", t.metric().name());
    }

    private static void check(PlanView plan, Set<Long> children, Target t, boolean amount, List<FieldProblem> problems) {
        if (!children.contains(t.unitId())) {
            problems.add(FieldProblem.field("unitId", "plan.notChild", t.unitId()));
        } else if (t.year() < plan.period().fromYear() || t.year() > plan.period().toYear()) {
            problems.add(FieldProblem.field("year", "plan.yearOutside", t.year()));
        } else if (amount && (t.amount() < 0 || t.amount() > 100_000)) {
            problems.add(FieldProblem.field("amount", "plan.amount", t.amount()));
        }
    }

    /** Target against actual, by child unit, year and metric (the metrics that have targets, or all). */
    public Progress progress(long planId) {
        PlanView plan = get(planId);
        return progress.of(plan, children(plan), targets(planId));
    }

    /** What the registry holds for one child unit, year and metric of a plan. */
    public long actualOf(long planId, long childId, int year, Metric metric) {
        PlanView plan = get(planId);
        return progress.actuals(plan, children(plan)).getOrDefault(childId + "|" + Progress.key(year, metric), 0L);
    }
}
