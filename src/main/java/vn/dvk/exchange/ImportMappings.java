package vn.dvk.exchange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.security.CurrentUser;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * The column mappings officers chose, remembered per unit (the importing user's scope), kind of file and
 * header: the next file with the same header from the same unit is read the same way without asking.
 */
@Component
class ImportMappings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ImportMappings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The unit whose mappings a user shares: their scope's unit, or the whole country. */
    static String scopeKey(CurrentUser user) {
        return user.scope().national() ? "national" : "unit:" + user.scope().unitId();
    }

    ColumnMapping.Choice find(CurrentUser user, String what, String signature) {
        List<String> found = jdbc.queryForList("select mapping from import_mapping where scope_key = ? and what = ? and signature = ?",
                String.class, scopeKey(user), what, signature);
        return found.isEmpty() ? null : ColumnMapping.parse(found.get(0));
    }

    /** Keeps the columns chosen (not the header row or the values, which belong to one file). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void remember(CurrentUser user, String what, String signature, ColumnMapping.Choice choice) {
        if (signature == null || choice == null || choice.columns().isEmpty()) {
            return;
        }
        String json = ColumnMapping.json(new ColumnMapping.Choice(null, choice.columns(), null));
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update import_mapping set mapping = ?, updated_by = ?, updated_at = ?"
                + " where scope_key = ? and what = ? and signature = ?", json, user.id(), now, scopeKey(user), what, signature);
        if (updated == 0) {
            // two colleagues mapping the same header at the same moment: the second insert fails and the caller lets it be
            jdbc.update("insert into import_mapping (scope_key, what, signature, mapping, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)",
                    scopeKey(user), what, signature, json, user.id(), now);
        }
    }
}
