package dev.autogen.agentchat.teams;

import static dev.autogen.agentchat.teams.RoundRobinGroupChatTest.texts;
import static dev.autogen.agentchat.teams.SwarmTest.chat;
import static dev.autogen.agentchat.teams.SwarmTest.handoffTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.FaultyModels;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.InMemoryCheckpointStore;
import dev.autogen.agentchat.checkpoint.RunStatus;
import dev.autogen.agentchat.conditions.HandoffTermination;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.state.StateJson;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A team with a checkpoint store writes a checkpoint after every turn and continues a stopped run from the last one. */
class DurableRunTest {
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();

    /** Two writers taking turns until 5 messages (task included) are out. */
    private RoundRobinGroupChat writers(ChatCompletionClient first, ChatCompletionClient second) {
        var team = RoundRobinGroupChat.builder(List.of(AssistantAgent.builder("first", first).build(),
                        AssistantAgent.builder("second", second).build()))
                .terminationCondition(new MaxMessageTermination(5)).build();
        team.checkpointStore(store);
        return team;
    }

    @Test
    void everyCompletedTurnIsCheckpointedWithTheStateAfterIt() {
        var team = writers(ReplayChatCompletionClient.of("f1", "f2"), ReplayChatCompletionClient.of("s1", "s2"));

        TaskResult result = team.run("go");

        String runId = team.lastRunId();
        List<Checkpoint> checkpoints = store.checkpoints(runId);
        assertThat(checkpoints).extracting(Checkpoint::turn).containsExactly(0, 1, 2, 3, 4);
        assertThat(checkpoints).extracting(c -> c.messages().get(0).get("content"))
                .containsExactly("go", "f1", "s1", "f2", "s2");
        assertThat(checkpoints.get(3).status()).isEqualTo(RunStatus.RUNNING);
        Checkpoint last = checkpoints.get(4);
        assertThat(last.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(last.stopReason()).isEqualTo(result.stopReason()).isEqualTo("Maximum number of messages 5 reached, current message count: 5");
        assertThat(last.teamState()).isEqualTo(team.saveState());
        assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        assertThatThrownBy(() -> team.resume(runId)).hasMessageContaining("is complete").hasMessageContaining("Replay");
    }

    @Test
    void aCheckpointHoldsExactlyTheJsonOfSaveStateAndDumpAlsoWhenItsMessagesWereWrittenBefore() throws Exception {
        var team = writers(ReplayChatCompletionClient.of("f1", "f2", "f3", "f4"),
                ReplayChatCompletionClient.of("s1", "s2", "s3", "s4"));
        for (String task : List.of("go", "again")) { // the second run's history holds the first's messages
            TaskResult result = team.run(task);

            List<Checkpoint> checkpoints = store.checkpoints(team.lastRunId());
            assertThat(checkpoints.get(checkpoints.size() - 1).teamStateJson()).isEqualTo(StateJson.write(team.saveState()));
            int from = 0;
            for (Checkpoint checkpoint : checkpoints) {
                int to = from + checkpoint.messages().size();
                assertThat(checkpoint.messagesJson()).isEqualTo(AutogenJson.mapper().writeValueAsString(
                        result.messages().subList(from, to).stream().map(BaseMessage::dump).toList()));
                from = to;
            }
            assertThat(from).isEqualTo(result.messages().size());
        }
    }

    @Test
    void aStepOfParallelSpeakersIsCheckpointedWithEveryParticipantAfterTheWholeStep() throws Exception {
        var a = AssistantAgent.builder("A", ReplayChatCompletionClient.of("a1")).build();
        var b = AssistantAgent.builder("B", ReplayChatCompletionClient.of("b1")).build();
        var c = AssistantAgent.builder("C", ReplayChatCompletionClient.of("c1")).build();
        var d = AssistantAgent.builder("D", ReplayChatCompletionClient.of("d1")).build();
        var team = GraphFlow.builder(List.of(a, b, c, d), new DiGraphBuilder().addNode(a).addNode(b).addNode(c)
                .addNode(d).addEdge(a, b).addEdge(a, c).addEdge(b, d).addEdge(c, d).build()).build();
        team.checkpointStore(store);

        team.run("go");

        List<Checkpoint> checkpoints = store.checkpoints(team.lastRunId());
        assertThat(checkpoints).extracting(cp -> cp.messages().stream().map(m -> m.get("content")).toList())
                .containsExactly(List.of("go"), List.of("a1"), List.of("b1", "c1"), List.of("d1"));
        JsonNode states = AutogenJson.mapper().readTree(checkpoints.get(2).teamStateJson()).get("agent_states");
        assertThat(buffered(states, "A")).containsExactly("b1", "c1");
        assertThat(buffered(states, "B")).as("B spoke first, then C's reply reached it").containsExactly("c1");
        assertThat(buffered(states, "C")).containsExactly("b1");
        assertThat(buffered(states, "D")).containsExactly("go", "a1", "b1", "c1");
        assertThat(checkpoints.get(3).teamStateJson()).isEqualTo(StateJson.write(team.saveState()));
    }

    private static List<String> buffered(JsonNode states, String participant) {
        return states.get(participant).get("message_buffer").findValuesAsText("content");
    }

    @Test
    void aRunThatFailedResumesFromItsLastTurnAndEndsAsOneThatNeverStopped() {
        var uninterrupted = writers(ReplayChatCompletionClient.of("f1", "f2"), ReplayChatCompletionClient.of("s1", "s2"))
                .run("go");
        var failing = writers(ReplayChatCompletionClient.of("f1", "f2"),
                FaultyModels.failingAtCall(2, ReplayChatCompletionClient.of("s1", "s2")));
        assertThatThrownBy(() -> failing.run("go")).hasMessageContaining("HTTP 503");
        String runId = failing.lastRunId();
        assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.latest(runId).orElseThrow().turn()).isEqualTo(3);

        // a new process: new agents whose models go on where the first ones stopped
        var restarted = writers(ReplayChatCompletionClient.of("unused"), ReplayChatCompletionClient.of("s2"));
        TaskResult resumed = restarted.resume(runId);

        assertThat(texts(resumed)).isEqualTo(texts(uninterrupted));
        assertThat(resumed.stopReason()).isEqualTo(uninterrupted.stopReason());
        assertThat(store.checkpoints(runId)).extracting(Checkpoint::turn).containsExactly(0, 1, 2, 3, 4);
        assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void replayingFromATurnStartsANewRunWithTheMessagesUpToThatTurn() {
        var team = writers(ReplayChatCompletionClient.of("f1", "f2"), ReplayChatCompletionClient.of("s1", "s2"));
        TaskResult original = team.run("go");
        String originalId = team.lastRunId();

        var branch = writers(ReplayChatCompletionClient.of("other f2"), ReplayChatCompletionClient.of("other s2"));
        TaskResult replayed = branch.replay(originalId, 2);

        assertThat(branch.lastRunId()).isNotEqualTo(originalId);
        assertThat(texts(replayed).subList(0, 3)).isEqualTo(texts(original).subList(0, 3));
        assertThat(texts(replayed).subList(3, 5)).containsExactly("first: other f2", "second: other s2");
        assertThat(store.checkpoints(originalId)).hasSize(5);
        assertThatThrownBy(() -> branch.replay(originalId, 9)).hasMessageContaining("has turns 0 to 4, not 9");
    }

    @Test
    void aRunHandedOffToAPersonWaitsForInputAndContinuesWithTheirAnswer() {
        var alice = SwarmTest.agent("alice", List.of("user"), handoffTo("user"), "Noted: it is in January.");
        var team = Swarm.builder(List.of(alice)).terminationCondition(new HandoffTermination("user")).build();
        team.checkpointStore(store);
        team.run("When is bob's birthday?");
        String runId = team.lastRunId();
        assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.WAITING_FOR_INPUT);
        assertThatThrownBy(() -> team.resume(runId)).hasMessageContaining("waits for input");

        var later = Swarm.builder(List.of(SwarmTest.agent("alice", List.of("user"), "Noted: it is in January.")))
                .terminationCondition(new HandoffTermination("user")).maxTurns(1).build();
        later.checkpointStore(store);
        TaskResult answered = later.resume(runId, "1st January");

        assertThat(chat(answered)).containsExactly("user -> alice: 1st January", "alice: Noted: it is in January.");
        assertThat(store.run(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aTeamWithoutAStoreCannotResume() {
        var team = RoundRobinGroupChat.builder(List.of(AssistantAgent.builder("a", ReplayChatCompletionClient.of("x"))
                .build())).maxTurns(1).build();
        assertThatThrownBy(() -> team.resume("r1")).hasMessageContaining("has no checkpoint store");
        team.checkpointStore(store);
        assertThatThrownBy(() -> team.resume("r1")).hasMessageContaining("no run 'r1'");
    }
}
