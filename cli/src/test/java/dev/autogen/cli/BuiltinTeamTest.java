package dev.autogen.cli;

import static dev.autogen.cli.RunCommandTest.fieldNames;
import static dev.autogen.cli.RunCommandTest.parseSingleObject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in team loads, runs its scripted conversation to its stop reason, and prints Python's shapes. */
class BuiltinTeamTest {
    private static final String ORCHESTRATOR = "MagenticOneOrchestrator";
    /** Python's keys, in Python's order, of the message types that are not in the round-robin fixture. */
    private static final Map<String, List<String>> PYTHON_KEYS = Map.of(
            "ToolCallRequestEvent", List.of("id", "source", "models_usage", "metadata", "created_at", "content", "type"),
            "ToolCallExecutionEvent", List.of("id", "source", "models_usage", "metadata", "created_at", "content", "type"),
            "HandoffMessage", List.of("id", "source", "models_usage", "metadata", "created_at", "content", "target",
                    "context", "type"),
            "MemoryQueryEvent", List.of("id", "source", "models_usage", "metadata", "created_at", "content", "type"));

    /** What each team's scripted run must show: each message as {@code source type}, then the stop reason. */
    private record Expected(List<String> messages, String stopReason) {
        List<String> sources() {
            return messages.stream().map(m -> m.split(" ")[0]).toList();
        }
    }

    private static final Map<String, Expected> EXPECTED = Map.of(
            "reflection", new Expected(texts("user", "primary", "critic", "primary", "critic"),
                    "Text 'APPROVE' mentioned"),
            "selector", new Expected(texts("user", "planner", "researcher", "writer", "planner"),
                    "Text 'TERMINATE' mentioned"),
            "swarm", new Expected(List.of("user TextMessage",
                    "travel_agent ToolCallRequestEvent", "travel_agent ToolCallExecutionEvent",
                    "travel_agent HandoffMessage", "flights_refunder TextMessage",
                    "flights_refunder ToolCallRequestEvent", "flights_refunder ToolCallExecutionEvent",
                    "flights_refunder HandoffMessage", "travel_agent TextMessage"),
                    "Text 'TERMINATE' mentioned"),
            "graph", new Expected(texts("user", "writer", "reviewer", "writer", "reviewer", "editor"),
                    "Digraph execution is complete"),
            "magentic-one", new Expected(texts("user", ORCHESTRATOR, ORCHESTRATOR, "researcher", ORCHESTRATOR, "writer",
                    ORCHESTRATOR),
                    "The writer has answered with the travel time, about 8 minutes 19 seconds, and shown the "
                            + "calculation."),
            "rag", new Expected(List.of("user TextMessage", "assistant MemoryQueryEvent", "assistant TextMessage"),
                    "Maximum number of turns 1 reached."));

    @TempDir
    Path dir;

    static Stream<String> teams() {
        return BuiltinTeam.ALL.stream().map(BuiltinTeam::name);
    }

    private static List<String> texts(String... sources) {
        return Stream.of(sources).map(source -> source + " TextMessage").toList();
    }

    @Test
    void everyBuiltinTeamHasAnExpectedRunHere() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(teams().toList());
    }

    @ParameterizedTest
    @MethodSource("teams")
    void outputJsonIsOneTaskResultShapedLikePythons(String name) {
        JsonNode fixture = Cli.readJson(Cli.pythonFixture("01_round_robin_max5.normalized.json")).get("task_result");
        List<String> textMessageKeys = fieldNames(fixture.at("/messages/1"));
        List<String> usageKeys = fieldNames(fixture.at("/messages/1/models_usage"));
        Expected expected = EXPECTED.get(name);

        Cli cli = Cli.run("run", name, "--output", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode result = parseSingleObject(cli.out());
        assertThat(fieldNames(result)).isEqualTo(fieldNames(fixture));
        assertThat(result.get("stop_reason").asText()).isEqualTo(expected.stopReason());
        List<String> messages = new ArrayList<>();
        for (JsonNode message : result.get("messages")) {
            String type = message.get("type").asText();
            messages.add(message.get("source").asText() + " " + type);
            List<String> keys = type.equals("TextMessage") ? textMessageKeys : PYTHON_KEYS.get(type);
            assertThat(fieldNames(message)).as("keys of %s", message).isEqualTo(keys);
            if (!message.get("models_usage").isNull()) {
                assertThat(fieldNames(message.get("models_usage"))).isEqualTo(usageKeys);
            }
        }
        assertThat(messages).isEqualTo(expected.messages());
        assertThat(result.at("/messages/0/content").asText())
                .isEqualTo(BuiltinTeam.find(name).orElseThrow().defaultTask());
    }

    @ParameterizedTest
    @MethodSource("teams")
    void runShowsEachSpeakersHeaderInOrderWithTokenCounts(String name) {
        Expected expected = EXPECTED.get(name);

        Cli cli = Cli.run("run", name, "--stats");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> headers = cli.out().lines().filter(line -> line.startsWith("---------- ")).toList();
        List<String> speakers = new ArrayList<>(expected.sources().stream()
                .map(source -> "---------- " + source + " ----------").toList());
        speakers.add("---------- Summary ----------");
        assertThat(headers).isEqualTo(speakers);
        assertThat(cli.out()).contains("[Prompt tokens: ")
                .contains("Number of messages: " + expected.messages().size() + "\n")
                .contains("Finish reason: " + expected.stopReason() + "\n")
                .containsPattern("Total prompt tokens: [1-9][0-9]*\n");
    }

    @Test
    void ragRetrievesTheRetentionPageWithTheEmbeddedModelBeforeTheAnswer() {
        Cli cli = Cli.run("run", "rag", "--task", "How long do deleted notes stay in the Trash?", "--output", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode memory = parseSingleObject(cli.out()).at("/messages/1");
        assertThat(memory.get("type").asText()).isEqualTo("MemoryQueryEvent");
        JsonNode chunks = memory.get("content");
        assertThat(chunks).hasSize(3);
        JsonNode best = chunks.get(0);
        assertThat(best.at("/metadata/source").asText()).endsWith("northwind-notes/data-retention.md");
        assertThat(best.get("content").asText()).contains("Notes stay in the Trash for 30 days");
        assertThat(best.at("/metadata/score").asDouble()).isGreaterThan(chunks.get(2).at("/metadata/score").asDouble());

        Cli pricing = Cli.run("run", "rag", "--task", "What does the Plus plan cost per year?", "--output", "json");
        assertThat(parseSingleObject(pricing.out()).at("/messages/1/content/0/metadata/source").asText())
                .endsWith("northwind-notes/plans-and-pricing.md");
    }

    @ParameterizedTest
    @MethodSource("teams")
    void validatePassesByName(String name) {
        Cli cli = Cli.run("validate", name);

        assertThat(cli.exitCode()).as(cli.out()).isZero();
        assertThat(cli.out()).startsWith(name + ": OK, a team (autogen_agentchat.teams.");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void aGraphStoppedByMaxTurnsResumesFromItsStateWithTheNextNode() {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        Cli stopped = Cli.run("run", "graph", "--max-turns", "4", "--output", "json", "--state-out", first.toString());

        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        JsonNode stoppedResult = parseSingleObject(stopped.out());
        assertThat(stoppedResult.get("stop_reason").asText()).isEqualTo("Maximum number of turns 4 reached.");
        assertThat(sources(stoppedResult)).containsExactly("user", "writer", "reviewer", "writer", "reviewer");
        assertThat(stoppedResult.at("/messages/4/content").asText()).startsWith("APPROVE");

        Cli resumed = Cli.run("run", "graph", "--state-in", first.toString(), "--output", "json",
                "--state-out", second.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode result = parseSingleObject(resumed.out());
        assertThat(sources(result)).containsExactly("editor");
        assertThat(result.get("stop_reason").asText()).isEqualTo("Digraph execution is complete");
        // The editor formats the revision the reviewer approved before the pause.
        JsonNode editorContext = Cli.readJson(second).at("/agent_states/editor/agent_state/llm_context/messages");
        assertThat(editorContext).hasSize(6);
        assertThat(editorContext.get(3).get("content").asText())
                .isEqualTo(stoppedResult.at("/messages/3/content").asText());
        assertThat(editorContext.get(5).get("content").asText()).startsWith("## Notes 2.1\n");
    }

    private static List<String> sources(JsonNode result) {
        List<String> sources = new ArrayList<>();
        result.get("messages").forEach(message -> sources.add(message.get("source").asText()));
        return sources;
    }
}
