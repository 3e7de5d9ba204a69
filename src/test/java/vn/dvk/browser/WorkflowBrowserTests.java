package vn.dvk.browser;

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

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

    @org.springframework.beans.factory.annotation.Autowired
    vn.dvk.identity.UserDirectory directory;

    private WebDriver driver;
    private WebDriverWait wait;
    private String base;

    private void click(String id) {
        WebElement element = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
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

    @Test
    void aUnitEditorSubmitsThisYearsRegistrationWithTheVisibleButton() throws Exception {
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        base = "http://localhost:" + port;
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        String editor = DvkIntegrationTest.PHI_LIENG_EDITOR;
        Integer unitId = com.jayway.jsonpath.JsonPath.read(api(editor, "GET", "/api/v1/admin-units/24886?on=2021-01-01", null), "$.id");
        Long organisation = directory.principalOf(editor).orElseThrow().organisationId();
        String name = "Mô hình thu gom rác thải nhựa thôn Păng Dung " + System.nanoTime();
        String created = api(editor, "POST", "/api/v1/initiatives", """
                {"name": "%s", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY", "unitId": %d,
                 "organisationId": %d, "startYear": %d}""".formatted(name, unitId, organisation, year));
        Number id = com.jayway.jsonpath.JsonPath.read(created, "$.initiative.id");

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

    @Test
    void aFullCycleFromRegistrationToCommendation() {
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        base = "http://localhost:" + port;
        int year = LocalDate.now().getYear();
        String name = "Mô hình nuôi cá tầm hồ Đạ Tẻh thử nghiệm " + System.nanoTime();

        as(DvkIntegrationTest.DAM_RONG_OFFICER);
        driver.get(base + "/initiatives/new");
        type("unitCode", "674");
        type("name", name);
        new Select(driver.findElement(By.id("sector"))).selectByValue("ECONOMY");
        click("save-initiative");
        wait.until(ExpectedConditions.textToBe(By.id("initiative-name"), name));
        String page = driver.getCurrentUrl();
        click("register");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registration-" + year)));
        click("step-SUBMIT-" + year);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("registration-" + year), "Đã nộp"));

        click("evaluation-" + year);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("criteria-table")));
        for (String[] score : new String[][] {{"1", "28"}, {"2", "9"}, {"3", "14"}, {"4", "9"}, {"5", "14"}, {"6", "9"}, {"7", "9"}}) {
            type("score-" + score[0], score[1]);
        }
        click("submit-sheet");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("average")));
        assertThat(driver.findElement(By.id("average")).getText()).contains("92", "Xuất sắc");
        click("finalise");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("registration-" + year), "Đã đánh giá"));

        as(DvkIntegrationTest.DAM_RONG_COMMITTEE);
        driver.get(base + "/recognitions/new?unit=674&year=" + year);
        assertThat(driver.findElement(By.id("recognition-rows")).getText()).contains(name);
        type("decisionNumber", "99-QĐ/HU");
        setDate("decisionDate", LocalDate.now());
        type("issuingBody", "Ban Thường vụ Huyện ủy Đam Rông");
        click("recognise");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recognised")));
        assertThat(driver.findElement(By.id("recognised")).getText()).contains("Quyết định số 99-QĐ/HU");

        as(DvkIntegrationTest.DAM_RONG_OFFICER);
        driver.get(base + "/proposals/new?unit=674&year=" + year);
        WebElement row = driver.findElement(By.xpath("//table[@id='proposal-rows']//tr[.//label[text()='" + name + "']]"));
        WebElement pick = row.findElement(By.cssSelector("input[type=checkbox]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", pick);
        pick.click();
        new Select(row.findElement(By.tagName("select"))).selectByVisibleText("Giấy khen");
        type("proposingBody", "Ban Dân vận Huyện ủy Đam Rông");
        type("authority", "UBND huyện Đam Rông");
        click("propose");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-items")));
        assertThat(driver.findElement(By.id("proposal-items")).getText()).contains(name, "Giấy khen");
        String proposal = driver.getCurrentUrl();

        as(DvkIntegrationTest.DAM_RONG_COMMITTEE);
        driver.get(proposal);
        type("decisionNumber", "1234/QĐ-UBND");
        setDate("decisionDate", LocalDate.now());
        click("decide");
        wait.until(ExpectedConditions.textToBe(By.id("proposal-state"), "Đã có quyết định"));
        driver.get(page);
        assertThat(driver.findElement(By.id("registration-" + year)).getText()).contains("Đã khen thưởng");
        assertThat(driver.findElement(By.id("workflow-timeline")).getText())
                .contains("Đã nộp", "Đã đánh giá", "Đã công nhận", "Đề nghị khen thưởng", "Đã khen thưởng",
                        "Quyết định số 1234/QĐ-UBND");
    }
}
