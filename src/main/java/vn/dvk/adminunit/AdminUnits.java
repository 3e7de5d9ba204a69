package vn.dvk.adminunit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.VietnameseText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads administrative units: by code on a date, children, ancestors, subtrees and search. */
@Service
@Transactional(readOnly = true)
public class AdminUnits {

    private final AdminUnitRepository units;
    private final SuccessorLinkRepository links;

    private final Clock clock;

    AdminUnits(AdminUnitRepository units, SuccessorLinkRepository links, Clock clock) {
        this.clock = clock;
        this.units = units;
        this.links = links;
    }

    /** Filter of the unit list; every field is optional. */
    public record Query(AdminUnitLevel level, String parentCode, LocalDate on, String text) {
    }

    public Optional<AdminUnitView> findById(Long id) {
        return units.findById(id).map(u -> views(List.of(u)).get(0));
    }

    /** The version of the unit with this code in force on the day, or else its latest version. */
    public Optional<AdminUnitView> findByCode(String code, LocalDate on) {
        return version(code, on).map(u -> views(List.of(u)).get(0));
    }

    /**
     * The unit a form or an API client means: the one with the id while the code (if any) still names
     * it, so a record of an old unit keeps that unit when edited; otherwise the code's version in
     * force on the day.
     */
    public Optional<AdminUnitView> resolve(Long unitId, String code, LocalDate on) {
        String trimmed = code == null ? "" : code.strip();
        if (unitId != null) {
            Optional<AdminUnitView> byId = findById(unitId).filter(u -> trimmed.isEmpty() || u.code().equals(trimmed));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return trimmed.isEmpty() ? Optional.empty() : findByCode(trimmed, on);
    }

    public AdminUnitView getByCode(String code, LocalDate on) {
        return findByCode(code, on).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", code));
    }

    /** Every version of the unit with this code, oldest first. */
    public List<AdminUnitView> history(String code) {
        return views(units.findByCodeOrderByValidFromAsc(code));
    }

    public List<AdminUnitView> provinces(LocalDate on) {
        return views(units.findProvincesValidOn(on));
    }

    public List<AdminUnitView> children(Long parentId, LocalDate on) {
        return views(units.findChildrenValidOn(parentId, on));
    }

    /** The unit and its ancestors, from the province down. */
    public List<AdminUnitView> lineage(Long id) {
        AdminUnit unit = units.findById(id).orElseThrow(() -> DomainException.notFound("adminUnit.notFound", id));
        List<Long> ids = new ArrayList<>();
        for (String part : unit.subtreePrefix().split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.valueOf(part));
            }
        }
        Map<Long, AdminUnit> byId = new HashMap<>();
        units.findAllById(ids).forEach(u -> byId.put(u.getId(), u));
        return views(ids.stream().map(byId::get).toList());
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
        Map<Long, AdminUnitView> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        views(units.findAllById(ids)).forEach(v -> result.put(v.id(), v));
        return result;
    }

    private Optional<AdminUnit> version(String code, LocalDate on) {
        List<AdminUnit> versions = units.findByCodeOrderByValidFromAsc(code);
        return versions.stream().filter(u -> u.isValidOn(on)).findFirst()
                .or(() -> versions.stream().max(Comparator.comparing(
                        (AdminUnit u) -> u.getValidTo() == null ? LocalDate.MAX : u.getValidTo())));
    }

    private List<AdminUnitView> views(List<AdminUnit> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(AdminUnit::getId).toList();
        Map<Long, List<String>> successors = new HashMap<>();
        for (Object[] row : links.successorCodes(ids)) {
            successors.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        List<Long> parentIds = list.stream().map(AdminUnit::getParentId).filter(p -> p != null).distinct().toList();
        Map<Long, String> parentCodes = new HashMap<>();
        units.findAllById(parentIds).forEach(p -> parentCodes.put(p.getId(), p.getCode()));
        return list.stream().map(u -> new AdminUnitView(u.getId(), u.getCode(), u.getName(), u.getFullName(),
                u.getLevel(), u.getType(), u.getParentId(), parentCodes.get(u.getParentId()), u.getPath(),
                u.getValidFrom(), u.getValidTo(), successors.getOrDefault(u.getId(), List.of()))).toList();
    }

    /**
     * Where each unit lies in the structure of a day (today's, for reports "in today's structure"):
     * the unit itself while valid on the day; otherwise its successor valid on the day, following
     * the links (a whole successor before a partial one, then the lowest id, so each unit lands in
     * exactly one place); a unit without successors (a district abolished in 2025) lies where its
     * parent does. Units that lead nowhere are left out.
     */
    public Map<Long, AdminUnitView> onDay(Collection<Long> ids, LocalDate day) {
        Map<Long, Long> memo = new HashMap<>();
        Map<Long, Long> placed = new HashMap<>();
        Map<Long, AdminUnit> loaded = new HashMap<>();
        units.findAllById(ids).forEach(u -> loaded.put(u.getId(), u));
        for (Long id : ids) {
            Long target = placeOn(id, day, memo, loaded, 0);
            if (target != null) {
                placed.put(id, target);
            }
        }
        Map<Long, AdminUnitView> views = byIds(new java.util.HashSet<>(placed.values()));
        Map<Long, AdminUnitView> result = new HashMap<>();
        placed.forEach((id, target) -> result.put(id, views.get(target)));
        return result;
    }

    private Long placeOn(Long id, LocalDate day, Map<Long, Long> memo, Map<Long, AdminUnit> loaded, int depth) {
        if (id == null || depth > 8) {
            return null;
        }
        if (memo.containsKey(id)) {
            return memo.get(id);
        }
        AdminUnit unit = loaded.containsKey(id) ? loaded.get(id) : units.findById(id).orElse(null);
        Long target = null;
        if (unit != null) {
            boolean valid = (unit.getValidFrom() == null || !unit.getValidFrom().isAfter(day))
                    && (unit.getValidTo() == null || !unit.getValidTo().isBefore(day));
            if (valid) {
                target = id;
            } else {
                for (Object[] successor : links.successorsOf(id)) {
                    target = placeOn((Long) successor[0], day, memo, loaded, depth + 1);
                    if (target != null) {
                        break;
                    }
                }
                if (target == null) {
                    target = placeOn(unit.getParentId(), day, memo, loaded, depth + 1);
                }
            }
        }
        memo.put(id, target);
        return target;
    }

    /** The unit and every unit that became it, directly or through earlier reforms. */
    public java.util.Set<Long> withPredecessors(Long id) {
        java.util.Set<Long> all = new java.util.LinkedHashSet<>();
        java.util.Deque<Long> next = new java.util.ArrayDeque<>(List.of(id));
        while (!next.isEmpty() && all.size() < 10_000) {
            Long current = next.pop();
            if (all.add(current)) {
                next.addAll(links.predecessorsOf(current));
            }
        }
        return all;
    }


    /**
     * Every unit, of any time, that lies in the unit's subtree in the structure of the day (see
     * {@link #onDay}): the candidates are the units of the unit's province and of every province
     * that became it.
     */
    public java.util.Set<Long> placedUnder(AdminUnitView unit, LocalDate day) {
        Long province = Long.valueOf(unit.subtreePrefix().split("/")[1]);
        List<Long> candidates = new ArrayList<>();
        for (Long p : withPredecessors(province)) {
            candidates.addAll(units.subtreeIds(p, "/" + p + "/%"));
        }
        java.util.Set<Long> placed = new java.util.HashSet<>();
        onDay(candidates, day).forEach((id, at) -> {
            if (at.id().equals(unit.id()) || at.path().startsWith(unit.subtreePrefix())) {
                placed.add(id);
            }
        });
        return placed;
    }

}
