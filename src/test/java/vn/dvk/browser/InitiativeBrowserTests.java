package vn.dvk.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dvk.DvkIntegrationTest;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import vn.dvk.GeoJson;

import static org.assertj.core.api.Assertions.assertThat;

/** An officer finds an initiative by typing without diacritics, opens it, and sees the pilot's replicas. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InitiativeBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void searchListAndDetailWorkInTheBrowser() {
        WebDriver driver = browser.driver();
        String base = "http://localhost:" + port;
        browser.login(base, DvkIntegrationTest.ADMIN, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(base + "/initiatives?unit=151&year=2019");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        assertThat(driver.findElement(By.id("initiative-total")).getText()).isEqualTo("Tổng số: 54");

        driver.findElement(By.id("q")).sendKeys("mai am tinh thuong");
        wait.until(ExpectedConditions.textToBe(By.id("initiative-total"), "Tổng số: 1"));
        assertThat(driver.getCurrentUrl()).containsAnyOf("q=mai+am+tinh+thuong", "q=mai%20am%20tinh%20thuong");
        driver.findElement(By.linkText("Mái ấm tình thương xã Hợp Thịnh")).click();
        wait.until(ExpectedConditions.textToBe(By.id("initiative-name"), "Mái ấm tình thương xã Hợp Thịnh"));
        assertThat(driver.findElement(By.id("registration-table")).getText()).contains("2019");

        driver.get(base + "/initiatives?unit=151&q=dong+thuan+su+dung+dat");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("initiative-table")));
        driver.findElements(By.linkText("Đồng thuận giữa chính quyền và người dân trong quản lý và sử dụng đất")).get(0).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("initiative-name")));
        if (!driver.findElements(By.id("pilot-link")).isEmpty()) {
            driver.findElement(By.id("pilot-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("replica-tree")));
        }
        assertThat(driver.findElement(By.id("replica-tree")).getText()).contains("Thị trấn Kỳ Sơn", "Xã Độc Lập", "Xã Mông Hóa");
    }

    @Test
    void theUnitIsChosenByTypingItsNameAndTheOwnerPickerFillsFromIt() {
        WebDriver driver = browser.driver();
        String base = "http://localhost:" + port;
        browser.login(base, "btgdv.lamdong", DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(base + "/initiatives/new");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.findElement(By.id("unitCode")).sendKeys("dam rong 1");
        // the picker offers today's commune with its province, never the communes it replaced
        wait.until(d -> d.findElements(By.cssSelector("#unitCode-options option")).stream()
                .anyMatch(o -> "Xã Đam Rông 1 — Tỉnh Lâm Đồng".equals(o.getAttribute("value"))));
        assertThat(driver.findElements(By.cssSelector("#unitCode-options option")).stream().map(o -> o.getAttribute("value")))
                .noneMatch(v -> v.contains("Phi Liêng"));
        driver.findElement(By.id("unitCode")).clear();
        driver.findElement(By.id("unitCode")).sendKeys("Xã Đam Rông 1 — Tỉnh Lâm Đồng");
        driver.findElement(By.id("name")).click();
        wait.until(d -> d.findElement(By.id("organisationId")).getText().contains("Ủy ban nhân dân xã Đam Rông 1"));
        new Select(driver.findElement(By.id("organisationId")))
                .selectByVisibleText("Ủy ban nhân dân xã Đam Rông 1 — Xã Đam Rông 1");
        driver.findElement(By.id("name")).sendKeys("Mô hình thử chọn địa bàn bằng tên");
        new Select(driver.findElement(By.id("sector"))).selectByValue("ECONOMY");
        var save = driver.findElement(By.id("save-initiative"));
        browser.click(save);
        wait.until(ExpectedConditions.textToBe(By.id("initiative-name"), "Mô hình thử chọn địa bàn bằng tên"));
        assertThat(driver.getPageSource()).contains("Xã Đam Rông 1, Tỉnh Lâm Đồng", "Ủy ban nhân dân xã Đam Rông 1");
    }

    @Test
    void theDashboardDrawsItsChartsAndTheMapOfImportedBoundaries() throws Exception {
        WebDriver driver = browser.driver();
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        // an administrator imports boundaries for two communes of Lục Yên (codes as in 2024)
        browser.login(base, DvkIntegrationTest.ADMIN, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(base + "/reports?unit=135&year=2024");
        List<String> codes = driver.findElements(By.cssSelector("#report-table tbody tr td:first-child a")).stream()
                .map(a -> a.getAttribute("href").replaceAll(".*unit=(\\d+).*", "$1")).limit(2).toList();
        Path file = Files.createTempFile("ranh-gioi", ".geojson");
        Files.writeString(file, "{\"type\": \"FeatureCollection\", \"features\": ["
                + GeoJson.square(codes.get(0), 104.7, 22.1) + ", "
                + GeoJson.square(codes.get(1), 104.8, 22.1) + "]}");
        driver.get(base + "/units/boundaries");
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("on")).sendKeys("");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2024-12-31'", driver.findElement(By.id("on")));
        driver.findElement(By.id("import-boundaries")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("boundary-imported")));

        driver.manage().deleteAllCookies();
        browser.login(base, DvkIntegrationTest.LUC_YEN_VIEWER, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(base + "/?year=2024");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-sectors canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-children canvas")));
        assertThat(driver.findElement(By.id("dashboard-total")).getText()).isEqualTo("421");
        wait.until(d -> d.findElements(By.cssSelector("#dashboard-map path.leaflet-interactive")).size() == 2);
    }

}
