package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final String TEAM = Cli.config("round_robin_replay.json");
    private static final String TASK = "Say hello to each other.";

    @TempDir
    Path dir;

    @Test
    void runsARoundRobinTeamThroughTheConsole() {
        Cli cli = Cli.run("run", TEAM, "--task", TASK, "--stats");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("---------- user ----------\n" + TASK + "\n---------- alice ----------\n"
                        + "Hi Bob, alice here (1).\n[Prompt tokens: ")
                .contains("---------- bob ----------\nbob again (2).\n")
                .contains("---------- Summary ----------\nNumber of messages: 5\n"
                        + "Finish reason: Maximum number of messages 5 reached, current message count: 5\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void controlCharactersInTheTaskAreShownEscapedAndSentAsTheyAre() {
        String task = "Say hi.\u001b[2J\u001b]0;pwned\u0007\rX";

        Cli text = Cli.run("run", TEAM, "--task", task);
        Cli json = Cli.run("run", TEAM, "--task", task, "--output", "json");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith("---------- user ----------\nSay hi.\\x1b[2J\\x1b]0;pwned\\x07\\rX\n")
                .doesNotContain("\u001b", "\u0007", "\r");
        assertThat(Cli.readJsonText(json.out()).at("/messages/0/content").asText()).isEqualTo(task);
    }

    @Test
    void outputJsonIsOneTaskResultShapedLikePythons() {
        JsonNode expected = Cli.readJson(Cli.pythonFixture("01_round_robin_max5.normalized.json")).get("task_result");

        Cli cli = Cli.run("run", TEAM, "--task", TASK, "--output", "json");

        assertThat(cli.exitCode()).isZero();
        JsonNode actual = parseSingleObject(cli.out());
        assertThat(fieldNames(actual)).containsExactly("messages", "stop_reason");
        assertThat(actual.get("stop_reason")).isEqualTo(expected.get("stop_reason"));
        assertThat(actual.get("messages")).hasSameSizeAs(expected.get("messages"));
        for (int i = 0; i < expected.get("messages").size(); i++) {
            JsonNode a = actual.get("messages").get(i);
            JsonNode e = expected.get("messages").get(i);
            assertThat(fieldNames(a)).as("fields of message %d", i).isEqualTo(fieldNames(e));
            assertThat(a.get("type")).isEqualTo(e.get("type"));
            assertThat(a.get("source")).isEqualTo(e.get("source"));
            assertThat(a.get("content")).isEqualTo(e.get("content"));
            assertThat(fieldNames(a.get("models_usage").isNull() ? a : a.get("models_usage")))
                    .isEqualTo(fieldNames(e.get("models_usage").isNull() ? e : e.get("models_usage")));
        }
    }

    @Test
    void stateOutThenStateInResumesTheConversation() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        assertThat(Cli.run("run", TEAM, "--task", TASK, "--output", "json", "--state-out", first.toString()).exitCode())
                .isZero();
        JsonNode saved = Cli.readJson(first);
        assertThat(saved.get("type").asText()).isEqualTo("TeamState");
        assertThat(saved.at("/agent_states/RoundRobinGroupChatManager/message_thread")).hasSize(5);

        Cli resumed = Cli.run("run", TEAM, "--state-in", first.toString(), "--max-turns", "2", "--output", "json",
                "--state-out", second.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode result = parseSingleObject(resumed.out());
        assertThat(result.get("messages")).hasSize(2);
        assertThat(result.get("stop_reason").asText()).isEqualTo("Maximum number of turns 2 reached.");
        JsonNode state = Cli.readJson(second);
        assertThat(state.at("/agent_states/RoundRobinGroupChatManager/message_thread")).hasSize(7);
        JsonNode aliceContext = state.at("/agent_states/alice/agent_state/llm_context/messages");
        assertThat(aliceContext.get(0).get("content").asText()).isEqualTo(TASK);
        assertThat(aliceContext.get(aliceContext.size() - 2).get("content").asText()).isEqualTo("bob again (2).");
        Files.delete(first);
    }

    @Test
    void taskFileAndYamlConfigsWork() throws IOException {
        Path task = Files.writeString(dir.resolve("task.txt"), TASK + "\n");
        Path yaml = dir.resolve("team.yaml");
        Files.writeString(yaml, new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .writeValueAsString(Cli.readJson(Path.of(TEAM))));

        Cli cli = Cli.run("run", yaml.toString(), "--task-file", task.toString(), "--output", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(parseSingleObject(cli.out()).at("/messages/0/content").asText()).isEqualTo(TASK);
    }

    @Test
    void runsASingleAgentConfig() {
        Cli cli = Cli.run("run", Cli.config("assistant_agent_replay.json"), "--task", "hi");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("---------- user ----------\nhi\n---------- alice ----------\n"
                + "Hello from the single agent.\n");
    }

    @Test
    void maxTurnsOnAnAgentIsAConfigProblem() {
        Cli cli = Cli.run("run", Cli.config("assistant_agent_replay.json"), "--task", "hi", "--max-turns", "2");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("autogen: --max-turns applies to teams with a max_turns setting; "
                + "'autogen_agentchat.agents.AssistantAgent' (component type 'agent') has none. Leave out --max-turns, "
                + "or give the config a termination condition.\n");
    }

    @Test
    void aBrokenConfigExitsWithOneAndListsItsProblemsWithoutAStackTrace() {
        Cli cli = Cli.run("run", Cli.config("broken_missing_field.json"), "--task", TASK);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("cannot be loaded (2 problems):\n")
                .contains("  team.config.termination_condition.config.max_messages: missing required field\n")
                .doesNotContain("\tat ");
    }

    @Test
    void aConfigThatIsNotATeamOrAgentIsAConfigProblem() throws IOException {
        JsonNode model = Cli.readJson(Path.of(TEAM)).at("/config/participants/0/config/model_client");
        Path file = Files.writeString(dir.resolve("model.json"), model.toString());

        Cli cli = Cli.run("run", file.toString(), "--task", TASK);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("replay_chat_completion_client: expected a TaskRunner but provider "
                + "'autogen_ext.models.replay.ReplayChatCompletionClient' makes 'replay_chat_completion_client' components");
    }

    @Test
    void missingAndMalformedFilesAreNamed() throws IOException {
        Cli missing = Cli.run("run", dir.resolve("nope.json").toString(), "--task", TASK);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("autogen: config file '" + dir.resolve("nope.json") + "' does not exist.\n");

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"provider\": \n  \"x\",,}");
        Cli malformed = Cli.run("run", bad.toString(), "--task", TASK);
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).startsWith("autogen: config file '" + bad + "' is not valid JSON at line 2, column ");

        Cli badState = Cli.run("run", TEAM, "--state-in", bad.toString());
        assertThat(badState.exitCode()).isEqualTo(1);
        assertThat(badState.err()).startsWith("autogen: state file '" + bad + "' is not valid JSON at line 2, column ");
    }

    @Test
    void aFailingRunExitsWithTwo() {
        // Two scripted replies per agent: a third turn exhausts alice's replay client.
        Cli cli = Cli.run("run", Cli.config("round_robin_short_replay.json"), "--task", TASK);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("autogen: the run of team 'RoundRobinGroupChat' failed: participant 'alice' failed: ")
                .doesNotContain("\tat ").doesNotContain("stopped");
    }

    @Test
    void aFailedRunStillWritesTheStateOfItsCompletedTurnsAndSaysHowToContinue() throws IOException {
        Path state = dir.resolve("state.json");
        // alice and bob answer once each; alice's second model call fails.
        Cli cli = Cli.run("run", Cli.config("round_robin_short_replay.json"), "--task", TASK, "--state-out", state.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).endsWith("The state after the last completed turn is in '" + state + "'; run again with"
                + " --state-in " + state + " to continue from there.\n");
        JsonNode saved = Cli.readJson(state);
        assertThat(saved.at("/agent_states/RoundRobinGroupChatManager/message_thread").findValuesAsText("content"))
                .containsExactly(TASK, "Hi Bob, alice here (1).", "Hello alice, bob here (1).");
        assertThat(dir.resolve("state.json.tmp")).doesNotExist();
    }

    @Test
    void taskAndTaskFileExcludeEachOther() {
        Cli cli = Cli.run("run", TEAM, "--task", TASK, "--task-file", "x.txt");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("mutually exclusive");
    }

    static JsonNode parseSingleObject(String text) {
        try (var parser = AutogenJson.mapper().createParser(text)) {
            JsonNode node = AutogenJson.mapper().readTree(parser);
            assertThat(parser.nextToken()).as("anything after the JSON object").isNull();
            assertThat(node.isObject()).isTrue();
            return node;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
