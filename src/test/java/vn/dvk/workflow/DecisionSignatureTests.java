package vn.dvk.workflow;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.shared.office.TestSignatures;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvk.InitiativeFixture.PHI_LIENG_2021;
import static vn.dvk.InitiativeFixture.anInitiative;
import static vn.dvk.Logins.as;

/**
 * A decision's signed PDF uploaded back: signed here with a certificate made here, its signature is
 * checked on upload and read back through the API and on the decision's page; a file changed after
 * signing is flagged, an unsigned one says so, a broken one is kept with a clear message.
 */
@DvkIntegrationTest
@Transactional
class DecisionSignatureTests {

    static byte[] signed;
    static byte[] unsigned;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void sign() throws Exception {
        TestSignatures.Identity ca = TestSignatures.ca("DVK Test Root CA");
        unsigned = TestSignatures.pdf();
        signed = TestSignatures.sign(unsigned, TestSignatures.signer(ca), ca.certificate());
    }

    /** The demo's recognition decision of Đam Rông, 2021 (the test's changes are rolled back). */
    private long decision() throws Exception {
        String found = mvc.perform(get("/api/v1/initiatives").with(as(DvkIntegrationTest.ADMIN))
                .param("q", "Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm")).andReturn().getResponse().getContentAsString();
        int initiative = JsonPath.<List<Integer>>read(found, "$.items[*].id").get(0);
        String timeline = mvc.perform(get("/api/v1/initiatives/{id}/timeline", initiative).with(as(DvkIntegrationTest.ADMIN)))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.<List<Integer>>read(timeline, "$[?(@.step == 'RECOGNISE')].decisionId").get(0);
    }

    private String upload(long decision, byte[] file, String name) throws Exception {
        return mvc.perform(multipart("/api/v1/decisions/{id}/scan", decision)
                        .file(new MockMultipartFile("file", name, "application/pdf", file))
                        .with(as(DvkIntegrationTest.ADMIN)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(long decision, String... lang) throws Exception {
        var request = get("/decisions/{id}", decision).with(as(DvkIntegrationTest.DAM_RONG_OFFICER));
        if (lang.length > 0) {
            request = request.param("lang", lang[0]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSignedDecisionShowsItsSignerTimeAndIntegrityInTheApiAndOnItsPage() throws Exception {
        long decision = decision();
        String body = upload(decision, signed, "qd-125-da-ky.pdf");
        assertThat((String) JsonPath.read(body, "$.signatures.status")).isEqualTo("VALID");
        assertThat((Boolean) JsonPath.read(body, "$.signatures.altered")).isFalse();

        // read back by the district's officer, who may read the decision
        mvc.perform(get("/api/v1/decisions/{id}", decision).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fileName").value("qd-125-da-ky.pdf"))
                .andExpect(jsonPath("$.signatures.status").value("VALID"))
                .andExpect(jsonPath("$.signatures.trusted").value(false))
                .andExpect(jsonPath("$.signatures.items.length()").value(1))
                .andExpect(jsonPath("$.signatures.items[0].commonName").value("Nguyễn Văn A"))
                .andExpect(jsonPath("$.signatures.items[0].organisation").value("Ban Thường vụ Tỉnh ủy Lâm Đồng"))
                .andExpect(jsonPath("$.signatures.items[0].unchanged").value(true))
                .andExpect(jsonPath("$.signatures.items[0].coversWholeFile").value(true))
                .andExpect(jsonPath("$.signatures.items[0].signatureValid").value(true))
                .andExpect(jsonPath("$.signatures.items[0].certificateValidAtSigning").value(true))
                .andExpect(jsonPath("$.signatures.items[0].timeSigned").value(true))
                .andExpect(jsonPath("$.signatures.items[0].signedAt").isNotEmpty())
                .andExpect(jsonPath("$.signatures.items[0].chain[1]").value(containsString("CN=DVK Test Root CA")))
                .andExpect(jsonPath("$.signatures.items[0].trust").value("NO_ANCHORS"));

        assertThat(page(decision)).contains("Chữ ký số hợp lệ, tệp không bị sửa sau khi ký.", "Nguyễn Văn A",
                        "Ban Thường vụ Tỉnh ủy Lâm Đồng", "Còn hiệu lực tại thời điểm ký.",
                        "Chưa xác minh được nguồn cấp chứng thư", "CN=DVK Test Root CA")
                .doesNotContain("Tệp đã bị sửa sau khi ký", "Chuỗi tới chứng thư gốc tin cậy đã cấu hình");
        assertThat(page(decision, "en")).contains("The digital signature is valid", "Nguyễn Văn A",
                "source is not verified (no trusted root certificate is configured)");

        // the file is kept as uploaded, byte for byte (the signature stays checkable elsewhere)
        byte[] kept = mvc.perform(get("/decisions/{id}/scan", decision).with(as(DvkIntegrationTest.DAM_RONG_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(kept).isEqualTo(signed);
    }

    @Test
    void aFileChangedAfterSigningIsFlaggedOnThePageAndInTheApi() throws Exception {
        long decision = decision();
        byte[] altered = TestSignatures.replace(signed, "125-QD/TU", "126-QD/TU");
        // uploaded through the decision's page
        mvc.perform(multipart("/decisions/{id}/scan", decision)
                        .file(new MockMultipartFile("scan", "qd-125.pdf", "application/pdf", altered))
                        .with(as(DvkIntegrationTest.ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/decisions/" + decision));
        mvc.perform(get("/api/v1/decisions/{id}", decision).with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(jsonPath("$.signatures.status").value("ALTERED"))
                .andExpect(jsonPath("$.signatures.altered").value(true))
                .andExpect(jsonPath("$.signatures.items[0].unchanged").value(false))
                .andExpect(jsonPath("$.signatures.items[0].commonName").value("Nguyễn Văn A"));
        assertThat(page(decision)).contains("Tệp đã bị sửa sau khi ký").doesNotContain("Chữ ký số hợp lệ");
        assertThat(page(decision, "en")).contains("The file was changed after signing");

        // content appended after signing, without a new signature
        byte[] appended = new byte[signed.length + 24];
        System.arraycopy(signed, 0, appended, 0, signed.length);
        System.arraycopy("\n1 0 obj (them) endobj\n%%".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 24);
        String body = upload(decision, appended, "qd-125.pdf");
        assertThat((String) JsonPath.read(body, "$.signatures.status")).isEqualTo("ALTERED");
        assertThat((Boolean) JsonPath.read(body, "$.signatures.items[0].coversWholeFile")).isFalse();
        assertThat(page(decision)).contains("Tệp đã bị sửa sau khi ký: có nội dung thêm vào sau chữ ký mà không có chữ ký mới.");
    }

    @Test
    void anUnsignedPdfSaysSoAndABrokenOneIsKeptWithAClearMessage() throws Exception {
        long decision = decision();
        assertThat((String) JsonPath.read(upload(decision, unsigned, "qd.pdf"), "$.signatures.status")).isEqualTo("UNSIGNED");
        assertThat(page(decision)).contains("Tệp không có chữ ký số.");

        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\nxref garbage \u0000\u0001\u0002"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat((String) JsonPath.read(upload(decision, broken, "hong.pdf"), "$.signatures.status")).isEqualTo("UNREADABLE");
        assertThat(page(decision)).contains("Không đọc được tệp PDF để kiểm tra chữ ký số");

        // not a PDF or an image: refused with a message, never a server error
        mvc.perform(multipart("/api/v1/decisions/{id}/scan", decision)
                        .file(new MockMultipartFile("file", "qd.exe", "application/octet-stream", new byte[] {0x4d, 0x5a, 1, 2}))
                        .with(as(DvkIntegrationTest.ADMIN)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Bản chụp quyết định phải là tệp PDF, JPEG hoặc PNG.")));
        mvc.perform(multipart("/api/v1/decisions/{id}/scan", decision)
                        .file(new MockMultipartFile("file", "trong.pdf", "application/pdf", new byte[0]))
                        .with(as(DvkIntegrationTest.ADMIN)).with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theSignedDecisionAttachedWhenRecognisingIsCheckedAndItsCommitteeMayReplaceIt() throws Exception {
        var officer = as(DvkIntegrationTest.DAM_RONG_OFFICER);
        long id = anInitiative("Mô hình nuôi ong lấy mật có chữ ký số").in(PHI_LIENG_2021).registeredFor(2022)
                .by(DvkIntegrationTest.DAM_RONG_OFFICER).submitted().step("evaluate", "{\"rating\": \"EXCELLENT\"}").create(mvc);
        var committee = as(DvkIntegrationTest.DAM_RONG_COMMITTEE);
        mvc.perform(multipart("/recognitions").file(new MockMultipartFile("scan", "quyết định đã ký.pdf", "application/pdf", signed))
                        .with(committee).with(csrf()).param("unit", "674").param("year", "2022").param("ids", String.valueOf(id))
                        .param("decisionNumber", "31-QĐ/HU").param("decisionDate", "2023-01-05")
                        .param("issuingBody", "Ban Thường vụ Huyện ủy Đam Rông"))
                .andExpect(redirectedUrl("/recognitions/new?unit=674&year=2022"));
        String timeline = mvc.perform(get("/api/v1/initiatives/{id}/timeline", id).with(officer)).andReturn().getResponse().getContentAsString();
        long decision = JsonPath.<List<Integer>>read(timeline, "$[?(@.step == 'RECOGNISE')].decisionId").get(0);
        mvc.perform(get("/api/v1/decisions/{id}", decision).with(officer))
                .andExpect(jsonPath("$.signatures.status").value("VALID"))
                .andExpect(jsonPath("$.signatures.items[0].commonName").value("Nguyễn Văn A"));
        // the initiative's page links the decision's page
        mvc.perform(get("/initiatives/{id}", id).with(officer)).andExpect(content().string(containsString("/decisions/" + decision)));
        // the committee that issued it replaces the file with one altered after signing: flagged
        mvc.perform(multipart("/api/v1/decisions/{id}/scan", decision)
                        .file(new MockMultipartFile("file", "qd.pdf", "application/pdf", TestSignatures.replace(signed, "125-QD/TU", "125-QD/TX")))
                        .with(committee).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.signatures.status").value("ALTERED"));
    }

    @Test
    void onlyTheIssuingSideReplacesTheFileAndOthersDoNotSeeTheDecision() throws Exception {
        long decision = decision();
        MockMultipartFile file = new MockMultipartFile("file", "qd.pdf", "application/pdf", signed);
        mvc.perform(multipart("/api/v1/decisions/{id}/scan", decision).file(file)
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/decisions/{id}/scan", decision).file(file)
                        .with(as(DvkIntegrationTest.LUC_YEN_VIEWER)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/decisions/{id}", decision).with(as(DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/decisions/{id}/scan", decision).file(new MockMultipartFile("scan", "qd.pdf", "application/pdf", signed))
                        .with(as(DvkIntegrationTest.DAM_RONG_OFFICER)).with(csrf()))
                .andExpect(status().isForbidden());
        // the form is offered only to those who may use it
        assertThat(page(decision)).doesNotContain("decision-file-form");
        mvc.perform(get("/decisions/{id}", decision).with(as(DvkIntegrationTest.ADMIN)))
                .andExpect(content().string(allOf(containsString("decision-file-form"), not(containsString("signature-check")))));
    }
}
