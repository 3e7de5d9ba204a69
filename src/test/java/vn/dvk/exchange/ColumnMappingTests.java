package vn.dvk.exchange;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.initiative.InitiativeRegistry;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.dvk.ImportedInitiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/**
 * Headers in other words and shapes (issue 16, item 3): titles split over two rows with merged cells,
 * x marks in one column per value, titles DVK does not know (the column-mapping step: guessed from the
 * values, chosen by the officer, remembered for the unit's next file with the same header), values
 * mapped once for a file, sector headings over their rows, and the same layouts in .xls, TCVN3 and a
 * windows-1258 CSV. Imports here are committed and removed afterwards.
 */
@DvkIntegrationTest
class ColumnMappingTests {

    private static final String MARK = "kiểm thử gán cột";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    InitiativeRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeImported() {
        ImportedInitiatives.remove(registry, "kiem thu gan cot");
        // each test starts with nothing remembered
        jdbc.update("delete from import_mapping");
    }

    private static String unique() {
        return MARK + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Text as .VnTime typing stores it: each letter by its TCVN3 code (lower-case toned letters only, as typed). */
    static String tcvn3(String text) {
        Map<String, Character> codes = new HashMap<>();
        for (int i = 0; i < LegacyText.TCVN3_A1_FF.length(); i++) {
            codes.putIfAbsent(String.valueOf(LegacyText.TCVN3_A1_FF.charAt(i)), (char) (0xA1 + i));
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            Character code = c < 0x80 ? Character.valueOf(c) : codes.get(String.valueOf(c));
            if (code == null) {
                throw new IllegalArgumentException("no TCVN3 code for " + c);
            }
            out.append(code.charValue());
        }
        return out.toString();
    }

    /** Text as windows-1258 stores it: letters with their hat, breve or horn, the tone mark as a separate character after them. */
    static byte[] windows1258(String text) {
        StringBuilder out = new StringBuilder();
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String tones = "\u0300\u0301\u0303\u0309\u0323";
        StringBuilder letter = new StringBuilder();
        String tone = "";
        for (char c : decomposed.toCharArray()) {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                if (tones.indexOf(c) >= 0) {
                    tone = String.valueOf(c);
                } else {
                    letter.append(c);
                }
                continue;
            }
            out.append(Normalizer.normalize(letter, Normalizer.Form.NFC)).append(tone);
            letter.setLength(0);
            tone = "";
            letter.append(c);
        }
        out.append(Normalizer.normalize(letter, Normalizer.Form.NFC)).append(tone);
        return out.toString().getBytes(Charset.forName("windows-1258"));
    }

    private String preview(byte[] file, String name, String user, String mapping) throws Exception {
        var request = multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", name, XLSX, file));
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        return mvc.perform(request.with(as(user)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String preview(byte[] file, String user) throws Exception {
        return preview(file, "bieu-dang-ky.xlsx", user, null);
    }

    private String remap(String id, String mapping, String user, int expected) throws Exception {
        return mvc.perform(post("/api/v1/imports/initiatives/" + id + "/mapping").contentType(MediaType.APPLICATION_JSON).content(mapping)
                .with(as(user)).with(csrf())).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    private String confirm(String id, String user) throws Exception {
        return mvc.perform(post("/api/v1/imports/initiatives/" + id + "/confirm").with(as(user)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long number(String json, String path) {
        return ((Number) JsonPath.read(json, path)).longValue();
    }

    /** Kind, holder, sector and status of the imported initiatives, ordered by name. */
    private List<String> classification(String mark) {
        return jdbc.query("select i.kind, i.holder, i.sector, r.status, r.reg_year from initiative i join registration r"
                        + " on r.initiative_id = i.id where i.name like ? order by i.name",
                (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getInt(5),
                "%" + mark);
    }

    private static Map<String, Object> column(String json, String letter) {
        List<Map<String, Object>> columns = JsonPath.read(json, "$.mapping.columns");
        return columns.stream().filter(c -> letter.equals(c.get("column"))).findFirst().orElseThrow();
    }

    /**
     * A district's list with its header over two rows: "Loại hình" merged over "Mô hình | Điển hình", "Đối tượng" over
     * "Tập thể | Cá nhân", "Lĩnh vực" over one column per sector in the offices' short words, "Đăng ký" over
     * "Mới | Duy trì", "Địa bàn" over "Huyện | Xã" — and an x in one column of each group.
     */
    static OfficeSpreadsheetTests.OfficeSheet markedSheet(String mark) {
        OfficeSpreadsheetTests.OfficeSheet sheet = new OfficeSpreadsheetTests.OfficeSheet()
                .row("HUYỆN ỦY ĐAM RÔNG", null, null, null, null, null, null, "ĐẢNG CỘNG SẢN VIỆT NAM").merge("A1:D1")
                .row("BAN DÂN VẬN").merge("A2:D2")
                .row("DANH SÁCH ĐĂNG KÝ MÔ HÌNH, ĐIỂN HÌNH DÂN VẬN KHÉO NĂM 2023").merge("A3:P3")
                .row()
                .row("TT", "Tên mô hình, điển hình", "Loại hình", null, "Đối tượng", null, "Lĩnh vực", null, null, null, null,
                        "Đăng ký", null, "Địa bàn", null, "Ghi chú")
                .merge("A5:A6").merge("B5:B6").merge("C5:D5").merge("E5:F5").merge("G5:K5").merge("L5:M5").merge("N5:O5").merge("P5:P6")
                .row(null, null, "Mô hình", "Điển hình", "Tập thể", "Cá nhân", "KT", "VH-XH", "QP-AN", "XDHTCT", "NTM", "Mới", "Duy trì",
                        "Huyện", "Xã", null)
                .row("1", "A Tổ tự quản " + mark, "x", null, "x", null, "x", null, null, null, null, "x", null, "Đam Rông", "Phi Liêng", null)
                .row("2", "B Gương sáng " + mark, null, "X", null, "x", null, "x", null, null, null, null, "x", "Đam Rông", "Rô Men", null)
                .row("3", "C Chốt dân quân " + mark, "x", null, "x", null, null, null, "x", null, null, "x", null, "Đam Rông", "Phi Liêng",
                        "Thôn 2")
                .row("4", "D Đường hoa " + mark, "x", null, "x", null, null, null, null, null, "x", null, "x", "Đam Rông", "Rô Men", null)
                .row("Tổng cộng", null, "3", "1", "3", "1", "1", "1", "1", "0", "1", "2", "2", null, null, null);
        return OfficeSpreadsheetTests.foot(sheet);
    }

    @Test
    void aHeaderOverTwoRowsWithOneColumnPerValueIsReadFromItsXMarks() throws Exception {
        String mark = unique();
        byte[] file = markedSheet(mark).xlsx();

        String preview = preview(file, DvkIntegrationTest.LAM_DONG_OFFICER);

        assertThat(number(preview, "$.created")).isEqualTo(4);
        assertThat(number(preview, "$.rejected")).isZero();
        assertThat((Boolean) JsonPath.read(preview, "$.mapping.needsMapping")).isFalse();
        assertThat(number(preview, "$.mapping.headerRow")).isEqualTo(6);
        assertThat(column(preview, "G")).containsEntry("field", "SECTOR=Kinh tế").containsEntry("how", "RECOGNISED")
                .containsEntry("header", "Lĩnh vực / KT");
        assertThat(column(preview, "M")).containsEntry("field", "STATUS=Duy trì");
        assertThat(column(preview, "O")).containsEntry("field", "COMMUNE");
        assertThat(column(preview, "P")).containsEntry("how", "IGNORED");
        confirm(JsonPath.read(preview, "$.id"), DvkIntegrationTest.LAM_DONG_OFFICER);
        assertThat(classification(mark)).containsExactly(
                "MODEL COLLECTIVE ECONOMY NEW 2023",
                "EXEMPLAR INDIVIDUAL CULTURE_SOCIETY MAINTAINED 2023",
                "MODEL COLLECTIVE DEFENCE_SECURITY NEW 2023",
                "MODEL COLLECTIVE NEW_RURAL MAINTAINED 2023");

        // the same file again changes nothing
        String again = preview(file, DvkIntegrationTest.LAM_DONG_OFFICER);
        assertThat(number(again, "$.unchanged")).isEqualTo(4);
        assertThat(number(again, "$.created") + number(again, "$.updated") + number(again, "$.rejected")).isZero();
    }

    @Test
    void theSameLayoutAsAnOldXlsWorkbookAndInTcvn3ReadsTheSame() throws Exception {
        String mark = unique();
        String xls = preview(markedSheet(mark).xls(), "bieu-dang-ky.xls", DvkIntegrationTest.LAM_DONG_OFFICER, null);
        assertThat(number(xls, "$.created")).isEqualTo(4);
        assertThat(number(xls, "$.rejected")).isZero();

        // typed in .VnTime: the titles, the x-mark headers and the names all in TCVN3
        OfficeSpreadsheetTests.OfficeSheet tcvn = new OfficeSpreadsheetTests.OfficeSheet()
                .row(tcvn3("Huyện ủy Đam Rông"))
                .row(tcvn3("Danh sách mô hình dân vận khéo năm 2023"))
                .row("TT", tcvn3("Tên mô hình"), tcvn3("Loại hình"), null, tcvn3("Tập thể/Cá nhân"), null, tcvn3("Lĩnh vực"), null,
                        tcvn3("Huyện"), tcvn3("Xã"), tcvn3("Đăng ký"), null)
                .merge("C3:D3").merge("E3:F3").merge("G3:H3").merge("K3:L3")
                .row(null, null, tcvn3("Mô hình"), tcvn3("Điển hình"), tcvn3("Tập thể"), tcvn3("Cá nhân"), tcvn3("Kinh tế"),
                        tcvn3("Văn hóa - xã hội"), null, null, tcvn3("Mới"), tcvn3("Duy trì"))
                .row("1", tcvn3("Tổ hòa giải " + mark), "x", null, "x", null, "x", null, tcvn3("Đam Rông"), tcvn3("Phi Liêng"), "x", null)
                .row("2", tcvn3("Gương sáng " + mark), null, "x", null, "x", null, "x", tcvn3("Đam Rông"), tcvn3("Rô Men"), null, "x");
        String tcvnPreview = preview(tcvn.xlsx(), DvkIntegrationTest.LAM_DONG_OFFICER);
        assertThat((String) JsonPath.read(tcvnPreview, "$.encoding")).isEqualTo("TCVN3");
        assertThat(number(tcvnPreview, "$.rejected")).as(tcvnPreview).isZero();
        assertThat(number(tcvnPreview, "$.created")).isEqualTo(2);
        assertThat((String) JsonPath.read(tcvnPreview, "$.lines[0].name")).startsWith("Tổ hòa giải");
        assertThat((List<String>) JsonPath.read(tcvnPreview, "$.inferred[*].message")).anyMatch(m -> m.startsWith("Năm 2023"));
    }

    @Test
    void aCommuneWrittenOnceInACellMergedDownOverItsRowsIsEachRowsCommune() throws Exception {
        String mark = unique();
        OfficeSpreadsheetTests.OfficeSheet sheet = new OfficeSpreadsheetTests.OfficeSheet()
                .row("BAN DÂN VẬN HUYỆN ỦY ĐAM RÔNG")
                .row("DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023")
                .row("STT", "Xã", "Tên mô hình", "Loại", "Tập thể/Cá nhân", "Lĩnh vực", "Đăng ký (Mới/Duy trì)")
                .row("1", "Phi Liêng", "A Tổ tự quản " + mark, "Mô hình", "Tập thể", "Kinh tế", "Mới")
                .row("2", null, "B Tổ hòa giải " + mark, "Mô hình", "Tập thể", "Kinh tế", "Mới")
                .row("3", null, "C Chi hội nông dân " + mark, "Mô hình", "Tập thể", "Kinh tế", "Mới")
                .row("4", "Rô Men", "D Vườn mẫu " + mark, "Mô hình", "Tập thể", "Kinh tế", "Mới")
                .row("5", null, "E Gương sáng " + mark, "Điển hình", "Cá nhân", "Kinh tế", "Mới")
                .merge("B4:B6").merge("B7:B8");
        for (byte[] file : List.of(sheet.xlsx(), sheet.xls())) {
            String preview = preview(file, DvkIntegrationTest.DAM_RONG_OFFICER);
            assertThat(number(preview, "$.rejected")).as(preview).isZero();
            assertThat(number(preview, "$.created")).isEqualTo(5);
            assertThat((List<String>) JsonPath.read(preview, "$.lines[*].unit")).containsExactly("Xã Phi Liêng", "Xã Phi Liêng",
                    "Xã Phi Liêng", "Xã Rô Men", "Xã Rô Men");
            assertThat((List<?>) JsonPath.read(preview, "$.warnings")).isEmpty();
        }
    }

    @Test
    void theSameLayoutTypedInVniReadsTheSame() throws Exception {
        String mark = "kiem thu gan cot " + UUID.randomUUID().toString().substring(0, 8); // typed in VNI: no Unicode letters
        // typed with a VNI font: the letters with their marks as separate Latin-1 characters
        OfficeSpreadsheetTests.OfficeSheet vni = new OfficeSpreadsheetTests.OfficeSheet()
                .row("Huyeän uûy Ñam Roâng")
                .row("Danh saùch moâ hình daân vaän kheùo naêm 2023")
                .row("TT", "Teân moâ hình", "Loaïi hình", null, "Ñoái töôïng", null, "Lónh vöïc", null, "Huyeän", "Xaõ", "Ñaêng kyù", null)
                .merge("C3:D3").merge("E3:F3").merge("G3:H3").merge("K3:L3")
                .row(null, null, "Moâ hình", "Ñieån hình", "Taäp theå", "Caù nhaân", "Kinh teá", "Vaên hoùa - xaõ hoäi", null, null,
                        "Môùi", "Duy trì")
                .row("1", "Toå hoøa giaûi " + mark, "x", null, "x", null, "x", null, "Ñam Roâng", "Phi Lieâng", "x", null)
                .row("2", "Göông saùng " + mark, null, "x", null, "x", null, "x", "Ñam Roâng", "Roâ Men", null, "x");
        String preview = preview(vni.xlsx(), DvkIntegrationTest.LAM_DONG_OFFICER);
        assertThat((String) JsonPath.read(preview, "$.encoding")).isEqualTo("VNI");
        assertThat(number(preview, "$.rejected")).as(preview).isZero();
        assertThat(number(preview, "$.created")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(preview, "$.lines[*].name")).containsExactly("Tổ hòa giải " + mark, "Gương sáng " + mark);
        assertThat((List<String>) JsonPath.read(preview, "$.mapping.columns[*].header")).contains("Loại hình / Điển hình",
                "Lĩnh vực / Văn hóa - xã hội", "Đăng ký / Mới");
        confirm(JsonPath.read(preview, "$.id"), DvkIntegrationTest.LAM_DONG_OFFICER);
        assertThat(classification(mark)).containsExactly("EXEMPLAR INDIVIDUAL CULTURE_SOCIETY MAINTAINED 2023",
                "MODEL COLLECTIVE ECONOMY NEW 2023");
    }

    @Test
    void aWindows1258CsvSavedByAnOfficeMachineKeepsItsLettersAndColumns() throws Exception {
        String mark = unique();
        OfficeSpreadsheetTests.OfficeSheet sheet = new OfficeSpreadsheetTests.OfficeSheet()
                .row("UBND XÃ PHI LIÊNG")
                .row("DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023")
                .row("STT", "Tên mô hình", "Loại hình", "Đối tượng", "Lĩnh vực hoạt động", "Hình thức đăng ký")
                .row("1", "Tổ hòa giải thôn Đạ Tế " + mark, "Mô hình", "Tập thể", "Văn hóa - xã hội", "Mới")
                .row("2", "Gương sáng người Cơ Ho " + mark, "Điển hình", "Cá nhân", "Kinh tế", "Duy trì")
                .row("Tổng cộng: 2 mô hình");
        byte[] csv = windows1258(new String(sheet.csv(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertThat(SpreadsheetFiles.windows1258(csv)).isTrue();

        String preview = mvc.perform(multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", "ds.csv", "text/csv", csv))
                .with(as(DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(number(preview, "$.rejected")).as(preview).isZero();
        assertThat(number(preview, "$.created")).isEqualTo(2);
        assertThat((String) JsonPath.read(preview, "$.lines[0].name")).isEqualTo("Tổ hòa giải thôn Đạ Tế " + mark);
        assertThat((String) JsonPath.read(preview, "$.lines[0].unit")).contains("Phi Liêng");
        // the letters were composed when read, not listed as conversions row by row
        assertThat(number(preview, "$.conversionCount")).isZero();
    }

    /** A list whose titles DVK does not know: "Mô hình dân vận khéo", "Hình thức", "Phân loại", "Đơn vị chủ trì"… */
    private static OfficeSpreadsheetTests.OfficeSheet unknownTitles(String mark, String thirdSector) {
        return new OfficeSpreadsheetTests.OfficeSheet()
                .row("HUYỆN ỦY ĐAM RÔNG")
                .row("DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023")
                .row("TT", "Mô hình dân vận khéo", "Hình thức", "Phân loại", "Nhóm", "Đơn vị chủ trì", "Tình trạng", "Kinh phí (đồng)")
                .row("1", "A Tổ tự quản đường làng " + mark, "Mô hình", "Tập thể", "Kinh tế", "Xã Phi Liêng", "Mới", "12.000.000")
                .row("2", "B Gương sáng làm kinh tế " + mark, "Điển hình", "Cá nhân", "Kinh tế", "Xã Rô Men", "Duy trì", "1.234,5")
                .row("3", "C Tổ thu gom rác thải " + mark, "Mô hình", "Tập thể", thirdSector, "Xã Phi Liêng", "Mới", "15%");
    }

    @Test
    void titlesNotKnownAreGuessedFromTheirValuesShownForMappingAndTheChoiceIsRememberedForTheUnit() throws Exception {
        String mark = unique();
        byte[] file = unknownTitles(mark, "Văn hóa - xã hội").xlsx();

        String preview = preview(file, DvkIntegrationTest.DAM_RONG_OFFICER);

        assertThat((Boolean) JsonPath.read(preview, "$.mapping.needsMapping")).isTrue();
        assertThat(column(preview, "B")).containsEntry("field", "NAME").containsEntry("how", "GUESSED");
        assertThat(column(preview, "C")).containsEntry("field", "KIND").containsEntry("how", "GUESSED");
        assertThat(column(preview, "D")).containsEntry("field", "HOLDER");
        assertThat(column(preview, "E")).containsEntry("field", "SECTOR");
        assertThat(column(preview, "F")).containsEntry("field", "COMMUNE");
        assertThat(column(preview, "G")).containsEntry("field", "STATUS");
        assertThat(column(preview, "H")).containsEntry("how", "UNKNOWN").containsEntry("field", null);
        assertThat((List<String>) column(preview, "H").get("samples")).containsExactly("12.000.000", "1.234,5", "15%");
        assertThat((List<String>) JsonPath.read(preview, "$.mapping.fields[*].key")).contains("NAME", "SECTOR", "SECTOR=Kinh tế");
        assertThat(number(preview, "$.created")).isEqualTo(3);
        assertThat(number(preview, "$.rejected")).isZero();

        // the officer reads column E as the description instead, and leaves B's guess as it is
        String id = JsonPath.read(preview, "$.id");
        String remapped = remap(id, "{\"columns\": {\"B\": \"NAME\", \"C\": \"KIND\", \"D\": \"HOLDER\", \"E\": \"SECTOR\","
                + " \"F\": \"COMMUNE\", \"G\": \"STATUS\", \"H\": \"\"}}", DvkIntegrationTest.DAM_RONG_OFFICER, 200);
        assertThat((Boolean) JsonPath.read(remapped, "$.mapping.needsMapping")).isFalse();
        assertThat(column(remapped, "H")).containsEntry("how", "CHOSEN");
        confirm(id, DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat(classification(mark)).containsExactly("MODEL COLLECTIVE ECONOMY NEW 2023",
                "EXEMPLAR INDIVIDUAL ECONOMY MAINTAINED 2023", "MODEL COLLECTIVE CULTURE_SOCIETY NEW 2023");
        assertThat(jdbc.queryForList("select u.code from initiative i join admin_unit u on u.id = i.unit_id where i.name like ?"
                + " order by i.name", Long.class, "%" + mark)).containsExactly(24886L, 24877L, 24886L);

        // next month's file with the same header from the same unit: read as chosen, nothing asked
        String next = preview(unknownTitles(mark, "Kinh tế").xlsx(), DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat((Boolean) JsonPath.read(next, "$.mapping.needsMapping")).isFalse();
        assertThat((Boolean) JsonPath.read(next, "$.mapping.remembered")).isTrue();
        assertThat(column(next, "B")).containsEntry("how", "REMEMBERED");
        assertThat(number(next, "$.unchanged")).isEqualTo(2);
        assertThat(number(next, "$.updated")).isEqualTo(1);

        // another unit's officer has not chosen anything for this header
        String elsewhere = preview(file, DvkIntegrationTest.LAM_DONG_OFFICER);
        assertThat((Boolean) JsonPath.read(elsewhere, "$.mapping.remembered")).isFalse();
        assertThat((Boolean) JsonPath.read(elsewhere, "$.mapping.needsMapping")).isTrue();
    }

    @Test
    void aValueNoListAcceptsCanBeMappedOnceForTheFileAndConfirmingImportsWhatThePreviewShowed() throws Exception {
        String mark = unique();
        byte[] file = unknownTitles(mark, "Môi trường").xlsx();
        String preview = preview(file, DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat(number(preview, "$.rejected")).isEqualTo(1);
        List<Map<String, Object>> unknown = JsonPath.read(preview, "$.mapping.unknownValues");
        assertThat(unknown).singleElement().satisfies(u -> assertThat(u).containsEntry("field", "SECTOR")
                .containsEntry("value", "Môi trường").containsEntry("rows", 1));
        assertThat((List<String>) JsonPath.read(preview, "$.mapping.accepted.SECTOR")).contains("Xây dựng nông thôn mới");

        String id = JsonPath.read(preview, "$.id");
        String remapped = remap(id, "{\"values\": {\"SECTOR\": {\"môi trường\": \"Xây dựng nông thôn mới\"}}}",
                DvkIntegrationTest.DAM_RONG_OFFICER, 200);
        assertThat(number(remapped, "$.rejected")).isZero();
        assertThat(number(remapped, "$.created")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(remapped, "$.conversions[*].to")).contains("Xây dựng nông thôn mới");

        confirm(id, DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat(classification(mark)).last().asString().contains("NEW_RURAL");
    }

    @Test
    void aMappingThatCannotBeUsedIsRefusedWithTheFieldOrColumnNamed() throws Exception {
        String preview = preview(unknownTitles(unique(), "Kinh tế").xlsx(), DvkIntegrationTest.DAM_RONG_OFFICER);
        String id = JsonPath.read(preview, "$.id");
        String user = DvkIntegrationTest.DAM_RONG_OFFICER;

        assertThat(remap(id, "{\"columns\": {\"B\": \"TEN\"}}", user, 422)).contains("TEN", "cột B");
        assertThat(remap(id, "{\"columns\": {\"B\": \"NAME\", \"C\": \"NAME\"}}", user, 422)).contains("NAME", "B", "C");
        assertThat(remap(id, "{\"columns\": {\"#\": \"NAME\"}}", user, 422)).contains("Cột \\\"#\\\"");
        assertThat(remap(id, "{\"headerRow\": 99}", user, 422)).contains("Dòng tiêu đề 99");
        assertThat(remap(id, "{\"values\": {\"SECTOR\": {\"Môi trường\": \"Môi trường\"}}}", user, 422)).contains("Kinh tế");
        assertThat(remap(id, "[not json", user, 422)).contains("Không đọc được cách gán cột");
        // another user's upload is not theirs to map
        remap(id, "{\"columns\": {\"B\": \"NAME\"}}", DvkIntegrationTest.LAM_DONG_OFFICER, 404);
        // with the file, through the same parameter
        mvc.perform(multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", "x.xlsx", XLSX,
                        unknownTitles(unique(), "Kinh tế").xlsx())).param("mapping", "{\"columns\": {\"B\": \"NAME\", \"C\": \"NAME\"}}")
                .with(as(user)).with(csrf())).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void sectorHeadingsOverTheirRowsGiveTheSectorTheRowsLeaveOut() throws Exception {
        String mark = unique();
        OfficeSpreadsheetTests.OfficeSheet sheet = new OfficeSpreadsheetTests.OfficeSheet()
                .row("UBND XÃ PHI LIÊNG")
                .row("DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023")
                .row("STT", "Tên mô hình, điển hình", "Loại", "Tập thể/Cá nhân", "Đăng ký (Mới/Duy trì)");
        int economy = sheet.next();
        sheet.row("I. LĨNH VỰC KINH TẾ").merge("A" + economy + ":E" + economy)
                .row("1", "A Tổ hợp tác cà phê " + mark, "Mô hình", "Tập thể", "Mới");
        int defence = sheet.next();
        sheet.row("II", "LĨNH VỰC QUỐC PHÒNG - AN NINH").merge("B" + defence + ":E" + defence)
                .row("1", "B Tổ an ninh tự quản " + mark, "Mô hình", "Tập thể", "Mới")
                .row("2", "C Gương sáng dân quân " + mark, "Điển hình", "Cá nhân", "Duy trì");

        String preview = preview(sheet.xlsx(), DvkIntegrationTest.LAM_DONG_OFFICER);

        assertThat(number(preview, "$.rejected")).as(preview).isZero();
        assertThat((List<String>) JsonPath.read(preview, "$.inferred[*].message")).contains(
                "Lĩnh vực Kinh tế — lấy từ dòng nhóm " + economy + " (dùng cho 1 dòng không ghi lĩnh vực).",
                "Lĩnh vực Quốc phòng - an ninh — lấy từ dòng nhóm " + defence + " (dùng cho 2 dòng không ghi lĩnh vực).");
        confirm(JsonPath.read(preview, "$.id"), DvkIntegrationTest.LAM_DONG_OFFICER);
        assertThat(classification(mark)).containsExactly("MODEL COLLECTIVE ECONOMY NEW 2023",
                "MODEL COLLECTIVE DEFENCE_SECURITY NEW 2023", "EXEMPLAR INDIVIDUAL DEFENCE_SECURITY MAINTAINED 2023");
    }

    @Test
    void aRowWithTwoColumnsOfTheSameGroupMarkedIsRefusedNamingThem() throws Exception {
        String mark = unique();
        OfficeSpreadsheetTests.OfficeSheet sheet = new OfficeSpreadsheetTests.OfficeSheet()
                .row("UBND XÃ PHI LIÊNG")
                .row("DANH SÁCH NĂM 2023")
                .row("STT", "Tên mô hình", "Loại", "Tập thể", "Cá nhân", "Lĩnh vực", "Mới", "Duy trì")
                .row("1", "A Tổ tự quản " + mark, "Mô hình", "x", "x", "Kinh tế", "x", null)
                .row("2", "B Tổ hòa giải " + mark, "Mô hình", "x", null, "Kinh tế", null, null);

        String preview = preview(sheet.xlsx(), DvkIntegrationTest.LAM_DONG_OFFICER);

        List<Map<String, Object>> errors = JsonPath.read(preview, "$.errors");
        assertThat(errors).extracting(e -> e.get("row") + " " + e.get("message")).containsExactlyInAnyOrder(
                "4 Đánh dấu nhiều cột cùng lúc: Tập thể, Cá nhân; chỉ được đánh dấu một cột.",
                "5 Thiếu giá trị.");
    }

    @Test
    void theImportPageShowsTheMappingStepAndPreviewsAgainWithTheChoice() throws Exception {
        String mark = unique();
        String user = DvkIntegrationTest.DAM_RONG_OFFICER;
        String preview = preview(unknownTitles(mark, "Môi trường").xlsx(), user);
        String id = JsonPath.read(preview, "$.id");

        String job = mvc.perform(post("/exchange/import/" + id + "/mapping").param("c1", "NAME").param("c2", "KIND").param("c3", "HOLDER")
                        .param("c4", "SECTOR").param("c5", "COMMUNE").param("c6", "STATUS").param("c7", "")
                        .param("valueField", "SECTOR").param("valueTyped", "Môi trường").param("valueAs", "Kinh tế")
                        .with(as(user)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = "";
        for (int i = 0; i < 100 && !page.contains("import-report"); i++) {
            Thread.sleep(100);
            page = mvc.perform(get(job).with(as(user))).andReturn().getResponse().getContentAsString();
        }
        assertThat(page).contains("id=\"import-mapping\"", "id=\"mapping-form\"", "Mô hình dân vận khéo", "đã chọn")
                .doesNotContain("id=\"mapping-needed\"");
        assertThat(page).contains("Môi trường", "Kinh tế");

        // a first look at an unknown header opens the step with its guesses
        String fresh = mvc.perform(multipart("/exchange/import").file(new MockMultipartFile("file", "moi.xlsx", XLSX,
                        unknownTitles(unique(), "Kinh tế").xlsx())).with(as(DvkIntegrationTest.LAM_DONG_OFFICER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String freshPage = "";
        for (int i = 0; i < 100 && !freshPage.contains("import-report"); i++) {
            Thread.sleep(100);
            freshPage = mvc.perform(get(fresh).with(as(DvkIntegrationTest.LAM_DONG_OFFICER))).andReturn().getResponse().getContentAsString();
        }
        assertThat(freshPage).contains("id=\"mapping-needed\"", "đoán theo giá trị", "chưa nhận ra", "12.000.000");
    }
}
