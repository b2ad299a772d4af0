package dev.autogen.agentchat.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.utils.ResultStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageStreamTest {
    @Test
    void peekSeesEachMessageAsItIsReadAndKeepsTheResult() {
        List<String> seen = new ArrayList<>();
        List<String> read = new ArrayList<>();
        MessageStream<String> source = MessageStream.produce("test", new CancellationToken(), emit -> {
            emit.accept(new TextMessage("one", "a"));
            emit.accept(new TextMessage("two", "b"));
            return "done";
        });

        try (MessageStream<String> watched = source.peek(m -> seen.add(((TextMessage) m).content()))) {
            for (BaseMessage message : watched) {
                read.add(((TextMessage) message).content());
                assertThat(seen).isEqualTo(read);
            }
            assertThat(watched.result()).isEqualTo("done");
        }
        assertThat(seen).containsExactly("one", "two");
    }

    @Test
    void closingThePeekingStreamCancelsTheRun() throws InterruptedException {
        var token = new CancellationToken();
        var cancelled = new CountDownLatch(1);
        token.onCancel(cancelled::countDown);
        MessageStream<String> source = MessageStream.produce("test", token, emit -> {
            emit.accept(new TextMessage("one", "a"));
            emit.accept(new TextMessage("never read", "a"));
            return "unreachable";
        });

        try (MessageStream<String> watched = source.peek(m -> { })) {
            watched.iterator().next();
        }

        assertThat(cancelled.await(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void thePullFormReadsOnTheReadersThreadAndClosingEarlyCancelsOnce() {
        var steps = new java.util.ArrayDeque<ResultStream.Step<BaseMessage, String>>(List.of(
                new ResultStream.Step.Item<>(new TextMessage("one", "a")),
                new ResultStream.Step.Item<>(new TextMessage("two", "b")),
                new ResultStream.Step.Done<>("done")));
        var closes = new java.util.concurrent.atomic.AtomicInteger();
        try (MessageStream<String> stream = MessageStream.pulling(steps::removeFirst, closes::incrementAndGet)) {
            assertThat(stream.stream().map(m -> ((TextMessage) m).content()).toList()).containsExactly("one", "two");
            assertThat(stream.result()).isEqualTo("done");
        }
        assertThat(closes).hasValue(0);

        MessageStream<String> endless = MessageStream.pulling(
                () -> new ResultStream.Step.Item<>(new TextMessage("x", "again")), closes::incrementAndGet);
        try (MessageStream<String> watched = endless.peek(m -> { })) {
            assertThat(watched.iterator().next()).isInstanceOf(TextMessage.class);
        }
        assertThat(closes).hasValue(1);
    }
}
