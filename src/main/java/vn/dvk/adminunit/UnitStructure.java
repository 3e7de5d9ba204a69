package vn.dvk.adminunit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every unit version and successor link (some 14,000 of each for the whole country since 2016), held in
 * memory by each node for read-only work: a report places hundreds of units of an earlier structure into
 * today's, which read from the database took a dozen statements and half of a province summary's time.
 * <p>
 * The structure changes only when the official lists are imported or a reform is recorded. Every statement
 * that changes {@code admin_unit} or {@code admin_unit_successor} moves the revision in
 * {@code admin_unit_revision} on, in its own transaction (database triggers, migration V39, so no writer can
 * forget it); a read-only transaction reads that one row once and uses the structure held only while it is
 * of the same revision, reading it again otherwise. The revision is read before the units, so a change
 * committed in between leaves a structure labelled older than its content, read again at the next use,
 * never the reverse. A transaction that writes reads the units with SQL (it must see its own changes).
 */
@Component
class UnitStructure {

    private static final Logger LOG = LoggerFactory.getLogger(UnitStructure.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate reading;
    private volatile Snapshot held;

    UnitStructure(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * Reads the units once the start-up work (the demo data, placing the units of earlier structures) is done and
     * before the node reports ready, so that no user's request waits for it (0.2–0.3 s for the whole country).
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void readAtStart() {
        try {
            reading.executeWithoutResult(status -> forReading());
        } catch (RuntimeException e) {
            LOG.warn("Could not read the units at start-up (read at first use instead): {}", e.getMessage());
        }
    }

    /** The revision of the units held, if any were read yet. */
    Optional<Long> heldRevision() {
        Snapshot snapshot = held;
        return snapshot == null ? Optional.empty() : Optional.of(snapshot.revision);
    }

    /** The structure for the current transaction when it is read-only; empty in a transaction that may write. */
    Optional<Snapshot> forReading() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return Optional.empty();
        }
        Snapshot bound = (Snapshot) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return Optional.of(bound);
        }
        Snapshot snapshot = current(revision());
        TransactionSynchronizationManager.bindResource(this, snapshot);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(UnitStructure.this);
            }
        });
        return Optional.of(snapshot);
    }

    /** The answer from the units held when the current transaction is read-only, else from the database. */
    <T> T answer(Function<Snapshot, T> fromHeld, Supplier<T> fromDatabase) {
        Optional<Snapshot> snapshot = forReading();
        return snapshot.isPresent() ? fromHeld.apply(snapshot.get()) : fromDatabase.get();
    }

    private long revision() {
        Long revision = jdbc.getJdbcTemplate().queryForObject("select revision from admin_unit_revision where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }

    /** The structure held when it is of the revision (or a later one, read meanwhile), else read anew. */
    private Snapshot current(long revision) {
        Snapshot snapshot = held;
        if (snapshot != null && snapshot.revision >= revision) {
            return snapshot;
        }
        synchronized (this) {
            snapshot = held;
            if (snapshot == null || snapshot.revision < revision) {
                snapshot = read(revision);
                held = snapshot;
            }
            return snapshot;
        }
    }

    private Snapshot read(long revision) {
        long start = System.nanoTime();
        Map<Long, List<ReformPlacement.Link>> successors = new HashMap<>();
        Map<Long, List<Long>> predecessors = new HashMap<>();
        jdbc.getJdbcTemplate().query("select predecessor_id, successor_id, partial from admin_unit_successor"
                + " order by predecessor_id, partial, successor_id", rs -> {
                    long predecessor = rs.getLong(1);
                    long successor = rs.getLong(2);
                    successors.computeIfAbsent(predecessor, k -> new ArrayList<>()).add(new ReformPlacement.Link(successor, rs.getBoolean(3)));
                    predecessors.computeIfAbsent(successor, k -> new ArrayList<>()).add(predecessor);
                });
        List<AdminUnitView> units = AdminUnits.readViews(jdbc, "1 = 1", new MapSqlParameterSource(), "u.sort_key, u.id");
        Snapshot snapshot = new Snapshot(revision, units, successors, predecessors);
        LOG.info("Units held for reading: {} units, {} successor links, revision {}, read in {} ms", units.size(),
                successors.values().stream().mapToInt(List::size).sum(), revision, (System.nanoTime() - start) / 1_000_000);
        return snapshot;
    }

    /** One revision of the structure; immutable. */
    static final class Snapshot {

        private final long revision;
        private final Map<Long, AdminUnitView> byId = new HashMap<>();
        private final Map<Long, Integer> rank = new HashMap<>();
        private final Map<Long, List<AdminUnitView>> children = new HashMap<>();
        private final List<AdminUnitView> provinces = new ArrayList<>();
        private final Map<String, List<AdminUnitView>> byCode = new HashMap<>();
        private final Map<Long, List<ReformPlacement.Link>> successors;
        private final Map<Long, List<Long>> predecessors;
        private final Map<Long, ReformPlacement.Node> nodes = new HashMap<>();
        private final Map<Long, List<Long>> byProvince = new HashMap<>();

        /** The units in the order of their sort key, as the database lists them. */
        Snapshot(long revision, List<AdminUnitView> units, Map<Long, List<ReformPlacement.Link>> successors,
                 Map<Long, List<Long>> predecessors) {
            this.revision = revision;
            this.successors = successors;
            this.predecessors = predecessors;
            for (AdminUnitView unit : units) {
                rank.put(unit.id(), byId.size());
                byId.put(unit.id(), unit);
                nodes.put(unit.id(), new ReformPlacement.Node(unit.id(), unit.level(), unit.parentId(), unit.validFrom(), unit.validTo()));
                if (unit.parentId() != null) {
                    children.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
                }
                if (unit.level() == AdminUnitLevel.PROVINCE) {
                    provinces.add(unit);
                }
                byCode.computeIfAbsent(unit.code(), k -> new ArrayList<>()).add(unit);
                byProvince.computeIfAbsent(unit.provinceId(), k -> new ArrayList<>()).add(unit.id());
            }
            // as "order by valid_from" lists them: the first version first, one without a start last
            byCode.values().forEach(versions -> versions.sort(Comparator.comparing(AdminUnitView::validFrom,
                    Comparator.nullsLast(Comparator.naturalOrder()))));
        }

        Optional<AdminUnitView> byId(Long id) {
            return Optional.ofNullable(id == null ? null : byId.get(id));
        }

        /** The units with these ids, in the order of their sort key (as the database reads them). */
        Map<Long, AdminUnitView> byIds(Collection<Long> ids) {
            List<AdminUnitView> found = new ArrayList<>();
            for (Long id : new LinkedHashSet<>(ids)) {
                AdminUnitView unit = id == null ? null : byId.get(id);
                if (unit != null) {
                    found.add(unit);
                }
            }
            found.sort(Comparator.comparing(u -> rank.get(u.id())));
            Map<Long, AdminUnitView> result = new LinkedHashMap<>();
            found.forEach(u -> result.put(u.id(), u));
            return result;
        }

        /** Every version of the code, the first one first. */
        List<AdminUnitView> history(String code) {
            return List.copyOf(byCode.getOrDefault(code, List.of()));
        }

        List<AdminUnitView> provinces(LocalDate on) {
            return provinces.stream().filter(u -> u.isValidOn(on)).toList();
        }

        List<AdminUnitView> children(Long parentId, LocalDate on) {
            return children.getOrDefault(parentId, List.of()).stream().filter(u -> u.isValidOn(on)).toList();
        }

        Map<Long, ReformPlacement.Node> nodes() {
            return nodes;
        }

        Map<Long, List<ReformPlacement.Link>> successors() {
            return successors;
        }

        /**
         * The unit and its predecessors of every generation, nearest first (then by id), at most
         * {@code generations} reforms back: what {@link ReformPlacement}'s recursive statement reads.
         */
        List<Long> withPredecessors(Long id, int generations) {
            Map<Long, Integer> depth = new HashMap<>();
            Deque<Long> queue = new ArrayDeque<>();
            depth.put(id, 0);
            queue.add(id);
            while (!queue.isEmpty()) {
                Long at = queue.poll();
                int d = depth.get(at);
                if (d >= generations) {
                    continue;
                }
                for (Long predecessor : predecessors.getOrDefault(at, List.of())) {
                    if (!depth.containsKey(predecessor)) {
                        depth.put(predecessor, d + 1);
                        queue.add(predecessor);
                    }
                }
            }
            return depth.entrySet().stream()
                    .sorted(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
        }

        /** The ids of a province and of every unit under it, of any time (of another unit: its own). */
        List<Long> subtree(Long province) {
            List<Long> ids = byProvince.get(province);
            return ids != null ? ids : byId.containsKey(province) ? List.of(province) : List.of();
        }
    }
}
