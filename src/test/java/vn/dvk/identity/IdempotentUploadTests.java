package vn.dvk.identity;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.DvkIntegrationTest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A photo sent again after a lost answer, through the real server: a browser draws a new multipart boundary for each
 * send, so the same photo under the same key must still be the same request (one attachment), and another photo
 * under that key another request (422).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotentUploadTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((DvkIntegrationTest.LAM_DONG_OFFICER + ":" + DvkIntegrationTest.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] photo(int shade) throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics graphics = image.getGraphics();
        graphics.setColor(new java.awt.Color(shade, 120, 60));
        graphics.fillRect(20, 20, 200, 150);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private HttpResponse<String> upload(long id, String key, byte[] png) throws Exception {
        String boundary = "----dvk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"anh-thon-4.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(png);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(request("/api/v1/initiatives/" + id + "/attachments").header("Idempotency-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPhotoSentAgainWithANewBoundaryIsStoredOnce() throws Exception {
        String name = "Tổ tự quản đường hoa thôn 4 " + UUID.randomUUID();
        HttpResponse<String> created = http.send(request("/api/v1/initiatives").header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "%s", "kind": "MODEL", "holder": "COLLECTIVE", "sector": "ECONOMY", "unitCode": "24886",
                         "startYear": 2024, "targetGroups": []}""".formatted(name))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();

        String key = UUID.randomUUID().toString();
        byte[] png = photo(200);
        HttpResponse<String> first = upload(id, key, png);
        assertThat(first.statusCode()).as(first.body()).isBetween(200, 201);
        HttpResponse<String> again = upload(id, key, png);
        assertThat(again.statusCode()).isEqualTo(first.statusCode());
        assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject("select count(*) from attachment where initiative_id = ?", Long.class, id)).isEqualTo(1);

        HttpResponse<String> otherPhoto = upload(id, key, photo(40));
        assertThat(otherPhoto.statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from attachment where initiative_id = ?", Long.class, id)).isEqualTo(1);
    }
}
