package vn.dvk.browser;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.initiative.InitiativeRegistry;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.support.ui.Select;
import vn.dvk.ImportedInitiatives;

import static org.assertj.core.api.Assertions.assertThat;

/** An officer imports a commune's workbook in the browser: job page with its progress, preview, confirmation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportBrowserTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    InitiativeRegistry registry;

    @AfterEach
    void removeImported() {
        ImportedInitiatives.remove(registry, "nhap trinh duyet");
    }

    private void click(WebDriver driver, By by) {
        browser.click(driver.findElement(by));
    }

    /** A workbook of the rows, in a temporary file for the browser to send. */
    private static Path workbook(String sheetName, List<List<String>> rows) throws Exception {
        Path file = Files.createTempFile("ds-", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
        }
        return file;
    }

    @Test
    void anOfficerPreviewsThenImportsAWorkbook() throws Exception {
        Path file = workbook("DS", List.of(
                List.of("Tên mô hình, điển hình", "Loại", "Tập thể/Cá nhân", "Lĩnh vực", "Tỉnh", "Huyện", "Xã", "Năm đăng ký", "Đăng ký"),
                List.of("Tổ nhập trình duyệt một", "Mô hình", "Tập thể", "Kinh tế", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới"),
                List.of("Tổ nhập trình duyệt hai", "Mô hình", "Tập thể", "Thể thao", "Lâm Đồng", "Đam Rông", "Phi Liêng", "2023", "Mới")));
        WebDriver driver = browser.driver();
        String base = "http://localhost:" + port;
        browser.login(base, DvkIntegrationTest.LAM_DONG_OFFICER, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(base + "/initiatives");
        driver.findElement(By.id("import-link")).click();
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        click(driver, By.id("send-import"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-preview")));
        assertThat(driver.getCurrentUrl()).contains("/exchange/jobs/");
        assertThat(driver.findElement(By.id("import-problems")).getText()).contains("Thể thao");
        assertThat(driver.findElement(By.id("import-lines")).getText()).contains("Tổ nhập trình duyệt một");
        click(driver, By.id("goodRowsOnly"));
        click(driver, By.id("confirm-import"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
        assertThat(driver.findElement(By.id("import-done")).getText()).contains("thêm 1");
        assertThat(driver.findElement(By.id("rejected-link")).isDisplayed()).isTrue();
        Files.deleteIfExists(file);
    }

    /**
     * A district's own list with titles DVK does not know and a sector of its own words: the preview opens the
     * column-mapping step with its guesses; the officer maps the unknown value, previews again and imports.
     */
    @Test
    void anOfficerMapsTheColumnsAndAValueOfAnOfficesOwnListThenImportsIt() throws Exception {
        Path file = workbook("Biểu 02", List.of(
                List.of("HUYỆN ỦY ĐAM RÔNG"),
                List.of("DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2023"),
                List.of("TT", "Mô hình dân vận khéo", "Hình thức", "Phân loại", "Nhóm", "Đơn vị chủ trì", "Tình trạng"),
                List.of("1", "Tổ nhập trình duyệt đường làng", "Mô hình", "Tập thể", "Kinh tế", "Xã Phi Liêng", "Mới"),
                List.of("2", "Tổ nhập trình duyệt thu gom rác", "Mô hình", "Tập thể", "Môi trường", "Xã Rô Men", "Mới"),
                List.of("Tổng cộng: 2 mô hình")));
        WebDriver driver = browser.driver();
        String base = "http://localhost:" + port;
        browser.login(base, DvkIntegrationTest.DAM_RONG_OFFICER, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(base + "/exchange/import");
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        click(driver, By.id("send-import"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-mapping")));
        assertThat(driver.findElement(By.id("mapping-needed")).isDisplayed()).isTrue();
        // each guess pre-selected beside its column's values
        assertThat(new Select(driver.findElement(By.id("map-2"))).getFirstSelectedOption().getText())
                .isEqualTo("Loại (Mô hình/Điển hình)");
        assertThat(new Select(driver.findElement(By.id("map-5"))).getFirstSelectedOption().getText())
                .isEqualTo("Xã/Phường/Thị trấn");
        assertThat(driver.findElement(By.id("mapping-col-F")).getText()).contains("Đơn vị chủ trì", "Xã Phi Liêng");
        assertThat(driver.findElement(By.id("import-problems")).getText()).contains("Môi trường");
        new Select(driver.findElement(By.id("value-0"))).selectByVisibleText("Xây dựng nông thôn mới");
        // the page taken before the click: looked up after it, it may be the old one, the new one, or none mid-load
        WebElement page = driver.findElement(By.tagName("html"));
        click(driver, By.id("mapping-submit"));
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-report")));
        assertThat(driver.findElements(By.id("import-problems"))).isEmpty();
        assertThat(driver.findElements(By.id("mapping-needed"))).isEmpty();
        assertThat(driver.findElement(By.id("import-conversions")).getText()).contains("Môi trường", "Xây dựng nông thôn mới");
        click(driver, By.id("confirm-import"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
        assertThat(driver.findElement(By.id("import-done")).getText()).contains("thêm 2");
        Files.deleteIfExists(file);
    }
}
