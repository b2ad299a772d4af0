package dev.autogen.ext.runtimes.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.base.TurnResult;
import dev.autogen.agentchat.checkpoint.Checkpoint;
import dev.autogen.agentchat.checkpoint.InMemoryCheckpointStore;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.teams.BaseGroupChat;
import dev.autogen.agentchat.teams.RemoteParticipant;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.teams.DiGraphBuilder;
import dev.autogen.agentchat.teams.GraphFlow;
import dev.autogen.agentchat.teams.SelectorGroupChat;
import dev.autogen.agentchat.teams.Swarm;
import dev.autogen.agentchat.teams.TeamPlacement;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.FinishReason;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Teams whose participants are served by another worker ({@link RemoteParticipant}) run exactly as in
 * one process: the same messages, the same state, the same checkpoints.
 */
@Timeout(120)
class DistributedTeamTest {
    private GrpcWorkerAgentRuntimeHost host;
    private GrpcWorkerAgentRuntime teamWorker;
    private GrpcWorkerAgentRuntime participantWorker;

    @BeforeEach
    void startHostAndWorkers() {
        host = GrpcWorkerAgentRuntimeHost.builder().build();
        host.start();
        teamWorker = GrpcWorkerAgentRuntime.builder(host.address()).build();
        teamWorker.start();
        participantWorker = GrpcWorkerAgentRuntime.builder(host.address()).build();
        participantWorker.start();
    }

    @AfterEach
    void stopAll() {
        teamWorker.close();
        participantWorker.close();
        host.close();
    }

    private static AssistantAgent agent(String name, String... replies) {
        return AssistantAgent.builder(name, new ReplayChatCompletionClient(List.of((Object[]) replies)))
                .description(name + " answers in turn.").build();
    }

    private static AssistantAgent alice() {
        return agent("alice", "alice 1", "alice 2", "alice 3");
    }

    private static AssistantAgent bob() {
        return agent("bob", "bob 1", "bob 2", "bob 3");
    }

    @Test
    void aRoundRobinTeamWithAParticipantOnAnotherWorkerRunsAsInOneProcess() {
        var local = RoundRobinGroupChat.builder(List.of(alice(), bob())).maxTurns(5).build();
        TaskResult expected = local.run("Count with me.");

        RemoteParticipant.serve(participantWorker, "count", bob());
        var spread = RoundRobinGroupChat.builder(List.of(alice(), RemoteParticipant.of("bob", "bob answers in turn.")))
                .maxTurns(5).teamId("count").runtime(teamWorker).build();
        TaskResult actual = spread.run("Count with me.");

        assertThat(comparable(actual.messages())).isEqualTo(comparable(expected.messages()));
        assertThat(actual.stopReason()).isEqualTo(expected.stopReason());
        assertThat(actual.messages()).extracting(m -> ((BaseChatMessage) m).source())
                .containsExactly("user", "alice", "bob", "alice", "bob", "alice");
        assertThat(withoutIds(spread.saveState())).isEqualTo(withoutIds(local.saveState()));
    }

    @Test
    void aSelectorTeamPicksARemoteSpeakerWithTheDescriptionItWasGiven() {
        var selections = List.of("bob", "alice", "bob");
        var local = SelectorGroupChat.builder(List.of(alice(), bob()),
                new ReplayChatCompletionClient(List.copyOf(selections))).maxTurns(3).build();
        TaskResult expected = local.run("Who goes first?");

        RemoteParticipant.serve(participantWorker, "selector", bob());
        var spread = SelectorGroupChat.builder(List.of(alice(), RemoteParticipant.of("bob", "bob answers in turn.")),
                new ReplayChatCompletionClient(List.copyOf(selections))).maxTurns(3).teamId("selector")
                .runtime(teamWorker).build();
        TaskResult actual = spread.run("Who goes first?");

        assertThat(comparable(actual.messages())).isEqualTo(comparable(expected.messages()));
        assertThat(actual.messages()).extracting(m -> ((BaseChatMessage) m).source())
                .containsExactly("user", "bob", "alice", "bob");
        assertThat(withoutIds(spread.saveState())).isEqualTo(withoutIds(local.saveState()));
    }

    private static AssistantAgent handingOffAlice() {
        var toBob = new CreateResult(FinishReason.FUNCTION_CALLS, new ModelContent.FunctionCalls(List.of(
                new FunctionCall("call_1", "{}", "transfer_to_bob"))), new RequestUsage(10, 5), false, null, null);
        return AssistantAgent.builder("alice", new ReplayChatCompletionClient(List.of(toBob),
                ModelInfo.builder().functionCalling(true).build())).handoffs("bob").build();
    }

    @Test
    void aSwarmHandsOffToAParticipantOnAnotherWorker() {
        TaskResult expected = Swarm.builder(List.of(handingOffAlice(), bob())).maxTurns(2).build().run("Ask bob.");

        RemoteParticipant.serve(participantWorker, "swarm", bob());
        TaskResult actual = Swarm.builder(List.of(handingOffAlice(), RemoteParticipant.of("bob", "bob answers in turn.")))
                .maxTurns(2).teamId("swarm").runtime(teamWorker).build().run("Ask bob.");

        assertThat(comparable(actual.messages())).isEqualTo(comparable(expected.messages()));
        assertThat(actual.messages().getLast()).extracting(m -> ((BaseChatMessage) m).source()).isEqualTo("bob");
    }

    @Test
    void aGraphFlowRunsThroughANodeOnAnotherWorker() {
        AssistantAgent a = agent("alice", "alice 1");
        AssistantAgent c = agent("carol", "carol 1");
        TaskResult expected = new GraphFlow(List.of(a, bob(), c), new DiGraphBuilder().addNode(a).addNode(bob())
                .addNode(c).addEdge("alice", "bob").addEdge("bob", "carol").build()).run("Pass it on.");

        RemoteParticipant.serve(participantWorker, "graph", bob());
        var remoteBob = RemoteParticipant.of("bob", "bob answers in turn.");
        AssistantAgent a2 = agent("alice", "alice 1");
        AssistantAgent c2 = agent("carol", "carol 1");
        TaskResult actual = GraphFlow.builder(List.of(a2, remoteBob, c2), new DiGraphBuilder().addNode(a2)
                        .addNode(remoteBob).addNode(c2).addEdge("alice", "bob").addEdge("bob", "carol").build())
                .teamId("graph").runtime(teamWorker).build().run("Pass it on.");

        assertThat(comparable(actual.messages())).isEqualTo(comparable(expected.messages()));
        assertThat(actual.messages()).extracting(m -> ((BaseChatMessage) m).source())
                .containsExactly("user", "alice", "bob", "carol");
    }

    @Test
    void aDurableTeamCheckpointsTheRemoteParticipantAfterEveryTurn() {
        var localStore = new InMemoryCheckpointStore();
        var local = RoundRobinGroupChat.builder(List.of(alice(), bob())).maxTurns(4).build();
        local.checkpointStore(localStore);
        local.run("Count with me.");

        var spreadStore = new InMemoryCheckpointStore();
        RemoteParticipant.serve(participantWorker, "durable", bob());
        var spread = RoundRobinGroupChat.builder(List.of(alice(), RemoteParticipant.of("bob", "bob answers in turn.")))
                .maxTurns(4).teamId("durable").runtime(teamWorker).build();
        spread.checkpointStore(spreadStore);
        spread.run("Count with me.");

        List<Checkpoint> expected = localStore.checkpoints(local.lastRunId());
        List<Checkpoint> actual = spreadStore.checkpoints(spread.lastRunId());
        assertThat(actual).hasSize(expected.size()).hasSize(5);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(withoutIds(actual.get(i).teamState())).as("team state after turn %d", i)
                    .isEqualTo(withoutIds(expected.get(i).teamState()));
        }
    }

    @Test
    void aTeamLoadedFromAConfigLeavesItsRemoteParticipantsToTheirWorker() {
        Team local = ComponentLoader.defaultLoader().load(teamConfig(), Team.class);
        TaskResult expected = local.run("Count with me.");

        RemoteParticipant.serve(participantWorker, "from-config", bob());
        Team spread = ComponentLoader.defaultLoader()
                .withAttribute(TeamPlacement.class, new TeamPlacement(teamWorker, "from-config", Set.of("bob")))
                .load(teamConfig(), Team.class);
        assertThat(((BaseGroupChat) spread).participants().get(1)).isInstanceOf(RemoteParticipant.class)
                .extracting(Participant::description).isEqualTo("bob answers in turn.");
        TaskResult actual = spread.run("Count with me.");

        assertThat(comparable(actual.messages())).isEqualTo(comparable(expected.messages()));
    }

    private static String teamConfig() {
        var team = RoundRobinGroupChat.builder(List.of(alice(), bob()))
                .terminationCondition(new MaxMessageTermination(5)).build();
        return AutogenJson.mapper().valueToTree(team.dumpComponent()).toString();
    }

    @Test
    void aWorkerThatLeavesDuringItsParticipantsTurnEndsTheRunWithAnErrorNamingIt() throws Exception {
        var speaking = new CountDownLatch(1);
        RemoteParticipant.serve(participantWorker, "leaving", new Stalling("bob", speaking));
        var spread = RoundRobinGroupChat.builder(List.of(alice(), RemoteParticipant.of("bob", "Never answers.")))
                .maxTurns(4).teamId("leaving").runtime(teamWorker).build();
        var stream = spread.runStream("Count with me.");
        speaking.await();
        participantWorker.close();

        assertThatThrownBy(stream::result)
                .hasMessageContaining("participant 'bob' failed")
                .hasMessageContaining("agent bob_leaving/leaving is unreachable: its worker disconnected before replying");
        assertThat(spread.isRunning()).isFalse();
    }

    @Test
    void aParticipantNobodyServesEndsTheRunAtOnce() {
        var spread = RoundRobinGroupChat.builder(List.of(RemoteParticipant.of("ghost", "Nobody serves it."), alice()))
                .maxTurns(2).teamId("unserved").runtime(teamWorker).build();

        assertThatThrownBy(() -> spread.run("Anyone?"))
                .hasMessageContaining("participant 'ghost' failed")
                .hasMessageContaining("no worker connected to this host serves agent type 'ghost_unserved'");
    }

    @Test
    void aTeamWithRemoteParticipantsNeedsARuntimeAndATeamId() {
        var remote = RemoteParticipant.of("bob", "Elsewhere.");
        assertThatThrownBy(() -> RoundRobinGroupChat.builder(List.of(alice(), remote)).teamId("t").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the runtime that reaches them");
        assertThatThrownBy(() -> RoundRobinGroupChat.builder(List.of(alice(), remote)).runtime(teamWorker).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a team id");
        assertThatThrownBy(() -> RoundRobinGroupChat.builder(List.of(alice(), remote)).runtime(teamWorker)
                .teamId("a/b").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("team id 'a/b' may contain only letters, digits, '_', '-' and '.'");
    }

    /** Messages as JSON without what differs between any two runs (ids, times). */
    private static List<Object> comparable(List<BaseMessage> messages) {
        return messages.stream().<Object>map(m -> withoutIds(m.dump())).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T withoutIds(T value) {
        Function<Object, Object> clean = DistributedTeamTest::withoutIds;
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!"id".equals(k) && !"created_at".equals(k)) {
                    copy.put(k, clean.apply(v));
                }
            });
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(clean.apply(v)));
            return (T) copy;
        }
        return value;
    }

    /** A participant that starts its turn and never finishes it. */
    private record Stalling(String name, CountDownLatch speaking) implements Participant {
        @Override
        public String description() {
            return "Never answers.";
        }

        @Override
        public TurnResult speak(List<BaseChatMessage> messages, CancellationToken cancellationToken,
                Consumer<? super BaseMessage> events) {
            speaking.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        }

        @Override
        public void onReset(CancellationToken cancellationToken) {
        }

        @Override
        public void onPause(CancellationToken cancellationToken) {
        }

        @Override
        public void onResume(CancellationToken cancellationToken) {
        }

        @Override
        public Map<String, Object> saveState() {
            return Map.of();
        }

        @Override
        public void loadState(Map<String, ?> state) {
        }
    }

}
