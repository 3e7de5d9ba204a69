package vn.dvk.initiative;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV that PostgreSQL's COPY reads for imported rows: what a name or a description may hold comes back as typed. */
class BulkInsertsTests {

    @Test
    void textIsAlwaysQuotedSoEmptyTextIsNotNullAndQuotesCommasAndLineBreaksSurvive() {
        String csv = BulkInserts.csv(List.<Object[]>of(
                new Object[] {7L, "Mô hình \"Dân vận khéo\", thôn 3", null, "", true, false,
                        Timestamp.from(Instant.parse("2026-11-30T01:02:03.456Z")), "dòng 1\ndòng 2"},
                new Object[] {8L, "a\\b", 2025}));
        assertThat(csv).isEqualTo("""
                7,"Mô hình ""Dân vận khéo"", thôn 3",,"",t,f,2026-11-30T01:02:03.456Z,"dòng 1
                dòng 2"
                8,"a\\b",2025
                """);
    }
}
