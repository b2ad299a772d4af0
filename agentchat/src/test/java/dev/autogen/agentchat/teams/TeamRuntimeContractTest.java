package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.base.TeamRunException;
import dev.autogen.agentchat.agents.BaseChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.ThoughtEvent;
import dev.autogen.core.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A team needs nothing from its runtime but the {@link dev.autogen.core.AgentRuntime} contract. */
class TeamRuntimeContractTest {

    /** Emits {@code events} thoughts, then answers "name turn N". */
    static class TurnAgent extends BaseChatAgent {
        private final int events;
        private int turns;

        TurnAgent(String name, int events) {
            super(name, "Counts its turns.");
            this.events = events;
        }

        @Override
        public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken token) {
            return onMessagesStream(messages, token, m -> {
            });
        }

        @Override
        public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken token,
                Consumer<? super BaseMessage> sink) {
            List<BaseMessage> inner = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                ThoughtEvent thought = new ThoughtEvent(name() + " thought " + turns + "." + i, name());
                sink.accept(thought);
                inner.add(thought);
            }
            return new Response(new TextMessage(name() + " turn " + turns++, name()), inner);
        }

        @Override
        public void onReset(CancellationToken token) {
            turns = 0;
        }

        @Override
        public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
            return List.of(TextMessage.class);
        }
    }

    @Test
    void aTeamRunsOnARuntimeThatOnlyForwardsTheContract() {
        var runtime = new RecordingRuntime();
        runtime.start();
        var team = RoundRobinGroupChat.builder(List.of(new TurnAgent("a", 1), new TurnAgent("b", 1)))
                .maxTurns(4).runtime(runtime).build();

        TaskResult result = team.run("go");

        assertThat(result.messages()).extracting(BaseMessage::toText).containsExactly("go", "a thought 0.0",
                "a turn 0", "b thought 0.0", "b turn 0", "a thought 1.0", "a turn 1", "b thought 1.0", "b turn 1");
        assertThat(result.stopReason()).isEqualTo("Maximum number of turns 4 reached.");
        List<String> calls = List.copyOf(runtime.calls);
        assertThat(calls).anyMatch(c -> c.startsWith("registerFactory a_"))
                .anyMatch(c -> c.startsWith("registerFactory RoundRobinGroupChatManager_"))
                .anyMatch(c -> c.startsWith("send GroupChatStart -> RoundRobinGroupChatManager_"))
                .anyMatch(c -> c.startsWith("publish GroupChatRequestPublish -> a_"))
                .anyMatch(c -> c.startsWith("publish GroupChatMessage -> output_topic_"))
                .anyMatch(c -> c.startsWith("publish GroupChatAgentResponse -> group_topic_"))
                .anyMatch(c -> c.startsWith("publish GroupChatTermination -> output_topic_"))
                .noneMatch(c -> c.startsWith("tryGetUnderlyingAgentInstance") || c.startsWith("registerAgentInstance"));

        var state = team.saveState();
        var runtime2 = new RecordingRuntime();
        runtime2.start();
        var restored = RoundRobinGroupChat.builder(List.of(new TurnAgent("a", 1), new TurnAgent("b", 1)))
                .maxTurns(1).runtime(runtime2).build();
        restored.loadState(state);
        assertThat(restored.saveState()).isEqualTo(state);
        assertThat(runtime2.calls).anyMatch(c -> c.startsWith("agentLoadState RoundRobinGroupChatManager_"));
        assertThat(restored.run().messages()).extracting(BaseMessage::toText).containsExactly("a thought 0.0", "a turn 0");
        runtime.close();
        runtime2.close();
    }

    @Test
    void theStreamFollowsTheTurnsOfManyTeamsRunningAtOnce() throws Exception {
        int teams = 40;
        int turns = 30;
        List<String> names = List.of("a", "b", "c");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < teams; t++) {
                runs.add(pool.submit(() -> {
                    try (var team = RoundRobinGroupChat.builder(names.stream().map(n -> new TurnAgent(n, 3)).toList())
                            .maxTurns(turns).build(); MessageStream<TaskResult> stream = team.runStream("go")) {
                        return stream.stream().map(BaseMessage::toText).toList();
                    }
                }));
            }
            List<String> expected = new ArrayList<>(List.of("go"));
            for (int turn = 0; turn < turns; turn++) {
                String speaker = names.get(turn % 3);
                int own = turn / 3;
                for (int i = 0; i < 3; i++) {
                    expected.add(speaker + " thought " + own + "." + i);
                }
                expected.add(speaker + " turn " + own);
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).containsExactlyElementsOf(expected);
            }
        }
    }

    /** Blocks its turn until it is paused. */
    static final class PausableAgent extends TurnAgent {
        final CountDownLatch speaking = new CountDownLatch(1);
        final CountDownLatch paused = new CountDownLatch(1);
        volatile boolean resumed;

        PausableAgent() {
            super("slow", 0);
        }

        @Override
        public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken token,
                Consumer<? super BaseMessage> sink) {
            speaking.countDown();
            try {
                paused.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return super.onMessagesStream(messages, token, sink);
        }

        @Override
        public void onPause(CancellationToken token) {
            paused.countDown();
        }

        @Override
        public void onResume(CancellationToken token) {
            resumed = true;
        }
    }

    @Test
    void pauseAndResumeReachAParticipantInTheMiddleOfItsTurnThroughTheRuntime() throws Exception {
        var agent = new PausableAgent();
        var runtime = new RecordingRuntime();
        runtime.start();
        var team = RoundRobinGroupChat.builder(List.of(agent)).maxTurns(1).runtime(runtime).build();
        assertThatThrownBy(team::pause).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be run before it can be paused");

        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TaskResult> run = pool.submit(() -> team.run("go"));
            assertThat(agent.speaking.await(60, TimeUnit.SECONDS)).isTrue();
            team.pause();
            team.resume();
            assertThat(run.get().messages()).extracting(BaseMessage::toText).containsExactly("go", "slow turn 0");
        }
        assertThat(agent.resumed).isTrue();
        assertThat(runtime.calls).anyMatch(c -> c.startsWith("send GroupChatPause -> slow_"))
                .anyMatch(c -> c.startsWith("send GroupChatResume -> slow_"));
        runtime.close();
    }

    @Test
    void aFailingParticipantEndsTheRunWithItsError() {
        var failing = new TurnAgent("broken", 0) {
            @Override
            public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken token,
                    Consumer<? super BaseMessage> sink) {
                throw new IllegalStateException("no model configured");
            }
        };
        var runtime = new RecordingRuntime();
        runtime.start();
        var team = RoundRobinGroupChat.builder(List.of(failing)).maxTurns(1).runtime(runtime).build();
        assertThatThrownBy(() -> team.run("go")).isInstanceOf(TeamRunException.class)
                .hasMessageContaining("participant 'broken' failed").hasMessageContaining("no model configured")
                .hasRootCauseMessage("no model configured");
        assertThat(runtime.calls).anyMatch(c -> c.startsWith("publish GroupChatError -> group_topic_"));
        runtime.close();
    }
}
