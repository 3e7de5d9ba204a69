package vn.dvk.initiative;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;

/** Which database the module talks to, for the few statements PostgreSQL and H2 write differently. */
final class DatabaseProduct {

    private DatabaseProduct() {
    }

    static boolean isPostgres(JdbcTemplate jdbc) {
        return name(jdbc).contains("postgres");
    }

    static boolean isH2(JdbcTemplate jdbc) {
        return name(jdbc).contains("h2");
    }

    private static String name(JdbcTemplate jdbc) {
        String name = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
