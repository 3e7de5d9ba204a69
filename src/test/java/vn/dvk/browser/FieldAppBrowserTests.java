package vn.dvk.browser;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.identity.UserDirectory;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commune cadre in the mountains, on a phone (390 x 844): what they save without a signal is kept on
 * the phone, survives closing the page, and arrives once — once only — when the signal returns, even
 * when an answer is lost, the record changed meanwhile or the session expired.
 * "Offline" is DevTools' emulation for the page and a cut relay for everything else (see {@link SwitchableNetwork}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FieldAppBrowserTests {

    static final String EDITOR = "xa.damrong1";
    static final String PROVINCE_OFFICER = "btgdv.lamdong";
    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
    static final long FIRST_LOAD_BUDGET = 300_000;

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    private SwitchableNetwork network;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        network = new SwitchableNetwork(port);
        driver = browser.driver();
        // the queue is drawn again whenever it changes: an item found a moment ago may be gone
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        browser.phone();
    }

    @AfterEach
    void stop() throws Exception {
        network.close();
    }

    private String url(String path) {
        return "http://localhost:" + network.port() + path;
    }

    // ---- the network ----

    private void emulate(boolean offline) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void offline() {
        network.down();
        emulate(true);
    }

    private void online() {
        network.up();
        emulate(false);
    }

    // ---- the page ----

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    private Object asyncScript(String js, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    private void waitReady() {
        wait.until(d -> "true".equals(script("return document.body && document.body.dataset.ready")));
    }

    /** Logs in, opens the field app and waits until its service worker controls the page with the shell kept. */
    private long openFieldApp(String user) {
        browser.login(url(""), user, DvkIntegrationTest.DEMO_PASSWORD);
        driver.get(url("/field"));
        waitReady();
        long firstLoad = ((Number) script("""
                var all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
                return all.reduce(function (sum, e) { return sum + (e.transferSize || 0); }, 0);""")).longValue();
        wait.until(d -> Boolean.TRUE.equals(asyncScript("""
                var done = arguments[arguments.length - 1];
                caches.open('dvk-shell-v1').then(function (c) { return c.match('/field'); })
                  .then(function (kept) { done(!!kept && !!navigator.serviceWorker.controller); }, function () { done(false); });""")));
        return firstLoad;
    }

    private void reopen() {
        String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        driver.switchTo().window(old).close();
        driver.switchTo().window(fresh);
    }

    private void click(String id) {
        browser.click(driver.findElement(By.id(id)));
    }

    private void type(String id, String text) {
        // a form's fields are filled and shown by the page's script after a choice: wait until this one takes typing
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private WebElement item(String label) {
        return wait.until(d -> d.findElements(By.cssSelector("#f-queue li.f-item")).stream()
                .filter(li -> li.findElement(By.className("f-label")).getText().contains(label)).findFirst().orElse(null));
    }

    private String state(String label) {
        return wait.until(d -> item(label).getDomAttribute("data-state"));
    }

    private String text(String label) {
        return wait.until(d -> item(label).getText());
    }

    private String cell(String label, String field, String side) {
        return wait.until(d -> item(label).findElement(By.cssSelector("tr[data-field=" + field + "] ." + side)).getText());
    }

    private void waitForState(String label, String state) {
        wait.until(d -> {
            if (!state.equals(state(label)) && "true".equals(script("return String(navigator.onLine)"))) {
                d.findElement(By.id("f-send")).click();
            }
            return state.equals(state(label));
        });
    }

    private static Path photo(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        Path file = Files.createTempFile("ruong-bac-thang-", ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    // ---- the server, as officers see it (straight to the server, not through the cut network) ----

    private HttpResponse<byte[]> call(String user, String method, String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + DvkIntegrationTest.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json");
        request = json == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String api(String user, String method, String path, String json) throws Exception {
        HttpResponse<byte[]> response = call(user, method, path, json);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(method + " " + path + ": " + body).isLessThan(300);
        return body;
    }

    private List<Integer> idsNamed(String user, String word) throws Exception {
        String list = api(user, "GET", "/api/v1/initiatives?size=50&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), null);
        return JsonPath.read(list, "$.items[*].id");
    }

    /** An initiative of the editor's own organisation in Thôn Trung Tâm, made through the API before the phone comes in. */
    private long initiativeOfTheCommune(String name) throws Exception {
        Long organisation = directory.principalOf(EDITOR).orElseThrow().organisationId();
        String bundle = api(EDITOR, "GET", "/api/v1/field/bundle", null);
        List<Integer> village = JsonPath.read(bundle, "$.units[?(@.name == 'Thôn Trung Tâm')].id");
        String created = api(EDITOR, "POST", "/api/v1/initiatives", """
                {"name": "%s", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY", "unitId": %d,
                 "organisationId": %d, "startYear": %d, "description": "Nhân dân góp công làm đường"}"""
                .formatted(name, village.get(0), organisation, THIS_YEAR - 1));
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    /**
     * Why the relay: with DevTools' offline emulation alone, the page is offline but its service worker is not —
     * the worker's network-first fetch of the page still reaches the server.
     */
    @Test
    void devToolsOfflineEmulationDoesNotCutTheServiceWorkersOwnRequests() {
        openFieldApp(EDITOR);
        long before = network.requestsSeen("GET /field");
        emulate(true);
        driver.get(url("/field?again"));
        waitReady();
        assertThat(script("return navigator.onLine")).isEqualTo(false);
        assertThat(network.requestsSeen("GET /field")).as("the worker fetched the page past the emulation").isGreaterThan(before);
    }

    // ---- (a) ----

    @Test
    void aCadreRegistersAnInitiativeWithAPhotoOfflineAndItArrivesOnceWhenTheSignalReturns() throws Exception {
        String word = "ruong" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Ruộng bậc thang " + word;
        long firstLoad = openFieldApp(EDITOR);
        assertThat(firstLoad).as("bytes of the field app's first load").isPositive().isLessThan(FIRST_LOAD_BUDGET);
        System.out.println("Field app, first load: " + firstLoad + " bytes transferred");

        offline();
        click("go-new");
        type("new-name", name);
        new Select(driver.findElement(By.id("new-sector"))).selectByValue("ECONOMY");
        new Select(driver.findElement(By.id("new-commune"))).selectByVisibleText("Xã Đam Rông 1");
        new Select(driver.findElement(By.id("new-village"))).selectByVisibleText("Thôn Trung Tâm");
        driver.findElement(By.id("new-photos")).sendKeys(photo(3200, 2400).toString());
        wait.until(d -> d.findElements(By.cssSelector("#new-preview img")).size() == 1);
        click("new-save");
        assertThat(state(name)).isEqualTo("pending");
        assertThat(text(name)).contains("chờ gửi", "1 ảnh");

        // the page closed and opened again, still without a signal: the shell and the queue are on the phone
        reopen();
        emulate(true);
        driver.get(url("/field"));
        waitReady();
        assertThat(state(name)).isEqualTo("pending");
        assertThat(idsNamed(PROVINCE_OFFICER, word)).isEmpty();

        online();
        waitForState(name, "sent");
        assertThat(text(name)).contains("đã gửi");

        List<Integer> found = idsNamed(PROVINCE_OFFICER, word);
        assertThat(found).hasSize(1);
        String initiative = api(PROVINCE_OFFICER, "GET", "/api/v1/initiatives/" + found.get(0), null);
        assertThat((String) JsonPath.read(initiative, "$.unitName")).contains("Trung Tâm");
        List<Integer> years = JsonPath.read(api(PROVINCE_OFFICER, "GET", "/api/v1/initiatives/" + found.get(0) + "/registrations", null),
                "$[*].year");
        assertThat(years).containsExactly(THIS_YEAR);
        String attachments = api(PROVINCE_OFFICER, "GET", "/api/v1/initiatives/" + found.get(0) + "/attachments", null);
        List<Integer> files = JsonPath.read(attachments, "$[*].id");
        assertThat(files).hasSize(1);
        byte[] jpeg = call(PROVINCE_OFFICER, "GET", "/api/v1/attachments/" + files.get(0), null).body();
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(Math.max(stored.getWidth(), stored.getHeight())).as("resized on the phone").isEqualTo(1600);
    }

    @Test
    void lastYearsInitiativeIsRenewedOfflineThenTheProvinceRecordsAVisitWithAPhotoOnTheSamePhone() throws Exception {
        String word = "dongco" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Đồng cỏ chăn nuôi " + word;
        long id = initiativeOfTheCommune(name);
        api(EDITOR, "POST", "/api/v1/initiatives/" + id + "/registrations", """
                {"year": %d, "status": "NEW"}""".formatted(THIS_YEAR - 1));
        openFieldApp(EDITOR);
        assertThat(driver.findElement(By.id("go-inspection")).isDisplayed()).as("inspections are the officers'").isFalse();

        offline();
        click("go-renew");
        browser.click(driver.findElement(By.cssSelector("#renew-list input[value='" + id + "']")));
        click("renew-save");
        assertThat(state("Đăng ký lại: " + name)).isEqualTo("pending");
        online();
        waitForState("Đăng ký lại: " + name, "sent");
        List<String> statuses = JsonPath.read(api(PROVINCE_OFFICER, "GET", "/api/v1/initiatives/" + id + "/registrations", null),
                "$[?(@.year == " + THIS_YEAR + ")].status");
        assertThat(statuses).containsExactly("MAINTAINED");

        // the phone changes hands: logging out takes the cadre's data with it
        click("logout");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        Object databases = asyncScript("""
                var done = arguments[arguments.length - 1];
                indexedDB.databases().then(function (all) { done(all.map(function (d) { return d.name; }).join(',')); });""");
        assertThat((String) databases).doesNotContain("dvk-field-xa.damrong1");

        openFieldApp(PROVINCE_OFFICER);
        offline();
        click("go-inspection");
        new Select(driver.findElement(By.id("inspection-initiative"))).selectByValue(String.valueOf(id));
        type("inspection-inspectors", "Ban Tuyên giáo và Dân vận Tỉnh ủy");
        type("inspection-findings", "Bà con giữ đồng cỏ chung, đàn bò tăng");
        driver.findElement(By.id("inspection-photos")).sendKeys(photo(1200, 900).toString());
        wait.until(d -> d.findElements(By.cssSelector("#inspection-preview img")).size() == 1);
        click("inspection-save");
        String visit = "Kiểm tra: ";
        assertThat(state(visit)).isEqualTo("pending");
        online();
        waitForState(visit, "sent");
        List<String> findings = JsonPath.read(api(PROVINCE_OFFICER, "GET", "/api/v1/initiatives/" + id + "/inspections", null),
                "$[*].findings");
        assertThat(findings).containsExactly("Bà con giữ đồng cỏ chung, đàn bò tăng");
        List<String> captions = JsonPath.read(api(PROVINCE_OFFICER, "GET", "/api/v1/initiatives/" + id + "/attachments", null),
                "$[*].caption");
        assertThat(captions).singleElement().asString().startsWith("Ảnh kiểm tra ngày");
    }

    // ---- (b) ----

    @Test
    void anAnswerLostOnTheWayAndASecondSendOfTheSameItemMakeOneRecord() throws Exception {
        String word = "giengnuoc" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Giếng nước sạch " + word;
        openFieldApp(EDITOR);
        network.loseTheAnswerTo("POST /api/v1/initiatives HTTP/1.1");
        click("go-new");
        type("new-name", name);
        new Select(driver.findElement(By.id("new-sector"))).selectByValue("NEW_RURAL");
        click("new-save");
        waitForState(name, "sent");
        assertThat(network.answersLost()).isEqualTo(1);
        assertThat(idsNamed(PROVINCE_OFFICER, word)).hasSize(1);

        // the same queued item sent again from the start, as after a crash between sending and noting it
        Object reset = asyncScript("""
                var label = arguments[0], done = arguments[arguments.length - 1];
                DvkQueue.open(localStorage.getItem('dvk.field.user')).then(function (db) {
                  return DvkQueue.items(db).then(function (all) {
                    var item = all.filter(function (i) { return i.label.indexOf(label) >= 0; })[0];
                    item.state = 'pending'; item.done = 0; item.vars = {}; item.replayed = false;
                    return DvkQueue.put(db, item);
                  });
                }).then(function () { done('ok'); }, function (e) { done(String(e)); });""", name);
        assertThat(reset).isEqualTo("ok");
        script("location.reload()");
        waitReady();
        waitForState(name, "sent");
        assertThat(idsNamed(PROVINCE_OFFICER, word)).hasSize(1);
        Object replayed = asyncScript("""
                var label = arguments[0], done = arguments[arguments.length - 1];
                DvkQueue.open(localStorage.getItem('dvk.field.user')).then(function (db) { return DvkQueue.items(db); })
                  .then(function (all) { done(all.filter(function (i) { return i.label.indexOf(label) >= 0; })[0].replayed); });""", name);
        assertThat(replayed).isEqualTo(true);
    }

    // ---- (c) ----

    @Test
    void anEditMadeOfflineOfARecordTheProvinceChangedMeanwhileIsShownSideBySide() throws Exception {
        String word = "chonguoi" + UUID.randomUUID().toString().substring(0, 8);
        long id = initiativeOfTheCommune("Chợ phiên vùng cao " + word);
        openFieldApp(EDITOR);
        click("go-edit");
        new Select(driver.findElement(By.id("edit-initiative"))).selectByValue(String.valueOf(id));
        wait.until(d -> d.findElement(By.id("edit-fields")).isEnabled());

        offline();
        type("edit-description", "Bà con tự quản chợ, sửa trên điện thoại");
        click("edit-save");
        String label = "Chợ phiên vùng cao " + word;
        assertThat(state(label)).isEqualTo("pending");

        // meanwhile the province's officer edits the record
        String current = api(PROVINCE_OFFICER, "GET", "/api/v1/initiatives/" + id, null);
        String edited = current.replace("\"results\":null", "\"results\":\"Tỉnh bổ sung kết quả\"");
        assertThat(edited).isNotEqualTo(current);
        int officersVersion = JsonPath.read(api(PROVINCE_OFFICER, "PUT", "/api/v1/initiatives/" + id, edited), "$.version");

        online();
        waitForState(label, "review");
        assertThat(text(label)).contains("cần xem lại");
        assertThat(cell(label, "description", "f-mine")).isEqualTo("Bà con tự quản chợ, sửa trên điện thoại");
        assertThat(cell(label, "description", "f-server")).isEqualTo("Nhân dân góp công làm đường");
        assertThat(cell(label, "results", "f-server")).isEqualTo("Tỉnh bổ sung kết quả");

        wait.until(d -> {
            browser.click(item(label).findElement(By.className("js-keep-mine")));
            return true;
        });
        waitForState(label, "sent");
        String after = api(PROVINCE_OFFICER, "GET", "/api/v1/initiatives/" + id, null);
        assertThat((String) JsonPath.read(after, "$.description")).isEqualTo("Bà con tự quản chợ, sửa trên điện thoại");
        assertThat((Integer) JsonPath.read(after, "$.version")).isEqualTo(officersVersion + 1);
    }

    // ---- (d) ----

    @Test
    void aSessionThatExpiresOfflineAsksForALoginAndThenSends() throws Exception {
        String word = "nuoiong" + UUID.randomUUID().toString().substring(0, 8);
        long id = initiativeOfTheCommune("Nuôi ong lấy mật " + word);
        openFieldApp(EDITOR);

        offline();
        click("go-indicator");
        new Select(driver.findElement(By.id("indicator-initiative"))).selectByValue(String.valueOf(id));
        type("indicator-name", "Số hộ tham gia");
        type("indicator-unit", "hộ");
        type("indicator-value", "42");
        click("indicator-save");
        String label = "Số hộ tham gia = 42";
        assertThat(state(label)).isEqualTo("pending");

        driver.manage().deleteAllCookies(); // the session ends while the phone is offline
        online();
        wait.until(d -> d.findElement(By.id("f-login")).isDisplayed());
        assertThat(state(label)).isEqualTo("pending");

        click("f-login-link");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        driver.findElement(By.id("username")).sendKeys(EDITOR);
        driver.findElement(By.id("password")).sendKeys(DvkIntegrationTest.DEMO_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> d.getCurrentUrl().contains("/field"));
        waitReady();
        waitForState(label, "sent");
        String initiative = api(PROVINCE_OFFICER, "GET", "/api/v1/initiatives/" + id, null);
        List<Object> values = JsonPath.read(initiative, "$.indicators[?(@.name == 'Số hộ tham gia')].value");
        assertThat(values).hasSize(1);
        assertThat(values.get(0).toString()).startsWith("42");
    }
}
