package vn.dvk.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditEntryTests {

    private static AuditEntry entry(long seq, String summary, String previous) {
        return new AuditEntry(seq, Instant.parse("2026-11-25T10:00:00.123456Z"), "bdv.damrong", "127.0.0.1", "UPDATE",
                "ORGANISATION", "42", 7L, "/1/7/", summary, "{\"name\":{\"before\":\"A\",\"after\":\"B\"}}").seal(seq, previous);
    }

    @Test
    void theHashCoversEveryFieldAndThePreviousHash() {
        String zero = "0".repeat(64);
        AuditEntry first = entry(1, "Huyện ủy Đam Rông", zero);
        assertThat(first.getHash()).hasSize(64).isEqualTo(first.computeHash());
        assertThat(entry(1, "Huyện ủy Đam Rông", zero).getHash()).isEqualTo(first.getHash());
        assertThat(entry(1, "Huyện ủy Đam Rông.", zero).getHash()).isNotEqualTo(first.getHash());
        assertThat(entry(2, "Huyện ủy Đam Rông", zero).getHash()).isNotEqualTo(first.getHash());
        assertThat(entry(1, "Huyện ủy Đam Rông", first.getHash()).getHash()).isNotEqualTo(first.getHash());
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        AuditEntry a = new AuditEntry(1L, Instant.EPOCH, "ab", null, "UPDATE", "c", null, null, null, null, null).seal(1, "0");
        AuditEntry b = new AuditEntry(1L, Instant.EPOCH, "a", null, "UPDATE", "bc", null, null, null, null, null).seal(1, "0");
        assertThat(a.getHash()).isNotEqualTo(b.getHash());
    }

    @Test
    void anEntryIsSealedOnceAndOnlyOnce() {
        AuditEntry sealed = entry(3, "x", "0");
        assertThat(sealed.getChainNo()).isEqualTo(3L);
        assertThatThrownBy(() -> sealed.seal(4, sealed.getHash())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void timesAreKeptToTheMillisecondSoDatabasesOfAnyPrecisionVerify() {
        assertThat(entry(1, "x", "0").getAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123Z"));
    }
}
