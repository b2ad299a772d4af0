package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.UserProxyAgent;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A Studio server for a test, on a free port, with an HTTP client and helpers for its API. */
final class TestStudio implements AutoCloseable {
    static final String USER = "guestuser@gmail.com";

    final StudioConfig config;
    final StudioServer server;
    final HttpClient http = HttpClient.newHttpClient();
    private final String token;

    TestStudio(StudioConfig config) {
        this.config = config;
        this.server = StudioServer.start(config.withPort(0));
        this.token = config.authToken();
    }

    /** A JSON response: its status and body. */
    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        JsonNode data() {
            return body.get("data");
        }
    }

    String url(String path) {
        return server.url() + path;
    }

    Reply send(String method, String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            JsonNode json = response.body().isEmpty() ? AutogenJson.mapper().nullNode()
                    : isJson ? AutogenJson.mapper().readTree(response.body())
                    : AutogenJson.mapper().getNodeFactory().textNode(response.body());
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    Reply post(String path, Object body) {
        return send("POST", path, json(body), Map.of());
    }

    Reply put(String path, Object body) {
        return send("PUT", path, json(body), Map.of());
    }

    static String json(Object body) {
        try {
            return body instanceof String text ? text : AutogenJson.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Creates a team, a session of it and a run; returns {teamId, sessionId, runId}. */
    long[] newRun(JsonNode team) {
        Reply created = post("/api/teams/", Map.of("component", team, "user_id", USER));
        assertThat(created.status()).isEqualTo(200);
        long teamId = created.data().get("id").asLong();
        long sessionId = post("/api/sessions/", Map.of("name", "s", "team_id", teamId, "user_id", USER)).data().get("id").asLong();
        Reply run = post("/api/runs/", Map.of("session_id", sessionId, "user_id", USER));
        assertThat(run.status()).isEqualTo(200);
        return new long[] {teamId, sessionId, run.data().get("run_id").asLong()};
    }

    /** A writer on scripted replies and a critic that approves: a run of three messages and a result. */
    static ObjectNode writerAndCritic() {
        return team(List.of(
                AssistantAgent.builder("writer", ReplayChatCompletionClient.of("A haiku about the JVM.")).build(),
                AssistantAgent.builder("critic", ReplayChatCompletionClient.of("APPROVE")).build()));
    }

    /** A writer, then a person (UserProxyAgent): the person's APPROVE ends the run. */
    static ObjectNode writerAndUser() {
        return team(List.of(
                AssistantAgent.builder("writer", ReplayChatCompletionClient.of("Draft one.", "Draft two.", "Draft three."))
                        .build(),
                new UserProxyAgent("user_proxy")));
    }

    static ObjectNode team(List<ChatAgent> agents) {
        var team = RoundRobinGroupChat.builder(agents).terminationCondition(new TextMentionTermination("APPROVE")).build();
        return AutogenJson.mapper().valueToTree(team.dumpComponent());
    }

    @Override
    public void close() {
        server.close();
    }
}
