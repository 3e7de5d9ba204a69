package vn.dvk.initiative;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a province's code counter row when it has none, safely when two users make the first code of
 * a province at once: PostgreSQL skips the insert on conflict; H2 merges, and retries when the other
 * insert won the race (its failed statement leaves the transaction usable).
 */
@Component
class CodeCounters {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    CodeCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = DatabaseProduct.isPostgres(jdbc);
    }

    void ensure(Long provinceId) {
        if (postgres) {
            jdbc.update("insert into initiative_code_counter (province_id, last_value) values (?, 0) on conflict do nothing",
                    provinceId);
            return;
        }
        RegistrationTally.retryingDuplicates(() -> jdbc.update("merge into initiative_code_counter c using (values (cast(? as bigint)))"
                + " s(province_id) on c.province_id = s.province_id when not matched then insert (province_id, last_value)"
                + " values (s.province_id, 0)", provinceId));
    }
}
