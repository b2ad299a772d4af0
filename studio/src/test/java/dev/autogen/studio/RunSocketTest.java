package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs over the WebSocket, on scripted models: frames in order, what is stored, input, stop, cancel. */
class RunSocketTest {
    @TempDir
    Path dir;
    TestStudio studio;

    @BeforeEach
    void start() {
        studio = new TestStudio(StudioConfig.defaults(dir));
    }

    @AfterEach
    void stop() {
        studio.close();
    }

    private static List<String> contents(List<JsonNode> frames) {
        return frames.stream().filter(f -> f.path("type").asText().equals("message"))
                .map(f -> f.get("data").get("source").asText() + ": " + f.get("data").get("content").asText()).toList();
    }

    @Test
    void aWholeRunStreamsEveryMessageInOrderAndStoresWhatTheSocketReceived() throws Exception {
        long[] ids = studio.newRun(TestStudio.writerAndCritic());
        try (var ws = WsClient.connect(studio, ids[2])) {
            assertThat(ws.next().get("type").asText()).isEqualTo("system");
            ws.send(Map.of("type", "start", "task", "Write a haiku.", "team_config", TestStudio.writerAndCritic()));
            List<JsonNode> frames = ws.until("result");
            assertThat(frames).extracting(f -> f.get("type").asText()).containsExactly("message", "message", "message", "result");
            assertThat(contents(frames)).containsExactly("user: Write a haiku.", "writer: A haiku about the JVM.", "critic: APPROVE");
            JsonNode result = frames.get(3);
            assertThat(result.get("status").asText()).isEqualTo("complete");
            assertThat(result.at("/data/task_result/stop_reason").asText()).contains("APPROVE");
            assertThat(result.at("/data/task_result/messages")).hasSize(3);
            assertThat(result.at("/data/usage").asText()).isEmpty();
            assertThat(result.at("/data/duration").isNumber()).isTrue();

            ws.send(Map.of("type", "ping"));
            assertThat(ws.next().get("type").asText()).isEqualTo("pong");

            JsonNode run = studio.get("/api/runs/" + ids[2]).data();
            assertThat(run.get("status").asText()).isEqualTo("complete");
            assertThat(run.at("/task/content/0/content").asText()).isEqualTo("Write a haiku.");
            assertThat(run.get("checkpoint_run_id").asText()).isNotBlank();
            JsonNode history = studio.get("/api/sessions/" + ids[1] + "/runs?user_id=" + TestStudio.USER).data().get("runs");
            assertThat(history).hasSize(1);
            assertThat(history.get(0).get("id").isTextual()).isTrue();
            List<JsonNode> stored = new java.util.ArrayList<>();
            history.get(0).get("messages").forEach(m -> stored.add(m.get("config")));
            assertThat(stored).containsExactlyElementsOf(frames.subList(0, 3).stream().map(f -> f.get("data")).toList());
            assertThat(history.get(0).at("/messages/0/run_id").asLong()).isEqualTo(ids[2]);
        }
    }

    @Test
    void aUserProxyAsksTheBrowserAndTheAnswerContinuesTheRun() throws Exception {
        long[] ids = studio.newRun(TestStudio.writerAndUser());
        try (var ws = WsClient.connect(studio, ids[2])) {
            ws.next();
            ws.send(Map.of("type", "start", "task", "Draft something.", "team_config", TestStudio.writerAndUser()));
            List<JsonNode> frames = ws.until("input_request");
            assertThat(contents(frames)).containsExactly("user: Draft something.", "writer: Draft one.");
            JsonNode request = frames.get(frames.size() - 1);
            assertThat(request.get("prompt").asText()).isNotBlank();
            assertThat(request.at("/data/source").asText()).isEqualTo("system");
            ws.send(Map.of("type", "input_response", "response", "More rhyme, please."));
            frames = ws.until("input_request");
            assertThat(contents(frames)).containsExactly("user_proxy: More rhyme, please.", "writer: Draft two.");
            ws.send(Map.of("type", "input_response", "response", "APPROVE"));
            frames = ws.until("result");
            assertThat(contents(frames)).containsExactly("user_proxy: APPROVE");
        }
        assertThat(studio.get("/api/runs/" + ids[2] + "/messages").data()).hasSize(5);
    }

    @Test
    void stopCancelsAtOnceRecordsTheRunStoppedAndClosesTheSocket() throws Exception {
        long[] ids = studio.newRun(TestStudio.writerAndUser());
        try (var ws = WsClient.connect(studio, ids[2])) {
            ws.next();
            ws.send(Map.of("type", "start", "task", "Draft.", "team_config", TestStudio.writerAndUser()));
            ws.until("input_request");
            ws.send(Map.of("type", "stop", "reason", "Cancelled by user"));
            JsonNode completion = ws.next();
            assertThat(completion.get("type").asText()).isEqualTo("completion");
            assertThat(completion.get("status").asText()).isEqualTo("cancelled");
            assertThat(completion.at("/data/task_result/stop_reason").asText()).isEqualTo("Cancelled by user");
            assertThat(ws.awaitClosed()).isEqualTo(1000);
        }
        JsonNode run = studio.get("/api/runs/" + ids[2]).data();
        assertThat(run.get("status").asText()).isEqualTo("stopped");
        assertThat(run.at("/team_result/task_result/stop_reason").asText()).isEqualTo("Cancelled by user");
        assertThat(studio.get("/api/runs/" + ids[2] + "/messages").data()).hasSize(2);
        // a stopped run takes no new socket
        var refused = studio.get("/api/ws/runs/" + ids[2]);
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void stopAfterTurnLetsTheSpeakerFinishAndEndsWithAResult() throws Exception {
        long[] ids = studio.newRun(TestStudio.writerAndUser());
        try (var ws = WsClient.connect(studio, ids[2])) {
            ws.next();
            ws.send(Map.of("type", "start", "task", "Draft.", "team_config", TestStudio.writerAndUser()));
            ws.until("input_request");
            ws.send(Map.of("type", "stop", "after_turn", true));
            ws.send(Map.of("type", "input_response", "response", "Try again."));
            List<JsonNode> frames = ws.until("result");
            assertThat(contents(frames)).containsExactly("user_proxy: Try again.");
            assertThat(frames.get(frames.size() - 1).at("/data/task_result/stop_reason").asText())
                    .isEqualTo("External termination requested");
        }
        assertThat(studio.get("/api/runs/" + ids[2]).data().get("status").asText()).isEqualTo("complete");
    }

    @Test
    void closingTheSocketMidRunStopsTheRun() throws Exception {
        long[] ids = studio.newRun(TestStudio.writerAndUser());
        var ws = WsClient.connect(studio, ids[2]);
        ws.next();
        ws.send(Map.of("type", "start", "task", "Draft.", "team_config", TestStudio.writerAndUser()));
        ws.until("input_request");
        ws.close();
        ws.awaitClosed();
        awaitStatus(ids[2], "stopped");
        assertThat(studio.get("/api/runs/" + ids[2]).data().at("/team_result/task_result/stop_reason").asText())
                .isEqualTo("Connection closed");
    }

    private void awaitStatus(long runId, String status) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            if (studio.get("/api/runs/" + runId).data().get("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("run " + runId + " never became " + status);
    }

    @Test
    void theSettingsEnvironmentReachesTheModelClientsOfARunAndNothingOfItIsStoredWithTheTeam() throws Exception {
        try (var model = new FakeOpenAI(java.time.Duration.ZERO)) {
            JsonNode settings = studio.get("/api/settings/?user_id=" + TestStudio.USER).data().get("config");
            var edited = (com.fasterxml.jackson.databind.node.ObjectNode) settings.deepCopy();
            edited.withArray("environment").addObject().put("name", "OPENAI_API_KEY").put("value", "sk-from-settings")
                    .put("type", "secret");
            edited.withArray("environment").addObject().put("name", "OPENAI_BASE_URL").put("value", model.baseUrl())
                    .put("type", "string");
            assertThat(studio.put("/api/settings/", Map.of("user_id", TestStudio.USER, "config", edited)).status())
                    .isEqualTo(200);
            var team = TestStudio.writerAndCritic();
            var writerModel = (com.fasterxml.jackson.databind.node.ObjectNode) team.at("/config/participants/0/config/model_client");
            writerModel.removeAll();
            writerModel.put("provider", "autogen_ext.models.openai.OpenAIChatCompletionClient")
                    .put("component_type", "model").putObject("config").put("model", "gpt-4o-mini");
            long[] ids = studio.newRun(team);

            try (var ws = WsClient.connect(studio, ids[2])) {
                ws.next();
                ws.send(Map.of("type", "start", "task", "Write about the sea.", "team_config", team));
                List<JsonNode> frames = ws.until("result");
                assertThat(contents(frames)).containsExactly("user: Write about the sea.",
                        "writer: A draft about the sea, in three lines.", "critic: APPROVE");
            }
            assertThat(model.authorizations).containsExactly("Bearer sk-from-settings");
            assertThat(studio.get("/api/teams/" + ids[0] + "?user_id=" + TestStudio.USER).body().toString())
                    .doesNotContain("sk-from-settings");
        }
    }

    @Test
    void anAttachedImageGoesOutAsADataUrlAndIsStoredAsAutoGenDumpsIt() throws Exception {
        String png = java.util.Base64.getEncoder().encodeToString(TINY_PNG);
        long[] ids = studio.newRun(TestStudio.writerAndCritic());
        try (var ws = WsClient.connect(studio, ids[2])) {
            ws.next();
            ws.send(Map.of("type", "start", "task", "Describe the picture.", "team_config", TestStudio.writerAndCritic(),
                    "files", List.of(Map.of("name", "dot.png", "type", "image/png", "content", png))));
            List<JsonNode> frames = ws.until("result");
            JsonNode image = frames.get(1).get("data");
            assertThat(image.get("type").asText()).isEqualTo("MultiModalMessage");
            assertThat(image.get("content").get(0).asText()).isEqualTo("Image: dot.png");
            assertThat(image.get("content").get(1).get("url").asText()).isEqualTo("data:image/png;base64," + png);
            assertThat(image.get("content").get(1).has("alt")).isTrue();

            JsonNode stored = studio.get("/api/runs/" + ids[2] + "/messages").data().get(1).get("config");
            assertThat(stored.get("id").asText()).isEqualTo(image.get("id").asText());
            assertThat(stored.get("content").get(1).get("data").asText()).isEqualTo(png);
        }
    }

    /** A 1x1 PNG. */
    private static final byte[] TINY_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Test
    void badFramesGetErrorFramesAndTheSocketStaysOpen() throws Exception {
        long[] ids = studio.newRun(TestStudio.writerAndCritic());
        try (var ws = WsClient.connect(studio, ids[2])) {
            ws.next();
            ws.socket.sendText("hello{", true).join();
            JsonNode error = ws.next();
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("error").asText()).isEqualTo("Invalid message format");
            ws.send(Map.of("type", "start"));
            assertThat(ws.next().get("error").asText()).isEqualTo("Invalid start message format");
            ws.send(Map.of("type", "no-such-type"));
            ws.send(Map.of("type", "ping"));
            assertThat(ws.next().get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void aTeamThatFailsToLoadEndsWithAnErrorCompletion() throws Exception {
        long[] ids = studio.newRun(TestStudio.writerAndCritic());
        var broken = TestStudio.writerAndCritic();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/config/participants/0")).put("provider", "no.such.Agent");
        try (var ws = WsClient.connect(studio, ids[2])) {
            ws.next();
            ws.send(Map.of("type", "start", "task", "Hi", "team_config", broken));
            JsonNode completion = ws.until("completion").get(0);
            assertThat(completion.get("status").asText()).isEqualTo("error");
            assertThat(completion.at("/data/task_result/messages/0/content").asText())
                    .contains("participants[0]").contains("no.such.Agent").doesNotContain("Exception");
        }
        JsonNode run = studio.get("/api/runs/" + ids[2]).data();
        assertThat(run.get("status").asText()).isEqualTo("error");
        assertThat(run.get("error_message").asText()).contains("no.such.Agent");
    }

    @Test
    void unknownRunsAreRefusedBeforeTheUpgrade() {
        assertThat(studio.get("/api/ws/runs/999").status()).isEqualTo(403);
        assertThat(studio.get("/api/ws/runs/999").body().get("detail").asText()).isEqualTo("Run not found");
        var handshake = studio.http.newWebSocketBuilder().buildAsync(
                java.net.URI.create(studio.server.url().replace("http:", "ws:") + "/api/ws/runs/999"),
                new java.net.http.WebSocket.Listener() { });
        org.assertj.core.api.Assertions.assertThatThrownBy(handshake::join)
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
    }
}
