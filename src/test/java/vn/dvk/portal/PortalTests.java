package vn.dvk.portal;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public portal without login: what the demo publishes is there, nothing private ever is, stories
 * are sanitised and need image descriptions, and the people's voice goes through moderation.
 */
@DvkIntegrationTest
class PortalTests {

    private static final String CO_OP = "Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Feedbacks feedbacks;

    private RequestPostProcessor officer() {
        return Logins.as(directory, DvkIntegrationTest.LAM_DONG_OFFICER);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("delete from feedback where text like '%kiểm thử cổng%'");
        jdbc.update("delete from story where title like '%kiểm thử cổng%'");
        jdbc.update("update initiative set responsible_officer = null where responsible_officer = 'Nguyễn Văn Bí Mật'");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long coOp() {
        return jdbc.queryForObject("select id from initiative where name = ?", Long.class, CO_OP);
    }

    private String slug(long id) {
        return jdbc.queryForObject("select slug from public_listing where initiative_id = ?", String.class, id);
    }

    @Test
    void aVisitorFindsAndReadsTheDemoStoriesWithoutLoggingIn() throws Exception {
        String home = page("/cong-khai");
        assertThat(home).contains("Phi Liêng: hợp tác xã trồng rau công nghệ cao", "Liêng Krắc 1", "Hợp Thành");
        String byCommune = page("/cong-khai/mo-hinh?province=68&commune=24886");
        assertThat(byCommune).contains(CO_OP, "id=\"commune\"").doesNotContain("Liêng Krắc 1");
        String gallery = page("/cong-khai/mo-hinh?q=rau+cong+nghe+cao");
        assertThat(gallery).contains(CO_OP).doesNotContain("Đồng thuận giữa chính quyền");
        String slug = slug(coOp());
        assertThat(slug).isEqualTo("hop-tac-xa-trong-rau-cong-nghe-cao-thon-trung-tam-" + coOp());
        String story = page("/cong-khai/mo-hinh/" + slug);
        assertThat(story).contains("<h1 id=\"story-title\">" + CO_OP + "</h1>", "property=\"og:title\"", "rel=\"canonical\"",
                "id=\"voice-form\"", "Xã Phi Liêng");
        // the Hợp Thành pilot shows its public replicas
        long pilot = jdbc.queryForObject("select min(id) from initiative where name like 'Đồng thuận giữa chính quyền%'"
                + " and replicated_from_id is null", Long.class);
        String pilotPage = page("/cong-khai/mo-hinh/" + slug(pilot));
        assertThat(pilotPage).contains("id=\"story-replicas\"", "Xã Độc Lập", "Hợp Thành: đồng thuận về đất đai");
        // sitemap and feed
        assertThat(page("/sitemap.xml")).contains("/cong-khai/mo-hinh/" + slug);
        assertThat(page("/cong-khai/bai-viet.atom")).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                "Liêng Krắc 1: tổ hợp tác trồng dâu nuôi tằm");
        // an unknown or private slug is not found
        mvc.perform(get("/cong-khai/mo-hinh/khong-co-" + 999_999)).andExpect(status().isNotFound());
    }

    @Test
    void nothingPrivateReachesAPublicPageOrThePublicApi() throws Exception {
        long id = coOp();
        jdbc.update("update initiative set responsible_officer = 'Nguyễn Văn Bí Mật' where id = ?", id);
        // a published voice with a name and phone; a draft story; an unlisted initiative
        jdbc.update("insert into feedback (initiative_id, kind, author_name, phone, text, state, answer, answered_by, answered_at,"
                + " client_key, created_at) values (?, 'FEEDBACK', 'Trần Riêng Tư', '0912345678', 'Góp ý kiểm thử cổng về giá rau',"
                + " 'PUBLISHED', 'Cảm ơn góp ý', 'bdv.lamdong', current_timestamp, 'k', current_timestamp)", id);
        jdbc.update("insert into story (initiative_id, slug, title, lead, body, state, author, created_at, updated_at)"
                + " values (?, 'nhap-kiem-thu-cong', 'Bản nháp kiểm thử cổng', null, '<p>nháp</p>', 'DRAFT', 'x', current_timestamp,"
                + " current_timestamp)", id);
        String unlisted = jdbc.queryForObject("select name from initiative where name like 'Hợp tác xã trồng rau công nghệ cao thôn Đồng Tâm'",
                String.class);
        List<String> pages = new ArrayList<>();
        String slug = slug(id);
        for (String path : List.of("/cong-khai", "/cong-khai/mo-hinh", "/cong-khai/mo-hinh?q=rau", "/cong-khai/mo-hinh/" + slug,
                "/sitemap.xml", "/cong-khai/bai-viet.atom", "/api/public/v1/initiatives", "/api/public/v1/initiatives/" + slug)) {
            pages.add(page(path));
        }
        String all = String.join("\n", pages);
        assertThat(all).contains("Góp ý kiểm thử cổng về giá rau", "Cảm ơn góp ý")
                .doesNotContain("Bí Mật", "Trần Riêng Tư", "0912345678", "Bản nháp kiểm thử cổng", unlisted, "Xuất sắc", "EXCELLENT",
                        "score", "rating", "responsibleOfficer", "organisationId", "Ban Dân vận Huyện ủy Đam Rông");
    }

    @Test
    void storiesAreSanitisedPreviewedAndNeedImageDescriptions() {
        String dirty = "<p onclick=\"steal()\">Bài <b>kiểm thử cổng</b></p><script>alert(1)</script>"
                + "<img src=\"https://evil.example/x.png\" alt=\"x\"><img src=\"/cong-khai/anh/5\" alt=\"\"><a href=\"javascript:x()\">x</a>";
        String clean = Stories.sanitise(dirty, 1, List.of(5L));
        assertThat(clean).doesNotContain("script", "onclick", "evil.example", "javascript")
                .contains("<b>kiểm thử cổng</b>", "<img src=\"/cong-khai/anh/5\" alt=\"\">");
        assertThat(Stories.sanitise(dirty, 1, List.of())).doesNotContain("<img");
    }

    @Test
    void anOfficerWritesPreviewsAndPublishesAStory() throws Exception {
        long id = coOp();
        String form = mvc.perform(get("/initiatives/" + id + "/portal").with(officer())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("id=\"story-form\"", "id=\"public-link\"");
        String location = mvc.perform(post("/initiatives/" + id + "/portal/stories").with(officer()).with(csrf())
                        .param("title", "Mùa rau mới kiểm thử cổng").param("lead", "Sapo").param("action", "preview")
                        .param("body", "<p>Nội dung <script>x</script>kiểm thử cổng</p>"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/preview");
        String preview = mvc.perform(get(location).with(officer())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("id=\"preview-note\"", "Nội dung kiểm thử cổng").doesNotContain("<script>x");
        assertThat(page("/cong-khai/mo-hinh/" + slug(id))).doesNotContain("Mùa rau mới kiểm thử cổng");
        Long storyId = jdbc.queryForObject("select id from story where title = 'Mùa rau mới kiểm thử cổng'", Long.class);
        mvc.perform(post("/initiatives/" + id + "/portal/stories/" + storyId + "/publish").param("publish", "true").with(officer()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/cong-khai/mo-hinh/" + slug(id))).contains("Mùa rau mới kiểm thử cổng");
        assertThat(page("/cong-khai/bai-viet.atom")).contains("Mùa rau mới kiểm thử cổng");
        // the Đam Rông officer of another scope cannot publish about it? (same province: allowed); a viewer cannot
        mvc.perform(post("/initiatives/" + id + "/portal/stories/" + storyId + "/publish").param("publish", "false")
                .with(Logins.as(directory, DvkIntegrationTest.LUC_YEN_VIEWER)).with(csrf())).andExpect(status().is4xxClientError());
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void thePeoplesVoiceIsModeratedBeforeItAppears() throws Exception {
        long id = coOp();
        String path = "/cong-khai/mo-hinh/" + slug(id);
        String token = token(page(path));
        // sent too fast: refused
        String tooFast = mvc.perform(post(path + "/gop-y").param("token", token).param("text", "Góp ý quá nhanh kiểm thử cổng"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooFast).contains("id=\"voice-error\"");
        Thread.sleep(Feedbacks.TOO_FAST.toMillis() + 200);
        // a bot fills the hidden field: refused
        mvc.perform(post(path + "/gop-y").param("token", token).param("text", "Bot kiểm thử cổng spam spam").param("website", "x"))
                .andExpect(status().isOk());
        mvc.perform(post(path + "/gop-y").param("token", token).param("kind", "PROPOSAL").param("name", "Người Dân Thử")
                        .param("phone", "0987 654 321").param("text", "Đề nghị kiểm thử cổng mở thêm lớp tập huấn"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from feedback where text like '%kiểm thử cổng%'", Long.class)).isEqualTo(1);
        assertThat(page(path)).doesNotContain("Đề nghị kiểm thử cổng");
        // the officer answers and publishes it
        String list = mvc.perform(get("/portal/feedback").param("state", "NEW").with(officer())).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Đề nghị kiểm thử cổng", "Người Dân Thử", "0987654321");
        Long feedbackId = jdbc.queryForObject("select id from feedback where text like 'Đề nghị kiểm thử cổng%'", Long.class);
        mvc.perform(post("/portal/feedback/" + feedbackId).param("answer", "Xã sẽ mở lớp vào tháng tới").param("state", "PUBLISHED")
                .param("version", "0").with(officer()).with(csrf())).andExpect(status().is3xxRedirection());
        String after = page(path);
        assertThat(after).contains("Đề nghị kiểm thử cổng mở thêm lớp tập huấn", "Xã sẽ mở lớp vào tháng tới")
                .doesNotContain("Người Dân Thử", "0987654321");
        // a second officer's screen, read before the answer: refused, the answer kept; the counts by state include it
        mvc.perform(post("/portal/feedback/" + feedbackId).param("answer", "Trả lời từ màn hình cũ").param("state", "HIDDEN")
                .param("version", "0").with(officer()).with(csrf()));
        assertThat(jdbc.queryForObject("select answer || '/' || state from feedback where id = ?", String.class, feedbackId))
                .isEqualTo("Xã sẽ mở lớp vào tháng tới/PUBLISHED");
        // an answer over the limit is refused, the page saying the limit (the message's number carried over the redirect)
        Long current = jdbc.queryForObject("select version from feedback where id = ?", Long.class, feedbackId);
        var refused = mvc.perform(post("/portal/feedback/" + feedbackId).param("answer", "x".repeat(2001)).param("state", "PUBLISHED")
                .param("version", String.valueOf(current)).with(officer()).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(mvc.perform(get("/portal/feedback").requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, refused.getFlashMap()).with(officer())).andReturn().getResponse()
                .getContentAsString()).contains("Câu trả lời dài quá 2000 ký tự.", "x".repeat(2001));
        assertThat(jdbc.queryForObject("select answer from feedback where id = ?", String.class, feedbackId))
                .isEqualTo("Xã sẽ mở lớp vào tháng tới");
        String moderation = mvc.perform(get("/portal/feedback").with(officer())).andReturn().getResponse().getContentAsString();
        assertThat(moderation).contains("Đề nghị kiểm thử cổng", "Xã sẽ mở lớp vào tháng tới");
        // counted in the reports: the year's voices about initiatives of the province (in today's structure)
        String summary = mvc.perform(get("/api/v1/reports/summary").param("unit", "68").param("structure", "today")
                .param("year", String.valueOf(LocalDate.now().getYear())).with(officer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(summary, "$.voices.PUBLISHED")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) JsonPath.read(summary, "$.voices.TOTAL")).longValue()).isGreaterThanOrEqualTo(1);
        // a visitor who keeps sending is stopped
        for (int i = 0; i < Feedbacks.PER_TEN_MINUTES; i++) {
            mvc.perform(post(path + "/gop-y").param("token", token).param("text", "Lặp lại kiểm thử cổng số " + i)
                    .with(r -> { r.setRemoteAddr("10.9.9.9"); return r; }));
        }
        String stopped = mvc.perform(post(path + "/gop-y").param("token", token).param("text", "Lần nữa kiểm thử cổng")
                .with(r -> { r.setRemoteAddr("10.9.9.9"); return r; })).andReturn().getResponse().getContentAsString();
        assertThat(stopped).contains("Bạn đã gửi nhiều ý kiến");
    }

    @Test
    void aPublicPageWeighsUnder500KilobytesBeforeImages() throws Exception {
        String path = "/cong-khai/mo-hinh/" + slug(coOp());
        String html = page(path);
        long total = html.getBytes(StandardCharsets.UTF_8).length;
        Matcher m = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"").matcher(html);
        while (m.find()) {
            total += mvc.perform(get(m.group(1))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray().length;
        }
        assertThat(total).isLessThan(500 * 1024);
    }
}
