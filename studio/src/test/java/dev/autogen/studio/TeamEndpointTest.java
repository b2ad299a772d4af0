package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.studio.serve.TeamEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code autogen studio serve}: one team behind GET /predict/{task}, and its streaming variant. */
class TeamEndpointTest {
    @TempDir
    Path dir;

    private Path teamFile() throws Exception {
        Path file = dir.resolve("team.json");
        Files.writeString(file, TestStudio.writerAndCritic().toString());
        return file;
    }

    @Test
    void predictRunsTheTeamAndAnswersAsPythonsServe() throws Exception {
        try (var endpoint = TeamEndpoint.start(new TeamEndpoint.Config("127.0.0.1", 0, teamFile(), null, false))) {
            var http = HttpClient.newHttpClient();
            var response = http.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/predict/Write%20a%20haiku")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = AutogenJson.mapper().readTree(response.body());
            assertThat(body.get("status").asBoolean()).isTrue();
            assertThat(body.get("message").asText()).isEqualTo("Task successfully completed");
            assertThat(body.at("/data/task_result/messages/0/content").asText()).isEqualTo("Write a haiku");
            assertThat(body.at("/data/task_result/messages")).hasSize(3);

            var stream = http.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/predict/Go/stream"))
                    .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            List<String> events = stream.body().filter(line -> line.startsWith("event: ")).toList();
            assertThat(events).containsExactly("event: message", "event: message", "event: message", "event: result");
        }
    }

    @Test
    void withATokenEveryRouteNeedsIt() throws Exception {
        try (var endpoint = TeamEndpoint.start(new TeamEndpoint.Config("127.0.0.1", 0, teamFile(), "s3cret", false))) {
            var http = HttpClient.newHttpClient();
            for (String path : List.of("/predict/Hi", "/predict/Hi/stream", "/api/health")) {
                var refused = http.send(HttpRequest.newBuilder(URI.create(endpoint.url() + path))
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(path).isEqualTo(401);
            }
            var allowed = http.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/api/health"))
                    .header("Authorization", "Bearer s3cret").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTeamThatDoesNotLoadIsRefusedAtStart() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"provider\": \"nope\", \"component_type\": \"team\", \"config\": {}}");
        assertThatThrownBy(() -> TeamEndpoint.start(new TeamEndpoint.Config("127.0.0.1", 0, file, null, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be served").hasMessageContaining("nope");
        assertThatThrownBy(() -> new TeamEndpoint.Config("0.0.0.0", 0, file, null, false))
                .hasMessageContaining("--auth-token");
    }
}
