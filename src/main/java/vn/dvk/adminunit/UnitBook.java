package vn.dvk.adminunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every unit version held in memory for the length of one write (an import, the demo data), so
 * that thousands of rows resolve their units without a query each. Writes go through the
 * repositories and are flushed in batches by the surrounding transaction.
 */
class UnitBook {

    private final AdminUnitRepository units;
    private final SuccessorLinkRepository links;
    private final Map<String, List<AdminUnit>> versions = new HashMap<>();
    private final Map<Long, List<AdminUnit>> children = new HashMap<>();
    private final Set<SuccessorLink.Key> linkKeys = new HashSet<>();

    private UnitBook(AdminUnitRepository units, SuccessorLinkRepository links) {
        this.units = units;
        this.links = links;
    }

    static UnitBook load(AdminUnitRepository units, SuccessorLinkRepository links) {
        UnitBook book = new UnitBook(units, links);
        units.findAll().forEach(book::index);
        links.findAll().forEach(l -> book.linkKeys.add(l.key()));
        return book;
    }

    private void index(AdminUnit unit) {
        versions.computeIfAbsent(key(unit.getLevel(), unit.getCode()), k -> new ArrayList<>()).add(unit);
        if (unit.getParentId() != null) {
            children.computeIfAbsent(unit.getParentId(), k -> new ArrayList<>()).add(unit);
        }
    }

    private static String key(AdminUnitLevel level, String code) {
        return level + ":" + code;
    }

    List<AdminUnit> versionsOf(AdminUnitLevel level, String code) {
        return versions.getOrDefault(key(level, code), List.of());
    }

    Optional<AdminUnit> validOn(AdminUnitLevel level, String code, LocalDate day) {
        return versionsOf(level, code).stream().filter(u -> u.isValidOn(day)).findFirst();
    }

    /** The first day a new version may start on so as not to overlap an earlier one ending before the day. */
    LocalDate freeStartBefore(AdminUnitLevel level, String code, LocalDate day) {
        return versionsOf(level, code).stream()
                .map(AdminUnit::getValidTo)
                .filter(to -> to != null && to.isBefore(day))
                .max(Comparator.naturalOrder()).map(to -> to.plusDays(1)).orElse(null);
    }

    /** The last day a new version may run to so as not to overlap a later one starting after the day. */
    LocalDate freeEndAfter(AdminUnitLevel level, String code, LocalDate day) {
        return versionsOf(level, code).stream()
                .map(AdminUnit::getValidFrom)
                .filter(from -> from != null && from.isAfter(day))
                .min(Comparator.naturalOrder()).map(from -> from.minusDays(1)).orElse(null);
    }

    /** Creates a version; it never outlives its parent. */
    AdminUnit create(AdminUnitType type, String code, String name, AdminUnit parent, LocalDate validFrom, LocalDate validTo) {
        LocalDate end = validTo;
        if (parent != null && parent.getValidTo() != null && (end == null || end.isAfter(parent.getValidTo()))) {
            end = parent.getValidTo();
        }
        AdminUnit unit = units.save(new AdminUnit(code, type, name, parent, validFrom, end));
        index(unit);
        return unit;
    }

    /** Moves a unit under another parent, rewriting the paths of its whole subtree. */
    boolean move(AdminUnit unit, AdminUnit parent) {
        if (unit.hasParent(parent)) {
            return false;
        }
        if (unit.getParentId() != null) {
            children.getOrDefault(unit.getParentId(), new ArrayList<>()).remove(unit);
        }
        String oldPrefix = unit.subtreePrefix();
        unit.placeUnder(parent);
        if (parent != null) {
            children.computeIfAbsent(parent.getId(), k -> new ArrayList<>()).add(unit);
        }
        String newPrefix = unit.subtreePrefix();
        for (AdminUnit descendant : descendants(unit)) {
            descendant.rebase(oldPrefix, newPrefix);
        }
        return true;
    }

    /** Ends the unit and everything under it on the day; answers the versions it actually ended. */
    List<AdminUnit> endSubtree(AdminUnit unit, LocalDate lastDay) {
        List<AdminUnit> ended = new ArrayList<>();
        if (unit.endOn(lastDay)) {
            ended.add(unit);
        }
        for (AdminUnit descendant : descendants(unit)) {
            if (descendant.endOn(lastDay)) {
                ended.add(descendant);
            }
        }
        return ended;
    }

    private List<AdminUnit> descendants(AdminUnit unit) {
        List<AdminUnit> result = new ArrayList<>();
        List<AdminUnit> todo = new ArrayList<>(children.getOrDefault(unit.getId(), List.of()));
        while (!todo.isEmpty()) {
            AdminUnit next = todo.remove(todo.size() - 1);
            result.add(next);
            todo.addAll(children.getOrDefault(next.getId(), List.of()));
        }
        return result;
    }

    List<AdminUnit> childrenOf(AdminUnit unit) {
        return children.getOrDefault(unit.getId(), List.of());
    }

    /** Records that the predecessor went into the successor; false when the link was already known. */
    boolean link(AdminUnit predecessor, AdminUnit successor, boolean partial, String note) {
        SuccessorLink link = new SuccessorLink(predecessor.getId(), successor.getId(), partial, note);
        if (!linkKeys.add(link.key())) {
            return false;
        }
        links.save(link);
        return true;
    }
}
