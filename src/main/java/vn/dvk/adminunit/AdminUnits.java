package vn.dvk.adminunit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import jakarta.persistence.EntityManager;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.FieldProblem;
import vn.dvk.shared.VietnameseText;
import vn.dvk.shared.security.CurrentUser;
import vn.dvk.shared.security.DataScope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads administrative units: by code on a date, children, ancestors, subtrees and search. It is the one
 * read API that other modules call, and its lookups, the unit a person typed and the picker's labels all
 * build on the same views of the entity, so it stays one class past ~350 lines; where units lie across
 * the reforms is {@link ReformPlacement}'s job.
 */
@Service
@Transactional(readOnly = true)
public class AdminUnits {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AdminUnitRepository units;
    private final Clock clock;
    private final ReformPlacement placement;

    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager entities;
    private final UnitStructure structure;

    AdminUnits(AdminUnitRepository units, Clock clock, ReformPlacement placement,
               NamedParameterJdbcTemplate jdbc, EntityManager entities, UnitStructure structure) {
        this.structure = structure;
        this.jdbc = jdbc;
        this.entities = entities;
        this.clock = clock;
        this.placement = placement;
        this.units = units;
    }

    /** Filter of the unit list; every field is optional. */
    public record Query(AdminUnitLevel level, String parentCode, LocalDate on, String text) {
    }

    // Read-only work reads units from the structure the node holds (UnitStructure); a transaction that writes, with SQL.

    public Optional<AdminUnitView> findById(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return structure.answer(held -> held.byId(id), () -> read("u.id = :id", new MapSqlParameterSource("id", id)).stream().findFirst());
    }

    /** The version of the unit with this code in force on the day, or else its latest version. */
    public Optional<AdminUnitView> findByCode(String code, LocalDate on) {
        return structure.answer(held -> version(held.history(code), on, AdminUnitView::isValidOn, AdminUnitView::validTo),
                () -> version(code, on).map(u -> views(List.of(u)).get(0)));
    }

    /**
     * The unit a form or an API client means: the one with the id while the text (if any) still names
     * it, so a record of an old unit keeps that unit when edited; otherwise the unit the text names
     * (see {@link #named}).
     */
    public Optional<AdminUnitView> resolve(Long unitId, String text, LocalDate on) {
        String trimmed = text == null ? "" : text.strip();
        if (unitId != null) {
            UnitNames.Typed typed = UnitNames.Typed.of(trimmed);
            Optional<AdminUnitView> byId = findById(unitId).filter(u -> trimmed.isEmpty() || u.code().equals(trimmed)
                    || UnitNames.namedExactly(u, typed.name()) && inContext(u, typed));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return trimmed.isEmpty() ? Optional.empty() : named(trimmed, on);
    }

    /**
     * The unit that a person means by what they typed, in the year of the day: a code (its version in
     * force on the day, preferring one in the user's scope), or a name with or without type and
     * diacritics, optionally followed by its parents ("Phi Liêng", "Xã Đam Rông 1 — Tỉnh Lâm Đồng").
     * Among same-named units those of the user's scope that existed in that year count; several left
     * is refused as ambiguous, naming them. A unit outside the scope is returned for the caller to
     * refuse as such; a name of units that no longer existed in the year is refused saying so.
     */
    public Optional<AdminUnitView> named(String text, LocalDate on) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (UnitNames.isCode(trimmed)) {
            return byCode(trimmed, on);
        }
        UnitNames.Typed typed = UnitNames.Typed.of(trimmed);
        if (typed.name().isEmpty()) {
            return Optional.empty();
        }
        String name = typed.name();
        List<AdminUnitView> candidates = views(units.findAll((root, q, cb) -> cb.or(cb.equal(root.get("searchKey"), name),
                cb.like(root.get("searchKey"), "% " + name)))).stream().filter(u -> UnitNames.namedExactly(u, name))
                .filter(u -> inContext(u, typed)).toList();
        if (candidates.isEmpty()) {
            candidates = views(units.findAll((root, q, cb) -> cb.like(root.get("searchKey"), "%" + name + "%"),
                    PageRequest.of(0, 50, Sort.by("level", "sortKey"))).getContent()).stream()
                    .filter(u -> inContext(u, typed)).toList();
        }
        return choose(trimmed, candidates, on);
    }

    /** True when the parents typed after the name are the unit's; its lineage is read only when some were typed. */
    private boolean inContext(AdminUnitView unit, UnitNames.Typed typed) {
        return typed.context().isEmpty() || UnitNames.inContext(lineage(unit.id()), typed.context());
    }

    private Optional<AdminUnitView> choose(String typed, List<AdminUnitView> candidates, LocalDate on) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int year = on.getYear();
        DataScope scope = CurrentUser.currentScope();
        List<AdminUnitView> existed = candidates.stream().filter(u -> u.existedIn(year)).toList();
        if (existed.isEmpty()) {
            AdminUnitView last = candidates.stream().filter(scope::covers).findFirst().orElse(candidates.get(0));
            throw new DomainException(DomainException.Kind.INVALID, List.of(notInYear("unitCode", last, year)), "error.validation");
        }
        List<AdminUnitView> inScope = existed.stream().filter(scope::covers).toList();
        List<AdminUnitView> pool = inScope.isEmpty() ? existed : inScope;
        Map<String, List<AdminUnitView>> byCode = new LinkedHashMap<>();
        pool.forEach(u -> byCode.computeIfAbsent(u.code(), k -> new ArrayList<>()).add(u));
        if (byCode.size() > 1 && !inScope.isEmpty()) {
            List<String> labels = byCode.values().stream().limit(6).map(v -> label(v.get(0))).toList();
            throw new DomainException(DomainException.Kind.INVALID, List.of(FieldProblem.field("unitCode",
                    "adminUnit.ambiguousName", typed, String.join("; ", labels))), "error.validation");
        }
        List<AdminUnitView> versions = byCode.values().iterator().next();
        return versions.stream().filter(u -> u.isValidOn(on)).findFirst()
                .or(() -> versions.stream().max(Comparator.comparing(u -> u.validFrom() == null ? LocalDate.MIN : u.validFrom())));
    }

    /**
     * The version of a code for the day: in the user's scope and in force, else in scope that year,
     * else in scope at any time (refused later as ended, saying so), else in force, else the latest.
     */
    private Optional<AdminUnitView> byCode(String code, LocalDate on) {
        List<AdminUnitView> versions = history(code);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        DataScope scope = CurrentUser.currentScope();
        return versions.stream().filter(u -> u.isValidOn(on) && scope.covers(u)).findFirst()
                .or(() -> versions.stream().filter(u -> u.existedIn(on.getYear()) && scope.covers(u)).reduce((a, b) -> b))
                .or(() -> versions.stream().filter(scope::covers).reduce((a, b) -> b))
                .or(() -> version(code, on).map(u -> views(List.of(u)).get(0)));
    }

    /**
     * Why a unit cannot take records of a year: it ended before (naming the units that continue it)
     * or had not started yet.
     */
    public FieldProblem notInYear(String field, AdminUnitView unit, int year) {
        if (unit.validTo() != null && unit.validTo().getYear() < year) {
            List<String> successors = unit.successorCodes().stream()
                    .map(c -> findByCode(c, LocalDate.of(year, 12, 31)).map(AdminUnitView::fullName).orElse(c)).distinct().toList();
            return successors.isEmpty()
                    ? FieldProblem.field(field, "adminUnit.endedBefore", unit.fullName(), year, unit.validTo().format(DAY))
                    : FieldProblem.field(field, "adminUnit.endedBeforeSucceeded", unit.fullName(), year,
                    unit.validTo().format(DAY), String.join(", ", successors));
        }
        return FieldProblem.field(field, "adminUnit.notYetIn", unit.fullName(), year,
                unit.validFrom() == null ? "" : unit.validFrom().format(DAY));
    }

    /** "Xã Phi Liêng — Huyện Đam Rông, Tỉnh Lâm Đồng": the label a picker offers and a form sends back. */
    public String label(AdminUnitView unit) {
        return UnitNames.label(lineage(unit.id()));
    }

    /**
     * What a unit picker shows for a value held as a code or an id (a form filled in before, a link
     * with ?unit=674): the unit's label in the year; anything else as it was typed.
     */
    public String display(Object value, Object year) {
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty() || !UnitNames.isCode(text)) {
            return text;
        }
        int y = year != null && year.toString().strip().matches("\\d{4}") ? Integer.parseInt(year.toString().strip())
                : LocalDate.now(clock).getYear();
        try {
            return named(text, LocalDate.of(y, 12, 31)).map(this::label).orElse(text);
        } catch (DomainException e) {
            return text;
        }
    }

    /** A unit the picker offers: the unit and its label. */
    public record Choice(AdminUnitView unit, String label) {
    }

    /**
     * The units whose name contains what was typed (diacritics and type aside) or whose code starts
     * with it, that existed in the year, inside the current user's scope (with the units it
     * continues): exact names first, then provinces, communes, districts and villages in Vietnamese order.
     */
    public List<Choice> suggest(String text, Integer year, int limit) {
        String trimmed = text == null ? "" : text.strip();
        String folded = UnitNames.Typed.of(trimmed).name();
        if (folded.length() < 2 && !UnitNames.isCode(trimmed)) {
            return List.of();
        }
        DataScope scope = CurrentUser.currentScope();
        Specification<AdminUnit> spec = UnitNames.isCode(trimmed)
                ? (root, q, cb) -> cb.like(root.get("code"), trimmed + "%")
                : (root, q, cb) -> cb.like(root.get("searchKey"), "%" + folded + "%");
        if (year != null) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            spec = spec.and((root, q, cb) -> cb.and(
                    cb.or(cb.isNull(root.get("validFrom")), cb.lessThanOrEqualTo(root.get("validFrom"), last)),
                    cb.or(cb.isNull(root.get("validTo")), cb.greaterThanOrEqualTo(root.get("validTo"), first))));
        }
        if (!scope.national()) {
            spec = spec.and((root, q, cb) -> cb.or(cb.equal(root.get("id"), scope.unitId()),
                    cb.like(root.get("path"), scope.prefix()), cb.like(root.get("placedPath"), scope.prefix())));
        }
        List<AdminUnitView> found = new ArrayList<>(views(units.findAll(spec, PageRequest.of(0, 200,
                Sort.by("level", "sortKey", "validFrom"))).getContent()));
        found.sort(Comparator.comparing((AdminUnitView u) -> !UnitNames.namedExactly(u, folded))
                .thenComparing(u -> levelOrder(u.level())));
        return found.stream().limit(limit).map(u -> new Choice(u, label(u))).toList();
    }

    private static int levelOrder(AdminUnitLevel level) {
        return switch (level) {
            case PROVINCE -> 0;
            case COMMUNE -> 1;
            case DISTRICT -> 2;
            case VILLAGE -> 3;
        };
    }

    /** The unit that a code or a name typed by a person means on the day (see {@link #named}). */
    public AdminUnitView getByCode(String code, LocalDate on) {
        return named(code, on).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", code));
    }

    /** Every version of the unit with this code, oldest first. */
    public List<AdminUnitView> history(String code) {
        return structure.answer(held -> held.history(code),
                () -> read("u.code = :code", new MapSqlParameterSource("code", code), "u.valid_from"));
    }

    public List<AdminUnitView> provinces(LocalDate on) {
        return structure.answer(held -> held.provinces(on),
                () -> read("u.level = 'PROVINCE' and " + VALID_ON, new MapSqlParameterSource("on", on)));
    }

    public List<AdminUnitView> children(Long parentId, LocalDate on) {
        return structure.answer(held -> held.children(parentId, on), () -> read("u.parent_id = :parentId and " + VALID_ON,
                new MapSqlParameterSource("on", on).addValue("parentId", parentId)));
    }

    /**
     * The unit and every unit under it, down to the villages, in force on the day (or on the unit's last
     * day when it no longer is): what an officer of the unit works in, read in one query.
     */
    public List<AdminUnitView> subtree(Long unitId, LocalDate on) {
        AdminUnit unit = units.findById(unitId).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", unitId));
        LocalDate day = unit.getValidTo() != null && unit.getValidTo().isBefore(on) ? unit.getValidTo() : on;
        return read(DataScope.subtreeByPath("u", ":unitId", ":prefix") + " and " + VALID_ON, new MapSqlParameterSource("on", day)
                .addValue("unitId", unit.getId()).addValue("prefix", unit.subtreePrefix() + "%"));
    }

    /** The unit and its ancestors, from the province down. */
    public List<AdminUnitView> lineage(Long id) {
        List<Long> ids = structure.answer(
                held -> held.byId(id).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", id)).lineageIds(),
                () -> lineageIds(units.findById(id).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", id))));
        Map<Long, AdminUnitView> byId = byIds(ids);
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The ids of the unit's ancestors and its own, province first (its subtree prefix read as ids). */
    private static List<Long> lineageIds(AdminUnit unit) {
        return AdminUnitView.lineageIds(unit.subtreePrefix());
    }

    /**
     * The lineages (province first, the unit last) of many units at once, in three queries whatever their
     * number: for lists and exports that show where each row lies.
     */
    public Map<Long, List<AdminUnitView>> lineages(Collection<Long> unitIds) {
        Map<Long, List<AdminUnitView>> result = new HashMap<>();
        if (unitIds.isEmpty()) {
            return result;
        }
        Map<Long, List<Long>> paths = structure.answer(
                held -> held.byIds(unitIds).values().stream().collect(Collectors.toMap(AdminUnitView::id, AdminUnitView::lineageIds)),
                () -> units.findAllById(unitIds).stream().collect(Collectors.toMap(AdminUnit::getId, AdminUnits::lineageIds)));
        Set<Long> all = new HashSet<>();
        paths.values().forEach(all::addAll);
        Map<Long, AdminUnitView> byId = byIds(all);
        paths.forEach((id, ids) -> result.put(id, ids.stream().map(byId::get).filter(Objects::nonNull).toList()));
        return result;
    }

    public Page<AdminUnitView> search(Query query, int page, int size) {
        Specification<AdminUnit> spec = (root, q, cb) -> cb.conjunction();
        if (query.level() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("level"), query.level()));
        }
        LocalDate on = query.on();
        if (query.parentCode() != null && !query.parentCode().isBlank()) {
            LocalDate day = on == null ? LocalDate.now(clock) : on;
            Long parentId = version(query.parentCode().strip(), day).map(AdminUnit::getId).orElse(-1L);
            spec = spec.and((root, q, cb) -> cb.equal(root.get("parentId"), parentId));
        }
        if (on != null) {
            spec = spec.and((root, q, cb) -> cb.and(
                    cb.or(cb.isNull(root.get("validFrom")), cb.lessThanOrEqualTo(root.get("validFrom"), on)),
                    cb.or(cb.isNull(root.get("validTo")), cb.greaterThanOrEqualTo(root.get("validTo"), on))));
        }
        String folded = VietnameseText.fold(query.text());
        if (!folded.isEmpty()) {
            spec = spec.and((root, q, cb) -> cb.like(root.get("searchKey"), "%" + folded + "%"));
        }
        var pageRequest = PageRequest.of(Math.max(0, page), size, Sort.by("level", "sortKey", "validFrom"));
        Page<AdminUnit> found = units.findAll(spec, pageRequest);
        return new PageImpl<>(views(found.getContent()), found.getPageable(), found.getTotalElements());
    }

    /** Every version of every province, district and commune (for matching names typed in imported files). */
    public List<AdminUnitView> allAboveVillages() {
        return views(units.findAll().stream().filter(u -> u.getLevel() != AdminUnitLevel.VILLAGE).toList());
    }

    public long countValidOn(AdminUnitLevel level, LocalDate on) {
        return units.countValidOn(level, on);
    }

    /** Names of many units at once (for lists in other modules), keyed by id. */
    public Map<Long, AdminUnitView> byIds(Collection<Long> ids) {
        return structure.answer(held -> held.byIds(ids), () -> {
            Map<Long, AdminUnitView> result = new LinkedHashMap<>();
            for (List<Long> chunk : chunks(List.copyOf(new LinkedHashSet<>(ids)))) {
                read("u.id in (:ids)", new MapSqlParameterSource("ids", chunk)).forEach(v -> result.put(v.id(), v));
            }
            return result;
        });
    }

    /** The ids in lists of at most a thousand, for the {@code in} lists of plain SQL. */
    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static final int CHUNK = 1_000;
    private static final String VALID_ON = "(u.valid_from is null or u.valid_from <= :on) and (u.valid_to is null or u.valid_to >= :on)";

    /**
     * The views of the units a condition on {@code admin_unit u} selects, in the units' order, read with plain SQL:
     * the reports ask for hundreds of units at once, where loading them as entities (and their parents and successors
     * in two more queries) took most of a summary's time. Unsaved changes of this transaction are written first, so the
     * rows read are the entities' state.
     */
    private List<AdminUnitView> read(String condition, MapSqlParameterSource params) {
        return read(condition, params, "u.sort_key, u.id");
    }

    private List<AdminUnitView> read(String condition, MapSqlParameterSource params, String order) {
        flushBeforeSql(entities);
        return readViews(jdbc, condition, params, order);
    }

    /** The views of the units a condition on {@code admin_unit u} selects, in the order given (also read by {@link UnitStructure}). */
    static List<AdminUnitView> readViews(NamedParameterJdbcTemplate jdbc, String condition, MapSqlParameterSource params, String order) {
        // the codes of its successors come with each unit, joined by a character no code has
        return jdbc.query("select u.id, u.code, u.name, u.full_name, u.level, u.type, u.parent_id, p.code as parent_code,"
                + " u.path, u.valid_from, u.valid_to, u.placed_path, (select string_agg(s.code, '" + SEPARATOR + "' order by s.sort_key)"
                + " from admin_unit_successor l join admin_unit s on s.id = l.successor_id where l.predecessor_id = u.id) as successors"
                + " from admin_unit u left join admin_unit p on p.id = u.parent_id"
                + " where " + condition + " order by " + order, params, (rs, n) -> {
                    String successors = rs.getString(13);
                    return new AdminUnitView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            AdminUnitLevel.valueOf(rs.getString(5)), rs.getString(6) == null ? null : AdminUnitType.valueOf(rs.getString(6)),
                            rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                            rs.getObject(11, LocalDate.class), successors == null ? List.of() : List.of(successors.split(SEPARATOR)),
                            rs.getString(12));
                });
    }

    /** The unit separator (U+001F): never in a unit's code. */
    private static final String SEPARATOR = "\u001f";

    /** Writes this transaction's unsaved changes of units and links, so plain SQL read after sees them as the entities do. */
    static void flushBeforeSql(EntityManager entities) {
        if (TransactionSynchronizationManager.isActualTransactionActive() && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                && entities.isJoinedToTransaction()) {
            entities.flush();
        }
    }

    private Optional<AdminUnit> version(String code, LocalDate on) {
        return version(units.findByCodeOrderByValidFromAsc(code), on, AdminUnit::isValidOn, AdminUnit::getValidTo);
    }

    /** Of a code's versions (the first first), the one in force on the day, or else the one that ended last. */
    private static <U> Optional<U> version(List<U> versions, LocalDate on, BiPredicate<U, LocalDate> validOn,
                                           Function<U, LocalDate> validTo) {
        return versions.stream().filter(u -> validOn.test(u, on)).findFirst()
                .or(() -> versions.stream().max(Comparator.comparing((U u) -> validTo.apply(u) == null ? LocalDate.MAX : validTo.apply(u))));
    }

    /** The views of units loaded as entities (by a search's criteria), in their order, read by the same SQL as the others. */
    private List<AdminUnitView> views(List<AdminUnit> list) {
        Map<Long, AdminUnitView> read = byIds(list.stream().map(AdminUnit::getId).toList());
        return list.stream().map(u -> read.get(u.getId())).toList();
    }

    /**
     * Where each unit lies in the structure of a day (today's, for reports "in today's structure"):
     * the unit itself while valid on the day; otherwise its successor valid on the day (see
     * {@link ReformPlacement}). Units that lead nowhere are left out.
     */
    public Map<Long, AdminUnitView> onDay(Collection<Long> ids, LocalDate day) {
        Map<Long, Long> placed = placement.targets(ids, day);
        Map<Long, AdminUnitView> views = byIds(new HashSet<>(placed.values()));
        Map<Long, AdminUnitView> result = new HashMap<>();
        placed.forEach((id, target) -> result.put(id, views.get(target)));
        return result;
    }

    /**
     * The provinces whose records can lie in the unit's subtree today: its province and the provinces
     * that became it (records keep the province of their time).
     */
    public List<Long> provincesReaching(AdminUnitView unit) {
        return placement.provincesReaching(unit.provinceId());
    }

    /** The unit and every unit that became it, directly or through earlier reforms. */
    public Set<Long> withPredecessors(Long id) {
        return placement.withPredecessors(id);
    }

    /**
     * Every unit, of any time, that lies in the unit's subtree in the structure of the day (see
     * {@link #onDay}): the candidates are the units of the unit's province and of every province
     * that became it.
     */
    public Set<Long> placedUnder(AdminUnitView unit, LocalDate day) {
        Set<Long> placed = new HashSet<>();
        onDay(placement.unitsOfProvincesReaching(unit.provinceId()), day).forEach((id, at) -> {
            if (at.id().equals(unit.id()) || at.path().startsWith(unit.subtreePrefix())) {
                placed.add(id);
            }
        });
        return placed;
    }

}
