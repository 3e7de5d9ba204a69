package vn.dvk.portal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind the TLS proxy every visitor has the proxy's address: the feedback limit counts the one it forwards. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedbackBehindProxyTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void cleanUp() {
        jdbc.update("delete from feedback where text like '%kiểm thử proxy%'");
    }

    @Test
    void theLimitCountsEachVisitorNotTheProxy() throws Exception {
        String path = "/cong-khai/mo-hinh/" + jdbc.queryForObject("select slug from public_listing where initiative_id ="
                + " (select id from initiative where name = 'Hợp tác xã trồng rau công nghệ cao thôn Trung Tâm')", String.class);
        Matcher token = TOKEN.matcher(send(at(path)).body());
        assertThat(token.find()).isTrue();
        Thread.sleep(Feedbacks.TOO_FAST.toMillis() + 200);
        String busy = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        String other = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
        for (int i = 0; i < Feedbacks.PER_TEN_MINUTES; i++) {
            assertThat(send(feedback(path, token.group(1), busy, "Góp ý kiểm thử proxy số " + i)).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> stopped = send(feedback(path, token.group(1), busy, "Thêm một góp ý kiểm thử proxy"));
        assertThat(stopped.body()).contains("Bạn đã gửi nhiều ý kiến");
        HttpResponse<String> another = send(feedback(path, token.group(1), other, "Người khác gửi góp ý kiểm thử proxy"));
        assertThat(another.statusCode()).isEqualTo(302);
        assertThat(another.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("da-gui"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpRequest.Builder feedback(String path, String token, String client, String text) {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        return at(path + "/gop-y").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client).header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }
}
