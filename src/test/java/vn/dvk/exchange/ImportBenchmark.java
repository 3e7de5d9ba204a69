package vn.dvk.exchange;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.SharedData;
import vn.dvk.adminunit.AdminUnitImporter;
import vn.dvk.adminunit.AdminUnitLevel;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.shared.security.SystemActor;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.springframework.jdbc.core.ConnectionCallback;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports a national 100,000-row workbook (today's communes, from the 2025 conversion table in
 * ../shared): the preview (dry run) and the import, each timed, with the peak heap used. Not part of
 * {@code ./mvnw verify}: run {@code tools/benchmark.sh import} (which gives the JVM 512 MB of heap).
 * Figures go to target/benchmark-results.md.
 */
@Tag("benchmark")
@SpringBootTest(properties = "dvk.demo.enabled=true")
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("dvk.benchmark.rows", 100_000);

    @Autowired
    InitiativeImport importer;
    @Autowired
    AdminUnits units;
    @Autowired
    AdminUnitImporter unitImporter;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNationalWorkbookImports() throws Exception {
        if (units.countValidOn(AdminUnitLevel.COMMUNE, LocalDate.of(2025, 7, 1)) < 3000) {
            try (InputStream in = Files.newInputStream(SharedData.require(SharedData.CONVERSION_TABLE))) {
                SystemActor.run(() -> unitImporter.importList(in, "conversion.csv", null));
            }
        }
        List<Map<String, Object>> communes = jdbc.queryForList("select c.full_name as commune, p.full_name as province from admin_unit c"
                + " join admin_unit p on p.id = c.parent_id where c.level = 'COMMUNE' and c.valid_from = date '2025-07-01'"
                + " and c.valid_to is null and p.level = 'PROVINCE' and not exists (select 1 from admin_unit o where o.parent_id = c.parent_id"
                + " and o.full_name = c.full_name and o.id <> c.id and o.valid_to is null)");
        assertThat(communes).hasSizeGreaterThan(3000);
        String[] sectors = jdbc.queryForList("select name_vi from sector", String.class).toArray(String[]::new);
        String[] themes = {"Tổ an ninh tự quản", "Mô hình trồng rau an toàn", "Hiến đất làm đường", "Dòng họ học tập",
                "Câu lạc bộ dân ca", "Phân loại rác tại nguồn"};
        Random random = new Random(11);
        // names of a run of their own, so a run on a database that already holds an earlier run's rows creates them anew
        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            workbook.setZip64Mode(Zip64Mode.Never);
            Sheet sheet = workbook.createSheet("DS");
            Row header = sheet.createRow(0);
            List<String> headers = InitiativeColumns.headers();
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 1; r <= ROWS; r++) {
                Map<String, Object> commune = communes.get(random.nextInt(communes.size()));
                Row row = sheet.createRow(r);
                row.createCell(InitiativeColumns.NAME.ordinal()).setCellValue(themes[random.nextInt(themes.length)] + " số " + r + " đợt " + run);
                row.createCell(InitiativeColumns.KIND.ordinal()).setCellValue(random.nextInt(10) == 0 ? "Điển hình" : "Mô hình");
                row.createCell(InitiativeColumns.HOLDER.ordinal()).setCellValue("Tập thể");
                row.createCell(InitiativeColumns.SECTOR.ordinal()).setCellValue(sectors[random.nextInt(sectors.length)]);
                row.createCell(InitiativeColumns.PROVINCE.ordinal()).setCellValue((String) commune.get("province"));
                row.createCell(InitiativeColumns.COMMUNE.ordinal()).setCellValue((String) commune.get("commune"));
                row.createCell(InitiativeColumns.YEAR.ordinal()).setCellValue("2025");
                row.createCell(InitiativeColumns.STATUS.ordinal()).setCellValue("Mới");
                row.createCell(InitiativeColumns.DESCRIPTION.ordinal()).setCellValue("Người dân cùng bàn, cùng làm, cùng hưởng lợi.");
            }
            workbook.write(file);
        }
        byte[] content = file.toByteArray();
        // a database in service has its planner statistics (autovacuum gathers them within a minute of a change); a fresh
        // one, just filled with the units above, has none, and PostgreSQL then plans the look-ups of the import's own rows
        // as scans of whole tables
        jdbc.execute("analyze");
        HeapPeak heap = new HeapPeak();
        heap.start();
        long started = System.nanoTime();
        ImportPipeline.Report preview = SystemActor.call(() -> importer.run(content, "quoc-gia.xlsx", null, false, false));
        double previewSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        ImportPipeline.Report done = SystemActor.call(() -> importer.run(content, "quoc-gia.xlsx", null, true, false));
        double importSeconds = (System.nanoTime() - started) / 1e9;
        // on H2 the word postings of the new initiatives follow the import's commit, on a thread of their own
        started = System.nanoTime();
        while (jdbc.queryForObject("select count(*) from initiative_word_pending", Long.class) > 0) {
            Thread.sleep(200);
        }
        double postingsSeconds = (System.nanoTime() - started) / 1e9;
        heap.interrupt();
        assertThat(preview.count(ImportPipeline.Action.REJECTED)).as("rows with problems: %s", preview.problems().stream().limit(5)
                .toList()).isZero();
        assertThat(done.written()).isTrue();

        String result = """

                ### Import of a %,d-row workbook — %s, %s, JVM max heap %d MB

                File: %.1f MB xlsx, today's communes (%d), one registration per row. Preview (dry run, rolled back): %.1f s.
                Import (written): %.1f s, %,d created. Word postings written after the import (H2 only): %.1f s more.
                Peak heap used (all pools, sampled every 50 ms): %d MB.
                """.formatted(ROWS, LocalDateTime.now().withNano(0), jdbc.execute((ConnectionCallback<String>) c ->
                        c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion()),
                Runtime.getRuntime().maxMemory() / 1024 / 1024,
                content.length / 1048576.0, communes.size(), previewSeconds, importSeconds,
                done.count(ImportPipeline.Action.CREATE), postingsSeconds, heap.peak / 1024 / 1024);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-results.md"), result, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.println(result);
    }

    /** Samples the heap in use. */
    private static final class HeapPeak extends Thread {
        volatile long peak;

        HeapPeak() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                    }
                }
                peak = Math.max(peak, used);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
