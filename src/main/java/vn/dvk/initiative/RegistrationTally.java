package vn.dvk.initiative;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;

/**
 * The counts behind the reports (registration_tally, V14), changed in the same transaction as each
 * write: +1 for a registration's combination when it appears, -1 when it goes, both when it changes.
 * The same counts without the unit (registration_tally_province, V33) change with them, so the nation's
 * summary adds up a few rows per province instead of every unit's. Never a nightly job, never stale;
 * {@link #rebuild()} recounts everything (after a bulk load).
 */
@Component
class RegistrationTally {

    /** What the reports count a registration by. */
    record Key(Long provinceId, Long unitId, int year, String sector, String status, String kind, String holder,
               boolean featured, String state) {

        /** The registration's own classification (what it was registered, or recognised, with). */
        static Key of(Registration registration) {
            return new Key(registration.getProvinceId(), registration.getUnitId(), registration.getYear(), registration.getSector(),
                    registration.getStatus().name(), registration.getKind().name(), registration.getHolder().name(),
                    registration.isFeatured(), registration.getWorkflowState().name());
        }

        /** The key of the province's count (registration_tally_province), which does not know the unit. */
        Key province() {
            return new Key(provinceId, null, year, sector, status, kind, holder, featured, state);
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    RegistrationTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = DatabaseProduct.isPostgres(jdbc);
    }

    /** Every registration's key, for comparing before and after a change. */
    static List<Key> keys(Initiative initiative) {
        List<Key> keys = new ArrayList<>();
        initiative.getRegistrations().forEach(r -> keys.add(Key.of(r)));
        return keys;
    }

    /**
     * Moves the counts from the keys before a change to the keys after it (pairwise; unchanged pairs cost
     * nothing), one row at a time in the keys' order, so two writers never wait on each other's rows.
     */
    void change(List<Key> before, List<Key> after) {
        Map<Key, Long> deltas = new TreeMap<>(ORDER);
        for (int k = 0; k < Math.max(before.size(), after.size()); k++) {
            Key old = k < before.size() ? before.get(k) : null;
            Key now = k < after.size() ? after.get(k) : null;
            if (!Objects.equals(old, now)) {
                if (old != null) {
                    deltas.merge(old, -1L, Long::sum);
                }
                if (now != null) {
                    deltas.merge(now, 1L, Long::sum);
                }
            }
        }
        deltas.values().removeIf(delta -> delta == 0);
        addAll(deltas);
    }

    /** The fields after the place and the year, in both tables' key order. */
    private static final Comparator<Key> WHAT = Comparator.comparing(Key::sector, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Key::status, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Key::kind, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Key::holder, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Key::featured)
            .thenComparing(Key::state, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    /** A fixed order of keys (writers lock tally rows in the same order), compared field by field, not through strings. */
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::provinceId,
                    Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(Key::unitId, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparingInt(Key::year)
            .thenComparing(WHAT);

    /** The order of the province's counts, in their primary key's order (the unit is not part of them). */
    private static final Comparator<Key> PROVINCE_ORDER = Comparator.comparingInt(Key::year)
            .thenComparing(Key::provinceId, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(WHAT);

    private static final String UPSERT_POSTGRES = "insert into registration_tally (province_id, reg_year, unit_id, sector, status,"
            + " kind, holder, featured, workflow_state, n) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict on constraint"
            + " pk_registration_tally do update set n = registration_tally.n + excluded.n";
    private static final String UPSERT_H2 = "merge into registration_tally t using (values (cast(? as bigint), cast(? as integer),"
            + " cast(? as bigint), cast(? as varchar(40)), cast(? as varchar(12)), cast(? as varchar(12)), cast(? as varchar(12)),"
            + " cast(? as boolean), cast(? as varchar(20)), cast(? as bigint)))"
            + " s(province_id, reg_year, unit_id, sector, status, kind, holder, featured, workflow_state, n)"
            + " on t.province_id = s.province_id and t.reg_year = s.reg_year and t.unit_id = s.unit_id"
            + " and t.sector = s.sector and t.status = s.status and t.kind = s.kind and t.holder = s.holder"
            + " and t.featured = s.featured and t.workflow_state = s.workflow_state"
            + " when matched then update set n = t.n + s.n"
            + " when not matched then insert (province_id, reg_year, unit_id, sector, status, kind, holder, featured,"
            + " workflow_state, n) values (s.province_id, s.reg_year, s.unit_id, s.sector, s.status, s.kind, s.holder,"
            + " s.featured, s.workflow_state, s.n)";

    private static final String PROVINCE_UPSERT_POSTGRES = "insert into registration_tally_province (reg_year, province_id,"
            + " sector, status, kind, holder, featured, workflow_state, n) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict on"
            + " constraint pk_registration_tally_province do update set n = registration_tally_province.n + excluded.n";
    private static final String PROVINCE_UPSERT_H2 = "merge into registration_tally_province t using (values (cast(? as integer),"
            + " cast(? as bigint), cast(? as varchar(40)), cast(? as varchar(12)), cast(? as varchar(12)), cast(? as varchar(12)),"
            + " cast(? as boolean), cast(? as varchar(20)), cast(? as bigint)))"
            + " s(reg_year, province_id, sector, status, kind, holder, featured, workflow_state, n)"
            + " on t.reg_year = s.reg_year and t.province_id = s.province_id"
            + " and t.sector = s.sector and t.status = s.status and t.kind = s.kind and t.holder = s.holder"
            + " and t.featured = s.featured and t.workflow_state = s.workflow_state"
            + " when matched then update set n = t.n + s.n"
            + " when not matched then insert (reg_year, province_id, sector, status, kind, holder, featured, workflow_state, n)"
            + " values (s.reg_year, s.province_id, s.sector, s.status, s.kind, s.holder, s.featured, s.workflow_state, s.n)";

    private static Object[] provinceValues(Key key, long delta) {
        return new Object[] {key.year(), key.provinceId(), key.sector(), key.status(), key.kind(), key.holder(), key.featured(),
                key.state(), delta};
    }

    private static Object[] values(Key key, long delta) {
        return new Object[] {key.provinceId(), key.year(), key.unitId(), key.sector(), key.status(), key.kind(), key.holder(),
                key.featured(), key.state(), delta};
    }

    /**
     * Adds to a combination's count, making its row when it has none. PostgreSQL's upsert is safe when two
     * transactions make the same row at once; H2's MERGE is not (the second insert fails on the key), so it
     * is tried again, and then finds the row the other one committed.
     */
    void add(Key key, long delta) {
        addAll(Map.of(key, delta));
    }

    /**
     * Many changes at once (an import): the units' counts in their order, then the provinces' in theirs, so
     * every writer takes the rows of both tables in one order; in one JDBC batch each on PostgreSQL, row by
     * row on H2.
     */
    void addAll(Map<Key, Long> deltas) {
        Map<Key, Long> ordered = new TreeMap<>(ORDER);
        ordered.putAll(deltas);
        Map<Key, Long> provinces = new TreeMap<>(PROVINCE_ORDER);
        deltas.forEach((key, delta) -> provinces.merge(key.province(), delta, Long::sum));
        provinces.values().removeIf(delta -> delta == 0);
        upsert(UPSERT_POSTGRES, UPSERT_H2, ordered.entrySet().stream().map(e -> values(e.getKey(), e.getValue())).toList());
        upsert(PROVINCE_UPSERT_POSTGRES, PROVINCE_UPSERT_H2,
                provinces.entrySet().stream().map(e -> provinceValues(e.getKey(), e.getValue())).toList());
    }

    /** Rows of one table, in the order given: one statement, or one JDBC batch, on PostgreSQL; row by row on H2. */
    private void upsert(String postgresSql, String h2Sql, List<Object[]> rows) {
        if (!postgres) {
            rows.forEach(row -> retryingDuplicates(() -> jdbc.update(h2Sql, row)));
        } else if (rows.size() == 1) {
            jdbc.update(postgresSql, rows.get(0));
        } else if (!rows.isEmpty()) {
            jdbc.batchUpdate(postgresSql, rows);
        }
    }

    static final int ATTEMPTS = 5;

    /** Runs an H2 MERGE again when a concurrent insert of the same key won (H2 keeps the transaction usable). */
    static void retryingDuplicates(Runnable merge) {
        for (int attempt = 1; ; attempt++) {
            try {
                merge.run();
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Recounts everything from the registrations (after a bulk load that bypassed the registry). */
    void rebuild() {
        jdbc.update("delete from registration_tally");
        jdbc.update("delete from registration_tally_province");
        jdbc.update("insert into registration_tally (province_id, unit_id, reg_year, sector, status, kind, holder, featured,"
                + " workflow_state, n) select r.province_id, r.unit_id, r.reg_year, r.sector, r.status, r.kind, r.holder,"
                + " r.featured, r.workflow_state, count(*) from registration r"
                + " group by r.province_id, r.unit_id, r.reg_year, r.sector, r.status, r.kind, r.holder, r.featured,"
                + " r.workflow_state");
        jdbc.update("insert into registration_tally_province (reg_year, province_id, sector, status, kind, holder, featured,"
                + " workflow_state, n) select reg_year, province_id, sector, status, kind, holder, featured, workflow_state, sum(n)"
                + " from registration_tally group by reg_year, province_id, sector, status, kind, holder, featured, workflow_state");
    }

    /** Rows where the kept counts and a fresh count differ (none, unless something wrote around the registry). */
    long drift() {
        String kept = "select province_id, unit_id, reg_year, sector, status, kind, holder, featured, workflow_state, n"
                + " from registration_tally where n <> 0";
        String fresh = "select r.province_id, r.unit_id, r.reg_year, r.sector, r.status, r.kind, r.holder, r.featured,"
                + " r.workflow_state, count(*) from registration r"
                + " group by r.province_id, r.unit_id, r.reg_year, r.sector, r.status, r.kind, r.holder, r.featured,"
                + " r.workflow_state";
        String provinceKept = "select province_id, reg_year, sector, status, kind, holder, featured, workflow_state, n"
                + " from registration_tally_province where n <> 0";
        String provinceFresh = "select r.province_id, r.reg_year, r.sector, r.status, r.kind, r.holder, r.featured,"
                + " r.workflow_state, count(*) from registration r"
                + " group by r.province_id, r.reg_year, r.sector, r.status, r.kind, r.holder, r.featured, r.workflow_state";
        return differing(kept, fresh) + differing(provinceKept, provinceFresh);
    }

    private long differing(String kept, String fresh) {
        Long onlyKept = jdbc.queryForObject("select count(*) from (" + kept + " except " + fresh + ") d", Long.class);
        Long onlyFresh = jdbc.queryForObject("select count(*) from (" + fresh + " except " + kept + ") d", Long.class);
        return (onlyKept == null ? 0 : onlyKept) + (onlyFresh == null ? 0 : onlyFresh);
    }

}
