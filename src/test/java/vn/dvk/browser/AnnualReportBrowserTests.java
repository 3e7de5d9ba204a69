package vn.dvk.browser;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dvk.DvkIntegrationTest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import vn.dvk.shared.office.TestSignatures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 in a browser: the district's officer opens the year's report from the reports page, sees what will
 * print (the organ, the figures as sentences), types the office's assessment, and downloads the Word and PDF files
 * with their names, the assessment in them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnualReportBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    /** Đam Rông's officer logs in and opens the year's report from the reports page, as a person would. */
    private WebDriverWait openAnnualReport(String base, int year) {
        WebDriver driver = browser.driver();
        browser.login(base, DvkIntegrationTest.DAM_RONG_OFFICER, DvkIntegrationTest.DEMO_PASSWORD);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "/reports?year=" + year);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-annual-report")));
        driver.get(driver.findElement(By.id("open-annual-report")).getAttribute("href"));
        return wait;
    }

    @Test
    void theDistrictOfficerMakesTheYearsReportAndDownloadsIt() throws Exception {
        WebDriver driver = browser.driver();
        String base = "http://localhost:" + port;
        WebDriverWait wait = openAnnualReport(base, 2021);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("annual-body")));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("HUYỆN ỦY ĐAM RÔNG", "BAN DÂN VẬN");
        assertThat(driver.findElement(By.id("annual-body")).getText())
                .contains("Năm 2021, toàn huyện đăng ký 47 mô hình, điển hình, trong đó 37 xây dựng mới, 10 duy trì");

        String strengths = "Cấp ủy quan tâm chỉ đạo sát sao " + UUID.randomUUID().toString().substring(0, 6);
        WebElement box = driver.findElement(By.id("strengths"));
        box.clear();
        box.sendKeys(strengths);
        browser.click(driver.findElement(By.id("save-assessment")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("strengths")));
        assertThat(driver.findElement(By.id("strengths")).getAttribute("value")).isEqualTo(strengths);

        WebElement form = driver.findElement(By.id("annual-download"));
        String query = "?unit=" + URLEncoder.encode(form.findElement(By.name("unit")).getAttribute("value"), StandardCharsets.UTF_8)
                + "&year=" + form.findElement(By.name("year")).getAttribute("value")
                + "&organisation=" + form.findElement(By.name("organisation")).getAttribute("value");
        HttpResponse<byte[]> docx = download(driver, base + "/reports/annual.docx" + query);
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("bao-cao-dan-van-kheo-2021-huyen-dam-rong.docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("HUYỆN ỦY ĐAM RÔNG", "toàn huyện đăng ký 47 mô hình", strengths);
        }
        HttpResponse<byte[]> pdf = download(driver, base + "/reports/annual.pdf" + query);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("bao-cao-dan-van-kheo-2021-huyen-dam-rong.pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void theOfficerIssuesTheReportSignsItOutsideDvkAndUploadsTheSignedCopyBack() throws Exception {
        WebDriver driver = browser.driver();
        String base = "http://localhost:" + port;
        WebDriverWait wait = openAnnualReport(base, 2023);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("annual-issue")));
        browser.click(driver.findElement(By.id("annual-issue")));
        WebElement issued = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-issued")));
        String pdfLink = issued.findElement(By.cssSelector("a[href$='.pdf']")).getAttribute("href");
        String documentId = pdfLink.replaceAll(".*/documents/(\\d+)\\.pdf$", "$1");

        // signed with the office's certificate outside DVK (here: a test certificate made now)
        byte[] pdf = download(driver, pdfLink).body();
        TestSignatures.Identity ca = TestSignatures.ca("DVK Browser Test CA");
        byte[] signed = TestSignatures.sign(pdf, TestSignatures.signer(ca), ca.certificate());
        Path file = Files.createTempDirectory("dvk-signed-").resolve("bao-cao-2023-da-ky.pdf");
        Files.write(file, signed);

        // back on the office's documents, the signed copy is uploaded to the document it signs
        driver.get(driver.findElement(By.id("issuer-settings")).getAttribute("href"));
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-file-" + documentId)));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.click(input.findElement(By.xpath("./ancestor::form//button[@type='submit']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-saved")));
        WebElement row = driver.findElement(By.id("signed-file-" + documentId)).findElement(By.xpath("./ancestor::tr"));
        assertThat(row.findElement(By.cssSelector(".signed-status")).getText()).contains("Chữ ký số hợp lệ");
        assertThat(row.findElement(By.cssSelector(".signed-signer")).getText()).contains(TestSignatures.SIGNER);
        HttpResponse<byte[]> kept = download(driver, row.findElement(By.cssSelector("a.signed-file")).getAttribute("href"));
        assertThat(kept.body()).isEqualTo(signed);
    }

    /** A file the page's form downloads, fetched with the browser's session cookie. */
    private static HttpResponse<byte[]> download(WebDriver driver, String href) throws Exception {
        String cookies = String.join("; ", driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(href).isEqualTo(200);
        return response;
    }
}
