package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.FaultyModels;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.SingleThreadedAgentRuntime;
import dev.autogen.core.models.ChatCompletionInterceptor;
import dev.autogen.core.models.CreateResult;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@code MessageStream.close()} returns only once the run has stopped, for agents and for teams. */
class StreamCloseTest {
    @Test
    void closingAnAgentsStreamReturnsOnceItsWorkHasEnded() throws Exception {
        var started = new CountDownLatch(1);
        var cleanedUp = new AtomicBoolean();
        var model = new ReplayChatCompletionClient(List.of("never")).withInterceptors(List.of(new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                started.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    // a model call that takes a moment to wind down once cancelled
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException ignored) {
                        // keep winding down
                    }
                    cleanedUp.set(true);
                }
                throw new CancellationException("model call cancelled");
            }
        }));
        var agent = AssistantAgent.builder("a", model).build();

        MessageStream<TaskResult> stream = agent.runStream("go");
        Iterator<BaseMessage> messages = stream.iterator();
        messages.next(); // the task
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                messages.hasNext();
            } catch (CancellationException expected) {
                // the closed run
            }
        });
        started.await();
        stream.close();

        assertThat(cleanedUp).as("the agent's model call had ended when close() returned").isTrue();
        reader.join();
    }

    @Test
    void aTeamOnASharedRuntimeIsStoppedWhenCloseReturnsAndTheNextRunCountsFromZero() throws Exception {
        try (var runtime = new SingleThreadedAgentRuntime()) {
            runtime.start();
            var a = AssistantAgent.builder("a", new ReplayChatCompletionClient(Collections.nCopies(100, "a says"))).build();
            var hang = new AtomicBoolean(true);
            var b = AssistantAgent.builder("b", FaultyModels.hangingAfterFirstCall(hang,
                    new ReplayChatCompletionClient(Collections.nCopies(100, "b says")))).build();
            var team = RoundRobinGroupChat.builder(List.of(a, b)).runtime(runtime)
                    .terminationCondition(new MaxMessageTermination(6)).build();

            try (MessageStream<TaskResult> stream = team.runStream("go")) {
                Iterator<BaseMessage> messages = stream.iterator();
                for (int i = 0; i < 4; i++) { // go, a, b, a: then b's model hangs until the run is cancelled
                    messages.next();
                }
            }
            assertThat(team.isRunning()).isFalse();
            hang.set(false);

            TaskResult next = team.run("again");
            assertThat(next.messages()).hasSize(6);
            assertThat(next.stopReason()).isEqualTo("Maximum number of messages 6 reached, current message count: 6");
        }
    }
}
