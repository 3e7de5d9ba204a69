package vn.dvk.browser;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dvk.DvkIntegrationTest;

import java.net.URI;
import java.net.URLEncoder;
import java.util.List;
import java.nio.file.Path;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvk.identity.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole cycle in the browser, each step by the role that takes it: the district officer
 * registers, submits and scores an initiative; the standing committee member recognises it from the
 * list; the officer proposes it for commendation; the committee member records the decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    private WebDriver driver;
    private WebDriverWait wait;
    private String base;

    private void click(String id) {
        browser.click(driver.findElement(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement element = driver.findElement(By.id(id));
        element.clear();
        element.sendKeys(text);
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), date.toString());
    }

    private void as(String user) {
        driver.manage().deleteAllCookies();
        browser.login(base, user, DvkIntegrationTest.DEMO_PASSWORD);
    }

    /** An API call as a demo account (HTTP Basic), for the fixtures a test needs before the browser takes over. */
    private String api(String user, String method, String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + DvkIntegrationTest.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json");
        request = json == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body();
    }

    @BeforeEach
    void start() {
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        base = "http://localhost:" + port;
    }

    @Test
    void aUnitEditorSubmitsThisYearsRegistrationWithTheVisibleButton() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        String editor = "xa.damrong1";
        Long organisation = directory.principalOf(editor).orElseThrow().organisationId();
        String name = "Mô hình thu gom rác thải nhựa thôn Păng Dung " + System.nanoTime();
        String created = api(editor, "POST", "/api/v1/initiatives", """
                {"name": "%s", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY", "unitCode": "dam rong 1",
                 "organisationId": %d, "startYear": %d}""".formatted(name, organisation, year));
        Number id = JsonPath.read(created, "$.id");

        as(editor);
        driver.get(base + "/initiatives/" + id);
        click("register");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-SUBMIT-" + year)));
        assertThat(driver.findElement(By.id("step-SUBMIT-" + year)).isDisplayed()).isTrue();
        click("step-SUBMIT-" + year);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-taken")));
        assertThat(driver.findElement(By.id("step-taken")).getText()).isEqualTo("Đã nộp hồ sơ năm " + year + " để thẩm định.");
        assertThat(driver.findElement(By.id("registration-" + year)).getText()).contains("Đã nộp");
        assertThat(driver.findElements(By.id("step-SUBMIT-" + year))).isEmpty();
    }

    /** Waits for the picker to offer the label, then takes it, as a person picks from the list. */
    private void pickUnit(String id, String typed, String label) {
        WebElement field = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", field);
        field.clear();
        field.sendKeys(typed);
        wait.until(d -> d.findElements(By.cssSelector("#" + id + "-options option")).stream()
                .anyMatch(o -> label.equals(o.getAttribute("value"))));
        field.clear();
        field.sendKeys(label);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /**
     * The year's work in today's structure, each step by the role that takes it and every unit chosen
     * by typing its name: the editor of Xã Đam Rông 1 registers a new initiative with a photo, renews
     * last year's and submits; the province's officer scores it with "8,5" typed; the province's standing
     * committee recognises it from the to-do link; the officer opens the reports of the province and of
     * the commune and downloads the documents. Then 2021 with the accounts of that time: Đam Rông 47 = 37 + 10.
     */
    @Test
    void theYearsWorkInTodaysStructureByName() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        String name = "Mô hình nuôi cá tầm hồ Đạ Tẻh thử nghiệm " + System.nanoTime();
        int provinceBefore = summaryTotal("btgdv.lamdong", "", year);
        int communeBefore = summaryTotal("btgdv.lamdong", "24886", year);

        as("xa.damrong1");
        driver.get(base + "/");
        assertThat(text("my-unit-name")).contains("Xã Đam Rông 1");
        click("register-new");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-initiative")));
        pickUnit("unitCode", "dam rong 1", "Xã Đam Rông 1 — Tỉnh Lâm Đồng");
        type("name", name);
        new Select(driver.findElement(By.id("sector"))).selectByValue("ECONOMY");
        wait.until(d -> d.findElement(By.id("organisationId")).getText().contains("Ủy ban nhân dân xã Đam Rông 1"));
        new Select(driver.findElement(By.id("organisationId"))).selectByVisibleText("Ủy ban nhân dân xã Đam Rông 1 — Xã Đam Rông 1");
        type("startYear", String.valueOf(year));
        click("save-initiative");
        wait.until(ExpectedConditions.textToBe(By.id("initiative-name"), name));
        String page = driver.getCurrentUrl();
        Path photo = Files.createTempFile("anh-mo-hinh", ".png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        driver.findElement(By.id("attachment-file")).sendKeys(photo.toAbsolutePath().toString());
        type("attachment-caption", "Ao nuôi cá tầm");
        click("upload");
        wait.until(d -> !d.findElements(By.cssSelector("#attachment-images img")).isEmpty());
        click("register");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-SUBMIT-" + year)));
        click("step-SUBMIT-" + year);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-taken")));
        assertThat(text("step-taken")).isEqualTo("Đã nộp hồ sơ năm " + year + " để thẩm định.");

        driver.get(base + "/");
        click("renew-last-year");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("renewed")));
        // of the six initiatives of Phi Liêng and Đạ K'Nàng of last year that the demo has not renewed yet, the four of the
        // communes' own bodies (the other two belong to district bodies, which the province's officers carry on)
        assertThat(text("renewed")).isEqualTo("Đã đăng ký lại 4 mô hình, điển hình (duy trì).");

        as("btgdv.lamdong");
        driver.get(page);
        click("evaluation-" + year);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("criteria-table")));
        List<WebElement> fields = driver.findElements(By.cssSelector("#criteria-table input[id^=score-]"));
        String[] scores = {"28", "8,5", "14", "9", "14", "9", "9"};
        for (int k = 0; k < Math.min(fields.size(), scores.length); k++) {
            fields.get(k).clear();
            fields.get(k).sendKeys(scores[k]);
        }
        click("submit-sheet");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("average")));
        assertThat(text("average")).contains("91,5");
        click("finalise");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("registration-" + year), "Đã đánh giá"));

        as("btv.lamdong");
        driver.get(base + "/");
        // the to-do link opens the recognition form of the province and the year, filled in
        driver.findElement(By.cssSelector("#recognition-links a.recognise-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recognition-rows")));
        assertThat(driver.findElement(By.id("unit")).getAttribute("value")).isEqualTo("Tỉnh Lâm Đồng");
        assertThat(driver.findElement(By.id("year")).getAttribute("value")).isEqualTo(String.valueOf(year));
        assertThat(text("recognition-rows")).contains(name);
        // this decision is for the commune alone, chosen by its name
        WebElement provinceRows = driver.findElement(By.id("recognition-rows"));
        pickUnit("unit", "dam rong 1", "Xã Đam Rông 1 — Tỉnh Lâm Đồng");
        click("show");
        wait.until(ExpectedConditions.stalenessOf(provinceRows));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recognition-rows")));
        assertThat(driver.findElement(By.id("unit")).getAttribute("value")).isEqualTo("Xã Đam Rông 1 — Tỉnh Lâm Đồng");
        assertThat(text("recognition-rows")).contains(name);
        type("decisionNumber", "99-QĐ/TU");
        setDate("decisionDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        type("issuingBody", "Ban Thường vụ Tỉnh ủy Lâm Đồng");
        click("recognise");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recognised")));
        assertThat(text("recognised")).contains("Quyết định số 99-QĐ/TU");
        driver.get(page);
        assertThat(text("registration-" + year)).contains("Đã công nhận");

        as("btgdv.lamdong");
        driver.get(base + "/reports");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figure-total")));
        assertThat(text("report-heading")).contains("Tỉnh Lâm Đồng", String.valueOf(year));
        // the new initiative and the four renewed on top of what the province had
        assertThat(Integer.parseInt(text("figure-total").replaceAll("\\D", ""))).isEqualTo(provinceBefore + 1 + 4);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-sectors canvas")));
        assertThat(text("report-no-boundaries")).isNotBlank();
        assertThat(driver.findElements(By.id("import-boundaries"))).isEmpty();
        pickUnit("unit", "dam rong 1", "Xã Đam Rông 1 — Tỉnh Lâm Đồng");
        driver.findElement(By.id("unit")).submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-heading"), "Xã Đam Rông 1"));
        assertThat(Integer.parseInt(text("figure-total").replaceAll("\\D", ""))).isEqualTo(communeBefore + 1 + 4);
        // the documents the page's buttons download, fetched with the browser's own session
        WebElement documents = driver.findElement(By.id("report-documents"));
        String query = "?unit=" + URLEncoder.encode(documents.findElement(By.name("unit")).getAttribute("value"),
                StandardCharsets.UTF_8) + "&year="
                + documents.findElement(By.name("year")).getAttribute("value") + "&style=party";
        for (String button : List.of("download-docx", "download-pdf", "download-xlsx")) {
            String formAction = driver.findElement(By.id(button)).getAttribute("formaction");
            String action = formAction == null || formAction.isBlank() ? documents.getAttribute("action") : formAction;
            assertThat(download((action.startsWith("/") ? base + action : action) + query)).as(button).isGreaterThan(1000);
        }

        as(DvkIntegrationTest.DAM_RONG_OFFICER);
        driver.get(base + "/reports?year=2021");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figure-total")));
        assertThat(text("report-heading")).contains("Huyện Đam Rông", "2021");
        assertThat(text("figure-total")).isEqualTo("47");
        assertThat(text("figure-new")).isEqualTo("37");
        assertThat(text("figure-maintained")).isEqualTo("10");
    }

    private int summaryTotal(String user, String unit, int year) throws Exception {
        return JsonPath.read(api(user, "GET", "/api/v1/reports/summary?structure=today&year=" + year
                + (unit.isEmpty() ? "" : "&unit=" + unit), null), "$.total");
    }

    /** The size of a document the page downloads, fetched with the browser's session cookie. */
    private long download(String href) throws Exception {
        String cookies = String.join("; ", driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(href).isEqualTo(200);
        return response.body().length;
    }
}
