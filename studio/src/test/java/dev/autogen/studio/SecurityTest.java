package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.CodeExecutorAgent;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security model: loopback by default, the token, origins, size limits, code execution only when enabled. */
class SecurityTest {
    @TempDir
    Path dir;

    @Test
    void bindingAnotherAddressNeedsAToken() {
        assertThatThrownBy(() -> StudioConfig.defaults(dir).withHost("0.0.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--auth-token");
        assertThat(StudioConfig.defaults(dir).withAuthToken("t").withHost("0.0.0.0").host()).isEqualTo("0.0.0.0");
        assertThat(StudioConfig.defaults(dir).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void withATokenEveryRouteAndTheSocketNeedIt() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir).withAuthToken("s3cret"))) {
            assertThat(studio.get("/api/health").status()).isEqualTo(200);
            assertThat(send(studio, "GET", "/api/health", Map.of()).statusCode())
                    .as("Python's excluded paths need no token").isEqualTo(200);
            for (String path : List.of("/api/teams/?user_id=u", "/api/settings/?user_id=u", "/api/auth/me",
                    "/api/mcp/ws/status/x")) {
                var anonymous = send(studio, "GET", path, Map.of());
                assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
                assertThat(anonymous.body()).contains("\"detail\"");
                assertThat(send(studio, "GET", path, Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
            }
            long[] ids = studio.newRun(TestStudio.writerAndCritic());
            String ws = studio.server.url().replace("http:", "ws:") + "/api/ws/runs/" + ids[2];
            try (var denied = new WsClient(studio.http, ws + "?token=null")) {
                JsonNode error = denied.next();
                assertThat(error.get("type").asText()).isEqualTo("error");
                assertThat(error.get("error").asText()).isEqualTo("Authentication failed");
                assertThat(denied.awaitClosed()).isEqualTo(4001);
            }
            try (var allowed = new WsClient(studio.http, ws + "?token=s3cret")) {
                assertThat(allowed.next().get("type").asText()).isEqualTo("system");
            }
        }
    }

    @Test
    void pagesOfOtherSitesCanNeitherReadNorDriveTheStudio() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            String own = "http://127.0.0.1:" + studio.server.port();
            var same = send(studio, "GET", "/api/health", Map.of("Origin", own));
            assertThat(same.statusCode()).isEqualTo(200);
            assertThat(same.headers().firstValue("Access-Control-Allow-Origin")).contains(own);
            var preflight = send(studio, "OPTIONS", "/api/teams/", Map.of("Origin", own,
                    "Access-Control-Request-Method", "POST"));
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");

            var foreign = send(studio, "POST", "/api/sessions/", Map.of("Origin", "https://evil.example"));
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(send(studio, "OPTIONS", "/api/teams/", Map.of("Origin", "https://evil.example")).statusCode())
                    .isEqualTo(403);

            long[] ids = studio.newRun(TestStudio.writerAndCritic());
            var handshake = studio.http.newWebSocketBuilder().header("Origin", "https://evil.example")
                    .buildAsync(URI.create(studio.server.url().replace("http:", "ws:") + "/api/ws/runs/" + ids[2]),
                            new java.net.http.WebSocket.Listener() { });
            assertThatThrownBy(handshake::join).isInstanceOf(CompletionException.class);
        }
    }

    @Test
    void oversizedBodiesAndFramesGetClearErrors() throws Exception {
        try (var studio = new TestStudio(StudioConfig.defaults(dir).withMaxBodyBytes(4096))) {
            String big = "{\"user_id\":\"u\",\"component\":{\"label\":\"" + "x".repeat(10_000) + "\"}}";
            var tooBig = studio.post("/api/teams/", big);
            assertThat(tooBig.status()).isEqualTo(413);
            assertThat(tooBig.body().get("detail").asText()).contains("too large").contains("4096");
        }
        var config = new StudioConfig("127.0.0.1", 0, dir, null, null, 1 << 20, 2048, java.time.Duration.ofMinutes(3));
        try (var studio = new TestStudio(config); var ws = WsClient.connect(studio, studio.newRun(TestStudio.writerAndCritic())[2])) {
            ws.next();
            ws.send(Map.of("type", "start", "task", "y".repeat(5000)));
            assertThat(ws.awaitClosed()).isEqualTo(1009);
        }
    }

    @Test
    void aTeamThatRunsCodeRunsOnlyOnceCodeExecutionIsEnabled() throws Exception {
        var writer = AssistantAgent.builder("writer",
                ReplayChatCompletionClient.of("```sh\necho ran-$((6*7))\n```", "APPROVE", "APPROVE")).build();
        var executor = new CodeExecutorAgent("executor", LocalCommandLineCodeExecutor.builder()
                .workDir(dir.resolve("coding")).build());
        ObjectNode team = TestStudio.team(List.of(writer, executor));
        try (var studio = new TestStudio(StudioConfig.defaults(dir))) {
            long[] ids = studio.newRun(team);
            try (var ws = WsClient.connect(studio, ids[2])) {
                ws.next();
                ws.send(Map.of("type", "start", "task", "Compute.", "team_config", team));
                JsonNode completion = ws.until("completion").get(0);
                assertThat(completion.get("status").asText()).isEqualTo("error");
                assertThat(completion.at("/data/task_result/messages/0/content").asText())
                        .contains("code_executor").contains("Enable code execution in the Studio's settings");
            }
            ObjectNode settings = (ObjectNode) studio.get("/api/settings/?user_id=" + TestStudio.USER).data().get("config");
            settings.put("allow_code_execution", true);
            studio.put("/api/settings/", Map.of("user_id", TestStudio.USER, "config", settings));
            long runId = studio.post("/api/runs/", Map.of("session_id", ids[1], "user_id", TestStudio.USER)).data()
                    .get("run_id").asLong();
            try (var ws = WsClient.connect(studio, runId)) {
                ws.next();
                ws.send(Map.of("type", "start", "task", "Compute.", "team_config", team));
                List<JsonNode> frames = ws.until("result");
                assertThat(frames.toString()).contains("ran-42");
            }
        }
    }

    private static HttpResponse<String> send(TestStudio studio, String method, String path, Map<String, String> headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(studio.url(path))).method(method,
                method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
