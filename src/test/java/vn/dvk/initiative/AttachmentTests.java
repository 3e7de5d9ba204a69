package vn.dvk.initiative;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.DispatcherServlet;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;
import vn.dvk.shared.DomainException;
import vn.dvk.shared.storage.DiskFileStorage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Photos get thumbnails, documents are checked by content, names are cleaned, nothing else gets in. */
@DvkIntegrationTest
class AttachmentTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DiskFileStorage storage;

    private Integer initiative() throws Exception {
        String body = mvc.perform(get("/api/v1/initiatives").param("q", "to hop tac trong dau nuoi tam lieng krac")
                .with(Logins.as(directory, DvkIntegrationTest.ADMIN))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.items[0].id");
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, width / 2, height / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] docx() throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Báo cáo thành tích Tổ hợp tác dâu tằm");
            document.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPhotoGetsAThumbnailAndADocumentIsDownloadedUnderItsCleanedName() throws Exception {
        Integer id = initiative();
        var officer = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        String photo = mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").with(officer).with(csrf())
                        .file(new MockMultipartFile("file", "../../etc/Nương dâu <2021>.png", "image/png", png(1200, 800)))
                        .param("caption", "Nương dâu của tổ"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("IMAGE"))
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.fileName").value("Nương dâu _2021_.png"))
                .andExpect(jsonPath("$.hasThumbnail").value(true))
                .andReturn().getResponse().getContentAsString();
        Integer photoId = JsonPath.read(photo, "$.id");
        byte[] thumbnail = mvc.perform(get("/attachments/" + photoId + "/thumbnail").with(officer))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(Attachments.THUMBNAIL);

        String document = mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").with(officer).with(csrf())
                        .file(new MockMultipartFile("file", "Báo cáo thành tích.docx", "application/octet-stream", docx())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("DOCUMENT"))
                .andExpect(jsonPath("$.contentType").value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andReturn().getResponse().getContentAsString();
        Integer documentId = JsonPath.read(document, "$.id");
        mvc.perform(get("/api/v1/attachments/" + documentId).with(officer))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("UTF-8''B%C3%A1o%20c%C3%A1o")));
        mvc.perform(get("/api/v1/initiatives/" + id + "/attachments").with(officer))
                .andExpect(jsonPath("$[?(@.id == " + documentId + ")].fileName").value("Báo cáo thành tích.docx"));
        mvc.perform(get("/initiatives/" + id).with(officer))
                .andExpect(content().string(containsString("/attachments/" + photoId + "/thumbnail")));

        mvc.perform(get("/api/v1/attachments/" + documentId).with(Logins.as(directory, DvkIntegrationTest.LUC_YEN_VIEWER)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/attachments/" + documentId).with(Logins.as(directory, DvkIntegrationTest.DAM_RONG_COMMITTEE)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/attachments/" + documentId).with(officer).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/attachments/" + documentId).with(officer)).andExpect(status().isNotFound());
    }

    @Test
    void theTypeIsReadFromTheContentNotTheName() throws Exception {
        Integer id = initiative();
        var officer = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        long before = jdbc.queryForObject("select count(*) from attachment", Long.class);
        mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").with(officer).with(csrf())
                        .file(new MockMultipartFile("file", "anh.jpg", "image/jpeg", "MZ\u0090\u0000 not an image".getBytes(StandardCharsets.ISO_8859_1))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("không phải ảnh hoặc tài liệu")));
        mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").with(officer).with(csrf())
                        .file(new MockMultipartFile("file", "trang.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").with(officer).with(csrf())
                        .file(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf", png(20, 20))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("không khớp")));
        mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").with(officer).with(csrf())
                        .file(new MockMultipartFile("file", "rong.png", "image/png", new byte[0])))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select count(*) from attachment", Long.class)).isEqualTo(before);
    }

    @Test
    void aFullDiskRefusesTheUploadNamingTheFileAndKeepsNothing(@TempDir Path root) throws Exception {
        Integer id = initiative();
        var officer = Logins.as(directory, DvkIntegrationTest.DAM_RONG_OFFICER);
        long before = jdbc.queryForObject("select count(*) from attachment", Long.class);
        Object path = ReflectionTestUtils.getField(storage, "root");
        Object minFree = ReflectionTestUtils.getField(storage, "minFree");
        ReflectionTestUtils.setField(storage, "root", root);
        ReflectionTestUtils.setField(storage, "minFree", Files.getFileStore(root).getUsableSpace() + (1L << 30));
        try {
            mvc.perform(multipart("/api/v1/initiatives/" + id + "/attachments").with(officer).with(csrf())
                            .file(new MockMultipartFile("file", "Nương dâu đầy đĩa.png", "image/png", png(200, 100))))
                    .andExpect(status().isInsufficientStorage())
                    .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                    .andExpect(jsonPath("$.detail", containsString("Không lưu được tệp \"Nương dâu đầy đĩa.png\"")))
                    .andExpect(jsonPath("$.detail", containsString("đã đầy")));
            MvcResult page = mvc.perform(multipart("/initiatives/" + id + "/attachments").with(officer).with(csrf())
                            .file(new MockMultipartFile("file", "Biên bản họp.pdf", "application/pdf", pdf())))
                    .andExpect(status().is3xxRedirection())
                    .andReturn();
            assertThat(page.getFlashMap().get("actionError")).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("storage.full"));
            mvc.perform(get(page.getResponse().getRedirectedUrl()).with(officer)
                            .requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, page.getFlashMap()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Không lưu được tệp &quot;Biên bản họp.pdf&quot;")));
        } finally {
            ReflectionTestUtils.setField(storage, "root", path);
            ReflectionTestUtils.setField(storage, "minFree", minFree);
        }
        assertThat(jdbc.queryForObject("select count(*) from attachment", Long.class)).isEqualTo(before);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    private static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void fileNamesAreCleaned() {
        assertThat(FileNames.sanitise("C:\\Users\\a\\Ảnh đẹp.JPG")).isEqualTo("Ảnh đẹp.JPG");
        assertThat(FileNames.sanitise("../../.bashrc")).isEqualTo("bashrc");
        assertThat(FileNames.sanitise("a\u0000b;rm -rf.png")).isEqualTo("a_b_rm -rf.png");
        assertThat(FileNames.sanitise("")).isEqualTo("tep");
        assertThat(FileNames.sanitise("x".repeat(300) + ".pdf")).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
    }
}
