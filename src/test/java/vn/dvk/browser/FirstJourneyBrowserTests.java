package vn.dvk.browser;

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

import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** A first visit in a real browser: login, home page, language switch, the unit tree down to a commune, search. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstJourneyBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @Test
    void anOfficerOpensDvkSwitchesLanguageBrowsesToACommuneAndSearches() {
        WebDriver driver = browser.driver();
        driver.get(url("/"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        browser.login(url(""), DvkIntegrationTest.DAM_RONG_OFFICER, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(url("/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Phong trào thi đua \"Dân vận khéo\"");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");

        driver.findElement(By.id("lang-en")).click();
        waiting(driver).until(ExpectedConditions.textToBe(By.tagName("h1"), "The \"Dân vận khéo\" emulation movement"));
        driver.findElement(By.id("lang-vi")).click();
        waiting(driver).until(ExpectedConditions.textToBe(By.tagName("h1"), "Phong trào thi đua \"Dân vận khéo\""));

        driver.findElement(By.id("nav-catalogue")).click();
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id("nav-units"))).click();
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id("structure-before"))).click();
        waiting(driver).until(ExpectedConditions.urlContains("on=2025-06-30"));
        WebElement lamDong = waiting(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//li[a[normalize-space()='Tỉnh Lâm Đồng']]")));
        browser.click(lamDong.findElement(By.tagName("button")));
        WebElement damRong = waiting(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//li[a[normalize-space()='Huyện Đam Rông']]")));
        browser.click(damRong.findElement(By.tagName("button")));
        WebElement phiLieng = waiting(driver).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//a[normalize-space()='Xã Phi Liêng']")));
        browser.click(phiLieng);
        waiting(driver).until(ExpectedConditions.textToBe(By.id("unit-name"), "Xã Phi Liêng"));
        assertThat(driver.findElement(By.id("unit-code")).getText()).isEqualTo("24886");
        assertThat(driver.findElement(By.id("unit-children")).getText()).contains("Thôn Trung Tâm", "Thôn Đồng Tâm");
        assertThat(driver.findElement(By.id("successors")).getText()).contains("Xã Đam Rông 1");

        driver.get(url("/units"));
        driver.findElement(By.id("unit-search")).sendKeys("dam rong");
        WebElement results = waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("search-list")));
        assertThat(results.getText()).contains("Xã Đam Rông 1", "Xã Đam Rông 4");
    }

    @Test
    void theUnitBrowserWorksOnAPhone() {
        WebDriver driver = browser.driver();
        browser.phone();
        browser.login(url(""), DvkIntegrationTest.LUC_YEN_VIEWER, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(url("/units?q=ky+son&on=2019-06-01"));
        assertThat(driver.findElement(By.id("search-list")).getText()).contains("Huyện Kỳ Sơn");
        WebElement toggler = driver.findElement(By.className("navbar-toggler"));
        assertThat(toggler.isDisplayed()).isTrue();
        toggler.click();
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id("nav-catalogue"))).click();
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-organisations"))).click();
        waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("organisation-table")));
        Long scrollWidth = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(400L);
    }
}
