package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.ChatCompletionInterceptor;
import dev.autogen.core.models.CreateResult;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run closed early leaves the team stopped and ready: the next run counts its messages from zero. */
class CancelledRunTest {
    /** {@code delegate}, except that after its first call it waits, until cancelled, while {@code hang} is set. */
    private static ChatCompletionClient hangingAfterFirstCall(AtomicBoolean hang, ChatCompletionClient delegate) {
        var calls = new AtomicInteger();
        return delegate.withInterceptors(List.of(new ChatCompletionInterceptor() {
            @Override
            public CreateResult intercept(Chain chain) {
                if (calls.incrementAndGet() > 1 && hang.get()) {
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new CancellationException("model call cancelled");
                }
                return chain.proceed(chain.request());
            }
        }));
    }

    @Test
    void closingAStreamEarlyStopsTheRunAndTheNextRunCountsFromZero() {
        var a = AssistantAgent.builder("a", new ReplayChatCompletionClient(Collections.nCopies(100, "a says"))).build();
        var hang = new AtomicBoolean(true);
        var b = AssistantAgent.builder("b",
                hangingAfterFirstCall(hang, new ReplayChatCompletionClient(Collections.nCopies(100, "b says")))).build();
        var team = RoundRobinGroupChat.builder(List.of(a, b)).terminationCondition(new MaxMessageTermination(6)).build();

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
