package vn.dvk.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.anInitiative;

/**
 * Text longer than its column, numbers larger than theirs and absurd years are refused before the
 * database, naming the field in Vietnamese (a problem for the API, a message on pages), on every
 * form of issue 15; years lie between 1945 and next year.
 */
@DvkIntegrationTest
@Transactional
class InputLimitsTests {

    private static final String LONG = "ầ".repeat(100_000);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    Clock clock;

    private RequestPostProcessor admin() {
        return Logins.as(directory, DvkIntegrationTest.ADMIN);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A 422 problem whose errors name the field, with its Vietnamese label in the message. */
    private static void refused(ResultActions result, String field, String label) throws Exception {
        result.andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString(label))));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private long newInitiative(String name) throws Exception {
        return anInitiative(name).in("24886").startYear(2024).by(DvkIntegrationTest.ADMIN).create(mvc);
    }

    @Test
    void anInitiativesTooLongResponsibleOfficerIsRefusedNamingTheField() throws Exception {
        refused(send(post("/api/v1/initiatives"), """
                {"name": "Mô hình cán bộ dài", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY", "unitCode": "24886",
                 "startYear": 2024, "responsibleOfficer": %s}""".formatted(quoted(LONG))), "responsibleOfficer", "Cán bộ phụ trách");
    }

    @Test
    void anIndicatorsTooLongTextTooLargeValueAndAbsurdYearAreRefused() throws Exception {
        long id = newInitiative("Mô hình chỉ số giới hạn");
        String indicator = "{\"name\": %s, \"unit\": %s, \"year\": %s, \"value\": %s}";
        String path = "/api/v1/initiatives/" + id + "/indicators";
        refused(send(put(path), indicator.formatted(quoted(LONG), "\"hộ\"", "2024", "12")), "name", "Tên");
        refused(send(put(path), indicator.formatted("\"Số hộ\"", quoted(LONG), "2024", "12")), "unit", "Đơn vị tính");
        refused(send(put(path), indicator.formatted("\"Số hộ\"", "\"hộ\"", "2024", "1e400")), "value", "Giá trị");
        refused(send(put(path), indicator.formatted("\"Số hộ\"", "\"hộ\"", "2024", "99999999999999999999")), "value", "Giá trị");
        refused(send(put(path), indicator.formatted("\"Số hộ\"", "\"hộ\"", "99999", "12")), "year", "1945");
        send(put(path), indicator.formatted("\"Số hộ\"", "\"hộ\"", "2024", "9999999999999999.99")).andExpect(status().isOk());
    }

    @Test
    void aRegistrationYearOutsideTheSaneRangeIsRefusedOnTheApiAndOnThePage() throws Exception {
        long id = newInitiative("Mô hình năm đăng ký giới hạn");
        int nextYear = LocalDate.now(clock).getYear() + 1;
        refused(send(post("/api/v1/initiatives/" + id + "/registrations"), "{\"year\": 99999, \"status\": \"NEW\"}"), "year",
                "từ 1945 đến " + nextYear);
        refused(send(post("/api/v1/initiatives/" + id + "/registrations"), "{\"year\": " + (nextYear + 1) + ", \"status\": \"NEW\"}"),
                "year", "1945");
        mvc.perform(post("/initiatives/" + id + "/registrations").param("year", "99999").param("status", "NEW")
                        .with(admin()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Năm: năm phải từ 1945 đến " + nextYear)));
    }

    @Test
    void theInitiativeFormShowsATooLongFieldUnderTheField() throws Exception {
        mvc.perform(post("/initiatives/new").with(admin()).with(csrf()).param("name", "Mô hình biểu mẫu dài").param("kind", "MODEL")
                        .param("holder", "COLLECTIVE").param("sector", "ECONOMY").param("unitCode", "24886").param("startYear", "2024")
                        .param("responsibleOfficer", LONG).param("confirmDuplicate", "true"))
                .andExpect(status().is2xxSuccessful())
                .andExpect(content().string(containsString("Cán bộ phụ trách: dài tối đa 200 ký tự.")));
    }

    @Test
    void aFollowUpsTooLongAssigneeIsRefused() throws Exception {
        refused(send(post("/api/v1/inspections"), """
                {"unitCode": "674", "kind": "INSPECTION", "date": "2022-03-01", "inspectors": "Đoàn kiểm tra", "findings": "Tốt",
                 "followUps": [{"task": "Bổ sung hồ sơ", "assignee": %s, "dueOn": "2022-04-01"}]}""".formatted(quoted(LONG))),
                "followUps[0].assignee", "Người thực hiện");
    }

    @Test
    void planningNamesAndTitlesTooLongAreRefused() throws Exception {
        refused(send(post("/api/v1/periods"), "{\"name\": %s, \"fromYear\": 2026, \"toYear\": 2030}".formatted(quoted(LONG))),
                "name", "Tên");
        refused(send(post("/api/v1/periods"), "{\"name\": \"Giai đoạn xa\", \"fromYear\": 99999, \"toYear\": 99999}"),
                "fromYear", "1945");
        refused(send(post("/api/v1/plans"), "{\"unitCode\": \"674\", \"periodId\": 1, \"title\": %s, \"documents\": []}"
                .formatted(quoted(LONG))), "title", "Tiêu đề");
        String conference = "{\"kind\": \"EXCHANGE\", \"title\": %s, \"heldOn\": \"2024-05-01\", \"organiser\": %s, \"unitCode\": \"674\"}";
        refused(send(post("/api/v1/conferences"), conference.formatted(quoted(LONG), "\"Ban Dân vận\"")), "title", "Tiêu đề");
        refused(send(post("/api/v1/conferences"), conference.formatted("\"Hội nghị\"", quoted(LONG))), "organiser", "Đơn vị tổ chức");
        refused(send(post("/api/v1/movements"), "{\"code\": \"LONG_NAME\", \"nameVi\": %s}".formatted(quoted(LONG))), "nameVi",
                "Tên tiếng Việt");
        refused(send(post("/api/v1/sectors"), "{\"code\": \"LONG_NAME\", \"nameVi\": %s}".formatted(quoted(LONG))), "nameVi",
                "Tên tiếng Việt");
    }

    @Test
    void planningPagesNameATooLongField() throws Exception {
        mvc.perform(post("/periods").with(admin()).with(csrf()).param("name", LONG).param("fromYear", "2026").param("toYear", "2030"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tên: dài tối đa 200 ký tự.")));
        mvc.perform(post("/plans").with(admin()).with(csrf()).param("unitCode", "674").param("periodId", "1").param("title", LONG))
                .andExpect(content().string(containsString("Tiêu đề: dài tối đa 300 ký tự.")));
    }

    @Test
    void criteriaSetAndCriterionNamesTooLongAreRefused() throws Exception {
        String set = """
                {"name": %s, "fromYear": 2022, "toYear": 2025, "excellentFrom": 45, "goodFrom": 35, "passFrom": 25,
                 "criteria": [{"groupName": "Hiệu quả", "name": %s, "maxScore": 30}]}""";
        refused(send(post("/api/v1/criteria-sets"), set.formatted(quoted(LONG), "\"Số hộ tham gia\"")), "name", "Tên");
        refused(send(post("/api/v1/criteria-sets"), set.formatted("\"Bộ tiêu chí\"", quoted(LONG))), "criteria[0].name", "Tên");
        refused(send(post("/api/v1/criteria-sets"), set.formatted("\"Bộ tiêu chí\"", "\"Số hộ\"").replace("\"fromYear\": 2022",
                "\"fromYear\": -1")), "fromYear", "1945");
    }

    @Test
    void aPageWithAnUnreadableParameterAnswersAVietnamesePageNotJson() throws Exception {
        mvc.perform(get("/initiatives").param("year", "abc").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("Năm: giá trị &quot;abc&quot; không hợp lệ."),
                        not(containsString("Exception")))));
    }

    @Test
    void apiErrorsWithoutAHandlerAreProblemDetailsToo() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Không tìm thấy"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(delete("/api/v1/sectors").with(admin()).with(csrf()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Phương thức không được hỗ trợ"));
        mvc.perform(get("/api/v1/sectors").accept(MediaType.valueOf("text/csv")).with(admin()))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title", not(containsString("status."))))
                .andExpect(jsonPath("$.detail", containsString("Accept")));
    }

    @Test
    void anUploadsFileNameWithANulOrOfAThousandCharactersIsKeptShortenedAndClean() throws Exception {
        byte[] csv = "Tên mô hình\nA\n".getBytes(StandardCharsets.UTF_8);
        for (String name : new String[] {"ds\u0000mo-hinh.csv", "d".repeat(1000) + ".csv"}) {
            String body = mvc.perform(multipart("/api/v1/imports/initiatives").file(new MockMultipartFile("file", name, "text/csv", csv))
                            .param("async", "true").with(admin()).with(csrf()))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
            Assertions.assertThat(body).doesNotContain("\\u0000");
        }
    }

    @Test
    void anAttachmentThatIsAZipBombOrDeclaresXmlEntitiesInOfficeClothingIsRefused() throws Exception {
        long id = newInitiative("Mô hình tệp đính kèm độc");
        byte[] workbook;
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            book.createSheet("DS").createRow(0).createCell(0).setCellValue("Tên mô hình");
            book.write(out);
            workbook = out.toByteArray();
        }
        byte[] bomb = withEntry(workbook, "xl/media/image1.bin", new byte[60 * 1024 * 1024], null);
        mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "bao-cao.xlsx", "application/octet-stream", bomb)).with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("giải nén")));
        byte[] entity = withEntry(workbook, null, null, "xl/workbook.xml");
        mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "thuc-the.xlsx", "application/octet-stream", entity)).with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("DOCTYPE")));
        mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "bang.xlsx", "application/octet-stream", workbook)).with(admin()).with(csrf()))
                .andExpect(status().isCreated());
    }

    /** The package with an entry added, or with a DOCTYPE put before the XML of {@code doctypeIn}. */
    private static byte[] withEntry(byte[] zip, String name, byte[] content, String doctypeIn) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
             var copy = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(doctypeIn)) {
                    String xml = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
                    bytes = ("<?xml version=\"1.0\"?><!DOCTYPE workbook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml)
                            .getBytes(StandardCharsets.UTF_8);
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(bytes);
                copy.closeEntry();
            }
            if (name != null) {
                copy.putNextEntry(new ZipEntry(name));
                copy.write(content);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
