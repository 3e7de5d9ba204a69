package vn.dvk.adminunit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.SharedData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics office's own files, as users have them, give the counts that
 * ../shared/data/README.md documents; importing them again changes nothing.
 */
@DvkIntegrationTest
@WithUserDetails(DvkIntegrationTest.ADMIN)
class OfficialListImportTests {

    static final LocalDate LIST_DAY = LocalDate.of(2025, 1, 4);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    @Autowired
    AdminUnitImporter importer;
    @Autowired
    AdminUnits units;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theOfficialListAndConversionTableBuildBothStructuresWithTheirHistory() throws IOException {
        Path list = SharedData.require(SharedData.GSO_LIST);
        Path table = SharedData.require(SharedData.CONVERSION_TABLE);

        ImportReport first = importFile(list, null);
        assertThat(first.kind()).isEqualTo(GsoUnitList.KIND);
        assertThat(first.rows()).isEqualTo(10_056);
        assertThat(units.countValidOn(AdminUnitLevel.PROVINCE, LIST_DAY)).isEqualTo(63);
        assertThat(units.countValidOn(AdminUnitLevel.DISTRICT, LIST_DAY)).isEqualTo(696);
        assertThat(units.countValidOn(AdminUnitLevel.COMMUNE, LIST_DAY)).isEqualTo(10_051);
        assertThat(importFile(list, null).changedNothing()).isTrue();

        ImportReport reform = importFile(table, null);
        assertThat(reform.kind()).isEqualTo(ConversionTable.KIND);
        assertThat(units.countValidOn(AdminUnitLevel.PROVINCE, REFORM)).isEqualTo(34);
        assertThat(units.countValidOn(AdminUnitLevel.COMMUNE, REFORM)).isEqualTo(3_321);
        assertThat(units.countValidOn(AdminUnitLevel.DISTRICT, REFORM)).isZero();
        assertThat(units.countValidOn(AdminUnitLevel.PROVINCE, REFORM.minusDays(1))).isEqualTo(63);
        assertThat(units.countValidOn(AdminUnitLevel.DISTRICT, REFORM.minusDays(1))).isEqualTo(696);
        assertThat(reform.warnings()).extracting(w -> w.row())
                .contains(426L, 912L, 1260L, 4748L, 7742L, 10460L);

        assertThat(communeLinksIntoReform()).isEqualTo(10_565);
        assertThat(jdbc.queryForObject(OLD_COMMUNES_WITH_SUCCESSORS, Long.class)).isEqualTo(10_033);
        assertThat(jdbc.queryForObject(SPLIT_OLD_COMMUNES, Long.class)).isEqualTo(441);

        assertThat(importFile(table, null).changedNothing()).isTrue();
        assertThat(importFile(list, LIST_DAY).changedNothing()).isTrue();
        assertThat(communeLinksIntoReform()).isEqualTo(10_565);

        ImportReport listAsXlsx = importFile(asXlsx(list), LIST_DAY);
        assertThat(listAsXlsx.format()).isEqualTo("XLSX");
        assertThat(listAsXlsx.rows()).isEqualTo(10_056);
        assertThat(listAsXlsx.changedNothing()).isTrue();
        ImportReport tableAsXlsx = importFile(asXlsx(table), null);
        assertThat(tableAsXlsx.format()).isEqualTo("XLSX");
        assertThat(tableAsXlsx.rows()).isEqualTo(reform.rows());
        assertThat(tableAsXlsx.changedNothing()).isTrue();

        AdminUnitView phiLieng = units.getByCode("24886", LIST_DAY);
        assertThat(phiLieng.fullName()).isEqualTo("Xã Phi Liêng");
        assertThat(phiLieng.validTo()).isEqualTo(REFORM.minusDays(1));
        assertThat(phiLieng.successorCodes()).containsExactly("24886");
        AdminUnitView damRong1 = units.getByCode("24886", REFORM);
        assertThat(damRong1.fullName()).isEqualTo("Xã Đam Rông 1");
        assertThat(damRong1.parentCode()).isEqualTo("68");
        assertThat(units.getByCode("15", REFORM).fullName()).isEqualTo("Tỉnh Lào Cai");
        assertThat(units.getByCode("15", LIST_DAY).fullName()).isEqualTo("Tỉnh Yên Bái");
    }

    private long communeLinksIntoReform() {
        return jdbc.queryForObject(COMMUNE_LINKS_INTO_REFORM, Long.class);
    }

    private static final String COMMUNE_LINKS_INTO_REFORM = """
            select count(*) from admin_unit_successor l
            join admin_unit p on p.id = l.predecessor_id join admin_unit s on s.id = l.successor_id
            where p.level = 'COMMUNE' and s.level = 'COMMUNE' and s.valid_from = date '2025-07-01'""";
    private static final String OLD_COMMUNES_WITH_SUCCESSORS = """
            select count(distinct l.predecessor_id) from admin_unit_successor l
            join admin_unit p on p.id = l.predecessor_id join admin_unit s on s.id = l.successor_id
            where p.level = 'COMMUNE' and s.level = 'COMMUNE' and s.valid_from = date '2025-07-01'""";
    private static final String SPLIT_OLD_COMMUNES = """
            select count(*) from (select l.predecessor_id from admin_unit_successor l
            join admin_unit p on p.id = l.predecessor_id join admin_unit s on s.id = l.successor_id
            where p.level = 'COMMUNE' and s.level = 'COMMUNE' and s.valid_from = date '2025-07-01'
            group by l.predecessor_id having count(*) > 1) split""";

    /** The same file saved as XLSX, as a user who opened it in Excel would send it (codes as text). */
    private static Path asXlsx(Path csv) throws IOException {
        Path xlsx = Files.createTempFile("dvk-units-", ".xlsx");
        try (var reader = Files.newBufferedReader(csv);
             var parser = CSVFormat.DEFAULT.parse(reader);
             var workbook = new SXSSFWorkbook(200);
             var out = Files.newOutputStream(xlsx)) {
            var sheet = workbook.createSheet("Sheet1");
            int r = 0;
            for (var record : parser) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    row.createCell(c).setCellValue(record.get(c));
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
        xlsx.toFile().deleteOnExit();
        return xlsx;
    }

    private ImportReport importFile(Path file, LocalDate day) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importer.importList(in, file.getFileName().toString(), day);
        }
    }
}
