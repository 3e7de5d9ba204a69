package vn.dvk.exchange;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;
import vn.dvk.initiative.InitiativeQuery;
import vn.dvk.initiative.InitiativeRegistry;
import vn.dvk.shared.security.SystemActor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.jsoup.Jsoup;
import vn.dvk.ImportedInitiatives;
import vn.dvk.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Import and export through HTTP as the Lâm Đồng officer, with files shaped like the ones communes
 * keep: title rows above the header, legacy fonts, decomposed text, misspelt localities, and hostile
 * files. Every import here is committed for real (no test transaction) and removed afterwards.
 */
@DvkIntegrationTest
class ExchangeTests {

    private static final String MARK = "kiểm thử nhập";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    InitiativeRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    private RequestPostProcessor officer() {
        return Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER);
    }

    @AfterEach
    void removeImported() {
        ImportedInitiatives.remove(registry, "kiem thu nhap");
    }

    private long imported() {
        return jdbc.queryForObject("select count(*) from initiative where search_key like '% kiem thu nhap%'", Long.class);
    }

    /** A commune's own workbook: a title and a blank row above the header, then the rows. */
    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("DS");
            sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023");
            sheet.createRow(1);
            int r = 2;
            for (List<String> cells : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static final List<String> HEADER = List.of("STT", "Tên mô hình, điển hình", "Loại", "Tập thể/Cá nhân", "Lĩnh vực",
            "Tỉnh", "Huyện", "Xã", "Năm đăng ký", "Đăng ký (Mới/Duy trì)", "Tiêu biểu");

    private static List<String> line(String n, String name, String commune) {
        return List.of(n, name, "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "H. Đam Rông", commune, "2023", "Mới", "");
    }

    private String preview(byte[] file, String name) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", name, XLSX, file))
                .with(officer()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String confirm(String id, boolean goodRowsOnly, int expected) throws Exception {
        return mvc.perform(post("/api/v1/imports/initiatives/" + id + "/confirm").param("goodRowsOnly", String.valueOf(goodRowsOnly))
                .with(officer()).with(csrf())).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    private static long number(String json, String path) {
        return ((Number) JsonPath.read(json, path)).longValue();
    }

    @Test
    void theTemplateHasTheHeadersTheListsAndInstructions() throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/imports/initiatives/template.xlsx").with(officer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet data = workbook.getSheet(InitiativeWorkbooks.DATA_SHEET);
            List<String> headers = new ArrayList<>();
            data.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).isEqualTo(InitiativeColumns.headers());
            assertThat(data.getDataValidations()).hasSizeGreaterThanOrEqualTo(4);
            Sheet lists = workbook.getSheet(InitiativeWorkbooks.LISTS_SHEET);
            List<String> sectors = new ArrayList<>();
            for (Row row : lists) {
                if (row.getCell(2) != null) {
                    sectors.add(row.getCell(2).getStringCellValue());
                }
            }
            assertThat(sectors).contains("Kinh tế");
            assertThat(workbook.getSheet(InitiativeWorkbooks.HELP_SHEET).getRow(0).getCell(0).getStringCellValue())
                    .contains("HƯỚNG DẪN");
        }
    }

    @Test
    void theOfficialTemplateFilledInImports() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/imports/initiatives/template.xlsx").with(officer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet(InitiativeWorkbooks.DATA_SHEET);
            Row row = sheet.createRow(1);
            row.createCell(InitiativeColumns.NAME.ordinal()).setCellValue("Mẫu chính thức " + MARK);
            row.createCell(InitiativeColumns.KIND.ordinal()).setCellValue("Mô hình");
            row.createCell(InitiativeColumns.HOLDER.ordinal()).setCellValue("Tập thể");
            row.createCell(InitiativeColumns.SECTOR.ordinal()).setCellValue("Kinh tế");
            row.createCell(InitiativeColumns.PROVINCE.ordinal()).setCellValue("Tỉnh Lâm Đồng");
            row.createCell(InitiativeColumns.DISTRICT.ordinal()).setCellValue("Huyện Đam Rông");
            row.createCell(InitiativeColumns.COMMUNE.ordinal()).setCellValue("Xã Phi Liêng");
            row.createCell(InitiativeColumns.YEAR.ordinal()).setCellValue("2023");
            row.createCell(InitiativeColumns.STATUS.ordinal()).setCellValue("Mới");
            row.createCell(InitiativeColumns.ETHNIC_MINORITY.ordinal()).setCellValue("x");
            workbook.write(filled);
        }
        String preview = preview(filled.toByteArray(), "mau.xlsx");
        assertThat(number(preview, "$.created")).isEqualTo(1);
        assertThat(number(preview, "$.rejected")).isZero();
        confirm(JsonPath.read(preview, "$.id"), false, 200);
        assertThat(jdbc.queryForObject("select ethnic_minority from initiative where name = ?", Boolean.class, "Mẫu chính thức " + MARK))
                .isTrue();
    }

    @Test
    void anImportedInitiativesHistoryShowsTheImportThatWroteItFileWhoAndWhen() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(line("1", "Tổ hòa giải " + MARK + " lịch sử", "xã Phi Liêng"));
        String preview = preview(xlsx(rows), "lich-su-2023.xlsx");
        confirm(JsonPath.read(preview, "$.id"), false, 200);
        Long id = jdbc.queryForObject("select id from initiative where search_key like '% kiem thu nhap lich su%'", Long.class);

        String page = mvc.perform(get("/initiatives/" + id).with(officer())).andReturn().getResponse().getContentAsString();
        String history = Jsoup.parse(page).select("#history-table").text();

        assertThat(history).contains("Nhập từ tệp lich-su-2023.xlsx", DvkIntegrationTest.LAM_DONG_OFFICER, "Nhập dữ liệu");
    }

    @Test
    void aPreviewWritesNothingTheImportWritesAndTheSameFileTwiceChangesNothing() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(line("1", "Tổ tự quản " + MARK + " một", "xã Phi Liêng"));
        rows.add(line("2", "Vườn mẫu " + MARK + " hai", "Ro Men"));          // no diacritics, no "xã"
        rows.add(line("3", "Câu lạc bộ " + MARK + " ba", "X. Phi Lieng"));    // abbreviated
        byte[] file = xlsx(rows);

        String preview = preview(file, "ds-2023.xlsx");
        assertThat(number(preview, "$.created")).isEqualTo(3);
        assertThat(number(preview, "$.rejected")).isZero();
        assertThat((Boolean) JsonPath.read(preview, "$.written")).isFalse();
        assertThat(imported()).as("a preview writes nothing").isZero();

        String done = confirm(JsonPath.read(preview, "$.id"), false, 200);
        assertThat((Boolean) JsonPath.read(done, "$.written")).isTrue();
        assertThat(number(done, "$.created")).isEqualTo(3);
        assertThat(imported()).isEqualTo(3);
        List<Long> units = jdbc.queryForList("select u.code from initiative i join admin_unit u on u.id = i.unit_id"
                + " where i.search_key like '% kiem thu nhap%' order by i.id", Long.class);
        assertThat(units).containsExactly(24886L, 24877L, 24886L);
        assertThat(jdbc.queryForObject("select count(*) from registration r join initiative i on i.id = r.initiative_id"
                + " where i.search_key like '% kiem thu nhap%' and r.reg_year = 2023 and r.status = 'NEW'", Long.class)).isEqualTo(3);
        // H2's search reads the word postings (PostgreSQL's its full-text index): each imported initiative has its words,
        // written just after the import committed
        for (int wait = 0; wait < 100 && jdbc.queryForObject("select count(*) from initiative_word_pending", Long.class) > 0; wait++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject("select count(*) from initiative_word_pending", Long.class)).as("postings pending").isZero();
        boolean postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName().contains("PostgreSQL"));
        for (Map<String, Object> row : jdbc.queryForList("select id, search_key from initiative where search_key like '% kiem thu nhap%'")) {
            List<String> words = jdbc.queryForList("select word from initiative_word where initiative_id = ?", String.class, row.get("id"));
            Set<String> expected = new HashSet<>(List.of(((String) row.get("search_key")).strip().split(" ")));
            assertThat(new HashSet<>(words)).as("words of %s", row.get("search_key")).isEqualTo(postgres ? Set.of() : expected);
            assertThat(words).doesNotHaveDuplicates();
        }

        String again = preview(file, "ds-2023.xlsx");
        assertThat(number(again, "$.created")).isZero();
        assertThat(number(again, "$.unchanged")).isEqualTo(3);
        confirm(JsonPath.read(again, "$.id"), false, 200);
        assertThat(imported()).isEqualTo(3);

        // export → import round-trips: the exported list imports as unchanged
        MvcResult started = mvc.perform(get("/api/v1/initiatives/export.xlsx").param("q", "kiem thu nhap").param("year", "2023")
                .with(officer())).andReturn();
        byte[] exported = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(3);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(InitiativeColumns.COMMUNE.ordinal()).getStringCellValue())
                    .contains("Phi Liêng");
        }
        String roundTrip = preview(exported, "export.xlsx");
        assertThat(number(roundTrip, "$.unchanged")).isEqualTo(3);
        assertThat(number(roundTrip, "$.created") + number(roundTrip, "$.updated") + number(roundTrip, "$.rejected")).isZero();

        // CSV export has the same header and a BOM
        MvcResult csvStarted = mvc.perform(get("/api/v1/initiatives/export.csv").param("q", "kiem thu nhap").with(officer())).andReturn();
        String csv = mvc.perform(asyncDispatch(csvStarted)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF" + InitiativeColumns.CODE.header + ",").contains("Vườn mẫu " + MARK + " hai");
    }

    @Autowired
    Exchange exchange;

    private long exportStatements(String unit, int year, int[] rows) throws Exception {
        return StatementCounter.during(() -> SystemActor.call(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            rows[0] = (int) exchange.export(new InitiativeQuery(unit, null, year, null, null, null, null, null, null, null), true, out, null);
            return out;
        }));
    }

    @Test
    void anExportReadsABoundedNumberOfStatementsWhateverItsNumberOfRows() throws Exception {
        int[] small = {0};
        int[] large = {0};
        long few = exportStatements("24886", 2021, small);
        long many = exportStatements("674", 2021, large);
        assertThat(large[0]).isEqualTo(47);
        assertThat(small[0]).isPositive().isLessThan(large[0]);
        // the same queries for a page of 47 rows as for a page of a few: none per row
        assertThat(many).as("statements for %d rows against %d for %d rows", large[0], few, small[0]).isLessThanOrEqualTo(few + 2)
                .isLessThan(40);
    }

    @Test
    void anExportedNameThatLooksLikeAFormulaStaysTextAndComesBackUnchanged() throws Exception {
        String formula = "=HYPERLINK(\"http://vi.du\",\"Bấm\") " + MARK;
        String minus = "-Tổ tự quản " + MARK;
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(line("1", formula, "Phi Liêng"));
        rows.add(line("2", minus, "Phi Liêng"));
        String preview = preview(xlsx(rows), "cong-thuc.xlsx");
        confirm(JsonPath.read(preview, "$.id"), false, 200);
        assertThat(imported()).isEqualTo(2);

        MvcResult csvStarted = mvc.perform(get("/api/v1/initiatives/export.csv").param("q", "kiem thu nhap").param("year", "2023")
                .with(officer())).andReturn();
        String csv = mvc.perform(asyncDispatch(csvStarted)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // OWASP: a cell that would start a formula is written after an apostrophe
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://vi.du\"\"", "'-Tổ tự quản").doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
        MvcResult xlsxStarted = mvc.perform(get("/api/v1/initiatives/export.xlsx").param("q", "kiem thu nhap").param("year", "2023")
                .with(officer())).andReturn();
        byte[] exported = mvc.perform(asyncDispatch(xlsxStarted)).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            List<Cell> names = new ArrayList<>();
            for (int r = 1; r <= workbook.getSheetAt(0).getLastRowNum(); r++) {
                names.add(workbook.getSheetAt(0).getRow(r).getCell(InitiativeColumns.NAME.ordinal()));
            }
            assertThat(names).extracting(Cell::getStringCellValue).containsExactlyInAnyOrder(formula, minus);
            assertThat(names).allSatisfy(c -> assertThat(c.getCellStyle().getQuotePrefixed()).isTrue());
        }
        // and both come back as they were
        String again = mvc.perform(multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", "xuat.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).with(officer()).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(number(again, "$.unchanged")).isEqualTo(2);
        assertThat(number(again, "$.created") + number(again, "$.updated") + number(again, "$.rejected")).isZero();
        assertThat(number(preview(exported, "xuat.xlsx"), "$.unchanged")).isEqualTo(2);
    }

    @Test
    void problemsAreListedByRowAndColumnAndNothingIsHalfWritten() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(line("1", "Mô hình tốt " + MARK, "Phi Liêng"));
        rows.add(List.of("2", "Lĩnh vực lạ " + MARK, "Mô hình", "Tập thể", "Thể thao", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới", ""));
        rows.add(line("3", "", "Phi Liêng"));
        rows.add(line("4", "Địa bàn lạ " + MARK, "Xã Không Có Thật"));
        byte[] file = xlsx(rows);

        String preview = preview(file, "co-loi.xlsx");
        assertThat(number(preview, "$.created")).isEqualTo(1);
        assertThat(number(preview, "$.rejected")).isEqualTo(3);
        List<Map<String, Object>> errors = JsonPath.read(preview, "$.errors");
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("row")).isEqualTo(5);
            assertThat(e.get("column")).isEqualTo(InitiativeColumns.SECTOR.header);
            assertThat((String) e.get("message")).contains("Thể thao");
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("row")).isEqualTo(6);
            assertThat(e.get("column")).isEqualTo(InitiativeColumns.NAME.header);
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("row")).isEqualTo(7);
            assertThat(e.get("column")).isEqualTo(InitiativeColumns.COMMUNE.header);
            assertThat((String) e.get("message")).contains("Không tìm thấy đơn vị \"Xã Không Có Thật\"");
        });

        // all or nothing: refused with every problem, nothing written
        String refused = confirm(JsonPath.read(preview, "$.id"), false, 422);
        assertThat((Boolean) JsonPath.read(refused, "$.written")).isFalse();
        assertThat(imported()).isZero();

        // the good rows only, and the others back in a workbook with their reasons
        String good = confirm(JsonPath.read(preview, "$.id"), true, 200);
        assertThat((Boolean) JsonPath.read(good, "$.written")).isTrue();
        assertThat(imported()).isEqualTo(1);
        byte[] rejected = mvc.perform(get((String) JsonPath.read(good, "$.rejectedWorkbook")).with(officer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(rejected))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            int reason = sheet.getRow(0).getLastCellNum() - 1;
            assertThat(sheet.getRow(0).getCell(reason).getStringCellValue()).isEqualTo("Lý do");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("5");
            assertThat(sheet.getRow(1).getCell(reason).getStringCellValue()).contains("Lĩnh vực").contains("Thể thao");
        }
    }

    @Test
    void legacyFontsAndDecomposedTextAreConvertedAndShown() throws Exception {
        Charset latin = Charset.forName("windows-1252");
        // TCVN3 typed text saved as CSV from an old machine (windows-1252 bytes)
        String tcvn3 = String.join("\n",
                "\"Tªn m« h×nh, ®iÓn h×nh\",Lo¹i,TËp thÓ/C¸ nh©n,LÜnh vùc,TØnh,HuyÖn,X·,N¨m ®¨ng ký,§¨ng ký",
                "Hîp t¸c x· trång rau " + "kiÓm thö nhËp" + ",M« h×nh,TËp thÓ,Kinh tÕ,L©m §ång,§am R«ng,Phi Liªng,2023,Míi");
        String tcvnPreview = preview(tcvn3.getBytes(latin), "tcvn3.csv");
        assertThat((String) JsonPath.read(tcvnPreview, "$.encoding")).isEqualTo("TCVN3");
        assertThat(number(tcvnPreview, "$.created")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(tcvnPreview, "$.lines[*].name")).containsExactly("Hợp tác xã trồng rau kiểm thử nhập");
        assertThat((List<String>) JsonPath.read(tcvnPreview, "$.conversions[*].to")).contains("Hợp tác xã trồng rau kiểm thử nhập");

        // VNI typed text in an xlsx
        List<List<String>> vni = List.of(HEADER, List.of("1", "Toå hoøa giaûi " + "kieåm thöû nhaäp", "Moâ hình", "Taäp theå",
                "Kinh teá", "Laâm Ñoàng", "Ñam Roâng", "Phi Lieâng", "2023", "Môùi", ""));
        String vniPreview = preview(xlsx(vni), "vni.xlsx");
        assertThat((String) JsonPath.read(vniPreview, "$.encoding")).isEqualTo("VNI");
        assertThat((List<String>) JsonPath.read(vniPreview, "$.lines[*].name")).containsExactly("Tổ hòa giải kiểm thử nhập");

        // decomposed (NFD) Unicode, as some Mac and web tools write it, with stray spaces
        String nfdName = Normalizer.normalize("  Mái ấm   tình thương " + MARK + " ", Normalizer.Form.NFD);
        List<List<String>> nfd = List.of(HEADER, List.of("1", nfdName, "Mô hình", "Tập thể", "Văn hóa - Xã hội", "Lâm Đồng",
                "Đam Rông", Normalizer.normalize("Phi Liêng", Normalizer.Form.NFD), "2023", "Mới", ""));
        String nfdPreview = preview(xlsx(nfd), "nfd.xlsx");
        assertThat(number(nfdPreview, "$.rejected")).isZero();
        String id = JsonPath.read(nfdPreview, "$.id");
        confirm(id, false, 200);
        assertThat(jdbc.queryForObject("select name from initiative where search_key like '% mai am tinh thuong kiem thu nhap%'",
                String.class)).isEqualTo("Mái ấm tình thương " + MARK);
    }

    @Test
    void aNewInitiativeOnSeveralRowsIsCreatedOnceWithEachYearAndTheKeptCountsStayExact() throws Exception {
        List<String> y2022 = new ArrayList<>(line("1", "Nhiều năm " + MARK, "Phi Liêng"));
        y2022.set(8, "2022");
        List<String> y2023 = new ArrayList<>(line("2", "Nhiều năm " + MARK, "Phi Liêng"));
        y2023.set(9, "Duy trì");
        String preview = preview(xlsx(List.of(HEADER, y2022, y2023, line("3", "Một năm " + MARK, "Rô Men"))), "nhieu-nam.xlsx");
        assertThat(number(preview, "$.created")).isEqualTo(2);
        assertThat(number(preview, "$.updated")).isEqualTo(1);
        confirm(JsonPath.read(preview, "$.id"), false, 200);
        assertThat(imported()).isEqualTo(2);
        assertThat(jdbc.queryForList("select r.reg_year || ':' || r.status from registration r join initiative i on i.id = r.initiative_id"
                + " where i.name = ? order by r.reg_year", String.class, "Nhiều năm " + MARK)).containsExactly("2022:NEW", "2023:MAINTAINED");
        assertThat(jdbc.queryForList("select code from initiative where search_key like '% kiem thu nhap%'", String.class))
                .allMatch(code -> code.startsWith("DVK-68-")).doesNotHaveDuplicates();
        // the kept counts equal a fresh count for every year and province the import touched
        for (int year : List.of(2022, 2023)) {
            Long kept = jdbc.queryForObject("select coalesce(sum(n), 0) from registration_tally where reg_year = ?", Long.class, year);
            Long fresh = jdbc.queryForObject("select count(*) from registration where reg_year = ?", Long.class, year);
            assertThat(kept).as("kept counts of %d", year).isEqualTo(fresh);
            Long provinces = jdbc.queryForObject("select coalesce(sum(n), 0) from registration_tally_province where reg_year = ?",
                    Long.class, year);
            assertThat(provinces).as("the provinces' kept counts of %d", year).isEqualTo(fresh);
        }
        // and the search finds them at once
        String found = mvc.perform(get("/api/v1/initiatives").param("q", "nhieu nam kiem thu").with(officer())).andReturn().getResponse()
                .getContentAsString();
        assertThat(number(found, "$.total")).isEqualTo(1);
    }

    @Test
    void anInitiativesLaterYearAfterMoreThanABatchOfRowsIsRegisteredNotLostAndARepeatIsStillADuplicate() throws Exception {
        // new initiatives are written 500 at a time: the later rows of one written earlier must still reach it
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        List<String> first = new ArrayList<>(line("1", "Qua nhiều đợt " + MARK, "Phi Liêng"));
        first.set(8, "2022");
        rows.add(first);
        for (int k = 2; k <= InitiativeImport.BATCH + 2; k++) {
            rows.add(line(String.valueOf(k), "Mô hình số " + k + " " + MARK, k % 2 == 0 ? "Rô Men" : "Phi Liêng"));
        }
        List<String> later = new ArrayList<>(line(String.valueOf(InitiativeImport.BATCH + 3), "Qua nhiều đợt " + MARK, "Phi Liêng"));
        later.set(9, "Duy trì");
        rows.add(later);
        rows.add(new ArrayList<>(later));
        String preview = preview(xlsx(rows), "nhieu-dot.xlsx");
        assertThat(number(preview, "$.created")).isEqualTo(InitiativeImport.BATCH + 2);
        assertThat(number(preview, "$.updated")).isEqualTo(1);
        List<Map<String, Object>> errors = JsonPath.read(preview, "$.errors");
        int repeatRow = rows.size() + 2;
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.get("row")).isEqualTo(repeatRow);
            assertThat((String) e.get("message")).contains("Trùng với dòng " + (repeatRow - 1));
        });
        confirm(JsonPath.read(preview, "$.id"), true, 200);
        assertThat(jdbc.queryForList("select r.reg_year || ':' || r.status from registration r join initiative i on i.id = r.initiative_id"
                + " where i.name = ? order by r.reg_year", String.class, "Qua nhiều đợt " + MARK)).containsExactly("2022:NEW", "2023:MAINTAINED");
        assertThat(imported()).isEqualTo(InitiativeImport.BATCH + 2);
        assertThat(jdbc.queryForList("select code from initiative where search_key like '% kiem thu nhap%'", String.class))
                .hasSize(InitiativeImport.BATCH + 2).allMatch(code -> code.startsWith("DVK-68-")).doesNotHaveDuplicates();
    }

    @Test
    void anOldExcelFileIsReadToo() throws Exception {
        try (Workbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("DS");
            List<List<String>> rows = List.of(HEADER, line("1", "Tệp xls " + MARK, "Phi Liêng"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            String preview = mvc.perform(multipart("/api/v1/imports/initiatives")
                    .file(new MockMultipartFile("file", "cu.xls", "application/vnd.ms-excel", out.toByteArray()))
                    .with(officer()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(number(preview, "$.created")).isEqualTo(1);
            assertThat((List<String>) JsonPath.read(preview, "$.lines[*].name")).containsExactly("Tệp xls " + MARK);
        }
    }

    @Test
    void misspeltLocalitiesAreUnderstoodOrGivenSuggestions() throws Exception {
        List<List<String>> rows = List.of(HEADER,
                line("1", "Sai một chữ " + MARK, "Phi Lieeng"),
                line("2", "Sai nhiều " + MARK, "Phi Xyz"),
                line("3", "Tên xã cũ " + MARK, "Đạ K'Nàng"));
        String preview = preview(xlsx(rows), "dia-ban.xlsx");
        assertThat(number(preview, "$.created")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(preview, "$.conversions[*].to")).contains("Phi Liêng");
        List<Map<String, Object>> errors = JsonPath.read(preview, "$.errors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.get("row")).isEqualTo(5);
            assertThat((String) e.get("message")).contains("Phi Xyz").contains("Có phải");
        });
    }

    private void refused(byte[] file, String name, String message) throws Exception {
        long uploads = jdbc.queryForObject("select count(*) from import_upload", Long.class);
        mvc.perform(multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", name, XLSX, file))
                        .with(officer()).with(csrf()))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(containsString(message)));
        assertThat(jdbc.queryForObject("select count(*) from import_upload", Long.class)).as("not kept").isEqualTo(uploads);
        assertThat(imported()).isZero();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void hostileAndBrokenFilesAreRefusedWithAReason() throws Exception {
        byte[] workbookXml = "<workbook/>".getBytes(StandardCharsets.UTF_8);
        refused(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}, "anh.xlsx", "không phải bảng tính");
        refused(zip(Map.of("word/document.xml", workbookXml)), "van-ban.docx", "không phải bảng tính");
        refused(zip(Map.of("xl/workbook.xml", workbookXml, "xl/vbaProject.bin", new byte[] {1, 2, 3})), "macro.xlsm", "macro");
        refused(zip(Map.of("xl/workbook.xml", workbookXml, "xl/externalLinks/externalLink1.xml", workbookXml)), "lien-ket.xlsx",
                "tham chiếu đến tệp khác");
        refused(zip(Map.of("xl/workbook.xml", workbookXml, "xl/worksheets/sheet1.xml",
                "<worksheet><dimension ref=\"A1:XFD1048576\"/></worksheet>".getBytes(StandardCharsets.UTF_8))), "to.xlsx",
                "quá lớn");
        byte[] zeros = new byte[60 * 1024 * 1024];
        refused(zip(Map.of("xl/workbook.xml", workbookXml, "xl/worksheets/sheet1.xml", zeros)), "bom.xlsx", "giải nén");
        refused(new byte[] {'P', 'K', 3, 4, 1, 2}, "hong.xlsx", "ệp");
        // a password-protected workbook
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("matkhau");
        try (Workbook workbook = new XSSFWorkbook(); OutputStream out = encryptor.getDataStream(fs)) {
            workbook.createSheet("DS").createRow(0).createCell(0).setCellValue("Tên mô hình");
            workbook.write(out);
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        refused(encrypted.toByteArray(), "mat-khau.xlsx", "mật khẩu");
        // a workbook without the template's header
        refused(xlsx(List.of(List.of("Họ tên", "Ngày sinh"), List.of("A", "1990"))), "khac.xlsx", "Không thấy dòng tiêu đề");
    }

    @Test
    void aWorkbookDeclaringADoctypeOrExternalEntitiesIsRefusedBeforeItIsRead() throws Exception {
        byte[] good = xlsx(List.of(HEADER, line("1", "Thực thể " + MARK, "Rô Men")));
        String entity = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
        refused(withPrologue(good, "xl/worksheets/sheet1.xml", entity), "thuc-the.xlsx", "DOCTYPE");
        refused(withPrologue(good, "xl/sharedStrings.xml", entity), "chuoi.xlsx", "DOCTYPE");
    }

    /** The same workbook with one part's XML declaration replaced by {@code prologue}. */
    private static byte[] withPrologue(byte[] xlsx, String part, String prologue) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    String xml = new String(content, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
                    content = (prologue + xml).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Follows a job's page until it is finished (the page the progress bar ends on). */
    private String finishedJobPage(String location) throws Exception {
        for (int i = 0; i < 200; i++) {
            String page = mvc.perform(get(location).with(officer())).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            if (!page.contains("id=\"job-progress\"")) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job not finished: " + location);
    }

    @Test
    void theImportPageRunsAJobWithProgressThenShowsThePreviewAndImportsOnConfirmation() throws Exception {
        mvc.perform(get("/exchange/import").with(officer())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-form\"")));
        byte[] file = xlsx(List.of(HEADER, line("1", "Trang nhập " + MARK, "Phi Liêng"), line("2", "", "Phi Liêng")));
        String location = mvc.perform(multipart("/exchange/import").file(new MockMultipartFile("file", "trang.xlsx", XLSX, file))
                .with(officer()).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/exchange/jobs/");
        String page = finishedJobPage(location);
        assertThat(page).contains("id=\"import-preview\"").contains("id=\"import-problems\"").contains("Thiếu giá trị.")
                .contains("Trang nhập " + MARK);
        String id = page.replaceAll("(?s).*action=\"/exchange/import/([0-9a-f-]{36})/confirm\".*", "$1");
        assertThat(imported()).isZero();
        String confirmed = mvc.perform(post("/exchange/import/" + id + "/confirm").param("goodRowsOnly", "true").with(officer()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String done = finishedJobPage(confirmed);
        assertThat(done).contains("id=\"import-done\"").contains("id=\"rejected-link\"");
        assertThat(imported()).isEqualTo(1);
        // the job left a record in the audit trail: who, file, counts
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_type = 'JOB_IMPORT' and summary like 'trang.xlsx:%'",
                Long.class)).isEqualTo(1);
        // a large export runs as a job too and leaves its file
        String export = mvc.perform(post("/exchange/export").param("format", "xlsx").param("q", "kiem thu nhap").with(officer()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(finishedJobPage(export)).contains("id=\"job-file\"");
        byte[] xlsx = mvc.perform(get(export + "/file").with(officer())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void theApiRunsImportsAsJobsOnRequest() throws Exception {
        byte[] file = xlsx(List.of(HEADER, line("1", "Việc nền " + MARK, "Phi Liêng")));
        String accepted = mvc.perform(multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", "nen.xlsx", XLSX, file))
                .param("async", "true").with(officer()).with(csrf())).andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString();
        String status = JsonPath.read(accepted, "$.status");
        String job = null;
        for (int i = 0; i < 200; i++) {
            job = mvc.perform(get(status).with(officer())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if ("DONE".equals(JsonPath.read(job, "$.state"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat((String) JsonPath.read(job, "$.state")).isEqualTo("DONE");
        assertThat(number(job, "$.percent")).isEqualTo(100);
        assertThat(number(job, "$.report.created")).isEqualTo(1);
        assertThat(imported()).isZero();
        // another user does not see the job
        mvc.perform(get(status).with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER))).andExpect(status().isNotFound());
    }
}
