package vn.dvk.exchange;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Column titles as offices write them are recognised, whatever their case, diacritics and punctuation. */
class InitiativeColumnsTests {

    @Test
    void titlesOfficesUseNameTheirColumns() {
        assertThat(InitiativeColumns.of("Tên mô hình/điển hình")).isEqualTo(InitiativeColumns.NAME);
        assertThat(InitiativeColumns.of("Mô hình, điển hình tiêu biểu")).isEqualTo(InitiativeColumns.NAME);
        assertThat(InitiativeColumns.of("TÊN MÔ HÌNH, ĐIỂN HÌNH")).isEqualTo(InitiativeColumns.NAME);
        assertThat(InitiativeColumns.of("Loại hình")).isEqualTo(InitiativeColumns.KIND);
        assertThat(InitiativeColumns.of("Lĩnh vực hoạt động")).isEqualTo(InitiativeColumns.SECTOR);
        assertThat(InitiativeColumns.of("Địa bàn thực hiện")).isEqualTo(InitiativeColumns.COMMUNE);
        assertThat(InitiativeColumns.of("Ghi chú")).isNull();
    }

    @Test
    void aHeaderOverTwoRowsReadsAsOneTitlePerColumn() {
        // "Tên mô hình" merged down (its value given to both rows), "Lĩnh vực" merged across three columns
        assertThat(ColumnMapping.combine(List.of("TT", "Tên mô hình", "Lĩnh vực", "", "", "Ghi chú"),
                List.of("TT", "Tên mô hình", "KT", "VH-XH", "NTM", "")))
                .containsExactly("TT", "Tên mô hình", "Lĩnh vực|KT", "Lĩnh vực|VH-XH", "Lĩnh vực|NTM", "Ghi chú");
        // a blank sub-title ends the span
        assertThat(ColumnMapping.combine(List.of("Đăng ký", "", ""), List.of("Mới", "", "Duy trì")))
                .containsExactly("Đăng ký|Mới", "", "Duy trì");
    }

    @Test
    void columnsAreNamedByLetterOrNumberAndHeadersBySignature() {
        assertThat(ColumnMapping.letter(0)).isEqualTo("A");
        assertThat(ColumnMapping.letter(27)).isEqualTo("AB");
        assertThat(ColumnMapping.index("ab")).isEqualTo(27);
        assertThat(ColumnMapping.index("3")).isEqualTo(2);
        assertThat(ColumnMapping.index("0")).isNull();
        assertThat(ColumnMapping.index("#")).isNull();
        // the same titles with other case, diacritics or trailing blank columns are the same header; another order is not
        assertThat(ColumnMapping.signature("X", List.of("Tên mô hình", "Nhóm", "")))
                .isEqualTo(ColumnMapping.signature("X", List.of("TÊN MÔ HÌNH", "Nhom")));
        assertThat(ColumnMapping.signature("X", List.of("Tên mô hình", "Nhóm")))
                .isNotEqualTo(ColumnMapping.signature("X", List.of("Nhóm", "Tên mô hình")));
        assertThat(ColumnMapping.marks(" X ")).isTrue();
        assertThat(ColumnMapping.marks("không")).isFalse();
    }

    @Test
    void windows1258TextIsToldFromTcvn3AndLatin1ByWhereItsMarksSit() {
        byte[] cp1258 = ColumnMappingTests.windows1258("Tổ hòa giải thôn Đạ Tế, Kinh tế, Văn hóa - xã hội");
        assertThat(SpreadsheetFiles.windows1258(cp1258)).isTrue();
        byte[] tcvn3 = ColumnMappingTests.tcvn3("Tổ hòa giải thôn Đạ Tế, Kinh tế, Văn hóa - xã hội")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(SpreadsheetFiles.windows1258(tcvn3)).isFalse();
        assertThat(SpreadsheetFiles.windows1258("Café, crème brûlée, Müller".getBytes(Charset.forName("windows-1252"))))
                .isFalse();
    }
}
