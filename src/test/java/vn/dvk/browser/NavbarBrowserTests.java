package vn.dvk.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dvk.DvkIntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The menu fits one line on a 1366 px laptop, in either language and with everything an administrator sees, and folds on a phone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NavbarBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void assertOneLine(WebDriver driver) {
        WebElement navbar = driver.findElement(By.cssSelector("nav.navbar"));
        WebElement link = driver.findElement(By.id("nav-initiatives"));
        List<WebElement> items = driver.findElements(By.cssSelector("#nav > ul > li"));
        int top = items.get(0).getRect().getY();
        assertThat(items).allSatisfy(item -> assertThat(Math.abs(item.getRect().getY() - top)).as(item.getText()).isLessThan(6));
        assertThat(navbar.getRect().getHeight()).isLessThan(2 * link.getRect().getHeight());
    }

    @Test
    void anAdministratorsMenuIsOneLineAt1366PixelsInBothLanguages() {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1366, 768));
        browser.login(url(""), DvkIntegrationTest.ADMIN, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(url("/organisations?lang=vi"));
        assertThat(driver.findElement(By.className("navbar-toggler")).isDisplayed()).isFalse();
        assertOneLine(driver);
        driver.get(url("/organisations?lang=en"));
        assertOneLine(driver);
        driver.get(url("/organisations?lang=vi"));
    }

    @Test
    void onAPhoneTheMenuFoldsBehindTheToggler() {
        WebDriver driver = browser.driver();
        browser.phone();
        browser.login(url(""), DvkIntegrationTest.DAM_RONG_OFFICER, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(url("/organisations"));
        assertThat(driver.findElement(By.className("navbar-toggler")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("nav-initiatives")).isDisplayed()).isFalse();
    }
}
