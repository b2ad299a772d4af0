package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run survives a server restart: its completed turns are in the database (messages and team
 * state), and a {@code resume} frame continues it from there without redoing a turn.
 */
class RestartTest {
    @TempDir
    Path dir;

    StudioConfig config() throws Exception {
        return StudioConfig.defaults(dir);
    }

    @Test
    void aRunInterruptedByARestartKeepsItsCompletedTurnsAndResumes() throws Exception {
        StudioConfig config = config();
        long[] ids;
        try (var first = new TestStudio(config)) {
            ids = first.newRun(TestStudio.writerAndUser());
            var ws = WsClient.connect(first, ids[2]);
            ws.next();
            ws.send(Map.of("type", "start", "task", "Draft.", "team_config", TestStudio.writerAndUser()));
            ws.until("input_request");
            // the writer's turn is complete; the server goes down while the person has not answered
        }
        try (var second = new TestStudio(config)) {
            JsonNode run = second.get("/api/runs/" + ids[2]).data();
            assertThat(run.get("status").asText()).isEqualTo("active");
            assertThat(run.get("checkpoint_run_id").asText()).isNotBlank();
            assertThat(contents(second.get("/api/runs/" + ids[2] + "/messages").data()))
                    .containsExactly("user: Draft.", "writer: Draft one.");

            try (var ws = WsClient.connect(second, ids[2])) {
                assertThat(ws.next().get("type").asText()).isEqualTo("system");
                ws.send(Map.of("type", "resume"));
                List<JsonNode> frames = ws.until("input_request");
                assertThat(frames).hasSize(1);
                ws.send(Map.of("type", "input_response", "response", "APPROVE"));
                frames = ws.until("result");
                assertThat(frames.get(0).at("/data/content").asText()).isEqualTo("APPROVE");
                JsonNode result = frames.get(frames.size() - 1);
                List<String> whole = new ArrayList<>();
                result.at("/data/task_result/messages").forEach(m -> {
                    if (m.get("type").asText().equals("TextMessage")) {
                        whole.add(m.get("source").asText() + ": " + m.get("content").asText());
                    }
                });
                assertThat(whole).as("the result holds the turns from before the restart").containsExactly("user: Draft.", "writer: Draft one.", "user_proxy: APPROVE");
            }
            assertThat(contents(second.get("/api/runs/" + ids[2] + "/messages").data()))
                    .as("each message stored once").containsExactly("user: Draft.", "writer: Draft one.", "user_proxy: APPROVE");
            assertThat(second.get("/api/runs/" + ids[2]).data().get("status").asText()).isEqualTo("complete");
        }
    }

    @Test
    void resumeWithoutACompletedTurnIsAnErrorFrame() throws Exception {
        try (var studio = new TestStudio(config())) {
            long[] ids = studio.newRun(TestStudio.writerAndUser());
            try (var ws = WsClient.connect(studio, ids[2])) {
                ws.next();
                ws.send(Map.of("type", "resume"));
                assertThat(ws.next().get("error").asText()).contains("no completed turn");
            }
        }
    }

    static List<String> contents(JsonNode messages) {
        List<String> list = new ArrayList<>();
        messages.forEach(m -> list.add(m.at("/config/source").asText() + ": " + m.at("/config/content").asText()));
        return list;
    }
}
