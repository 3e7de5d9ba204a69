package vn.dvk.adminunit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    private final SuccessorLinkRepository links;

    ReformPlacement(AdminUnitRepository units, SuccessorLinkRepository links) {
        this.units = units;
        this.links = links;
    }

    /** The id of the unit each unit lies in on the day; units that lead nowhere are left out. */
    Map<Long, Long> targets(Collection<Long> ids, LocalDate day) {
        Map<Long, Long> memo = new HashMap<>();
        Map<Long, Long> placed = new HashMap<>();
        Map<Long, AdminUnit> loaded = new HashMap<>();
        units.findAllById(ids).forEach(u -> loaded.put(u.getId(), u));
        // the successors of all the units not valid on the day in one query, not one per unit (a nation's summary
        // of an earlier year places every province of today)
        Map<Long, List<Object[]>> successors = new HashMap<>();
        List<Long> ended = loaded.values().stream().filter(u -> !u.isValidOn(day)).map(AdminUnit::getId).toList();
        ended.forEach(id -> successors.put(id, new ArrayList<>()));
        if (!ended.isEmpty()) {
            links.successorsOfAll(ended).forEach(row -> successors.get((Long) row[0]).add(new Object[] {row[1], row[2]}));
        }
        for (Long id : ids) {
            Long target = placeOn(id, day, memo, loaded, successors, 0);
            if (target != null) {
                placed.put(id, target);
            }
        }
        return placed;
    }

    private Long placeOn(Long id, LocalDate day, Map<Long, Long> memo, Map<Long, AdminUnit> loaded,
                         Map<Long, List<Object[]>> successors, int depth) {
        if (id == null || depth > 8) {
            return null;
        }
        if (memo.containsKey(id)) {
            return memo.get(id);
        }
        AdminUnit unit = loaded.containsKey(id) ? loaded.get(id) : units.findById(id).orElse(null);
        Long target = null;
        if (unit != null) {
            if (unit.isValidOn(day)) {
                target = id;
            } else {
                for (Object[] successor : successors.containsKey(id) ? successors.get(id) : links.successorsOf(id)) {
                    AdminUnit next = units.findById((Long) successor[0]).orElse(null);
                    if (next == null || UnitPlacement.isBelow(next.getLevel(), unit.getLevel())) {
                        continue; // a district's communes went on without it: it lies where its parent does
                    }
                    target = placeOn((Long) successor[0], day, memo, loaded, successors, depth + 1);
                    if (target != null) {
                        break;
                    }
                }
                if (target == null) {
                    target = placeOn(unit.getParentId(), day, memo, loaded, successors, depth + 1);
                }
            }
        }
        memo.put(id, target);
        return target;
    }

    /** The province and the provinces that became it (records keep the province of their time). */
    List<Long> provincesReaching(Long province) {
        List<Long> all = new ArrayList<>(withPredecessors(province));
        Map<Long, AdminUnit> loaded = new HashMap<>();
        units.findAllById(all).forEach(u -> loaded.put(u.getId(), u));
        return all.stream().filter(id -> loaded.containsKey(id) && loaded.get(id).getLevel() == AdminUnitLevel.PROVINCE).toList();
    }

    /** The unit and every unit that became it, directly or through earlier reforms. */
    Set<Long> withPredecessors(Long id) {
        Set<Long> all = new LinkedHashSet<>(List.of(id));
        List<Long> generation = List.of(id);
        // one query per generation of predecessors, not one per unit (each summary asks for its province's)
        while (!generation.isEmpty() && all.size() < 10_000) {
            List<Long> older = new ArrayList<>();
            for (Long predecessor : links.predecessorsOfAll(generation)) {
                if (all.add(predecessor)) {
                    older.add(predecessor);
                }
            }
            generation = older;
        }
        return all;
    }

    /** Every unit, of any time, under the province or under a province that became it. */
    List<Long> unitsOfProvincesReaching(Long province) {
        List<Long> candidates = new ArrayList<>();
        for (Long p : withPredecessors(province)) {
            candidates.addAll(units.subtreeIds(p, "/" + p + "/%"));
        }
        return candidates;
    }
}
