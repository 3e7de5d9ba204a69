package vn.dvk.initiative;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes many new initiatives and their registrations with plain JDBC batches, for imports: the
 * entities are built as the registry builds them (so names, keys and flags are the same), their ids
 * taken from the sequences in one query each. A sequence value is the block a pooled generator would
 * take, so ids used here never meet the entity manager's.
 */
@Component
class BulkInserts {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    BulkInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = DatabaseProduct.isPostgres(jdbc);
    }

    private List<Long> ids(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return postgres
                ? jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, count)
                : jdbc.queryForList("select next value for " + sequence + " from system_range(1, ?)", Long.class, count);
    }

    void insert(List<Initiative> initiatives) {
        List<Long> ids = ids("initiative_seq", initiatives.size());
        int registrations = initiatives.stream().mapToInt(i -> i.getRegistrations().size()).sum();
        List<Long> registrationIds = ids("registration_seq", registrations);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> registrationRows = new ArrayList<>();
        int r = 0;
        for (int k = 0; k < initiatives.size(); k++) {
            Initiative i = initiatives.get(k);
            i.assignId(ids.get(k));
            rows.add(new Object[] {i.getId(), i.getCode(), i.getProvinceId(), i.getName(), i.getKind().name(), i.getHolder().name(),
                    i.getSector(), i.getUnitId(), i.getOrganisationId(), i.getResponsibleOfficer(), i.getStartYear(),
                    i.getDescription(), i.getMethod(), i.getResults(), i.isEthnicMinority(), i.isReligious(), i.isFeatured(),
                    i.getSearchKey(), i.getSortKey(), Timestamp.from(i.getCreatedAt())});
            for (Registration registration : i.getRegistrations()) {
                registrationRows.add(new Object[] {registrationIds.get(r++), i.getId(), registration.getYear(),
                        registration.getStatus().name(), registration.getOrganisationId(), registration.getWorkflowState().name(),
                        registration.getProvinceId(), registration.getUnitId(), registration.getSector(), registration.getKind().name(),
                        registration.getHolder().name(), registration.isFeatured(), registration.isEthnicMinority(),
                        registration.isReligious()});
            }
        }
        jdbc.batchUpdate("insert into initiative (id, code, province_id, name, kind, holder, sector, unit_id, organisation_id,"
                + " responsible_officer, start_year, description, method, results, ethnic_minority, religious, featured, search_key,"
                + " sort_key, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", rows);
        jdbc.batchUpdate("insert into registration (id, initiative_id, reg_year, status, organisation_id, workflow_state, province_id,"
                + " unit_id, sector, kind, holder, featured, ethnic_minority, religious, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", registrationRows);
    }
}
