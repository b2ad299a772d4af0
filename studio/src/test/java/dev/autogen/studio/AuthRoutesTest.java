package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/auth/*} as Python Studio's "none" auth type, and as our token changes it. */
class AuthRoutesTest {
    static final List<String> EXCLUDED = List.of("/", "/api/health", "/api/version", "/api/auth/login-url",
            "/api/auth/callback-handler", "/api/auth/callback", "/api/auth/type");

    @TempDir
    Path dir;

    @Test
    void withoutATokenTheTypeIsNoneAndEveryoneIsTheDefaultUser() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            var type = studio.get("/api/auth/type");
            assertThat(type.status()).isEqualTo(200);
            assertThat(type.body().get("type").asText()).isEqualTo("none");
            assertThat(strings(type.body().get("exclude_paths"))).containsExactlyElementsOf(EXCLUDED);

            var me = studio.get("/api/auth/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body()).isEqualTo(json("{\"id\":\"guestuser@gmail.com\",\"name\":\"Default User\","
                    + "\"email\":\"guestuser@gmail.com\",\"provider\":\"none\",\"roles\":[\"user\"]}"));
        }
    }

    @Test
    void theNoneProvidersLoginIsAutomatic() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            var url = studio.get("/api/auth/login-url");
            assertThat(url.body()).isEqualTo(json("{\"login_url\":\"/api/auth/callback?automatic=true\"}"));

            var page = studio.get(url.body().get("login_url").asText());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body().asText()).contains("\"type\":\"auth-success\"")
                    .contains("\"token\":\"dummy_token_guestuser@gmail.com\"")
                    .contains("\"id\":\"guestuser@gmail.com\"").contains("postMessage(result, window.location.origin)");

            var withCode = studio.get("/api/auth/callback?code=abc&state=xyz");
            assertThat(withCode.status()).isEqualTo(200);
            assertThat(withCode.body().asText()).contains("auth-success");

            var noCode = studio.get("/api/auth/callback");
            assertThat(noCode.status()).isEqualTo(400);
            assertThat(noCode.body()).isEqualTo(json("{\"detail\":\"Missing required 'code' parameter\"}"));

            var error = studio.get("/api/auth/callback?error=%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E");
            assertThat(error.status()).isEqualTo(200);
            assertThat(error.body().asText()).contains("\"type\":\"auth-error\"")
                    .contains("\\u003c/script\\u003e").doesNotContain("</script><script>alert");
        }
    }

    @Test
    void theCallbackHandlerExchangesACodeForTheUser() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            var exchanged = studio.post("/api/auth/callback-handler", Map.of("code", "abc", "state", "s"));
            assertThat(exchanged.status()).isEqualTo(200);
            assertThat(exchanged.body()).isEqualTo(json("{\"token\":\"dummy_token_guestuser@gmail.com\",\"user\":"
                    + "{\"id\":\"guestuser@gmail.com\",\"name\":\"Default User\",\"email\":\"guestuser@gmail.com\","
                    + "\"provider\":\"none\"}}"));

            var noCode = studio.post("/api/auth/callback-handler", Map.of("state", "s"));
            assertThat(noCode.status()).isEqualTo(400);
            assertThat(noCode.body().get("detail").asText()).isEqualTo("Authorization code is required");
            assertThat(studio.post("/api/auth/callback-handler", "{not json").status()).isEqualTo(422);
        }
    }

    @Test
    void withATokenTheExcludedPathsStayOpenAndTheLoginRoutesGiveNothingAway() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir).withAuthToken("s3cret"))) {
            var type = anonymous(studio, "GET", "/api/auth/type", null);
            assertThat(type.statusCode()).isEqualTo(200);
            JsonNode body = AutogenJson.mapper().readTree(type.body());
            assertThat(body.get("type").asText()).isEqualTo("token");
            assertThat(strings(body.get("exclude_paths"))).containsExactlyElementsOf(EXCLUDED);

            assertThat(anonymous(studio, "GET", "/api/health", null).statusCode()).isEqualTo(200);
            assertThat(anonymous(studio, "GET", "/api/version/", null).statusCode()).isEqualTo(200);
            for (String path : List.of("/api/auth/login-url", "/api/auth/callback?code=abc&automatic=true")) {
                var refused = anonymous(studio, "GET", path, null);
                assertThat(refused.statusCode()).as(path).isEqualTo(400);
                assertThat(refused.body()).contains("no login").contains("--auth-token").doesNotContain("s3cret");
            }
            var handler = anonymous(studio, "POST", "/api/auth/callback-handler", "{\"code\":\"abc\"}");
            assertThat(handler.statusCode()).isEqualTo(400);
            assertThat(handler.body()).doesNotContain("s3cret");

            assertThat(anonymous(studio, "GET", "/api/auth/me", null).statusCode()).isEqualTo(401);
            assertThat(anonymous(studio, "GET", "/api/teams/?user_id=u", null).statusCode()).isEqualTo(401);
            var me = studio.get("/api/auth/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body().get("id").asText()).isEqualTo("guestuser@gmail.com");
            assertThat(me.body().get("provider").asText()).isEqualTo("token");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode json(String text) throws Exception {
        return AutogenJson.mapper().readTree(text);
    }

    private static HttpResponse<String> anonymous(TestStudio studio, String method, String path, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(studio.url(path))).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
