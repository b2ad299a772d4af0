package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autogen run NAME --model PROVIDER:MODEL}: the same team on a real model, with keys and hosts
 * from the environment, and one paragraph saying what to set when there is none. Each runs the command
 * in its own JVM so that the environment is exactly what the test says.
 */
class ModelOptionTest {
    private static final String FIRST_TEAM = BuiltinTeam.ALL.get(0).name();

    @Test
    void theBuiltInTeamRunsOnAnOpenAICompatibleServerNamedByTheEnvironment() throws IOException {
        try (var server = new ModelServer(openAICompletion("A poem about leaves.", 20, 5), openAICompletion("APPROVE", 30, 1))) {

            Cli cli = CliProcess.run(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", server.url() + "/v1"),
                    "run", FIRST_TEAM, "--model", "openai:gpt-4o-mini", "--output", "json");

            assertThat(cli.err()).isEmpty();
            assertThat(cli.exitCode()).isZero();
            JsonNode result = AutogenJson.mapper().readTree(cli.out());
            assertThat(result.get("messages").findValuesAsText("content"))
                    .containsExactly("Write a short poem about the fall season.", "A poem about leaves.", "APPROVE");
            assertThat(result.get("stop_reason").asText()).isEqualTo("Text 'APPROVE' mentioned");
            assertThat(server.requests()).hasSize(2).allSatisfy(request -> {
                assertThat(request.path()).isEqualTo("/v1/chat/completions");
                assertThat(request.authorization()).isEqualTo("Bearer sk-test");
                assertThat(request.body().get("model").asText()).isEqualTo("gpt-4o-mini");
            });
        }
    }

    @Test
    void theRagTeamSendsTheRetrievedChunksToARealModelsServer() throws IOException {
        try (var server = new ModelServer(openAICompletion("Yes: offline sync is on every plan since 2.1.", 300, 12))) {

            Cli cli = CliProcess.run(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", server.url() + "/v1"),
                    "run", "rag", "--model", "openai:gpt-4o-mini", "--task", "Does offline sync work on the Free plan?",
                    "--output", "json");

            assertThat(cli.exitCode()).as(cli.err()).isZero();
            JsonNode result = AutogenJson.mapper().readTree(cli.out());
            assertThat(result.at("/messages/2/content").asText()).isEqualTo("Yes: offline sync is on every plan since 2.1.");
            JsonNode messages = server.requests().getFirst().body().get("messages");
            assertThat(messages.findValuesAsText("role")).containsExactly("system", "user", "system");
            assertThat(messages.get(2).get("content").asText()).startsWith("\nRelevant memory content:\n1. # Offline sync")
                    .contains("Offline sync is available on every plan since version 2.1.");
        }
    }

    @Test
    void theBuiltInTeamRunsOnOllamaAtOllamaHost() throws IOException {
        try (var server = new ModelServer(ollamaReply("A poem about leaves."), ollamaReply("APPROVE"))) {

            Cli cli = CliProcess.run(Map.of("OLLAMA_HOST", server.url()),
                    "run", FIRST_TEAM, "--model", "ollama:llama3.2", "--output", "json");

            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(AutogenJson.mapper().readTree(cli.out()).get("messages").findValuesAsText("content"))
                    .endsWith("A poem about leaves.", "APPROVE");
            assertThat(server.requests()).extracting(ModelServer.Request::path).containsExactly("/api/chat", "/api/chat");
            assertThat(server.requests().get(1).body().get("model").asText()).isEqualTo("llama3.2");
        }
    }

    @Test
    void withoutAnOpenAIKeyItSaysWhatToSetInOneParagraphBeforeRunning() {
        Cli cli = CliProcess.run(Map.of(), "run", FIRST_TEAM, "--model", "openai:gpt-4o");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertOneParagraph(cli.err());
        assertThat(cli.err()).startsWith("autogen: built-in team '" + FIRST_TEAM + "' needs a model that is not configured. ")
                .contains("set the OPENAI_API_KEY environment variable")
                .contains("(OpenAIChatCompletionClient gpt-4o at team.config.participants[0].config.model_client, "
                        + "team.config.participants[1].config.model_client)")
                .contains("try 'autogen run " + FIRST_TEAM + "' (scripted replies)");
    }

    @Test
    void withoutAnAnthropicKeyItSaysWhatToSet() {
        Cli cli = CliProcess.run(Map.of(), "run", FIRST_TEAM, "--model", "anthropic:claude-haiku-4-5");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertOneParagraph(cli.err());
        assertThat(cli.err()).contains("No Anthropic API key: set the ANTHROPIC_API_KEY environment variable");
    }

    @Test
    void aPythonConfigWithAnOpenAIModelAndNoKeyIsCaughtTheSameWay(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("team.json");
        Files.writeString(config, Cli.readJson(Cli.pythonFixture("03_round_robin_dump_component.normalized.json"))
                .get("component").toString());

        Cli cli = CliProcess.run(Map.of(), "run", config.toString(), "--task", "hi");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertOneParagraph(cli.err());
        assertThat(cli.err()).contains("OPENAI_API_KEY").contains("config.participants[0].config.model_client");
    }

    @Test
    void anUnreachableOllamaIsNamedWithTheVariableToSet() throws IOException {
        String closed;
        try (var server = new ModelServer()) {
            closed = server.url();
        }

        Cli cli = CliProcess.run(Map.of("OLLAMA_HOST", closed), "run", FIRST_TEAM, "--model", "ollama:llama3.2");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertOneParagraph(cli.err());
        assertThat(cli.err()).startsWith("autogen: the run of team 'RoundRobinGroupChat' failed: participant 'primary' failed: ")
                .contains("could not connect to Ollama at " + closed + "/: is `ollama serve` running? "
                + "Set OLLAMA_HOST to where it runs").doesNotContain("Exception");
    }

    @Test
    void aMalformedModelOptionSaysTheExpectedForm() {
        Cli cli = Cli.run("run", FIRST_TEAM, "--model", "gpt-4o");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("autogen: --model must be PROVIDER:MODEL with PROVIDER one of openai, anthropic, "
                + "ollama, llama-cpp (for example openai:gpt-4o-mini or ollama:llama3.2), got 'gpt-4o'.\n");
    }

    @Test
    void aMissingGgufFileForLlamaCppIsNamedBeforeTheRun(@TempDir Path dir) {
        Path missing = dir.resolve("nope.gguf");

        Cli cli = Cli.run("run", FIRST_TEAM, "--model", "llama-cpp:" + missing);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertOneParagraph(cli.err());
        assertThat(cli.err()).contains("needs a model that is not configured")
                .contains("model_path '" + missing + "' does not exist: set it to a GGUF model file");
    }

    private static void assertOneParagraph(String err) {
        assertThat(err).endsWith("\n");
        assertThat(err.strip()).doesNotContain("\n").doesNotContain("\tat ");
    }

    private static String openAICompletion(String content, int prompt, int completion) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(AutogenJson.mapper().valueToTree(content), prompt, completion, prompt + completion);
    }

    private static String ollamaReply(String content) {
        return """
                {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":%s},
                 "done":true,"done_reason":"stop","prompt_eval_count":10,"eval_count":3}"""
                .formatted(AutogenJson.mapper().valueToTree(content));
    }
}
