package vn.dvk.exchange;

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
    void aHeaderRowInOtherWordsIsFound() {
        var found = InitiativeColumns.locate(List.of("STT", "Mô hình, điển hình tiêu biểu", "Loại hình", "Lĩnh vực hoạt động",
                "Địa bàn thực hiện"));
        assertThat(found).containsEntry(InitiativeColumns.NAME, 1).containsEntry(InitiativeColumns.KIND, 2)
                .containsEntry(InitiativeColumns.SECTOR, 3).containsEntry(InitiativeColumns.COMMUNE, 4);
    }
}
