package vn.dvk.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
}
