package vn.dvk.initiative;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvk.DvkIntegrationTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's H2 bulk path drops and rebuilds exactly the indexes the migrations create. */
@DvkIntegrationTest
class SyntheticDataTests {

    @Autowired
    DataSource dataSource;

    @Test
    void theIndexesRebuiltAfterABulkLoadAreThoseOfTheMigrations() throws Exception {
        Set<String> existing = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : new String[] {"initiative", "registration", "initiative_word"}) {
                try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            existing.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        for (String[] index : SyntheticData.BULK_INDEXES) {
            assertThat(existing).as("index %s", index[0]).contains(index[0]);
            assertThat(index[1]).startsWith("create index " + index[0] + " on ");
        }
    }
}
