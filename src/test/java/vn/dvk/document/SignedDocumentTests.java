package vn.dvk.document;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.DispatcherServlet;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.identity.UserAdministration;
import vn.dvk.identity.UserDraft;
import vn.dvk.shared.office.TestSignatures;
import vn.dvk.shared.security.Role;
import vn.dvk.shared.security.SystemActor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import vn.dvk.shared.office.SignatureReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.Logins.as;

/**
 * An issued report signed digitally (ký số) outside DVK and uploaded back: kept byte for byte, its
 * signatures checked on upload and read back through the API and on the office's document page; a
 * copy changed after signing is flagged, an unsigned one says so, anything but a PDF is refused, and
 * only the issuing side may upload.
 */
@DvkIntegrationTest
@Transactional
class SignedDocumentTests {

    static TestSignatures.Identity ca;
    static TestSignatures.Identity signer;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAdministration administration;

    @BeforeAll
    static void keys() throws Exception {
        ca = TestSignatures.ca("DVK Test Root CA");
        signer = TestSignatures.signer(ca);
    }

    /** An issued report of Đam Rông's board: its id and organisation. */
    private record Issued(long id, long organisationId, String numberText) {
    }

    private Issued issue() throws Exception {
        String body = mvc.perform(post("/api/v1/reports/annual").param("unit", "674").param("year", "2021").param("date", "2021-12-20")
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.signatureStatus")).as("no signed copy yet").isNull();
        return new Issued(((Number) JsonPath.read(body, "$.id")).longValue(), ((Number) JsonPath.read(body, "$.organisationId")).longValue(),
                JsonPath.read(body, "$.numberText"));
    }

    private byte[] pdf(long id) throws Exception {
        return mvc.perform(get("/api/v1/documents/{id}.pdf", id).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private String upload(long id, byte[] file, String name) throws Exception {
        return mvc.perform(multipart("/api/v1/documents/{id}/signed", id)
                        .file(new MockMultipartFile("file", name, "application/pdf", file))
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(long organisationId, String... lang) throws Exception {
        var request = get("/organisations/{id}/document-settings", organisationId).with(as(DvkIntegrationTest.DAM_RONG_OFFICER));
        if (lang.length > 0) {
            request = request.param("lang", lang[0]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The settings page's cell of the document's signed copy. */
    private static String cell(String page, long id) {
        int row = page.indexOf("id=\"issued-" + id + "\"");
        assertThat(row).as("row of document " + id).isPositive();
        int start = page.indexOf("class=\"issued-signed\"", row);
        return page.substring(start, page.indexOf("</td>", start));
    }

    @Test
    void aSignedReportUploadedBackIsVerifiedKeptByteForByteAndShownOnTheDocumentsPage() throws Exception {
        Issued doc = issue();
        byte[] issuedPdf = pdf(doc.id());
        byte[] signed = TestSignatures.sign(issuedPdf, signer, ca.certificate());
        assertThat(cell(page(doc.organisationId()), doc.id())).contains("Chưa tải lên bản đã ký số.", "signed-upload-form");
        mvc.perform(get("/api/v1/documents/{id}/signed", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/documents/{id}/signed.pdf", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isNotFound());

        String body = upload(doc.id(), signed, "bao-cao-da-ky.pdf");
        assertThat((Number) JsonPath.read(body, "$.document.id")).isEqualTo((int) doc.id());
        assertThat((String) JsonPath.read(body, "$.document.signatureStatus")).isEqualTo("VALID");
        assertThat((String) JsonPath.read(body, "$.document.signedFileName")).isEqualTo("bao-cao-da-ky.pdf");
        assertThat((String) JsonPath.read(body, "$.signatures.status")).isEqualTo("VALID");
        assertThat((Boolean) JsonPath.read(body, "$.signatures.altered")).isFalse();
        assertThat((String) JsonPath.read(body, "$.signatures.items[0].commonName")).isEqualTo(TestSignatures.SIGNER);

        // read back: the same shape as a decision's check
        mvc.perform(get("/api/v1/documents/{id}/signed", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.checkedAt").isNotEmpty())
                .andExpect(jsonPath("$.altered").value(false))
                .andExpect(jsonPath("$.trusted").value(false))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].commonName").value("Nguyễn Văn A"))
                .andExpect(jsonPath("$.items[0].organisation").value(TestSignatures.ORGANISATION))
                .andExpect(jsonPath("$.items[0].serialNumber").isNotEmpty())
                .andExpect(jsonPath("$.items[0].signedAt").isNotEmpty())
                .andExpect(jsonPath("$.items[0].timeSigned").value(true))
                .andExpect(jsonPath("$.items[0].coversWholeFile").value(true))
                .andExpect(jsonPath("$.items[0].unchanged").value(true))
                .andExpect(jsonPath("$.items[0].signatureValid").value(true))
                .andExpect(jsonPath("$.items[0].certificateValidAtSigning").value(true))
                .andExpect(jsonPath("$.items[0].chain[1]").value(containsString("CN=DVK Test Root CA")))
                .andExpect(jsonPath("$.items[0].trust").value("NO_ANCHORS"))
                .andExpect(jsonPath("$.items[0].problem").doesNotExist());
        mvc.perform(get("/api/v1/documents/{id}", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(jsonPath("$.signatureStatus").value("VALID"))
                .andExpect(jsonPath("$.signedFileName").value("bao-cao-da-ky.pdf"));

        // the signed copy byte for byte, through the API and the page's link; the issued PDF unchanged
        byte[] kept = mvc.perform(get("/api/v1/documents/{id}/signed.pdf", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(kept).isEqualTo(signed);
        assertThat(mvc.perform(get("/documents/{id}/signed.pdf", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(signed);
        assertThat(pdf(doc.id())).isEqualTo(issuedPdf);

        String cell = cell(page(doc.organisationId()), doc.id());
        assertThat(cell).contains("Chữ ký số hợp lệ, tệp không bị sửa sau khi ký.", "Nguyễn Văn A", TestSignatures.ORGANISATION,
                        "/documents/" + doc.id() + "/signed.pdf", "bao-cao-da-ky.pdf", "Còn hiệu lực tại thời điểm ký.",
                        "CN=DVK Test Root CA", "signed-upload-form")
                .doesNotContain("Chưa tải lên bản đã ký số.", "Tệp đã bị sửa sau khi ký");
        assertThat(cell(page(doc.organisationId(), "en"), doc.id())).contains("The digital signature is valid", "Nguyễn Văn A");

        // in the audit trail: who uploaded which copy, and the status it changed
        String audit = mvc.perform(get("/api/v1/audit").param("objectType", "ISSUED_DOCUMENT").param("action", "UPDATE")
                        .param("size", "200").with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> entries = JsonPath.read(audit, "$.items[?(@.objectId == '" + doc.id() + "')]");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor")).isEqualTo(DvkIntegrationTest.DAM_RONG_OFFICER);
        assertThat((String) entries.get(0).get("summary")).contains(doc.numberText(), "bao-cao-da-ky.pdf");
        assertThat((String) entries.get(0).get("changes")).contains("signatureStatus", "VALID");
    }

    @Test
    void aCopyChangedAfterSigningIsFlaggedAndAnUnsignedOneSaysSo() throws Exception {
        Issued doc = issue();
        byte[] issuedPdf = pdf(doc.id());
        byte[] signed = TestSignatures.sign(issuedPdf, signer, ca.certificate());

        // content appended after signing, without a new signature
        byte[] tail = "\n1 0 obj (them) endobj\n%%".getBytes(StandardCharsets.US_ASCII);
        byte[] appended = Arrays.copyOf(signed, signed.length + tail.length);
        System.arraycopy(tail, 0, appended, signed.length, tail.length);
        String body = upload(doc.id(), appended, "bao-cao.pdf");
        assertThat((String) JsonPath.read(body, "$.signatures.status")).isEqualTo("ALTERED");
        assertThat((Boolean) JsonPath.read(body, "$.signatures.altered")).isTrue();
        assertThat((Boolean) JsonPath.read(body, "$.signatures.items[0].coversWholeFile")).isFalse();
        assertThat((String) JsonPath.read(body, "$.signatures.items[0].commonName")).isEqualTo("Nguyễn Văn A");
        assertThat(cell(page(doc.organisationId()), doc.id())).contains("Tệp đã bị sửa sau khi ký",
                "Tệp đã bị sửa sau khi ký: có nội dung thêm vào sau chữ ký mà không có chữ ký mới.").doesNotContain("Chữ ký số hợp lệ");

        // a signed byte changed: the file's header version, inside the signed range
        byte[] changed = signed.clone();
        assertThat(new String(changed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        changed[7] = (byte) (changed[7] == '7' ? '6' : '7');
        mvc.perform(multipart("/api/v1/documents/{id}/signed", doc.id())
                        .file(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf", changed))
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signatures.status").value("ALTERED"))
                .andExpect(jsonPath("$.signatures.items[0].unchanged").value(false));
        mvc.perform(get("/api/v1/documents/{id}/signed", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(jsonPath("$.status").value("ALTERED")).andExpect(jsonPath("$.altered").value(true));

        // the issued PDF itself, never signed: replaces the altered copy and says so
        assertThat((String) JsonPath.read(upload(doc.id(), issuedPdf, "chua-ky.pdf"), "$.signatures.status")).isEqualTo("UNSIGNED");
        mvc.perform(get("/api/v1/documents/{id}/signed", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(jsonPath("$.status").value("UNSIGNED")).andExpect(jsonPath("$.items.length()").value(0));
        assertThat(cell(page(doc.organisationId()), doc.id())).contains("Tệp không có chữ ký số.", "chua-ky.pdf")
                .doesNotContain("Tệp đã bị sửa sau khi ký");
    }

    @Test
    void anythingButAPdfIsRefusedNamingTheFileThroughTheApiAndThePage() throws Exception {
        Issued doc = issue();
        mvc.perform(multipart("/api/v1/documents/{id}/signed", doc.id())
                        .file(new MockMultipartFile("file", "bao-cao.docx", "application/pdf", new byte[] {0x50, 0x4b, 3, 4, 1, 2}))
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("Bản ký số phải là tệp PDF."));
        mvc.perform(multipart("/api/v1/documents/{id}/signed", doc.id())
                        .file(new MockMultipartFile("file", "trong.pdf", "application/pdf", new byte[0]))
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] large = new byte[(int) IssuedDocuments.MAX_SIGNED_BYTES + 1];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 8);
        mvc.perform(multipart("/api/v1/documents/{id}/signed", doc.id())
                        .file(new MockMultipartFile("file", "lon.pdf", "application/pdf", large))
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("Tệp PDF đã ký số quá lớn (tối đa 20 MB)."));
        // no file part at all
        mvc.perform(multipart("/api/v1/documents/{id}/signed", doc.id()).param("lang", "en")
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose the signed PDF file to upload."));
        mvc.perform(get("/api/v1/documents/{id}", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(jsonPath("$.signatureStatus").doesNotExist());
        mvc.perform(get("/api/v1/documents/{id}/signed", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        // the page's form: back to the office's documents with the message; a PDF is kept with a confirmation
        String back = "/organisations/" + doc.organisationId() + "/document-settings";
        var refused = mvc.perform(multipart("/documents/{id}/signed", doc.id())
                        .file(new MockMultipartFile("file", "anh.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(redirectedUrl(back)).andExpect(flash().attribute("signedRefused", "document.signedNotPdf")).andReturn();
        String shown = mvc.perform(get(back).requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, refused.getFlashMap()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("Bản ký số phải là tệp PDF.");
        var kept = mvc.perform(multipart("/documents/{id}/signed", doc.id())
                        .file(new MockMultipartFile("file", "ky-so.pdf", "application/pdf",
                                TestSignatures.sign(pdf(doc.id()), signer, ca.certificate())))
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(redirectedUrl(back)).andExpect(flash().attribute("signedSaved", doc.numberText())).andReturn();
        assertThat(mvc.perform(get(back).requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, kept.getFlashMap()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andReturn().getResponse().getContentAsString())
                .contains("Đã lưu bản ký số của văn bản " + doc.numberText(), "Chữ ký số hợp lệ, tệp không bị sửa sau khi ký.");
    }

    @Test
    void onlyTheIssuingSideUploadsAndOtherUnitsDoNotSeeTheSignedCopy() throws Exception {
        Issued doc = issue();
        byte[] signed = TestSignatures.sign(pdf(doc.id()), signer, ca.certificate());
        upload(doc.id(), signed, "ky-so.pdf");
        MockMultipartFile file = new MockMultipartFile("file", "khac.pdf", "application/pdf", TestSignatures.pdf());

        // roles that may not issue: refused
        mvc.perform(multipart("/api/v1/documents/{id}/signed", doc.id()).file(file)
                        .with(as(DvkIntegrationTest.DAM_RONG_COMMITTEE)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/documents/{id}/signed", doc.id()).file(file)
                        .with(as(DvkIntegrationTest.LUC_YEN_VIEWER)).with(csrf()))
                .andExpect(status().isForbidden());
        // an officer of another district: the document is not theirs to see
        String lucYen = "bdv.lucyen." + System.nanoTime() % 1_000_000;
        SystemActor.call(() -> administration.create(new UserDraft(lucYen, "Cán bộ Ban Dân vận Lục Yên (thử)", null, "135", null,
                Set.of(Role.MOBILISATION_OFFICER), DvkIntegrationTest.DEMO_PASSWORD + "!x", true, null)));
        mvc.perform(multipart("/api/v1/documents/{id}/signed", doc.id()).file(file).with(as(lucYen)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/documents/{id}/signed", doc.id()).file(file).with(as(lucYen)).with(csrf()))
                .andExpect(status().isNotFound());
        for (String other : new String[] {lucYen, DvkIntegrationTest.LUC_YEN_VIEWER}) {
            mvc.perform(get("/api/v1/documents/{id}/signed", doc.id()).with(as(other))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/documents/{id}/signed.pdf", doc.id()).with(as(other))).andExpect(status().isNotFound());
            mvc.perform(get("/documents/{id}/signed.pdf", doc.id()).with(as(other))).andExpect(status().isNotFound());
        }
        // nothing was replaced
        assertThat(mvc.perform(get("/api/v1/documents/{id}/signed.pdf", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(signed);
        // the committee member reads the check but is offered no upload form
        mvc.perform(get("/api/v1/documents/{id}/signed", doc.id()).with(as(DvkIntegrationTest.DAM_RONG_COMMITTEE)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VALID"));
        String committeePage = mvc.perform(get("/organisations/{id}/document-settings", doc.organisationId())
                        .with(as(DvkIntegrationTest.DAM_RONG_COMMITTEE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cell(committeePage, doc.id())).contains("Chữ ký số hợp lệ").doesNotContain("signed-upload-form");
    }

    @Test
    void aFileWithManyLongSignaturesIsKeptWithinTheColumnAndItsStatus() {
        String chainLine = "CN=" + "Cơ quan chứng thực chữ ký số ".repeat(60);
        List<SignatureReport.Item> many = IntStream.range(0, 20)
                .mapToObj(i -> new SignatureReport.Item("Người ký " + i, "Cơ quan " + i, "S".repeat(2000),
                        "I".repeat(2000), "0" + i, Instant.parse("2026-01-02T03:04:05Z"), true, i == 19, true, true, true,
                        List.of(chainLine, chainLine, chainLine), "NO_ANCHORS", null))
                .toList();
        String stored = IssuedDocuments.stored(many);
        assertThat(stored.length()).isLessThanOrEqualTo(20000);
        assertThat(stored).contains("Người ký 0", "Người ký 19", "2026-01-02T03:04:05Z").doesNotContain("Cơ quan chứng thực");
        String few = IssuedDocuments.stored(many.subList(0, 1));
        assertThat(few).contains("Cơ quan chứng thực", "SSSS");
        assertThat(IssuedDocuments.isPdf("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(IssuedDocuments.isPdf("%PDF".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(IssuedDocuments.isPdf(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }
}
