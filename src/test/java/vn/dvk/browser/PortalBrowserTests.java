package vn.dvk.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor, without logging in, finds an exemplar by typing without diacritics, reads it and sends
 * a proposal; every public page passes an automated WCAG 2.1 AA check (axe-core) on a desktop and a
 * phone-sized window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("delete from feedback where text like '%trình duyệt cổng%'");
    }

    private static void accessible(WebDriver driver) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        assertThat(results.getPasses()).as("axe ran its checks on %s", driver.getCurrentUrl()).hasSizeGreaterThan(10);
        assertThat(results.getViolations()).as("WCAG 2.1 AA violations on %s: %s", driver.getCurrentUrl(),
                results.getViolations().stream().map(PortalBrowserTests::describe).collect(Collectors.joining("; "))).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                .collect(Collectors.joining(", ")) + ")";
    }

    @Test
    void aVisitorFindsReadsAndWritesAboutAnExemplar() throws Exception {
        WebDriver driver = browser.driver();
        String base = "http://localhost:" + port;
        driver.get(base + "/cong-khai");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Dân vận khéo");
        accessible(driver);
        driver.findElement(By.linkText("Mô hình, điển hình")).click();
        driver.findElement(By.id("q")).sendKeys("dau nuoi tam");
        driver.findElement(By.cssSelector("#gallery-filter button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q=dau"));
        accessible(driver);
        driver.findElement(By.partialLinkText("Tổ hợp tác trồng dâu nuôi tằm thôn Liêng Krắc 1")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("story-title")));
        assertThat(driver.getPageSource()).contains("Liêng Krắc 1: tổ hợp tác trồng dâu nuôi tằm");
        accessible(driver);
        browser.phone();
        accessible(driver);
        Thread.sleep(3_200); // a person takes a few seconds to write; a form sent at once is refused as automated
        driver.findElement(By.id("voice-kind")).sendKeys("Kiến nghị");
        driver.findElement(By.id("voice-text")).sendKeys("Đề nghị trình duyệt cổng: hướng dẫn thêm các thôn khác nuôi tằm");
        var send = driver.findElement(By.id("voice-send"));
        browser.click(send);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("voice-sent")));
        assertThat(jdbc.queryForObject("select count(*) from feedback where text like '%trình duyệt cổng%' and state = 'NEW'", Long.class))
                .isEqualTo(1);
        accessible(driver);
    }
}
