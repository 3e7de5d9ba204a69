package vn.dvk.adminunit;

import vn.dvk.shared.FieldProblem;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an import of an official unit list did, per level, and to the successor links. */
public record ImportReport(String kind, String format, long rows, Map<AdminUnitLevel, LevelCounts> levels,
                           LinkCounts successorLinks, List<FieldProblem> warnings) {

    public record LevelCounts(int created, int updated, int unchanged, int closed) {
    }

    public record LinkCounts(int created, int unchanged) {
    }

    /** True when the import wrote nothing (a second import of the same file). */
    public boolean changedNothing() {
        return successorLinks.created() == 0 && levels.values().stream()
                .allMatch(c -> c.created() == 0 && c.updated() == 0 && c.closed() == 0);
    }

    /** Counts each unit once as created, updated or unchanged, and each ended version as closed. */
    static final class Tally {
        private final Map<AdminUnitLevel, int[]> counts = new EnumMap<>(AdminUnitLevel.class);
        private final Set<Object> seen = new HashSet<>();
        private final Set<Object> closed = new HashSet<>();
        private int linksCreated;
        private int linksUnchanged;

        void created(AdminUnit unit) {
            count(unit, 0);
        }

        void updated(AdminUnit unit) {
            count(unit, 1);
        }

        void unchanged(AdminUnit unit) {
            count(unit, 2);
        }

        void closed(AdminUnit unit) {
            if (closed.add(unit)) {
                counts.computeIfAbsent(unit.getLevel(), l -> new int[4])[3]++;
            }
        }

        void link(boolean created) {
            if (created) {
                linksCreated++;
            } else {
                linksUnchanged++;
            }
        }

        private void count(AdminUnit unit, int slot) {
            if (seen.add(unit)) {
                counts.computeIfAbsent(unit.getLevel(), l -> new int[4])[slot]++;
            }
        }

        ImportReport report(String kind, String format, long rows, List<FieldProblem> warnings) {
            Map<AdminUnitLevel, LevelCounts> levels = new EnumMap<>(AdminUnitLevel.class);
            counts.forEach((level, c) -> levels.put(level, new LevelCounts(c[0], c[1], c[2], c[3])));
            return new ImportReport(kind, format, rows, levels, new LinkCounts(linksCreated, linksUnchanged), List.copyOf(warnings));
        }
    }
}
