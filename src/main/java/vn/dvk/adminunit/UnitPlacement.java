package vn.dvk.adminunit;

import java.sql.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code admin_unit.placed_path}: where each unit that is no longer in force lies in today's
 * structure. A unit ended by a reform lies in the first successor of its own level or above that
 * leads somewhere (a whole successor before a partial one, then the lowest id); a unit without such a
 * successor (a district abolished in 2025, whose communes went on) lies where its parent lies. Data
 * scopes and today's-structure reports read it, so a commune of today reaches the records of the
 * communes merged into it. Recomputed after every import of units, at start-up and each night.
 */
@Service
public class UnitPlacement {

    private static final Logger LOG = LoggerFactory.getLogger(UnitPlacement.class);
    private static final int MAX_DEPTH = 12;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    UnitPlacement(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    private record Unit(long id, Long parentId, String path, LocalDate validFrom, LocalDate validTo, AdminUnitLevel level) {
        boolean validOn(LocalDate day) {
            return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
        }

        String subtreePrefix() {
            return path + id + "/";
        }
    }

    private record Link(long successor, boolean partial) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE - 10) // before the units are read for the node (UnitStructure)
    @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Ho_Chi_Minh")
    public void refresh() {
        try {
            Integer changed = transaction.execute(status -> recompute());
            if (changed != null && changed > 0) {
                LOG.info("Placed {} units of earlier structures in today's units", changed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not place the units of earlier structures: {}", e.getMessage());
        }
    }

    /** Recomputes every unit's place today; returns how many rows changed. */
    @Transactional
    public int recompute() {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Unit> units = new HashMap<>();
        Map<Long, String> stored = new HashMap<>();
        jdbc.query("select id, parent_id, path, valid_from, valid_to, level, placed_path from admin_unit", rs -> {
            long id = rs.getLong("id");
            Date from = rs.getDate("valid_from");
            Date to = rs.getDate("valid_to");
            units.put(id, new Unit(id, (Long) rs.getObject("parent_id", Long.class), rs.getString("path"),
                    from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(),
                    AdminUnitLevel.valueOf(rs.getString("level"))));
            stored.put(id, rs.getString("placed_path"));
        });
        Map<Long, List<Link>> successors = new HashMap<>();
        jdbc.query("select predecessor_id, successor_id, partial from admin_unit_successor order by partial, successor_id",
                rs -> {
                    successors.computeIfAbsent(rs.getLong("predecessor_id"), k -> new ArrayList<>())
                            .add(new Link(rs.getLong("successor_id"), rs.getBoolean("partial")));
                });
        Placer placer = new Placer(units, successors, today);
        List<Object[]> updates = new ArrayList<>();
        for (Unit unit : units.values()) {
            String place = placer.place(unit.id(), 0);
            String placed = Objects.equals(place, unit.subtreePrefix()) ? null : place;
            if (!Objects.equals(placed, stored.get(unit.id()))) {
                updates.add(new Object[]{placed, unit.id()});
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update admin_unit set placed_path = ? where id = ?", updates);
        }
        return updates.size();
    }

    /** Finds the subtree prefix each unit has in the structure of a day (its own when in force there). */
    private static final class Placer {
        private final Map<Long, Unit> units;
        private final Map<Long, List<Link>> successors;
        private final LocalDate day;
        private final Map<Long, String> memo = new HashMap<>();

        Placer(Map<Long, Unit> units, Map<Long, List<Link>> successors, LocalDate day) {
            this.units = units;
            this.successors = successors;
            this.day = day;
        }

        String place(Long id, int depth) {
            if (id == null || depth > MAX_DEPTH) {
                return null;
            }
            if (memo.containsKey(id)) {
                return memo.get(id);
            }
            Unit unit = units.get(id);
            String place = null;
            if (unit != null) {
                if (unit.validOn(day)) {
                    String parentPlace = unit.parentId() == null ? null : place(unit.parentId(), depth + 1);
                    Unit parent = unit.parentId() == null ? null : units.get(unit.parentId());
                    place = parent == null || Objects.equals(parentPlace, parent.subtreePrefix()) ? unit.subtreePrefix()
                            : parentPlace == null ? null : parentPlace + unit.id() + "/";
                } else {
                    for (Link link : successors.getOrDefault(id, List.of())) {
                        Unit successor = units.get(link.successor());
                        if (successor != null && !isBelow(successor.level(), unit.level())) {
                            place = place(link.successor(), depth + 1);
                            if (place != null) {
                                break;
                            }
                        }
                    }
                    if (place == null) {
                        place = place(unit.parentId(), depth + 1);
                    }
                }
            }
            memo.put(id, place);
            return place;
        }
    }

    /** True when a unit of level {@code a} lies below one of level {@code b} (a commune below a district). */
    static boolean isBelow(AdminUnitLevel a, AdminUnitLevel b) {
        return depth(a) > depth(b);
    }

    private static int depth(AdminUnitLevel level) {
        return switch (level) {
            case PROVINCE -> 0;
            case DISTRICT -> 1;
            case COMMUNE -> 2;
            case VILLAGE -> 3;
        };
    }
}
