package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.TeamRunException;
import dev.autogen.agentchat.PythonFixtures;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoundRobinGroupChatTest {
    static AssistantAgent agent(String name, String... replies) {
        return AssistantAgent.builder(name, new ReplayChatCompletionClient(List.of((Object[]) replies)))
                .systemMessage("You are " + name + ".").build();
    }

    RoundRobinGroupChat pythonScenario() {
        return new RoundRobinGroupChat(List.of(
                agent("alice", "Hi Bob, alice here (1).", "alice again (2)."),
                agent("bob", "Hello alice, bob here (1).", "bob again (2).")),
                new dev.autogen.agentchat.conditions.MaxMessageTermination(5));
    }

    static List<String> texts(TaskResult result) {
        return result.messages().stream().map(m -> m.source() + ": " + m.toText()).toList();
    }

    @Test
    void runsLikePythonsRoundRobinScenario() {
        JsonNode expected = PythonFixtures.read("01_round_robin_max5.normalized.json");
        var team = pythonScenario();

        TaskResult result = team.run("Say hello to each other.");

        JsonNode actual = AutogenJson.mapper().valueToTree(result);
        assertThat(actual.get("stop_reason")).isEqualTo(expected.at("/task_result/stop_reason"));
        assertThat(actual.get("messages")).hasSameSizeAs(expected.at("/task_result/messages"));
        for (int i = 0; i < 5; i++) {
            JsonNode a = actual.get("messages").get(i);
            JsonNode e = expected.at("/task_result/messages/" + i);
            assertThat(a.get("source")).isEqualTo(e.get("source"));
            assertThat(a.get("content")).isEqualTo(e.get("content"));
            assertThat(a.get("type")).isEqualTo(e.get("type"));
            assertThat(fieldNames(a)).isEqualTo(fieldNames(e));
        }

        JsonNode state = AutogenJson.mapper().valueToTree(team.saveState());
        JsonNode expectedState = expected.get("save_state");
        assertThat(fieldNames(state.get("agent_states"))).isEqualTo(fieldNames(expectedState.get("agent_states")));
        assertThat(state.at("/agent_states/alice/message_buffer/0/content"))
                .isEqualTo(expectedState.at("/agent_states/alice/message_buffer/0/content"));
        assertThat(state.at("/agent_states/bob/message_buffer")).isEmpty();
        assertThat(state.at("/agent_states/alice/agent_state/llm_context/messages"))
                .isEqualTo(expectedState.at("/agent_states/alice/agent_state/llm_context/messages"));
        assertThat(state.at("/agent_states/RoundRobinGroupChatManager/message_thread")).hasSize(5);
        assertThat(state.at("/agent_states/RoundRobinGroupChatManager/current_turn").asInt()).isZero();
        assertThat(state.at("/agent_states/RoundRobinGroupChatManager/next_speaker_index").asInt()).isZero();
        assertThat(fieldNames(state.at("/agent_states/RoundRobinGroupChatManager")))
                .isEqualTo(fieldNames(expectedState.at("/agent_states/RoundRobinGroupChatManager")));
    }

    static JsonNode withoutIdsAndTimes(Map<String, Object> state) {
        JsonNode node = AutogenJson.mapper().valueToTree(state);
        node.findParents("created_at").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).remove(List.of("id", "created_at")));
        return node;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void maxTurnsStopsTheRunAndAResumeContinuesWithTheNextSpeaker() {
        var team = RoundRobinGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b", "b1", "b2"), agent("c", "c1")))
                .maxTurns(2).build();

        TaskResult first = team.run("go");
        TaskResult second = team.run();

        assertThat(texts(first)).containsExactly("user: go", "a: a1", "b: b1");
        assertThat(first.stopReason()).isEqualTo("Maximum number of turns 2 reached.");
        assertThat(texts(second)).containsExactly("c: c1", "a: a2");
    }

    @Test
    void aNewTaskContinuesInTheSameConversation() {
        var b = agent("b", "b1", "b2");
        var team = RoundRobinGroupChat.builder(List.of(agent("a", "a1", "a2"), b)).maxTurns(1).build();
        team.run("first");
        team.run("second");
        assertThat(b.modelContext().getMessages()).extracting(m -> m.getClass().getSimpleName() + ":"
                + (m instanceof dev.autogen.core.models.UserMessage u ? u.content().toText() : "-"))
                .containsExactly("UserMessage:first", "UserMessage:a1", "UserMessage:second", "AssistantMessage:-");
    }

    @Test
    void terminationConditionIsResetAfterEachRun() {
        var termination = new CountingTermination(2);
        var team = new RoundRobinGroupChat(List.of(agent("a", "a1", "a2", "a3"), agent("b", "b1")), termination);
        assertThat(texts(team.run("go"))).containsExactly("user: go", "a: a1");
        assertThat(texts(team.run())).containsExactly("b: b1", "a: a2");
        assertThat(termination.resets).isEqualTo(2);
    }

    @Test
    void streamYieldsMessagesAsTheyHappenThenTheResult() {
        var team = pythonScenario();
        List<BaseMessage> seen = new ArrayList<>();
        try (MessageStream<TaskResult> stream = team.runStream("Say hello to each other.")) {
            stream.forEach(seen::add);
            assertThat(stream.result().messages()).isEqualTo(seen);
        }
        assertThat(seen).hasSize(5);
    }

    @Test
    void taskMessagesCanBeLeftOutOfTheOutput() {
        var team = RoundRobinGroupChat.builder(List.of(agent("a", "a1"))).maxTurns(1).build();
        TaskResult result = team.run(RunOptions.task("go").withOutputTaskMessages(false));
        assertThat(texts(result)).containsExactly("a: a1");
    }

    @Test
    void saveRebuildLoadContinueGivesTheSameConversationAsNeverStopping() {
        var uninterrupted = RoundRobinGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b", "b1", "b2"))).maxTurns(2).build();
        uninterrupted.run("go");
        List<String> expected = texts(uninterrupted.run());

        var first = RoundRobinGroupChat.builder(List.of(agent("a", "a1", "a2"), agent("b", "b1", "b2"))).maxTurns(2).build();
        first.run("go");
        Map<String, Object> saved = first.saveState();
        var rebuilt = RoundRobinGroupChat.builder(List.of(agent("a", "a2"), agent("b", "b2"))).maxTurns(2).build();
        rebuilt.loadState(saved);

        assertThat(texts(rebuilt.run())).isEqualTo(expected).containsExactly("a: a2", "b: b2");
        assertThat(withoutIdsAndTimes(rebuilt.saveState())).isEqualTo(withoutIdsAndTimes(uninterrupted.saveState()));
    }

    @Test
    void resetStartsTheConversationOver() {
        var a = agent("a", "a1", "a2");
        var team = RoundRobinGroupChat.builder(List.of(a, agent("b", "b1"))).maxTurns(1).build();
        team.run("go");
        team.reset();
        TaskResult again = team.run("again");
        assertThat(texts(again)).containsExactly("user: again", "a: a2");
        assertThat(a.modelContext().getMessages()).hasSize(2);
    }

    @Test
    void aParticipantThatThrowsEndsTheRunWithAClearErrorAndTheTeamStaysUsable() {
        var flaky = new AssistantAgent("flaky", dev.autogen.agentchat.agents.FaultyModels.failingOnce(
                new ReplayChatCompletionClient(List.of("Recovered."))));
        var team = RoundRobinGroupChat.builder(List.of(agent("a", "a1", "a2"), flaky)).maxTurns(2).build();

        assertThatThrownBy(() -> team.run("go"))
                .isInstanceOf(TeamRunException.class)
                .hasMessageContaining("participant 'flaky' failed")
                .hasMessageContaining("model server unavailable")
                .satisfies(e -> {
                    TeamRunException failure = (TeamRunException) e;
                    assertThat(failure.participant()).contains("flaky");
                    assertThat(failure.team()).isEqualTo("RoundRobinGroupChat");
                    assertThat(failure.errorType()).isEqualTo("IllegalStateException");
                    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class)
                            .hasMessage("model server unavailable (HTTP 503)");
                });
        assertThat(team.isRunning()).isFalse();

        assertThat(texts(team.run("retry"))).containsExactly("user: retry", "a: a2", "flaky: Recovered.");
    }

    @Test
    void cancellationAbortsAtOnceAndTheTeamCanBeResetAfterwards() throws Exception {
        var started = new CountDownLatch(1);
        var slowClient = dev.autogen.agentchat.agents.FaultyModels.blocking(started);
        var team = RoundRobinGroupChat.builder(List.of(AssistantAgent.builder("slow", slowClient).build())).maxTurns(1).build();
        var token = new CancellationToken();

        var outcome = new java.util.concurrent.CompletableFuture<Throwable>();
        Thread.ofVirtual().start(() -> {
            try {
                team.run(RunOptions.task("go").withCancellationToken(token));
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        token.cancel();

        assertThat(outcome.get(60, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        team.reset();
        assertThat(team.isRunning()).isFalse();
    }

    @Test
    void aRunningTeamRefusesASecondRunAndAReset() throws Exception {
        var started = new CountDownLatch(1);
        var team = RoundRobinGroupChat.builder(List.of(AssistantAgent.builder("slow",
                dev.autogen.agentchat.agents.FaultyModels.blocking(started)).build())).maxTurns(1).build();
        var token = new CancellationToken();
        try (var stream = team.runStream(RunOptions.task("go").withCancellationToken(token))) {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(team::reset).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must be stopped before it can be reset");
            assertThatThrownBy(() -> team.run("again")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
        }
    }

    record Nothing() {
    }

    @Test
    void externalTerminationLetsTheCurrentSpeakerFinishItsTurn() {
        var external = new dev.autogen.agentchat.conditions.ExternalTermination();
        var stopButton = dev.autogen.core.tools.FunctionTool.of("press_stop", "Asks the team to stop.", Nothing.class,
                args -> {
                    external.set();
                    return "stop requested";
                });
        var a = AssistantAgent.builder("a", new ReplayChatCompletionClient(List.of(
                        dev.autogen.core.models.CreateResult.ofCalls(List.of(new dev.autogen.core.FunctionCall("1", "{}",
                                "press_stop")), dev.autogen.core.models.RequestUsage.ZERO), "I pressed stop."),
                        new dev.autogen.core.models.ModelInfo(false, true, true, "unknown", true, null)))
                .tools(stopButton).reflectOnToolUse(true).build();
        var team = new RoundRobinGroupChat(List.of(a, agent("b", "b1")), external);

        TaskResult result = team.run("go");

        assertThat(result.stopReason()).isEqualTo("External termination requested");
        assertThat(result.messages().getLast().toText()).isEqualTo("I pressed stop.");
        assertThat(result.messages()).noneMatch(m -> m.source().equals("b"));
        assertThat(external.terminated()).as("reset after the run").isFalse();
    }

    @Test
    void participantNamesMustBeUnique() {
        assertThatThrownBy(() -> new RoundRobinGroupChat(List.of(agent("a"), agent("a")), null))
                .hasMessageContaining("'a' appears twice");
    }

    @Test
    void aTeamCanBeAParticipantOfAnotherTeam() {
        var inner = RoundRobinGroupChat.builder(List.of(agent("writer", "draft"), agent("editor", "edited")))
                .name("writing_team").maxTurns(2).build();
        var outer = RoundRobinGroupChat.builder(List.of(inner, agent("publisher", "published"))).maxTurns(2).build();

        TaskResult result = outer.run("Write an article.");

        assertThat(texts(result)).containsExactly("user: Write an article.", "writer: draft", "editor: edited",
                "publisher: published");
    }

    @Test
    void customMessageTypesAreReadBackFromState() {
        var team = RoundRobinGroupChat.builder(List.of(agent("a", "a1"))).maxTurns(1)
                .customMessageTypes(Shout.class).build();
        team.run(new Shout(null, "user", null, null, null, "HELLO"));
        var rebuilt = RoundRobinGroupChat.builder(List.of(agent("a"))).maxTurns(1).customMessageTypes(Shout.class).build();
        rebuilt.loadState(team.saveState());
        assertThat(rebuilt.saveState()).isEqualTo(team.saveState());
        var withoutType = RoundRobinGroupChat.builder(List.of(agent("a"))).maxTurns(1).build();
        assertThatThrownBy(() -> withoutType.loadState(team.saveState())).hasMessageContaining("unknown message type 'Shout'");
    }

    /** A custom chat message type. */
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = com.fasterxml.jackson.databind.JsonDeserializer.None.class)
    record Shout(String id, String source, dev.autogen.core.models.RequestUsage modelsUsage, Map<String, String> metadata,
            java.time.Instant createdAt, String content) implements dev.autogen.agentchat.messages.BaseTextChatMessage {
        Shout {
            id = id == null ? "shout-1" : id;
            metadata = metadata == null ? Map.of() : metadata;
            createdAt = createdAt == null ? java.time.Instant.parse("2025-01-01T00:00:00Z") : createdAt;
        }

        @Override
        public String type() {
            return "Shout";
        }
    }

}
