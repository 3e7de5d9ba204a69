package vn.dvk.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import vn.dvk.DvkIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production runs behind a TLS proxy on the same host: what it forwards (X-Forwarded-Proto and -For)
 * makes HSTS and the Secure session cookie appear (the feedback limit: portal's FeedbackBehindProxyTests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BehindProxyTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void aRequestThatCameByHttpsGetsHstsAndASecureSessionCookie() throws Exception {
        HttpResponse<String> viaProxy = send(at("/login").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.10"));
        assertThat(viaProxy.statusCode()).isEqualTo(200);
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v)
                .contains("max-age=31536000"));
        assertThat(viaProxy.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
                .containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));

        HttpResponse<String> plain = send(at("/login"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
    }

    /** Through Tomcat itself (MockMvc skips it): a file name of 600 characters is answered with a message, never an empty 413 or a 5xx. */
    @Test
    void anUploadWithAVeryLongFileNameGetsAnAnswerWithABody() throws Exception {
        String boundary = "----dvk" + System.nanoTime();
        String name = "danh-sach-mo-hinh-" + "a".repeat(600) + ".csv";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\nTên mô hình, điển hình;Lĩnh vực\r\nMô hình thử;Kinh tế\r\n--" + boundary + "--\r\n";
        String basic = Base64.getEncoder().encodeToString((DvkIntegrationTest.DAM_RONG_OFFICER + ":"
                + DvkIntegrationTest.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(at("/api/v1/imports/initiatives").header("Authorization", "Basic " + basic)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertThat(answer.statusCode()).isLessThan(500).isNotEqualTo(413);
        assertThat(answer.body()).isNotBlank();
    }
}
