package vn.dvk.adminunit;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the units of one structure lie in another, across the reforms: each unit follows its successor
 * links (a whole successor before a partial one, then the lowest id, so each unit lands in exactly one
 * place); a unit without successors (a district abolished in 2025) lies where its parent does. The
 * answers are ids; {@link AdminUnits} turns them into views for other modules.
 */
@Component
@Transactional(readOnly = true)
class ReformPlacement {

    private final AdminUnitRepository units;
    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager entities;
    private final UnitStructure structure;

    ReformPlacement(AdminUnitRepository units, NamedParameterJdbcTemplate jdbc, EntityManager entities, UnitStructure structure) {
        this.units = units;
        this.jdbc = jdbc;
        this.entities = entities;
        this.structure = structure;
    }

    /** What placing a unit needs to know of it. */
    record Node(Long id, AdminUnitLevel level, Long parentId, LocalDate validFrom, LocalDate validTo) {
        boolean isValidOn(LocalDate day) {
            return AdminUnit.validOn(validFrom, validTo, day);
        }
    }

    /** A successor link seen from its predecessor. */
    record Link(Long successorId, boolean partial) {
    }

    /**
     * The id of the unit each unit lies in on the day; units that lead nowhere are left out. Read-only work
     * places them in the structure the node holds ({@link UnitStructure}); a transaction that writes reads
     * what placing needs with SQL.
     */
    Map<Long, Long> targets(Collection<Long> ids, LocalDate day) {
        Map<Long, Node> nodes;
        Map<Long, List<Link>> successors;
        Optional<UnitStructure.Snapshot> held = structure.forReading();
        if (held.isPresent()) {
            nodes = held.get().nodes();
            successors = held.get().successors();
        } else {
            nodes = new HashMap<>();
            successors = new HashMap<>();
            prefetch(ids, day, nodes, successors);
        }
        Map<Long, Long> memo = new HashMap<>();
        Map<Long, Long> placed = new HashMap<>();
        for (Long id : ids) {
            Long target = placeOn(id, day, memo, nodes, successors, 0);
            if (target != null) {
                placed.put(id, target);
            }
        }
        return placed;
    }

    /**
     * Reads, with plain SQL and a generation of the walk at a time, every unit and successor link that placing the
     * units can reach: two statements a generation however many units (a summary of an earlier year places
     * hundreds), where loading them as entities one successor at a time took most of its time.
     */
    private void prefetch(Collection<Long> ids, LocalDate day, Map<Long, Node> nodes, Map<Long, List<Link>> successors) {
        AdminUnits.flushBeforeSql(entities);
        Set<Long> frontier = new LinkedHashSet<>(ids);
        for (int depth = 0; depth <= MAX_DEPTH && !frontier.isEmpty(); depth++) {
            List<Long> unread = frontier.stream().filter(id -> id != null && !nodes.containsKey(id)).toList();
            for (List<Long> chunk : AdminUnits.chunks(unread)) {
                jdbc.query("select id, level, parent_id, valid_from, valid_to from admin_unit where id in (:ids)",
                        new MapSqlParameterSource("ids", chunk), rs -> {
                            nodes.put(rs.getLong("id"), new Node(rs.getLong("id"), AdminUnitLevel.valueOf(rs.getString("level")),
                                    rs.getObject("parent_id", Long.class), rs.getObject("valid_from", LocalDate.class),
                                    rs.getObject("valid_to", LocalDate.class)));
                        });
            }
            Set<Long> next = new LinkedHashSet<>();
            List<Long> ended = frontier.stream().map(nodes::get).filter(n -> n != null && !n.isValidOn(day))
                    .map(Node::id).filter(id -> !successors.containsKey(id)).toList();
            ended.forEach(id -> {
                successors.put(id, new ArrayList<>());
                next.add(nodes.get(id).parentId());
            });
            for (List<Long> chunk : AdminUnits.chunks(ended)) {
                jdbc.query("select predecessor_id, successor_id, partial from admin_unit_successor where predecessor_id in (:ids)"
                        + " order by predecessor_id, partial, successor_id", new MapSqlParameterSource("ids", chunk), rs -> {
                            successors.get(rs.getLong(1)).add(new Link(rs.getLong(2), rs.getBoolean(3)));
                            next.add(rs.getLong(2));
                        });
            }
            next.removeIf(id -> id == null || nodes.containsKey(id));
            frontier = next;
        }
    }

    /** How many reforms a unit's placing follows at most. */
    private static final int MAX_DEPTH = 8;

    private Long placeOn(Long id, LocalDate day, Map<Long, Long> memo, Map<Long, Node> nodes,
                         Map<Long, List<Link>> successors, int depth) {
        if (id == null || depth > MAX_DEPTH) {
            return null;
        }
        if (memo.containsKey(id)) {
            return memo.get(id);
        }
        Node unit = nodes.get(id);
        Long target = null;
        if (unit != null) {
            if (unit.isValidOn(day)) {
                target = id;
            } else {
                for (Link successor : successors.getOrDefault(id, List.of())) {
                    Node next = nodes.get(successor.successorId());
                    if (next == null || UnitPlacement.isBelow(next.level(), unit.level())) {
                        continue; // a district's communes went on without it: it lies where its parent does
                    }
                    target = placeOn(next.id(), day, memo, nodes, successors, depth + 1);
                    if (target != null) {
                        break;
                    }
                }
                if (target == null) {
                    target = placeOn(unit.parentId(), day, memo, nodes, successors, depth + 1);
                }
            }
        }
        memo.put(id, target);
        return target;
    }

    /** The province and the provinces that became it (records keep the province of their time), the province first. */
    List<Long> provincesReaching(Long province) {
        return structure.answer(held -> held.withPredecessors(province, MAX_GENERATIONS).stream()
                        .filter(id -> held.nodes().containsKey(id) && held.nodes().get(id).level() == AdminUnitLevel.PROVINCE).toList(),
                () -> reaching(province, " join admin_unit u on u.id = r.id and u.level = 'PROVINCE'"));
    }

    /** The unit and every unit that became it, directly or through earlier reforms, the unit first. */
    Set<Long> withPredecessors(Long id) {
        return new LinkedHashSet<>(structure.answer(held -> held.withPredecessors(id, MAX_GENERATIONS), () -> reaching(id, "")));
    }

    /**
     * The unit and its predecessors of every generation, in one recursive statement (each summary and each
     * search of a province asks for them): a loop of queries through the entities took a quarter of a summary's time.
     */
    private List<Long> reaching(Long id, String join) {
        AdminUnits.flushBeforeSql(entities);
        return jdbc.queryForList("with recursive reach(id, depth) as (select cast(:id as bigint), 0"
                + " union all select l.predecessor_id, r.depth + 1 from admin_unit_successor l join reach r on l.successor_id = r.id"
                + " where r.depth < " + MAX_GENERATIONS + ")"
                + " select r.id from reach r" + join + " group by r.id order by min(r.depth), r.id",
                new MapSqlParameterSource("id", id), Long.class);
    }

    /** Reforms a unit may have gone through (the links of every reform since 1945 are a few generations deep). */
    private static final int MAX_GENERATIONS = 32;

    /** Every unit, of any time, under the province or under a province that became it. */
    List<Long> unitsOfProvincesReaching(Long province) {
        List<Long> candidates = new ArrayList<>();
        Optional<UnitStructure.Snapshot> held = structure.forReading();
        for (Long p : withPredecessors(province)) {
            candidates.addAll(held.isPresent() ? held.get().subtree(p) : units.subtreeIds(p, "/" + p + "/%"));
        }
        return candidates;
    }
}
