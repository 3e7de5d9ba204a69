package vn.dvk.initiative;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Numbers new initiatives per province ("DVK-68-00042"), counting on from a counter row per province
 * that stays locked until the writing transaction ends, so two editors or two imports never take the
 * same number, and skipping codes already typed in by hand. The codes of any number of provinces are
 * reserved in a fixed number of statements (lock, check, write back): an import batch spans all 34
 * provinces. Counters are locked in the order of their province ids, so two imports never wait for
 * each other in a circle.
 */
@Component
class CodeNumbering {

    /** How many codes a province needs, and the province's own code that the numbers carry. */
    record Need(String provinceCode, int count) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final boolean postgres;
    /** A short transaction of its own, for the counters an import moves on. */
    private final TransactionTemplate apart;

    CodeNumbering(NamedParameterJdbcTemplate jdbc, EntityManager entityManager, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.postgres = DatabaseProduct.isPostgres(jdbc.getJdbcTemplate());
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next code of one province. */
    String next(Long provinceId, String provinceCode) {
        return reserve(Map.of(provinceId, new Need(provinceCode, 1))).get(provinceId).pop();
    }

    /** Codes for the given provinces, in counting order, each province's deque holding exactly what it needs. */
    Map<Long, Deque<String>> reserve(Map<Long, Need> needs) {
        Map<Long, Deque<String>> codes = new HashMap<>();
        if (needs.isEmpty()) {
            return codes;
        }
        // codes typed by hand in this transaction and not yet written count as taken
        entityManager.flush();
        TreeMap<Long, Integer> counters = locked(needs.keySet());
        Map<Long, Integer> start = new HashMap<>(counters);
        fill(needs, codes, counters);
        List<Map<String, Object>> changed = new ArrayList<>();
        counters.forEach((province, value) -> {
            if (!value.equals(start.get(province))) {
                changed.add(Map.of("province", province, "value", value));
            }
        });
        jdbc.batchUpdate("update initiative_code_counter set last_value = :value where province_id = :province",
                changed.stream().map(MapSqlParameterSource::new)
                        .toArray(SqlParameterSource[]::new));
        return codes;
    }

    /** Takes for each province the numbers it still lacks from its counter on, skipping those taken (the counters move). */
    private void fill(Map<Long, Need> needs, Map<Long, Deque<String>> codes, Map<Long, Integer> counters) {
        needs.forEach((province, need) -> codes.putIfAbsent(province, new ArrayDeque<>()));
        Map<Long, List<String>> candidates = candidates(needs, codes, counters);
        while (!candidates.isEmpty()) {
            Set<String> taken = taken(candidates);
            candidates.forEach((province, list) -> list.stream().filter(c -> !taken.contains(c)).forEach(codes.get(province)::add));
            candidates = candidates(needs, codes, counters);
        }
    }

    /**
     * Codes for an import that writes, without holding the counters until it ends: each time numbers are lacking, the
     * counters move on by that many in a short transaction of their own (so an officer creating an initiative in the
     * same province waits milliseconds, not for a 100,000-row import), and the numbers are checked against what this
     * transaction sees (its own rows typed by hand included). An import that fails afterwards leaves a gap in the
     * numbering, never a code used twice.
     */
    Map<Long, Deque<String>> reserveApart(Map<Long, Need> needs) {
        Map<Long, Deque<String>> codes = new HashMap<>();
        if (needs.isEmpty()) {
            return codes;
        }
        entityManager.flush();
        needs.forEach((province, need) -> codes.put(province, new ArrayDeque<>()));
        Map<Long, Integer> lacking = lacking(needs, codes);
        while (!lacking.isEmpty()) {
            Map<Long, Integer> want = lacking;
            Map<Long, Integer> from = apart.execute(status -> {
                TreeMap<Long, Integer> counters = locked(want.keySet());
                jdbc.batchUpdate("update initiative_code_counter set last_value = :value where province_id = :province",
                        counters.entrySet().stream().map(e -> new MapSqlParameterSource("province", e.getKey())
                                .addValue("value", e.getValue() + want.get(e.getKey()))).toArray(SqlParameterSource[]::new));
                return counters;
            });
            // exactly the numbers just reserved: counted on from where the counters stood
            Map<Long, List<String>> candidates = candidates(needs, codes, new HashMap<>(from));
            Set<String> taken = taken(candidates);
            candidates.forEach((province, list) -> list.stream().filter(c -> !taken.contains(c)).forEach(codes.get(province)::add));
            lacking = lacking(needs, codes);
        }
        return codes;
    }

    /**
     * Codes for an import that is only previewed (and rolled back): counted on from the counters as they are, neither
     * locked nor moved; the counters this transaction has counted on so far are kept with it, so its batches do not
     * count again from the start.
     */
    Map<Long, Deque<String>> provisional(Map<Long, Need> needs) {
        Map<Long, Deque<String>> codes = new HashMap<>();
        if (needs.isEmpty()) {
            return codes;
        }
        entityManager.flush();
        Map<Long, Integer> counters = provisionalCounters();
        Set<Long> unread = new TreeSet<>(needs.keySet());
        unread.removeAll(counters.keySet());
        if (!unread.isEmpty()) {
            unread.forEach(province -> counters.put(province, 0));
            jdbc.query("select province_id, last_value from initiative_code_counter where province_id in (:provinces)",
                    Map.of("provinces", unread), row -> {
                        counters.put(row.getLong(1), row.getInt(2));
                    });
        }
        fill(needs, codes, counters);
        return codes;
    }

    /** The counters a previewing transaction has counted on, bound to it (a fresh map outside a transaction). */
    @SuppressWarnings("unchecked")
    private Map<Long, Integer> provisionalCounters() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<Long, Integer>) bound;
        }
        Map<Long, Integer> counters = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, counters);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CodeNumbering.this);
            }
        });
        return counters;
    }

    private static Map<Long, Integer> lacking(Map<Long, Need> needs, Map<Long, Deque<String>> codes) {
        Map<Long, Integer> lacking = new TreeMap<>();
        needs.forEach((province, need) -> {
            int missing = need.count() - codes.get(province).size();
            if (missing > 0) {
                lacking.put(province, missing);
            }
        });
        return lacking;
    }

    /** The next numbers each province still lacks, counted on (the counters move). */
    private static Map<Long, List<String>> candidates(Map<Long, Need> needs, Map<Long, Deque<String>> codes,
                                                      Map<Long, Integer> counters) {
        Map<Long, List<String>> candidates = new HashMap<>();
        needs.forEach((province, need) -> {
            int missing = need.count() - codes.get(province).size();
            if (missing > 0) {
                List<String> list = new ArrayList<>(missing);
                int value = counters.get(province);
                for (int k = 0; k < missing; k++) {
                    list.add("DVK-%s-%05d".formatted(need.provinceCode(), ++value));
                }
                counters.put(province, value);
                candidates.put(province, list);
            }
        });
        return candidates;
    }

    /**
     * Which candidates are taken: one statement of a fixed text whatever the provinces and numbers (two arrays, the
     * province and the code of each candidate, joined to the unique index on (province, code)), so the database
     * plans it once; a text that grew with the batch's provinces and codes was planned again for every batch (a third
     * of an import's database time on PostgreSQL).
     */
    private Set<String> taken(Map<Long, List<String>> candidates) {
        List<Long> provinces = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        candidates.forEach((province, list) -> list.forEach(code -> {
            provinces.add(province);
            codes.add(code);
        }));
        Set<String> taken = new HashSet<>();
        if (codes.isEmpty()) {
            return taken;
        }
        jdbc.getJdbcTemplate().query(connection -> {
            var statement = connection.prepareStatement("select i.code from unnest(cast(? as bigint array), cast(? as varchar array))"
                    + " as c(province_id, code) join initiative i on i.province_id = c.province_id and i.code = c.code");
            if (postgres) {
                // planned for each batch's arrays: a plan kept from the import's first batches (a small table, an array of
                // unknown length) scanned the whole table for every later batch (10 ms a batch and growing)
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            }
            statement.setArray(1, connection.createArrayOf("bigint", provinces.toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", codes.toArray()));
            return statement;
        }, row -> {
            taken.add(row.getString(1));
        });
        return taken;
    }

    /** The provinces' counters, locked; rows are made first for provinces without one (safely when two make it at once). */
    private TreeMap<Long, Integer> locked(Set<Long> provinces) {
        TreeMap<Long, Integer> counters = lock(provinces);
        if (counters.size() < provinces.size()) {
            for (Long province : new TreeSet<>(provinces)) {
                if (!counters.containsKey(province)) {
                    ensure(province);
                }
            }
            counters = lock(provinces);
        }
        return counters;
    }

    private TreeMap<Long, Integer> lock(Set<Long> provinces) {
        TreeMap<Long, Integer> counters = new TreeMap<>();
        jdbc.query("select province_id, last_value from initiative_code_counter where province_id in (:provinces)"
                + " order by province_id for update", Map.of("provinces", provinces),
                row -> {
                    counters.put(row.getLong(1), row.getInt(2));
                });
        return counters;
    }

    private void ensure(Long province) {
        Map<String, Object> parameters = Map.of("province", province);
        if (postgres) {
            jdbc.update("insert into initiative_code_counter (province_id, last_value) values (:province, 0) on conflict do nothing",
                    parameters);
            return;
        }
        RegistrationTally.retryingDuplicates(() -> jdbc.update("merge into initiative_code_counter c using"
                + " (values (cast(:province as bigint))) s(province_id) on c.province_id = s.province_id"
                + " when not matched then insert (province_id, last_value) values (s.province_id, 0)", parameters));
    }
}
