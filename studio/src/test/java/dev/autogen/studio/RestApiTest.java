package dev.autogen.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every REST route of studio-api.md over HTTP: status codes, envelopes, shapes and errors. */
class RestApiTest {
    static final String U = "?user_id=" + TestStudio.USER;

    @TempDir
    Path dir;
    TestStudio studio;

    /** The server's config; the PostgreSQL variant overrides it. */
    StudioConfig config() throws Exception {
        return StudioConfig.defaults(dir);
    }

    @BeforeEach
    void start() throws Exception {
        studio = new TestStudio(config());
    }

    @AfterEach
    void stop() {
        studio.close();
    }

    @Test
    void healthAndVersion() {
        var health = studio.get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo(json("{\"status\":true,\"message\":\"Service is healthy\"}"));
        var version = studio.get("/api/version");
        assertThat(version.body()).isEqualTo(json(
                "{\"message\":\"Version retrieved successfully\",\"status\":true,\"data\":{\"version\":\"0.4.3\"}}"));
        assertThat(version.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void teamsListGivesANewUserTheDefaultTeamAndUpsertUpdatesInPlace() {
        var list = studio.get("/api/teams/" + U);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("status").asBoolean()).isTrue();
        assertThat(list.data()).hasSize(1);
        JsonNode team = list.data().get(0);
        assertThat(team.fieldNames()).toIterable().contains("id", "created_at", "updated_at", "user_id", "version", "component");
        assertThat(team.get("version").asText()).isEqualTo("0.0.1");
        assertThat(team.at("/component/component_type").asText()).isEqualTo("team");

        var created = studio.post("/api/teams/", Map.of("component", TestStudio.writerAndCritic(), "user_id", TestStudio.USER));
        long id = created.data().get("id").asLong();
        ObjectNode renamed = TestStudio.writerAndCritic().put("label", "Renamed");
        var updated = studio.post("/api/teams/", Map.of("component", renamed, "user_id", TestStudio.USER, "id", id));
        assertThat(updated.data().get("id").asLong()).isEqualTo(id);
        assertThat(studio.get("/api/teams/" + id + U).data().at("/component/label").asText()).isEqualTo("Renamed");
        assertThat(studio.get("/api/teams/" + U).data()).hasSize(2);
        assertThat(studio.get("/api/teams/" + U).data().get(0).get("id").asLong()).as("newest first").isEqualTo(id);

        var exported = studio.send("GET", "/api/teams/" + id + "/export" + U, null, Map.of());
        assertThat(exported.body().get("label").asText()).isEqualTo("Renamed");
        assertThat(studio.send("GET", "/api/teams/" + id + "/export" + U + "&format=java", null, Map.of()).raw().body())
                .contains("ComponentLoader.loadComponent(json, Team.class)");
        assertThat(studio.send("GET", "/api/teams/" + id + "/export" + U + "&format=dockerfile", null, Map.of()).raw().body())
                .contains("studio\", \"serve\"");
        assertThat(studio.get("/api/teams/" + id + "/export" + U + "&format=pdf").status()).isEqualTo(422);
        assertThat(studio.get("/api/teams/" + id + "?user_id=someone-else").status()).isEqualTo(404);
        assertThat(studio.get("/api/teams/" + id + "?user_id=someone-else").body())
                .isEqualTo(json("{\"detail\":\"Team not found\"}"));
        var deleted = studio.delete("/api/teams/" + id + U);
        assertThat(deleted.body()).isEqualTo(json("{\"status\":true,\"message\":\"Team deleted successfully\"}"));
        assertThat(studio.get("/api/teams/" + id + U).status()).isEqualTo(404);
        assertThat(studio.delete("/api/teams/" + id + U).status()).as("deleting nothing is fine").isEqualTo(200);
    }

    @Test
    void badInputGets422InFastApisShape() {
        var missingUser = studio.get("/api/teams/");
        assertThat(missingUser.status()).isEqualTo(422);
        assertThat(missingUser.body().at("/detail/0/loc")).isEqualTo(json("[\"query\",\"user_id\"]"));
        assertThat(missingUser.body().at("/detail/0/type").asText()).isEqualTo("missing");

        var notAnId = studio.get("/api/teams/abc" + U);
        assertThat(notAnId.status()).isEqualTo(422);
        assertThat(notAnId.body().at("/detail/0/loc")).isEqualTo(json("[\"path\",\"id\"]"));

        var malformed = studio.post("/api/teams/", "{\"component\": ");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.body().at("/detail/0/type").asText()).isEqualTo("json_invalid");

        var noComponent = studio.post("/api/teams/", Map.of("user_id", TestStudio.USER));
        assertThat(noComponent.status()).isEqualTo(422);
        assertThat(noComponent.body().at("/detail/0/loc")).isEqualTo(json("[\"body\",\"component\"]"));

        assertThat(studio.post("/api/sessions/", Map.of("name", "x")).status()).isEqualTo(422);
        assertThat(studio.post("/api/runs/", Map.of("user_id", TestStudio.USER)).status()).isEqualTo(422);
        assertThat(studio.post("/api/validate/", Map.of()).status()).isEqualTo(422);
        assertThat(studio.post("/api/teams/", "[1, 2]").status()).isEqualTo(422);
        var unknown = studio.get("/api/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asText()).isEqualTo("Not Found");
    }

    @Test
    void sessionsCrudAndTheirRuns() {
        long teamId = studio.post("/api/teams/", Map.of("component", TestStudio.writerAndCritic(), "user_id", TestStudio.USER))
                .data().get("id").asLong();
        var created = studio.post("/api/sessions/", Map.of("name", "First", "team_id", teamId, "user_id", TestStudio.USER));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("message").asText()).isEqualTo("Session created successfully");
        JsonNode session = created.data();
        assertThat(session.get("team_id").asLong()).isEqualTo(teamId);
        assertThat(session.get("name").asText()).isEqualTo("First");
        long id = session.get("id").asLong();

        assertThat(studio.get("/api/sessions/" + U).data()).hasSize(1);
        assertThat(studio.get("/api/sessions/" + id + U).data().get("name").asText()).isEqualTo("First");
        assertThat(studio.get("/api/sessions/" + id + "?user_id=other").body())
                .isEqualTo(json("{\"detail\":\"Session not found\"}"));

        ObjectNode edited = session.deepCopy();
        edited.put("name", "Renamed");
        var updated = studio.put("/api/sessions/" + id + U, edited);
        assertThat(updated.body().get("message").asText()).isEqualTo("Session updated successfully");
        assertThat(updated.data().get("name").asText()).isEqualTo("Renamed");
        assertThat(studio.put("/api/sessions/999" + U, edited).status()).isEqualTo(404);

        var run = studio.post("/api/runs/", Map.of("session_id", id, "user_id", TestStudio.USER));
        long runId = run.data().get("run_id").asLong();
        JsonNode stored = studio.get("/api/runs/" + runId).data();
        assertThat(stored.get("status").asText()).isEqualTo("created");
        assertThat(stored.get("task")).isEqualTo(json("{}"));
        assertThat(stored.get("team_result")).isEqualTo(json("{}"));
        assertThat(stored.get("session_id").asLong()).isEqualTo(id);
        assertThat(studio.get("/api/runs/" + runId + "/messages").data()).isEmpty();
        assertThat(studio.get("/api/runs/12345/messages").data()).isEmpty();
        assertThat(studio.get("/api/runs/12345").body()).isEqualTo(json("{\"detail\":\"Run not found\"}"));
        assertThat(studio.post("/api/runs/", Map.of("session_id", id, "user_id", "other")).body())
                .isEqualTo(json("{\"detail\":\"Session not found\"}"));

        JsonNode runs = studio.get("/api/sessions/" + id + "/runs" + U).data().get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("id")).isEqualTo(json("\"" + runId + "\""));
        assertThat(runs.get(0).fieldNames()).toIterable()
                .containsExactly("id", "created_at", "status", "task", "team_result", "messages");
        assertThat(studio.get("/api/sessions/" + id + "/runs?user_id=other").body())
                .isEqualTo(json("{\"detail\":\"Session not found or access denied\"}"));

        assertThat(studio.delete("/api/sessions/" + id + U).body())
                .isEqualTo(json("{\"status\":true,\"message\":\"Session deleted successfully\"}"));
        assertThat(studio.get("/api/runs/" + runId).status()).as("runs go with their session").isEqualTo(404);
    }

    @Test
    void deletingATeamDeletesItsSessions() {
        long[] ids = studio.newRun(TestStudio.writerAndCritic());
        studio.delete("/api/teams/" + ids[0] + U);
        assertThat(studio.get("/api/sessions/" + ids[1] + U).status()).isEqualTo(404);
        assertThat(studio.get("/api/runs/" + ids[2]).status()).isEqualTo(404);
    }

    @Test
    void validateReportsProblemsWithTheirPathsAndCodeAsAWarning() {
        var ok = studio.post("/api/validate/", Map.of("component", TestStudio.writerAndCritic()));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(json("{\"is_valid\":true,\"errors\":[],\"warnings\":[]}"));

        ObjectNode broken = TestStudio.writerAndCritic();
        ((ObjectNode) broken.at("/config/participants/1/config/model_client")).put("provider", "foo");
        var invalid = studio.post("/api/validate/", Map.of("component", broken));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body().get("is_valid").asBoolean()).isFalse();
        JsonNode error = invalid.body().at("/errors/0");
        assertThat(error.get("field").asText()).isEqualTo("component.config.participants[1].config.model_client");
        assertThat(error.get("error").asText()).contains("foo");
        assertThat(error.get("suggestion").asText()).isNotBlank();

        var code = studio.post("/api/validate/", Map.of("component", json("""
                {"provider":"autogen_ext.code_executors.local.LocalCommandLineCodeExecutor","component_type":"code_executor",
                 "config":{"work_dir":"coding"}}""")));
        assertThat(code.body().get("is_valid").asBoolean()).isTrue();
        assertThat(code.body().at("/warnings/0/suggestion").asText()).contains("code execution is enabled in the settings");

        var test = studio.post("/api/validate/test", Map.of("component", TestStudio.writerAndCritic()));
        assertThat(test.body().get("status").asBoolean()).isTrue();
        assertThat(test.body().get("message").asText()).isEqualTo("Team test not yet implemented");
        assertThat(test.body().get("logs").toString()).contains("Team component loaded successfully");
    }

    @Test
    void componentTestsAskAModelAndAnAgentOnceAndRefuseCode() {
        JsonNode model = json("""
                {"provider":"autogen_ext.models.replay.ReplayChatCompletionClient","component_type":"replay_chat_completion_client",
                 "config":{"chat_completions":["4"]}}""");
        var asked = studio.post("/api/validate/test", Map.of("component", model));
        assertThat(asked.body().get("status").asBoolean()).as(asked.body().toString()).isTrue();
        assertThat(asked.body().get("message").asText()).isEqualTo("Model test completed successfully");
        assertThat(asked.body().at("/data/content").asText()).isEqualTo("4");

        JsonNode agent = json("""
                {"provider":"autogen_agentchat.agents.AssistantAgent","component_type":"agent",
                 "config":{"name":"helper","model_client":{"provider":"nope.Model","config":{}}}}""");
        var answered = studio.post("/api/validate/test", Map.of("component", agent, "model_client", model));
        assertThat(answered.body().get("status").asBoolean()).isTrue();
        assertThat(answered.body().at("/data/content").asText()).isEqualTo("4");
        assertThat(answered.body().get("logs").toString()).contains("Agent responded with: 4");

        var broken = studio.post("/api/validate/test", Map.of("component", agent));
        assertThat(broken.body().get("status").asBoolean()).isFalse();
        assertThat(broken.body().get("message").asText()).startsWith("Failed to initialize agent: ").contains("nope.Model");

        var code = studio.post("/api/validate/test", Map.of("component", json("""
                {"provider":"autogen_agentchat.agents.CodeExecutorAgent","component_type":"agent",
                 "config":{"name":"runner","code_executor":{"provider":"autogen_ext.code_executors.local.LocalCommandLineCodeExecutor",
                 "component_type":"code_executor","config":{"work_dir":"coding"}}}}""")));
        assertThat(code.body().get("status").asBoolean()).isFalse();
        assertThat(code.body().get("message").asText()).contains("allow_code_execution");
    }

    @Test
    void galleryListsTheDefaultGalleryOnFirstUseAndExplainsWhatJavaLacks() {
        var list = studio.get("/api/gallery/" + U);
        assertThat(list.body().get("message").asText()).isEqualTo("Gallery Retrieved Successfully");
        assertThat(list.data()).hasSize(1);
        JsonNode config = list.data().get(0).get("config");
        assertThat(config.at("/components/teams/0/label").asText()).contains("Offline");
        for (String group : new String[] {"agents", "models", "tools", "terminations", "teams"}) {
            assertThat(config.at("/components/" + group).size()).as(group).isPositive();
        }
        assertThat(config.at("/metadata/left_out").toString()).contains("html2text").doesNotContain("MultimodalWebSurfer");
        assertThat(config.at("/components/agents").toString()).contains("autogen_ext.agents.web_surfer.MultimodalWebSurfer");

        JsonNode python = DefaultGalleryFile.python();
        var created = studio.post("/api/gallery/", Map.of("config", python, "user_id", TestStudio.USER));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("message").asText()).isEqualTo("Gallery Created Successfully");
        JsonNode surfer = null;
        for (JsonNode item : created.body().get("compatibility")) {
            if (item.get("label").asText().equals("Web Surfer Agent")) {
                surfer = item;
            }
        }
        assertThat(surfer).as("the web surfer loads, but would start a browser: it is listed for that").isNotNull();
        assertThat(surfer.get("loads").asBoolean()).as(surfer.toString()).isTrue();
        assertThat(surfer.get("runs_code").toString()).contains("start the browser");
        long id = created.data().get("id").asLong();

        assertThat(studio.get("/api/gallery/" + id + U).data().at("/config/name").asText()).isEqualTo(python.get("name").asText());
        assertThat(studio.get("/api/gallery/999" + U).body()).isEqualTo(json("{\"detail\":\"Gallery entry not found\"}"));
        var update = studio.put("/api/gallery/" + id + U, Map.of("config", python));
        assertThat(update.body().get("message").asText()).isEqualTo("Gallery Updated Successfully");
        assertThat(studio.put("/api/gallery/" + id + "?user_id=other", Map.of("config", python)).status()).isEqualTo(403);
        assertThat(studio.post("/api/gallery/check", Map.of("config", python)).data().size()).isPositive();
        assertThat(studio.delete("/api/gallery/" + id + U).body()).isEqualTo(json(
                "{\"message\":\"Gallery Deleted Successfully\",\"status\":true,\"data\":null}"));
        assertThat(studio.delete("/api/gallery/" + id + U).status()).isEqualTo(404);
    }

    @Test
    void settingsHaveDefaultsAndNeverShowSecretsInClear() throws Exception {
        var first = studio.get("/api/settings/" + U);
        assertThat(first.status()).isEqualTo(200);
        JsonNode config = first.data().get("config");
        assertThat(config.at("/ui/human_input_timeout_minutes").asInt()).isEqualTo(3);
        assertThat(config.get("allow_code_execution").asBoolean()).isFalse();
        assertThat(config.at("/default_model_client/provider").asText()).contains("OpenAI");

        ObjectNode edited = (ObjectNode) config.deepCopy();
        edited.withArray("environment").addObject().put("name", "OPENAI_API_KEY").put("value", "sk-secret-123")
                .put("type", "secret").put("description", "key").put("required", false);
        edited.withArray("environment").addObject().put("name", "REGION").put("value", "eu").put("type", "string");
        ((ObjectNode) edited.get("default_model_client").get("config")).put("api_key", "sk-other-456");
        var put = studio.put("/api/settings/", Map.of("user_id", TestStudio.USER, "config", edited));
        assertThat(put.status()).isEqualTo(200);
        String shown = put.body().toString() + studio.get("/api/settings/" + U).body();
        assertThat(shown).doesNotContain("sk-secret-123").doesNotContain("sk-other-456").contains("********").contains("eu");
        try (var probe = new SecretsProbe(studio, dir)) {
            assertThat(probe.storedSettings(TestStudio.USER)).doesNotContain("sk-secret-123").contains("enc:v1:");
        }

        // sending the mask back keeps the secret
        JsonNode masked = studio.get("/api/settings/" + U).data().get("config");
        studio.put("/api/settings/", Map.of("user_id", TestStudio.USER, "config", masked));
        try (var box = new SecretsProbe(studio, dir)) {
            assertThat(box.environment(TestStudio.USER)).containsEntry("OPENAI_API_KEY", "sk-secret-123");
        }
        assertThat(studio.put("/api/settings/", Map.of("config", masked)).status()).isEqualTo(422);
    }

    static JsonNode json(String text) {
        try {
            return AutogenJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
