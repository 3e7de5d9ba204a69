package vn.dvk.shared;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.tabular.Row;
import vn.dvk.shared.tabular.TabularFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TabularFileTests {

    private static List<Row> read(byte[] bytes) {
        List<Row> rows = new ArrayList<>();
        TabularFile.read(new ByteArrayInputStream(bytes), rows::add);
        return rows;
    }

    @Test
    void csvCellsMayHoldLineBreaksAndTheRowNumberIsTheRecordNumber() {
        String csv = "\uFEFFTên,Mã\n\"Xã Hồng Quang\n\",01615\nXã Mỹ Hưng,01651\n";
        List<Row> rows = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).cell(0)).isEqualTo("Tên");
        assertThat(rows.get(1).cell(0)).isEqualTo("Xã Hồng Quang");
        assertThat(rows.get(2).number()).isEqualTo(3);
        assertThat(rows.get(2).cell(1)).isEqualTo("01651");
        assertThat(rows.get(2).cell(7)).isEmpty();
    }

    @Test
    void semicolonSeparatedCsvFromAVietnameseExcelIsRead() {
        List<Row> rows = read("Mã;Tên\n674;Huyện Đam Rông\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows.get(1).cell(1)).isEqualTo("Huyện Đam Rông");
    }

    @Test
    void xlsxIsReadFromItsContentWhateverItsName() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Danh mục");
            sheet.createRow(0).createCell(0).setCellValue("Mã TP");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("Thành phố Hà Nội");
            workbook.write(out);
            List<Row> rows = new ArrayList<>();
            TabularFile.Format format = TabularFile.read(new ByteArrayInputStream(out.toByteArray()), rows::add);
            assertThat(format).isEqualTo(TabularFile.Format.XLSX);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).number()).isEqualTo(2);
            assertThat(rows.get(1).cell(1)).isEqualTo("Thành phố Hà Nội");
        }
    }

    @Test
    void binaryOrLegacyFilesAreRefusedWithAMessageKey() {
        assertThatThrownBy(() -> read(new byte[] {1, 0, 2, 0, 3}))
                .isInstanceOf(DomainException.class).hasMessage("import.file.notSpreadsheet");
        assertThatThrownBy(() -> read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
                .isInstanceOf(DomainException.class).hasMessage("import.file.legacyOrEncrypted");
        assertThatThrownBy(() -> read(new byte[] {0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9}))
                .isInstanceOf(DomainException.class).hasMessage("import.file.unreadable");
    }

    @Test
    void csvNotInUtf8IsRefused() {
        byte[] latin1 = "Mã,Tên\n01,Hà Nội\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(latin1)).isInstanceOf(DomainException.class).hasMessage("import.file.notUtf8");
    }
}
