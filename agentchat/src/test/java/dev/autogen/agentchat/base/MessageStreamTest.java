package dev.autogen.agentchat.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
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

        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
