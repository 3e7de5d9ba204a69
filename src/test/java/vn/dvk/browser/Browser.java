package vn.dvk.browser;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives Debian's Chromium headless through Debian's chromedriver (never a browser downloaded at
 * run time). Without them the browser tests are skipped, saying how to install them. A failed test
 * leaves a screenshot and the page source in target/browser-artifacts. The watcher's callbacks run
 * after the test, so the browser is closed there, once the artefacts are kept.
 */
public class Browser implements BeforeEachCallback, TestWatcher {

    static final Path CHROMIUM = Path.of(System.getProperty("dvk.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dvk.chromedriver", "/usr/bin/chromedriver"));
    static final Path ARTIFACTS = Path.of(System.getProperty("dvk.browser-test.artifacts", "target/browser-artifacts"));

    private WebDriver driver;
    private Path profile;

    public WebDriver driver() {
        return driver;
    }

    /** Logs in through the login page, as a person would. */
    public void login(String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Clicks as a person would after scrolling: the element is brought to the middle of the window
     * at once first (Bootstrap makes scrolling smooth, and a click during the scroll lands on
     * whatever passes under the pointer).
     */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** Resizes the window to a phone's screen. */
    public void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("dvk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--lang=vi-VN", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(ARTIFACTS);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), ARTIFACTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(ARTIFACTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not keep the browser's screenshot: " + e);
        } finally {
            quit();
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        quit();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        quit();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        quit();
    }

    private void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
