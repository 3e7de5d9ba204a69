package vn.dvk.identity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dvk.DvkApplication;
import vn.dvk.DvkIntegrationTest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Two web nodes on one database: a session made by logging in on one is valid on the other. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionSharingTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    @LocalServerPort
    int portA;
    ConfigurableApplicationContext nodeB;

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aSessionFromNodeAIsValidOnNodeB() throws Exception {
        nodeB = new SpringApplicationBuilder(DvkApplication.class).run("--server.port=0"); // an argument: application.properties sets the port
        int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
        assertThat(portB).isNotEqualTo(portA);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(uri(portA, "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String anonymousSession = cookie(loginPage);
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + DvkIntegrationTest.DAM_RONG_OFFICER + "&password=" + DvkIntegrationTest.DEMO_PASSWORD
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri(portA, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + anonymousSession)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String session = cookie(login);

        HttpResponse<String> onB = http.send(HttpRequest.newBuilder(uri(portB, "/api/v1/me"))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("\"username\":\"" + DvkIntegrationTest.DAM_RONG_OFFICER + "\"");
        HttpResponse<String> withoutSession = http.send(HttpRequest.newBuilder(uri(portB, "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutSession.statusCode()).isEqualTo(401);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie"));
    }
}
